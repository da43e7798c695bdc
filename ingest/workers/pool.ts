// A pool of parse workers. Each worker thread runs TypeScript through tsx, registered by a tiny
// bootstrap module before the worker's own file is imported (a worker does not inherit the main
// thread's loader, and `--import tsx` in execArgv comes too late for the entry module).
import { Worker } from 'node:worker_threads';
import type { ParseOutcome } from './parse.ts';

export interface ParseTask {
  seq: number;
  path: string;
  /** The file's bytes (transferred), or null to let the reader open the file itself. */
  bytes: Uint8Array | null;
}

export interface WorkerReply {
  seq: number;
  outcome: ParseOutcome;
  /** Read + extract time. */
  parseMs: number;
  /** Including archiving. */
  totalMs: number;
}

const ENTRY = new URL('./parse-worker.ts', import.meta.url).href;

function bootstrapUrl(entry: string): URL {
  const api = import.meta.resolve('tsx/esm/api');
  const source = `import { register } from ${JSON.stringify(api)};\nregister();\nawait import(${JSON.stringify(entry)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}

interface Slot {
  worker: Worker;
  busy: ParseTask[];
}

/**
 * Runs tasks on `size` workers, at most `perWorker` at a time on each. A worker that dies fails its
 * tasks with the reason and is replaced.
 */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: ParseTask[] = [];
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly workerData: { home: string | null },
    private readonly onReply: (reply: WorkerReply) => void,
    private readonly perWorker = 2,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(bootstrapUrl(ENTRY), { workerData: this.workerData });
    const slot: Slot = { worker, busy: [] };
    worker.on('message', (reply: WorkerReply) => {
      slot.busy = slot.busy.filter((t) => t.seq !== reply.seq);
      this.onReply(reply);
      this.pump();
    });
    const fail = (reason: string) => {
      const lost = slot.busy;
      slot.busy = [];
      const i = this.slots.indexOf(slot);
      if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
      for (const t of lost) this.onReply({ seq: t.seq, outcome: { ok: false, reason }, parseMs: 0, totalMs: 0 });
      this.pump();
    };
    worker.on('error', (err) => fail(`parse worker crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (!this.closed && code !== 0) fail(`parse worker exited with code ${code}`);
    });
    return slot;
  }

  get pending(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + s.busy.length, 0);
  }

  submit(task: ParseTask): void {
    this.queue.push(task);
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.busy.length < this.perWorker && this.queue.length > 0) {
        const task = this.queue.shift()!;
        slot.busy.push(task);
        const transfer = task.bytes ? [task.bytes.buffer as ArrayBuffer] : [];
        slot.worker.postMessage(task, transfer);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
