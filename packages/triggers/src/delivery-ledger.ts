/**
 * Remembers which recipients already received a delivery (by idempotency key), so a retry after a
 * partial failure (one SMS of three failed) only resends to the ones that did not get it.
 * Bounded and in memory: it covers retries within one process, the common case.
 */
export class DeliveryLedger {
  private readonly entries = new Map<string, Set<string>>();

  constructor(private readonly capacity = 1000) {}

  has(key: string, recipient: string): boolean {
    return this.entries.get(key)?.has(recipient) ?? false;
  }

  record(key: string, recipient: string): void {
    let recipients = this.entries.get(key);
    if (!recipients) {
      recipients = new Set();
      this.entries.set(key, recipients);
      while (this.entries.size > this.capacity) {
        const oldest = this.entries.keys().next().value;
        if (oldest === undefined) break;
        this.entries.delete(oldest);
      }
    }
    recipients.add(recipient);
  }
}
