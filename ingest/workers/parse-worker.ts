// A parse worker: takes documents from the pipeline, reads and extracts them, archives the
// original, and posts the result back. Started through ./pool.ts, which loads TypeScript in it.
import { parentPort, workerData } from 'node:worker_threads';
import { archiveDocument } from '../../src/archive.ts';
import { parseDocument } from './parse.ts';
import type { ParseTask, WorkerReply } from './pool.ts';

const { home } = workerData as { home: string | null };

parentPort!.on('message', async (task: ParseTask) => {
  const t0 = performance.now();
  const bytes = task.bytes ? Buffer.from(task.bytes) : null;
  let reply: WorkerReply;
  try {
    const outcome = await parseDocument(task.path, bytes);
    const parseMs = performance.now() - t0;
    if (outcome.ok && home && bytes) {
      await archiveDocument(home, bytes, { mediaType: outcome.parsed.mediaType, originalName: task.path.split(/[\\/]/).pop() ?? null });
    }
    reply = { seq: task.seq, outcome, parseMs, totalMs: performance.now() - t0 };
  } catch (err) {
    const e = err as Error;
    reply = { seq: task.seq, outcome: { ok: false, reason: `worker error: ${e.name}: ${e.message}` }, parseMs: performance.now() - t0, totalMs: performance.now() - t0 };
  }
  parentPort!.postMessage(reply);
});
