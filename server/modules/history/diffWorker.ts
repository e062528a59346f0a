/**
 * Entry of a diff worker thread (see diffPool.ts): says it is ready, then answers each job with the word diffs of
 * its pairs, all sharing the job's time budget.
 */
import { parentPort } from 'node:worker_threads';
import { wordDiffAll } from '../../../shared/text/wordDiff.ts';
import type { FromWorker, ToWorker } from './diffPool.ts';

const port = parentPort;
if (port === null) throw new Error('diffWorker.ts runs as a worker thread only');

port.on('message', (job: ToWorker) => {
  const reply: FromWorker = { type: 'done', id: job.id, results: wordDiffAll(job.pairs, job.timeoutMs) };
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
