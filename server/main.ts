/**
 * Process entry point (`npm start`): read the configuration, start the server, seed the demo on a
 * first embedded start, and stop cleanly on SIGINT/SIGTERM.
 */
import pino from 'pino';
import { startApp } from './app.ts';
import { ConfigError, loadConfig } from './config/config.ts';
import { seedDemo } from './modules/demo/index.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel });
  const app = await startApp(config, logger);
  logger.info({ url: app.url, storage: app.storage.kind, location: app.storage.location }, 'server listening');

  if (config.seedDemo) {
    const demo = await seedDemo(app.storage.db);
    if (demo.seeded) logger.info({ billId: demo.billId }, 'demo content seeded');
    console.log(
      [
        '',
        `Loi Live is running at ${app.url}  (API: ${app.url}/api/v1/bills, description: ${app.url}/api/v1/openapi.json)`,
        `Demo bill: ${app.url}/api/v1/bills/${demo.billId}`,
        'Demo accounts (password for all: demo-password):',
        ...demo.accounts.map((account) => `  ${account.role.padEnd(16)} ${account.email}`),
        '',
      ].join('\n'),
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
