/**
 * A small pool of worker threads for history computations too long for the main thread: a word diff that may take
 * its whole second of budget (DIFF5), or the similarities of every article of a long bill (STAT4), would hold up
 * every socket of the node. Few workers, a short queue: a job that finds the queue full is refused at once (the
 * caller then answers otherwise), never queued without bound. A worker that overruns its job's budget by `graceMs`
 * is terminated and the job answered by its `overrun` fallback, so a job's answer never waits much longer than its
 * budget once a worker has taken it.
 */
import { Worker } from 'node:worker_threads';
import type { ResultOf, Task } from './tasks.ts';

/** A job sent to a worker. */
export interface ToWorker {
  id: number;
  task: Task;
}

/** What a worker sends back: ready, a task's result, or the error it threw. */
export type FromWorker = { type: 'ready' } | { type: 'done'; id: number; result: unknown } | { type: 'failed'; id: number; message: string };

/** Sizes and timings of the pool. */
export interface WorkerPoolOptions {
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
export interface WorkerPoolStats {
  /** Jobs a worker answered. */
  done: number;
  /** Jobs refused because the queue was full. */
  refused: number;
  /** Jobs answered by their fallback because their worker overran or ran out of memory. */
  cutOff: number;
  /** Jobs running now. */
  running: number;
}

interface Job {
  id: number;
  task: Task;
  budgetMs: number;
  overrun: () => unknown;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

// The worker is TypeScript, loaded through tsx's API in a plain thread, the same way under `npm start`, tests
// and benchmarks (a worker does not inherit the main thread's loader hooks).
const ENTRY = new URL('./historyWorker.ts', import.meta.url).href;
const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => api.tsImport(workerData.entry, workerData.entry));`;

/** The pool; workers start on first use and stop when idle. */
export class WorkerPool {
  readonly #slots = new Set<Slot>();
  readonly #queue: Job[] = [];
  readonly #stats = { done: 0, refused: 0, cutOff: 0 };
  #nextId = 1;
  #closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  /**
   * The task's result computed on a worker, or null at once when the queue is full. A worker that overruns
   * `budgetMs` (plus the grace) or runs out of memory is answered by `overrun` (which may throw).
   */
  run<T extends Task>(task: T, budgetMs: number, overrun: () => ResultOf<T>): Promise<ResultOf<T>> | null {
    if (this.#closed) throw new Error('the worker pool is closed');
    if (this.#queue.length >= this.options.maxQueued) {
      this.#stats.refused += 1;
      return null;
    }
    const result = new Promise<unknown>((resolve, reject) => this.#queue.push({ id: this.#nextId++, task, budgetMs, overrun, resolve, reject }));
    this.#dispatch();
    return result as Promise<ResultOf<T>>;
  }

  stats(): WorkerPoolStats {
    return { ...this.#stats, running: [...this.#slots].filter((slot) => slot.job !== null).length };
  }

  /** Refuses queued jobs and stops every worker. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('the worker pool is closed'));
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
      else if (slot.job?.id === message.id) this.#finish(slot, message);
      this.#idle(slot);
      this.#dispatch();
    });
    worker.on('error', (error) => this.#lost(slot, error));
    worker.on('exit', (code) => this.#lost(slot, new Error(`history worker exited with code ${code}`)));
  }

  #start(slot: Slot, job: Job): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = job;
    slot.worker.ref();
    slot.worker.postMessage({ id: job.id, task: job.task } satisfies ToWorker);
    slot.timer = setTimeout(() => {
      // Overran: the answer is the fallback, and the worker, still computing, is replaced.
      this.#stats.cutOff += 1;
      settle(job);
      slot.job = null;
      void this.#stop(slot).then(() => this.#dispatch());
    }, job.budgetMs + this.options.graceMs);
  }

  #finish(slot: Slot, message: Extract<FromWorker, { id: number }>): void {
    this.#stats.done += 1;
    if (message.type === 'done') slot.job?.resolve(message.result);
    else slot.job?.reject(new Error(`history worker: ${message.message}`));
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

  /** A worker failed or exited: its job ends (by its fallback if it ran out of memory), queued jobs go to the others. */
  #lost(slot: Slot, error: Error): void {
    if (!this.#slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    if (job && (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      this.#stats.cutOff += 1;
      settle(job);
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

/** Answers a job with what its fallback gives, or the error it throws. */
function settle(job: Job): void {
  try {
    job.resolve(job.overrun());
  } catch (error) {
    job.reject(error as Error);
  }
}
