/**
 * The Express application: middleware in order, every module's routes under /api/v1, the OpenAPI
 * description, health, and the one error mapping.
 */
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
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
  app.use('/api/v1', api);
  app.use(routeNotFound);
  app.use(errorHandler(deps.logger));
  return app;
}
