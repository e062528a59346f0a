/**
 * One declaration per endpoint: its zod schemas both validate the request and document it in the OpenAPI
 * description, so the two can never drift apart. Handlers are thin: parse → call a use case → present.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { z } from 'zod';
import { ProblemSchema } from '../../shared/api/problem.ts';
import type { Actor } from '../common/actor.ts';
import { authenticationRequired } from '../common/errors.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

const DEFAULT_BODY_LIMIT = '1mb';

/** What a handler receives: validated input and the actor; `res` for the rare header or cookie. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  req: Request;
  res: Response;
}

/** An endpoint: method, path, schemas, documented outcomes, handler. */
export interface Route<P = unknown, Q = unknown, B = unknown, R = unknown> {
  method: Method;
  /** Express-style path relative to /api/v1, e.g. `/bills/:id`. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** The success status and body schema; `null` schema for 204, or for a handler that writes its body itself. */
  status?: number;
  response: z.ZodType<R> | null;
  /** For a handler that streams its body itself (response `null`): the content type and the schema of one item, documented. */
  stream?: { contentType: string; item: z.ZodType };
  /** Error statuses this endpoint may answer with a problem body, for the documentation. */
  errors?: number[];
  /** Largest JSON body accepted, in bytes-as-text for body-parser ('1mb' when unset). */
  bodyLimit?: string;
  /** True when the endpoint needs a signed-in user (documented as a security requirement). */
  auth?: boolean;
  handler: (input: RouteInput<P, Q, B>) => Promise<R>;
}

/** A route whose handler was type-checked against its schemas, ready to be mounted with any other. */
export type MountableRoute = Route<unknown, unknown, unknown, unknown>;

/**
 * Declares a route: the handler's input and output types are inferred from the schemas and checked here;
 * afterwards the route only needs to be mounted, so its types are erased to let routes share one list.
 */
export function defineRoute<P = undefined, Q = undefined, B = undefined, R = undefined>(route: Route<P, Q, B, R>): MountableRoute {
  return route as unknown as MountableRoute;
}

const errorDescriptions: Record<number, string> = {
  400: 'Invalid request (problem JSON)',
  401: 'Not signed in (problem JSON)',
  403: 'Not allowed (problem JSON)',
  404: 'Not found (problem JSON)',
  409: 'Conflict (problem JSON)',
  413: 'Body too large (problem JSON)',
  422: 'Unprocessable source (problem JSON)',
  429: 'Too many requests (problem JSON)',
  502: 'Source unreachable (problem JSON)',
};

/** Mounts routes on an Express router and documents each one in the OpenAPI registry. */
export function mountRoutes(router: Router, registry: OpenAPIRegistry, routes: MountableRoute[]): void {
  for (const route of routes) {
    document(registry, route);
    // Anonymous callers of a signed-in-only endpoint learn that first: their body is not even read.
    const requireSignIn: RequestHandler = (_req, res, next) => {
      if (route.auth && res.locals.actor === null) throw authenticationRequired();
      next();
    };
    // Each route parses its own body, so one endpoint's larger limit never applies to the others.
    const parseBody = express.json({ limit: route.bodyLimit ?? DEFAULT_BODY_LIMIT });
    router[route.method](route.path, requireSignIn, parseBody, async (req, res) => {
      const input: RouteInput<unknown, unknown, unknown> = {
        params: route.params ? route.params.parse(req.params) : undefined,
        query: route.query ? route.query.parse(req.query) : undefined,
        body: route.body ? route.body.parse(req.body ?? {}) : undefined,
        actor: res.locals.actor as Actor,
        req,
        res,
      };
      const result = await route.handler(input);
      // A streaming handler has answered already.
      if (res.headersSent) return;
      // A handler may pick the status itself (e.g. 201 created vs 200 updated) when the route fixes none.
      const status = route.status ?? res.statusCode;
      if (route.response === null) res.status(status).end();
      else res.status(status).json(result);
    });
  }
}

function document(registry: OpenAPIRegistry, route: MountableRoute): void {
  const problem = { content: { 'application/problem+json': { schema: ProblemSchema } } };
  const errors = Object.fromEntries(
    [...new Set([...(route.errors ?? []), ...(route.params || route.query || route.body ? [400] : [])])].map((status) => [
      status,
      { description: errorDescriptions[status] ?? 'Error (problem JSON)', ...problem },
    ]),
  );
  const status = route.status ?? 200;
  registry.registerPath({
    method: route.method,
    path: route.path.replace(/:([A-Za-z]+)/g, '{$1}'),
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth ? { security: [{ session: [] }, { bearer: [] }] } : {}),
    request: {
      ...(route.params ? { params: route.params as z.ZodObject } : {}),
      ...(route.query ? { query: route.query as z.ZodObject } : {}),
      ...(route.body ? { body: { content: { 'application/json': { schema: route.body } } } } : {}),
    },
    responses: {
      [status]: route.stream
        ? { description: 'A stream of items', content: { [route.stream.contentType]: { schema: route.stream.item } } }
        : route.response === null
          ? { description: 'Done' }
          : { description: 'Success', content: { 'application/json': { schema: route.response } } },
      ...errors,
    },
  });
}
