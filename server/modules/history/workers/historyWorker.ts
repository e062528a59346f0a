/**
 * Entry of a history worker thread (see workerPool.ts): says it is ready, then answers each job with its task's
 * result, or the message of the error it threw.
 */
import { parentPort } from 'node:worker_threads';
import { runTask } from './tasks.ts';
import type { FromWorker, ToWorker } from './workerPool.ts';

const port = parentPort;
if (port === null) throw new Error('historyWorker.ts runs as a worker thread only');

port.on('message', (job: ToWorker) => {
  let reply: FromWorker;
  try {
    reply = { type: 'done', id: job.id, result: runTask(job.task) };
  } catch (error) {
    reply = { type: 'failed', id: job.id, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
