/**
 * A small pool of worker threads for word diffs too long to run on the main thread (DIFF5): a search that may take
 * its whole second of budget there would hold up every socket of the node. Few workers, a short queue: a job that
 * finds the queue full is refused at once (the caller then answers the coarse form), never queued without bound.
 * A worker that overruns its job's budget by `graceMs` is terminated and the job answered coarsely, so a job's
 * answer never waits much longer than its budget once a worker has taken it.
 */
import { Worker } from 'node:worker_threads';
import { coarseDiff, type DiffResult } from '../../../shared/text/wordDiff.ts';

/** Two texts to diff: before, after. */
export type TextPair = readonly [string, string];

/** A job sent to a worker. */
export interface ToWorker {
  id: number;
  pairs: TextPair[];
  timeoutMs: number;
}

/** What a worker sends back. */
export type FromWorker = { type: 'ready' } | { type: 'done'; id: number; results: DiffResult[] };

/** Sizes and timings of the pool. */
export interface DiffPoolOptions {
  /** Worker threads at most. */
  size: number;
  /** Jobs waiting for a worker at most; more are refused. */
  maxQueued: number;
  /** How long past its budget a job may run before its worker is terminated. */
  graceMs: number;
  /** An idle worker is terminated after this long (a worker holds tens of MB). */
  idleMs: number;
  /** Heap limit of each worker (MB): a runaway search ends its worker, not the process. */
  heapMb: number;
}

/** What the pool did so far, for tests, benchmarks and metrics. */
export interface DiffPoolStats {
  /** Jobs a worker answered. */
  done: number;
  /** Jobs refused because the queue was full. */
  refused: number;
  /** Jobs answered coarsely because their worker overran or ran out of memory. */
  cutOff: number;
  /** Jobs running now. */
  running: number;
}

interface Job {
  id: number;
  pairs: TextPair[];
  timeoutMs: number;
  resolve(results: DiffResult[]): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

// The worker is TypeScript, loaded through tsx's API in a plain thread, the same way under `npm start`, tests
// and benchmarks (a worker does not inherit the main thread's loader hooks).
const ENTRY = new URL('./diffWorker.ts', import.meta.url).href;
const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => api.tsImport(workerData.entry, workerData.entry));`;

const coarse = (pairs: readonly TextPair[]): DiffResult[] => pairs.map(([before, after]) => ({ parts: coarseDiff(before, after), complete: false }));

/** The pool; workers start on first use and stop when idle. */
export class DiffPool {
  readonly #slots = new Set<Slot>();
  readonly #queue: Job[] = [];
  readonly #stats = { done: 0, refused: 0, cutOff: 0 };
  #nextId = 1;
  #closed = false;

  constructor(private readonly options: DiffPoolOptions) {}

  /** The diffs of `pairs` computed on a worker, or null at once when the queue is full. */
  run(pairs: TextPair[], timeoutMs: number): Promise<DiffResult[]> | null {
    if (this.#closed) throw new Error('the diff pool is closed');
    if (this.#queue.length >= this.options.maxQueued) {
      this.#stats.refused += 1;
      return null;
    }
    const result = new Promise<DiffResult[]>((resolve, reject) => this.#queue.push({ id: this.#nextId++, pairs, timeoutMs, resolve, reject }));
    this.#dispatch();
    return result;
  }

  stats(): DiffPoolStats {
    return { ...this.#stats, running: [...this.#slots].filter((slot) => slot.job !== null).length };
  }

  /** Refuses queued jobs and stops every worker. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('the diff pool is closed'));
    await Promise.all([...this.#slots].map((slot) => this.#stop(slot)));
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return;
      if (slot.ready && slot.job === null) this.#start(slot, this.#queue.shift() as Job);
    }
    const starting = [...this.#slots].filter((slot) => !slot.ready).length;
    for (let i = starting; i < this.#queue.length && this.#slots.size < this.options.size; i += 1) this.#spawn();
  }

  #spawn(): void {
    const worker = new Worker(BOOT, {
      eval: true,
      execArgv: [],
      workerData: { tsx: import.meta.resolve('tsx/esm/api'), entry: ENTRY },
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
    });
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    this.#slots.add(slot);
    worker.unref();
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') slot.ready = true;
      else if (slot.job?.id === message.id) this.#finish(slot, message.results);
      this.#idle(slot);
      this.#dispatch();
    });
    worker.on('error', (error) => this.#lost(slot, error));
    worker.on('exit', (code) => this.#lost(slot, new Error(`diff worker exited with code ${code}`)));
  }

  #start(slot: Slot, job: Job): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = job;
    slot.worker.ref();
    slot.worker.postMessage({ id: job.id, pairs: job.pairs, timeoutMs: job.timeoutMs } satisfies ToWorker);
    slot.timer = setTimeout(() => {
      // Overran: the answer is the coarse one, and the worker, still searching, is replaced.
      this.#stats.cutOff += 1;
      job.resolve(coarse(job.pairs));
      slot.job = null;
      void this.#stop(slot).then(() => this.#dispatch());
    }, job.timeoutMs + this.options.graceMs);
  }

  #finish(slot: Slot, results: DiffResult[]): void {
    this.#stats.done += 1;
    slot.job?.resolve(results);
    slot.job = null;
  }

  /** An idle worker does not keep the process alive, and stops after a while. */
  #idle(slot: Slot): void {
    if (slot.job !== null || !slot.ready || !this.#slots.has(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.worker.unref();
    slot.timer = setTimeout(() => void this.#stop(slot), this.options.idleMs);
    slot.timer.unref();
  }

  /** A worker failed or exited: its job ends (coarsely if it ran out of memory), queued jobs go to the others. */
  #lost(slot: Slot, error: Error): void {
    if (!this.#slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    if (job && (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      this.#stats.cutOff += 1;
      job.resolve(coarse(job.pairs));
    } else job?.reject(error);
    // A worker that could not even start would fail again: its queue is answered with the error instead.
    if (!slot.ready) for (const queued of this.#queue.splice(0)) queued.reject(error);
    if (!this.#closed) this.#dispatch();
  }

  async #stop(slot: Slot): Promise<void> {
    this.#slots.delete(slot);
    if (slot.timer) clearTimeout(slot.timer);
    await slot.worker.terminate();
  }
}
