/**
 * The collaboration endpoint, assembled: document store, registry of live documents, WebSocket upgrades,
 * metrics. The composition root gives it the pieces of the rest of the server it needs.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { DocumentName } from '../../shared/collab/documentName.ts';
import type { Bus } from '../bus/index.ts';
import type { Database } from '../storage/database.ts';
import { attachCollabServer, type CollabServerDeps } from './collabServer.ts';
import { type CollabLimits, defaultCollabLimits } from './limits.ts';
import { CollabMetrics } from './metrics.ts';
import { DocumentRegistry } from './registry.ts';
import { SqlDocumentStore } from './store/sqlDocumentStore.ts';

export { billSeedUpdate } from './seed.ts';
export { type CollabLimits, defaultCollabLimits } from './limits.ts';
export { SqlDocumentStore } from './store/sqlDocumentStore.ts';

/** What the composition root provides. */
export interface CollabOptions extends Pick<CollabServerDeps, 'allowedOrigins' | 'verifyTicket' | 'anonymousClaims' | 'addressOf'> {
  server: Server;
  db: Database;
  bus: Bus;
  logger: Logger;
  limits?: Partial<CollabLimits>;
  idleUnloadMs?: number;
  seed(name: DocumentName): Promise<Uint8Array | null>;
}

/** A running collaboration endpoint. */
export interface Collab {
  registry: DocumentRegistry;
  metrics: CollabMetrics;
  nodeId: string;
  close(): Promise<void>;
}

/** Starts handling `/collab/*` upgrades on the server. */
export function startCollab(options: CollabOptions): Collab {
  const limits = { ...defaultCollabLimits, ...options.limits };
  const metrics = new CollabMetrics();
  const nodeId = randomUUID();
  const registry = new DocumentRegistry({
    store: new SqlDocumentStore(options.db),
    bus: options.bus,
    nodeId,
    limits,
    logger: options.logger,
    metrics,
    seed: (name) => options.seed(name),
    idleUnloadMs: options.idleUnloadMs ?? 30_000,
  });
  const endpoint = attachCollabServer(options.server, { ...options, registry, limits });
  return { registry, metrics, nodeId, close: () => endpoint.close() };
}
