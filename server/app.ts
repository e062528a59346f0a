/**
 * The composition root: builds storage, bus and HTTP server from a Config, wires every module's routes,
 * and knows how to shut all of it down. Tests start the real thing through here on port 0.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { type Bus, createBus } from './bus/index.ts';
import type { Collab, CollabLimits } from './collab/index.ts';
import type { Config } from './config/config.ts';
import { clientAddress } from './http/clientAddress.ts';
import { createHttpApp, refuseUnknownUpgrades } from './http/createHttpApp.ts';
import { deliberationRoutes } from './deliberationRoutes.ts';
import { resumeAdoptions } from './modules/amendments/index.ts';
import { trackAnchors } from './modules/anchors/index.ts';
import { createRateLimiter, type RateLimiter } from './limits/index.ts';
import { createLive, type Live, type LiveOptions, type TallySource } from './live/index.ts';
import { akomaNtosoRoutes } from './modules/akomaNtoso/index.ts';
import { billRoutes } from './modules/bills/index.ts';
import { blameRoutes } from './modules/blame/index.ts';
import { collabRoutes, TicketSigner } from './modules/collab/index.ts';
import { exportRoutes } from './modules/exports/index.ts';
import { feedRoutes } from './modules/feeds/index.ts';
import { gitExportRoutes } from './modules/gitExport/index.ts';
import { historyRoutes } from './modules/history/index.ts';
import { importRoutes, laFabriqueExportRoutes } from './modules/lafabrique/index.ts';
import { type EntriesPublished, ledgerRoutes, type RedactEntries, sqlLedgerSource } from './modules/ledger/index.ts';
import { redactHiddenContent } from './modules/moderation/index.ts';
import { timelineRoutes } from './modules/timeline/index.ts';
import { ensureAdmin, userRoutes } from './modules/users/index.ts';
import { tallyOf, withholdVoters } from './modules/votes/index.ts';
import { type DispatcherOptions, WebhookDispatcher, webhookRoutes } from './modules/webhooks/index.ts';
import { openStorage, pingStorage, type Storage } from './storage/database.ts';
import { wireCollab } from './wireCollab.ts';

/** A running server and its parts. */
export interface App {
  config: Config;
  storage: Storage;
  bus: Bus;
  logger: Logger;
  server: Server;
  collab: Collab;
  /** The live stream of each bill's ledger (socket.io and SSE); use cases tell it what they committed. */
  live: Live;
  /** The base URL the server listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  close(): Promise<void>;
}

/** The version reported by the API description and health endpoint. */
export const VERSION = '0.1.0';

/** Opens storage and bus, and starts listening. */
export async function startApp(
  config: Config,
  logger: Logger = pino({ level: config.logLevel }),
  options: {
    collabLimits?: Partial<CollabLimits>;
    live?: Partial<LiveOptions> & { tallyOf?: TallySource };
    webhooks?: Partial<DispatcherOptions>;
  } = {},
): Promise<App> {
  const storage = await openStorage(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  let bus: Bus;
  let limiter: RateLimiter;
  try {
    bus = await createBus({ redisUrl: config.redisUrl, logger });
  } catch (error) {
    await storage.close();
    throw error;
  }
  try {
    limiter = await createRateLimiter(config.redisUrl);
  } catch (error) {
    await bus.close();
    await storage.close();
    throw error;
  }
  const { db } = storage;
  if (config.bootstrapAdmin) {
    const outcome = await ensureAdmin(db, config.bootstrapAdmin.email, config.bootstrapAdmin.password);
    logger.info({ email: config.bootstrapAdmin.email, outcome }, 'bootstrap admin');
  }
  const secureCookies = config.publicOrigin?.startsWith('https:') ?? config.env === 'production';
  // Every node must sign tickets with the same key; a single embedded node may make one up at each start.
  const signer = new TicketSigner(config.secretKey ?? randomBytes(32));
  const server = createServer();
  const collab = wireCollab({
    server,
    db,
    bus,
    logger,
    config,
    signer,
    limits: { maxConnectionsPerAddress: config.collabConnectionsPerAddress, ...options.collabLimits },
  });
  const { tallyOf: liveTallyOf, ...liveOptions } = options.live ?? {};
  // One redaction for every public read of the ledger (the REST listing, the live stream's replays, feeds, webhooks,
  // exports): the text of hidden contributions (LEDGER6) and who voted how (LEDGER8) are withheld.
  const redact: RedactEntries = async (entries) => withholdVoters(await redactHiddenContent(db, entries));
  const live = createLive({
    db,
    logger,
    bus,
    redisUrl: config.redisUrl,
    allowedOrigins: config.publicOrigin ? [new URL(config.publicOrigin).origin] : [],
    tallyOf: liveTallyOf ?? ((billId, target) => tallyOf(db, billId, target)),
    redact,
    addressOf: (request) => clientAddress(request, config.trustProxy),
    options: { maxConnectionsPerAddress: config.liveConnectionsPerAddress, ...liveOptions },
  });
  // Webhooks are delivered from the ledger as the public reads it (FEED); see modules/webhooks/dispatcher.ts.
  const webhooks = new WebhookDispatcher({
    db,
    ledger: sqlLedgerSource(db, redact),
    logger,
    settings: config.webhooks,
    options: { userAgent: `loi-live-webhooks/${VERSION}`, ...options.webhooks },
  });
  // Entries committed on this node go to the live stream and wake the webhooks at once (other nodes': their poll).
  const published: EntriesPublished = (billId, entries) => {
    live.published(billId, entries);
    webhooks.wake();
  };
  const deliberation = { db, published, texts: collab.texts, drafts: collab.drafts };
  const routes = [
    ...billRoutes({ db }),
    ...collabRoutes({ db, signer, store: collab.store, published }),
    ...historyRoutes({ db }),
    ...blameRoutes({ db }),
    // Before the deliberation routes: `/bills/:id/amendments/summary` is not an amendment id.
    ...timelineRoutes({ db }),
    ...ledgerRoutes({ db, redact }),
    ...feedRoutes({ db, redact, publicOrigin: config.publicOrigin }),
    ...webhookRoutes({ db, settings: config.webhooks }),
    ...userRoutes({ db, secureCookies, limiter, authAttemptsPerMinute: config.authAttemptsPerMinute, rightsChanged: collab.rightsChanged }),
    ...importRoutes({ db }),
    ...exportRoutes({ ...deliberation, redact }),
    ...laFabriqueExportRoutes({ db }),
    ...akomaNtosoRoutes(deliberation),
    ...gitExportRoutes({ db }),
    ...live.routes,
    ...deliberationRoutes(deliberation),
  ];
  const app = createHttpApp({
    db,
    logger,
    trustProxy: config.trustProxy,
    version: VERSION,
    routes,
    metrics: () => collab.metrics.prometheus(),
    health: async () => {
      await pingStorage(storage);
      return { version: VERSION, storage: storage.kind, bus: config.redisUrl ? 'redis' : 'memory' };
    },
  });
  server.on('request', app);
  // After the API's handler is attached (socket.io then keeps it as the server's request handler).
  live.attach(server);
  refuseUnknownUpgrades(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const stopTrackingAnchors = trackAnchors(deliberation, logger);
  // Deliveries left pending by an earlier run (of any node) are resumed by the first cycle.
  webhooks.start();
  // An adoption interrupted between its decision and its edit of the text (the node stopped) is completed now.
  resumeAdoptions(deliberation)
    .then((resumed) => resumed > 0 && logger.info({ resumed }, 'completed interrupted adoptions'))
    .catch((error: unknown) => logger.error({ err: error }, 'could not complete interrupted adoptions'));
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    config,
    storage,
    bus,
    logger,
    server,
    url: `http://${host}:${port}`,
    collab,
    live,
    async close() {
      stopTrackingAnchors();
      await webhooks.close();
      await collab.close();
      await live.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await limiter.close();
      await bus.close();
      await storage.close();
    },
  };
}
