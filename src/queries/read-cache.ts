// An in-process cache of read models and rendered pages, emptied whenever data changes.
// Commands call invalidate() after commit; on PostgreSQL other processes learn of changes through NOTIFY.

export const CONTENT_CHANNEL = "samverka_content";

export class ReadCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  private generation = 0;

  constructor(private readonly maxEntries = 2000) {}

  /** Returns the cached value for key, or loads it once (concurrent callers share the load). Failed loads are not kept. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      // Refresh recency: Map keeps insertion order, so re-inserting makes this the newest.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const generation = this.generation;
    const pending = load();
    this.entries.set(key, pending);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    });
    // A load that started before an invalidation must not be served after it.
    void pending.then(() => {
      if (generation !== this.generation && this.entries.get(key) === pending) this.entries.delete(key);
    }, () => undefined);
    return pending;
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
