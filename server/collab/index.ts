/**
 * The collaboration endpoint, assembled: document store, registry of live documents, WebSocket upgrades,
 * metrics. The composition root gives it the pieces of the rest of the server it needs.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { DocumentName } from '../../shared/collab/documentName.ts';
import { z } from 'zod';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { type Bus, publishJson, subscribeJson } from '../bus/index.ts';
import type { Database } from '../storage/database.ts';
import type { BillTexts } from '../modules/bills/index.ts';
import type { DraftTexts } from '../modules/contributions/index.ts';
import { createBillTexts } from './billTexts.ts';
import { createDraftTexts } from './draftTexts.ts';
import { attachCollabServer, type CollabServerDeps } from './collabServer.ts';
import { type CollabLimits, defaultCollabLimits } from './limits.ts';
import { RIGHTS_CHANNEL } from './fanout.ts';
import { CollabMetrics } from './metrics.ts';
import { DocumentRegistry } from './registry.ts';
import type { DocumentStore } from './store/documentStore.ts';
import { SqlDocumentStore } from './store/sqlDocumentStore.ts';

export { billSeedUpdate } from './seed.ts';
export type { CollabLimits } from './limits.ts';
export { SqlDocumentStore } from './store/sqlDocumentStore.ts';

/** What the composition root provides. */
export interface CollabOptions extends Pick<CollabServerDeps, 'allowedOrigins' | 'verifyTicket' | 'confirmClaims' | 'anonymousClaims' | 'addressOf'> {
  server: Server;
  db: Database;
  bus: Bus;
  logger: Logger;
  limits?: Partial<CollabLimits>;
  idleUnloadMs?: number;
  headCheckMs?: number;
  seed(name: DocumentName): Promise<Uint8Array | null>;
}

/** A running collaboration endpoint. */
export interface Collab {
  registry: DocumentRegistry;
  store: DocumentStore;
  metrics: CollabMetrics;
  nodeId: string;
  /** Bills' live texts, for use cases (anchors, adopting amendments). */
  texts: BillTexts;
  /** Amendment drafts' live documents. */
  drafts: DraftTexts;
  /** Announces to every node that a user's rights changed; never throws. */
  rightsChanged: (userId: string) => Promise<void>;
  close(): Promise<void>;
}

// A user's rights changed (close all their sockets), or a document's writers changed (close its writers' sockets).
const RightsChangedSchema = z.union([z.object({ userId: z.string() }), z.object({ document: z.string() })]);
// How often the per-document counters are summarised in the logs.
const SUMMARY_INTERVAL_MS = 60_000;

function logSummary(logger: Logger, metrics: CollabMetrics): void {
  const documents = metrics.snapshot();
  if (Object.keys(documents).length > 0) logger.info({ documents }, 'collaboration summary');
}

/** Starts handling `/collab/*` upgrades on the server. */
export function startCollab(options: CollabOptions): Collab {
  const limits = { ...defaultCollabLimits, ...options.limits };
  const metrics = new CollabMetrics();
  const nodeId = randomUUID();
  const store = new SqlDocumentStore(options.db);
  const registry = new DocumentRegistry({
    store,
    bus: options.bus,
    nodeId,
    limits,
    logger: options.logger,
    metrics,
    seed: (name) => options.seed(name),
    idleUnloadMs: options.idleUnloadMs ?? 30_000,
    headCheckMs: options.headCheckMs ?? 10_000,
  });
  const endpoint = attachCollabServer(options.server, { ...options, registry, limits });
  // Every node hears of a rights change (its own included) and closes that user's sockets.
  const rightsSubscription = subscribeJson(options.bus, RIGHTS_CHANNEL, RightsChangedSchema, async (change) => {
    const closed =
      'userId' in change
        ? await registry.closeConnectionsOf(change.userId, CloseCode.permissionsChanged)
        : await registry.closeWritersOf(change.document, CloseCode.permissionsChanged);
    if (closed > 0) options.logger.info({ ...change, closed }, 'closed sockets after a rights change');
  });
  const announce = (change: z.infer<typeof RightsChangedSchema>) =>
    publishJson(options.bus, RIGHTS_CHANNEL, change).catch((error: unknown) => {
      options.logger.error({ err: error, ...change }, 'could not announce a rights change');
    });
  const summary = setInterval(() => logSummary(options.logger, metrics), SUMMARY_INTERVAL_MS);
  summary.unref();
  return {
    registry,
    store,
    metrics,
    nodeId,
    texts: createBillTexts(registry),
    drafts: createDraftTexts(registry, (document) => announce({ document })),
    rightsChanged: (userId) => announce({ userId }),
    async close() {
      clearInterval(summary);
      await (await rightsSubscription)();
      await endpoint.close();
    },
  };
}
