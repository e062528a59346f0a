/**
 * Connections each client address holds on this node, against a maximum: the collaboration endpoint keeps one count,
 * the live stream another. Counted per node on purpose: a connection lives on one node, and a count kept elsewhere
 * (Redis) would keep the slots of a node that died.
 */

/** Gives a slot back; calling it again does nothing, so every way a connection can end may call it. */
export type ReleaseSlot = () => void;

/** The connections open per client address, at most `max` each. */
export class ConnectionsPerAddress {
  readonly #open = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Takes a slot for `address`; null when it already holds `max`. */
  take(address: string): ReleaseSlot | null {
    const open = this.#open.get(address) ?? 0;
    if (open >= this.max) return null;
    this.#open.set(address, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#open.get(address) ?? 1) - 1;
      if (left <= 0) this.#open.delete(address);
      else this.#open.set(address, left);
    };
  }

  /** Connections `address` holds now. */
  of(address: string): number {
    return this.#open.get(address) ?? 0;
  }
}
