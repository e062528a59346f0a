/**
 * Remembers results computed from a whole bill (statistics take up to a second of CPU on a long bill), keyed
 * by the bill's ledger head: any change to a bill appends to its ledger, so a hit is never stale.
 */

/** A small least-recently-used cache of per-bill results. */
export class RevisionCache<T> {
  readonly #entries = new Map<string, { revision: number; value: Promise<T> }>();

  constructor(private readonly capacity: number) {}

  /** The value for the bill at this revision, computed once (concurrent callers share the computation). */
  get(billId: string, revision: number, compute: () => Promise<T>): Promise<T> {
    const cached = this.#entries.get(billId);
    this.#entries.delete(billId);
    if (cached?.revision === revision) {
      this.#entries.set(billId, cached);
      return cached.value;
    }
    const value = compute();
    this.#entries.set(billId, { revision, value });
    // A failed computation must not be served to the next caller.
    value.catch(() => {
      if (this.#entries.get(billId)?.value === value) this.#entries.delete(billId);
    });
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as string);
    return value;
  }
}
