// A per-request batcher: loads asked for while resolvers run (in the same turn of the event loop)
// are gathered by key and answered by one query, so a list of N results costs one round trip, not N.

export type BatchLoad<V> = (keys: readonly string[]) => Promise<Map<string, V>>;

interface Waiting<V> {
  resolve: (value: V | undefined) => void;
  reject: (err: unknown) => void;
}

export class Batcher<V> {
  private readonly cache = new Map<string, Promise<V | undefined>>();
  private queue = new Map<string, Waiting<V>[]>();
  private scheduled = false;

  constructor(private readonly loadMany: BatchLoad<V>) {}

  /** The value for a key, or undefined when the batch found nothing for it. Cached for the request. */
  load(key: string): Promise<V | undefined> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V | undefined>((resolve, reject) => {
      const waiting = this.queue.get(key) ?? [];
      waiting.push({ resolve, reject });
      this.queue.set(key, waiting);
    });
    this.cache.set(key, promise);
    if (!this.scheduled) {
      this.scheduled = true;
      // After the promise jobs already queued (the sibling resolvers of this list run in them), and
      // before any I/O: the same moment DataLoader picks.
      void Promise.resolve().then(() => process.nextTick(() => void this.dispatch()));
    }
    return promise;
  }

  private async dispatch(): Promise<void> {
    const batch = this.queue;
    this.queue = new Map();
    this.scheduled = false;
    try {
      const values = await this.loadMany([...batch.keys()]);
      for (const [key, waiting] of batch) for (const w of waiting) w.resolve(values.get(key));
    } catch (err) {
      for (const [key, waiting] of batch) {
        this.cache.delete(key);
        for (const w of waiting) w.reject(err);
      }
    }
  }
}

/** The batchers of one request, one per question and argument set, created on first use. */
export class Loaders {
  private readonly batchers = new Map<string, Batcher<unknown>>();

  /** `name` names the question; `args` are the arguments shared by the whole batch. */
  get<V>(name: string, args: unknown, loadMany: BatchLoad<V>): Batcher<V> {
    const id = `${name}\u0000${JSON.stringify(args ?? null)}`;
    let batcher = this.batchers.get(id) as Batcher<V> | undefined;
    if (!batcher) {
      batcher = new Batcher(loadMany);
      this.batchers.set(id, batcher as Batcher<unknown>);
    }
    return batcher;
  }
}
