// A parse worker: takes documents from the pipeline, reads and extracts them, and posts the result
// back (the pipeline archives the original once the document is written). A child process started by
// ./pool.ts with tsx loaded and the heap budget set; the parse mode is its one argument.
// Documents are taken one at a time, and each is announced when it starts, so the pool can time
// it and knows which document a worker was on when it ran out of time or memory.
import type { ParseMode } from './parse.ts';
import { parseDocument } from './parse.ts';
import type { ParseTask, WorkerMessage, WorkerReply } from './pool.ts';

const mode = process.argv[2] as ParseMode;

async function run(task: ParseTask): Promise<WorkerReply> {
  const t0 = performance.now();
  const bytes = task.bytes ? Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength) : null;
  try {
    const outcome = await parseDocument(task.path, bytes, mode, task.sha256 ?? undefined);
    const parseMs = performance.now() - t0;
    return { seq: task.seq, outcome, parseMs, totalMs: performance.now() - t0 };
  } catch (err) {
    const e = err as Error;
    return { seq: task.seq, outcome: { ok: false, reason: `worker error: ${e.name}: ${e.message}` }, parseMs: performance.now() - t0, totalMs: performance.now() - t0 };
  }
}

const queue: ParseTask[] = [];
let working = false;

async function drain(): Promise<void> {
  if (working) return;
  working = true;
  while (queue.length > 0) {
    const task = queue.shift()!;
    post({ started: task.seq });
    post(await run(task));
  }
  working = false;
}

function post(msg: WorkerMessage): void {
  process.send!(msg);
}

process.on('message', (task: ParseTask) => {
  queue.push(task);
  void drain();
});
// The pool went away (closed, or its process ended): nothing is left to do.
process.on('disconnect', () => process.exit(0));
