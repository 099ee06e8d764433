/** Pushes of one repository collected while a burst lasts. */
export interface PendingPush<T> {
  key: string;
  tags: Set<string>;
  items: T;
}

export interface PushDebouncerOptions {
  /** Quiet time after the last push before acting (a multi-arch or multi-tag push is one burst). */
  quietMs: number;
  /** Upper bound from the first push, so a steady stream of pushes still gets acted on. */
  maxWaitMs: number;
}

/**
 * Collapses bursts of pushes per key (registry + repository): `flush` runs once per burst with
 * every tag seen, `quietMs` after the last push but never later than `maxWaitMs` after the first.
 */
export class PushDebouncer<T> {
  private readonly pending = new Map<
    string,
    { push: PendingPush<T>; timer: NodeJS.Timeout; firstAt: number }
  >();

  constructor(
    private readonly options: PushDebouncerOptions,
    private readonly flush: (push: PendingPush<T>) => void,
    private readonly merge: (current: T, next: T) => T,
    private readonly now: () => number = Date.now,
  ) {}

  add(key: string, tags: readonly string[], items: T): void {
    const existing = this.pending.get(key);
    if (existing) {
      clearTimeout(existing.timer);
      for (const tag of tags) existing.push.tags.add(tag);
      existing.push.items = this.merge(existing.push.items, items);
      existing.timer = this.schedule(key, existing.firstAt);
      return;
    }
    const firstAt = this.now();
    this.pending.set(key, {
      push: { key, tags: new Set(tags), items },
      timer: this.schedule(key, firstAt),
      firstAt,
    });
  }

  get size(): number {
    return this.pending.size;
  }

  /** Drops everything pending (shutdown). */
  clear(): void {
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
  }

  private schedule(key: string, firstAt: number): NodeJS.Timeout {
    const delay = Math.max(
      0,
      Math.min(this.options.quietMs, firstAt + this.options.maxWaitMs - this.now()),
    );
    const timer = setTimeout(() => {
      const entry = this.pending.get(key);
      if (!entry) return;
      this.pending.delete(key);
      this.flush(entry.push);
    }, delay);
    timer.unref();
    return timer;
  }
}
