/**
 * The Express application: middleware in order, every module's routes under /api/v1, the OpenAPI
 * description, health, and the one error mapping.
 */
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import cookieParser from 'cookie-parser';
import express from 'express';
import type { Logger } from 'pino';
import type { Database } from '../storage/database.ts';
import { authenticate } from './authenticate.ts';
import { openApiDocument } from './openapi.ts';
import { errorHandler, routeNotFound } from './problems.ts';
import { type MountableRoute, mountRoutes } from './route.ts';

/** What the HTTP layer needs from the composition root. */
export interface HttpDeps {
  db: Database;
  logger: Logger;
  trustProxy: boolean;
  version: string;
  routes: MountableRoute[];
  health: () => Promise<Record<string, unknown>>;
  /** Prometheus text of the node's metrics. */
  metrics: () => string;
}

/** Builds the Express app. */
export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.set('query parser', 'simple');

  const registry = new OpenAPIRegistry();
  const api = express.Router();
  api.use(cookieParser());
  api.use(authenticate(deps.db));
  mountRoutes(api, registry, deps.routes);

  const document = openApiDocument(registry, deps.version);
  api.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  api.use(routeNotFound);

  app.get('/health', async (_req, res) => {
    res.json({ ok: true, ...(await deps.health()) });
  });
  app.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4').send(deps.metrics());
  });
  app.use('/api/v1', api);
  app.use(routeNotFound);
  app.use(errorHandler(deps.logger));
  return app;
}

/** Upgrade paths with an endpoint; any other upgrade is answered 404 and closed. */
const UPGRADE_PREFIXES = ['/collab/', '/socket.io/'];

/** Refuses WebSocket upgrades to paths no endpoint serves (otherwise the socket would hang open). */
export function refuseUnknownUpgrades(server: Server): void {
  server.on('upgrade', (request: IncomingMessage, socket: Duplex) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!UPGRADE_PREFIXES.some((prefix) => path.startsWith(prefix))) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });
}
