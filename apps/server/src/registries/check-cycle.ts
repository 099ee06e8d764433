/**
 * Results shared by one check cycle. The caller creates one per cycle and passes it to every
 * registry call of that cycle: identical requests (one tag list per repository, one HEAD per
 * registry/repository/tag) then run once, even when started concurrently, and later callers get
 * the same result, failures included, so a broken registry is asked once, not per container.
 */
export class CheckCycle {
  private readonly results = new Map<string, Promise<unknown>>();

  /** Runs `load` once per key for the life of the cycle. */
  memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    let result = this.results.get(key) as Promise<T> | undefined;
    if (!result) {
      result = load();
      // Rejections are shared too; keep the stored copy from being reported as unhandled.
      result.catch(() => undefined);
      this.results.set(key, result);
    }
    return result;
  }

  /** Drops cached results whose key contains `fragment` (e.g. after a registry webhook). */
  invalidate(fragment?: string): void {
    if (fragment === undefined) {
      this.results.clear();
      return;
    }
    for (const key of this.results.keys()) if (key.includes(fragment)) this.results.delete(key);
  }

  get size(): number {
    return this.results.size;
  }
}

/** Shares one in-flight promise per key, forgotten once settled (dedup without caching). */
export class InflightRequests {
  private readonly pending = new Map<string, Promise<unknown>>();

  run<T>(key: string, load: () => Promise<T>): Promise<T> {
    const existing = this.pending.get(key) as Promise<T> | undefined;
    if (existing) return existing;
    const result = load().finally(() => this.pending.delete(key));
    this.pending.set(key, result);
    return result;
  }
}
