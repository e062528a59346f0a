/**
 * Turns on the event loop for long streams (HIST7). After each line a stream waits for its turn; turns are handed out
 * in order, as many as fit in a short slice of each loop iteration. Without this, every running stream would write a
 * line in every iteration: with twenty streams an iteration lasts tens of milliseconds, and since Node accepts one
 * new connection per iteration, the twentieth reader would wait half a second before its stream even starts.
 */

/** The event loop's share of streaming: turns in a slice of `sliceMs` per iteration, at least one. */
export class Turns {
  readonly #waiting: Array<() => void> = [];
  #sliceEnd = 0;
  #scheduled = false;

  constructor(private readonly sliceMs: number) {}

  /** Resolves when it is the caller's turn. */
  wait(): Promise<void> {
    const turn = new Promise<void>((resolve) => this.#waiting.push(resolve));
    // Time is left in this iteration's slice: the next in line goes on at once.
    if (performance.now() < this.#sliceEnd) this.#waiting.shift()?.();
    else this.#schedule();
    return turn;
  }

  /** Opens the next slice in the next iteration (after I/O: new connections, other requests), while anyone waits. */
  #schedule(): void {
    if (this.#scheduled || this.#waiting.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#sliceEnd = performance.now() + this.sliceMs;
      this.#waiting.shift()?.();
      // A stream that leaves its turn to wait for I/O hands nothing on: the next slice must come anyway.
      this.#schedule();
    });
  }
}
