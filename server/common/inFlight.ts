/**
 * Shares a computation between callers asking for the same thing at the same time: the first starts it, those who
 * ask while it runs get the same promise, and it is forgotten once settled. Nothing is cached, so an answer is never
 * older than the request it serves began; twenty journalists opening one bill's history together cost one read.
 */
export class InFlight<T> {
  readonly #running = new Map<string, Promise<T>>();

  /** The running computation for `key`, or a new one from `start`. */
  run(key: string, start: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running !== undefined) return running;
    const started = start().finally(() => this.#running.delete(key));
    this.#running.set(key, started);
    return started;
  }

  /** Computations running now. */
  get size(): number {
    return this.#running.size;
  }
}

/** One value per database, made on first use: what a module shares between requests must not mix two stores. */
export function perDatabase<D extends object, T>(make: () => T): (db: D) => T {
  const values = new WeakMap<D, T>();
  return (db) => {
    let value = values.get(db);
    if (value === undefined) values.set(db, (value = make()));
    return value;
  };
}
