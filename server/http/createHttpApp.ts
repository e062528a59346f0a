/**
 * The Express application: middleware in order, every module's routes under /api/v1, the OpenAPI
 * description, health, the built web client, and the one error mapping.
 */
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { IncomingMessage, Server } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
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
  /** The built web client (`vite build` output); defaults to client/dist. Absent: only the API is served. */
  clientDir?: string;
}

/** Where `vite build` puts the web client (see vite.config.ts and client/scripts/buildIfStale.ts). */
const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../../client/dist', import.meta.url));

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
  app.use(webClient(deps.clientDir ?? DEFAULT_CLIENT_DIR));
  app.use(routeNotFound);
  app.use(errorHandler(deps.logger));
  return app;
}

/** Paths the web client never answers: the API and the WebSocket endpoints keep their own 404s. */
const NOT_CLIENT_PATHS = /^\/(api|collab|socket\.io|health|metrics)(\/|$)/;

/**
 * Serves the built client: hashed files under /assets for a year (their name changes with their content), the rest
 * revalidated; and index.html for the client's deep links (/bills/…/articles/…). A deep link is answered with the
 * page only when the caller prefers HTML (a browser navigation), so API clients still get a problem JSON 404 for
 * unknown paths. Without a build every request falls through, and the API works alone.
 */
function webClient(dir: string): express.Router {
  const router = express.Router();
  router.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  router.get(/.*/, (req, res, next) => {
    // A missing hashed asset is a 404, never the page (which the browser would try to run as a script).
    if (NOT_CLIENT_PATHS.test(req.path) || req.path.startsWith('/assets/')) return next();
    if (req.path !== '/' && req.accepts(['json', 'html']) !== 'html') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, 'index.html'), (error) => {
      if (error && !res.headersSent) next();
    });
  });
  return router;
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
