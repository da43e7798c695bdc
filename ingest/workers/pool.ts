// A pool of parse workers. Each worker is a child process running TypeScript through tsx, not a
// worker thread: a thread that reaches its heap limit can abort the whole process (nodejs/node#47224),
// and one hostile document must not end the batch. A child that runs out of heap dies alone.
//
// Every document has a budget: a worker that spends longer than `timeMs` on one document, or needs
// more heap than `memoryMb`, is killed and replaced; that document fails with the reason and
// the other documents queued on the same worker are sent again.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultParseLimits } from '../../src/config.ts';
import type { ParseMode, ParseOutcome } from './parse.ts';

export interface ParseTask {
  seq: number;
  path: string;
  /** The file's bytes (transferred), or null to let the reader open the file itself. */
  bytes: Uint8Array | null;
  /** The sha256 of those bytes, as the pipeline computed it (null with the bytes). */
  sha256: string | null;
  /** The parse time budget, in documents' worth (a large list file read piece by piece gets several); default 1. */
  budgetShares?: number;
}

export interface WorkerReply {
  seq: number;
  outcome: ParseOutcome;
  /** Read + extract time. */
  parseMs: number;
  /** Including the worker's own overhead. */
  totalMs: number;
}

/** What the worker posts: that it started a task, or the task's reply. */
export type WorkerMessage = { started: number } | WorkerReply;

export interface ParseBudget {
  /** Wall time one document may take in its worker. */
  timeMs: number;
  /** Heap (old generation) a worker may grow to. */
  memoryMb: number;
}

export const defaultParseBudget: ParseBudget = { timeMs: defaultParseLimits.timeoutSeconds * 1000, memoryMb: defaultParseLimits.memoryMb };

/** The smallest heap a worker starts with its readers loaded (tsx, cheerio, pdf.js). */
export const MIN_PARSE_MEMORY_MB = 64;

export interface PoolOptions {
  /** 'route' tries the ownership sources first (ingest); 'notice' extracts notices only (extract). */
  mode?: ParseMode;
  budget?: ParseBudget;
  /** Tasks handed to one worker at once (it runs them one after the other). */
  perWorker?: number;
}

export function overTimeReason(budget: ParseBudget): string {
  return `parse took longer than ${budget.timeMs / 1000} s`;
}

export function overMemoryReason(budget: ParseBudget): string {
  return `parse needed more than ${budget.memoryMb} MB`;
}

const ENTRY = fileURLToPath(new URL('./parse-worker.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** What V8 prints when a heap outgrows --max-old-space-size, before it aborts. */
const OUT_OF_HEAP = /heap out of memory|Reached heap limit/;
/** The end of a worker's stderr kept to tell why it died (a V8 out-of-memory report is a few KB). */
const STDERR_TAIL = 16 * 1024;

interface Slot {
  worker: ChildProcess;
  /** The last bytes the worker wrote to stderr. */
  stderr: string;
  busy: ParseTask[];
  /** The task the worker is on, and the timer that ends it past the budget. */
  running: { seq: number; timer: NodeJS.Timeout } | null;
  /** Set once the worker is being replaced: its late messages and exit are ignored. */
  retired: boolean;
}

/**
 * Runs tasks on `size` workers, at most `perWorker` at a time on each. A worker that dies or runs
 * over budget fails the document it was on with the reason and is replaced.
 */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: ParseTask[] = [];
  private readonly budget: ParseBudget;
  private readonly perWorker: number;
  private closed = false;

  constructor(
    size: number,
    private readonly options: PoolOptions,
    private readonly onReply: (reply: WorkerReply) => void,
  ) {
    this.budget = options.budget ?? defaultParseBudget;
    this.perWorker = options.perWorker ?? 2;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // Stdout is dropped: a reader library's console output must not mix into a command's JSON Lines.
    const worker = fork(ENTRY, [this.options.mode ?? 'route'], {
      execArgv: ['--import', TSX, `--max-old-space-size=${this.budget.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const slot: Slot = { worker, stderr: '', busy: [], running: null, retired: false };
    worker.stderr!.setEncoding('utf8');
    worker.stderr!.on('data', (chunk: string) => {
      slot.stderr = (slot.stderr + chunk).slice(-STDERR_TAIL);
    });
    worker.on('message', (msg: WorkerMessage) => {
      if (slot.retired) return;
      if ('started' in msg) {
        const shares = slot.busy.find((t) => t.seq === msg.started)?.budgetShares ?? 1;
        const budget = { ...this.budget, timeMs: this.budget.timeMs * shares };
        slot.running = { seq: msg.started, timer: setTimeout(() => this.retire(slot, overTimeReason(budget)), budget.timeMs) };
        return;
      }
      if (slot.running?.seq === msg.seq) {
        clearTimeout(slot.running.timer);
        slot.running = null;
      }
      slot.busy = slot.busy.filter((t) => t.seq !== msg.seq);
      this.onReply(msg);
      this.pump();
    });
    worker.on('error', (err) => this.retire(slot, `parse worker crashed: ${err.message}`));
    // 'close' comes after stderr has ended, so an out-of-memory report is read whole.
    worker.on('close', (code, signal) => {
      if (this.closed) return;
      if (OUT_OF_HEAP.test(slot.stderr)) this.retire(slot, overMemoryReason(this.budget));
      else this.retire(slot, `parse worker exited with ${signal ? `signal ${signal}` : `code ${code}`}`);
    });
    return slot;
  }

  /**
   * Ends a worker and puts a fresh one in its place. The document it was on fails with `reason`;
   * the others it held go back to the front of the queue (when it died before starting any, they
   * all fail, so a worker that cannot start does not loop).
   */
  private retire(slot: Slot, reason: string): void {
    if (slot.retired) return;
    slot.retired = true;
    if (slot.running) clearTimeout(slot.running.timer);
    const guilty = slot.running?.seq;
    const held = slot.busy;
    slot.busy = [];
    slot.running = null;
    slot.worker.kill('SIGKILL');
    const i = this.slots.indexOf(slot);
    if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    const failed = guilty === undefined ? held : held.filter((t) => t.seq === guilty);
    const again = guilty === undefined ? [] : held.filter((t) => t.seq !== guilty);
    this.queue.unshift(...again);
    for (const t of failed) this.onReply({ seq: t.seq, outcome: { ok: false, reason }, parseMs: 0, totalMs: 0 });
    this.pump();
  }

  get pending(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + s.busy.length, 0);
  }

  submit(task: ParseTask): void {
    this.queue.push(task);
    this.pump();
  }

  private pump(): void {
    if (this.closed) return;
    // The least busy worker first, so one slow document holds up as few others as possible.
    while (this.queue.length > 0) {
      const slot = this.slots.reduce((a, b) => (b.busy.length < a.busy.length ? b : a));
      if (slot.busy.length >= this.perWorker) return;
      const task = this.queue.shift()!;
      slot.busy.push(task);
      // The bytes are copied: a task sent again after its worker died needs them. A worker that has
      // just died cannot take it; its 'close' puts the task back or fails it.
      slot.worker.send(task, (err) => void err);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.slots) if (s.running) clearTimeout(s.running.timer);
    await Promise.all(this.slots.map(endWorker));
  }
}

/** Kills a worker and waits until it is gone. */
function endWorker(slot: Slot): Promise<void> {
  const child = slot.worker;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('close', () => resolve());
    child.kill('SIGKILL');
  });
}
