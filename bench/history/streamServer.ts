/**
 * The server of `npm run bench:history`'s streaming run, in its own process so that its memory is measured alone:
 * the same composition root as `npm start` (startApp) on the embedded database in DATA_DIR, or on DATABASE_URL. Tells its parent its URL
 * over IPC, then its memory every 20 ms, until told to stop. Told `gc-on` (it runs with --expose-gc), it also
 * collects all garbage every 500 ms and reports the heap still in use: what is really held, not what awaits the
 * collector.
 */
import pino from 'pino';
import { startApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config/config.ts';

/** What the server tells the bench. */
export type ServerMessage = { type: 'ready'; url: string } | { type: 'memory'; rss: number; heapUsed: number } | { type: 'live'; heapUsed: number };

const send = (message: ServerMessage) => process.send?.(message);

const app = await startApp(
  loadConfig({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: process.env.PORT ?? '0', DATA_DIR: process.env.DATA_DIR ?? '', ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}), SEED_DEMO: 'false', LOG_LEVEL: 'warn' }),
  pino({ level: 'warn' }),
);
send({ type: 'ready', url: app.url });
const sampler = setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage();
  send({ type: 'memory', rss, heapUsed });
}, 20);
let collector: NodeJS.Timeout | null = null;
process.on('message', (message) => {
  if (message === 'gc-on') {
    collector = setInterval(() => {
      globalThis.gc?.();
      send({ type: 'live', heapUsed: process.memoryUsage().heapUsed });
    }, 500);
  } else if (message === 'gc-off' && collector) clearInterval(collector);
  else if (message === 'stop') {
    clearInterval(sampler);
    if (collector) clearInterval(collector);
    void app.close().then(() => process.exit(0));
  }
});
