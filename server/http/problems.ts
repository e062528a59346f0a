/**
 * The one place where errors become HTTP responses: problem JSON (RFC 9457) with a stable `code`.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import type { Problem } from '../../shared/api/problem.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { DomainError } from '../common/errors.ts';

/** HTTP status of each error code; exhaustive so a new code cannot be forgotten. */
const statusOf = {
  validation_failed: 400,
  malformed_json: 400,
  payload_too_large: 413,
  route_not_found: 404,
  bill_not_found: 404,
  version_not_found: 404,
  article_not_found: 404,
  user_not_found: 404,
  document_not_found: 404,
  authentication_required: 401,
  invalid_credentials: 401,
  forbidden: 403,
  email_taken: 409,
  not_parliamentarian: 409,
  source_ref_taken: 409,
  import_invalid: 422,
  import_unreachable: 502,
  annotation_not_found: 404,
  amendment_not_found: 404,
  argument_not_found: 404,
  source_not_found: 404,
  question_not_found: 404,
  report_not_found: 404,
  contribution_not_found: 404,
  amendment_not_pending: 409,
  invalid_transition: 409,
  anchor_invalid: 422,
  already_reported: 409,
  own_content: 403,
  rate_limited: 429,
  too_many_subscriptions: 429,
  too_many_connections: 429,
  webhook_not_found: 404,
  webhook_url_refused: 422,
  too_many_webhooks: 409,
  git_unavailable: 503,
  server_busy: 503,
  internal_error: 500,
} satisfies Record<ErrorCode, number>;

const titles: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  malformed_json: 'The body is not valid JSON',
  payload_too_large: 'The body is too large',
  route_not_found: 'No such endpoint',
  bill_not_found: 'No such bill',
  version_not_found: 'No such version',
  article_not_found: 'No such article',
  user_not_found: 'No such user',
  document_not_found: 'No such document',
  authentication_required: 'Sign-in required',
  invalid_credentials: 'Wrong e-mail or password',
  forbidden: 'Not allowed',
  email_taken: 'E-mail already registered',
  not_parliamentarian: 'Not a parliamentarian',
  source_ref_taken: 'Source reference already used',
  import_invalid: 'The import source is not valid',
  import_unreachable: 'The import source could not be fetched',
  annotation_not_found: 'No such annotation',
  amendment_not_found: 'No such amendment',
  argument_not_found: 'No such argument',
  source_not_found: 'No such source',
  question_not_found: 'No such question',
  report_not_found: 'No such report',
  contribution_not_found: 'No such contribution',
  amendment_not_pending: 'Amendment not awaiting a decision',
  invalid_transition: 'Not possible in this state',
  anchor_invalid: 'The anchor does not fit the text',
  already_reported: 'Already reported',
  own_content: 'Cannot moderate one’s own contribution',
  rate_limited: 'Too many requests',
  too_many_subscriptions: 'Too many live subscriptions',
  too_many_connections: 'Too many live connections',
  webhook_not_found: 'No such webhook',
  webhook_url_refused: 'Deliveries may not go to this URL',
  too_many_webhooks: 'Too many webhooks',
  git_unavailable: 'Git is not available on this server',
  server_busy: 'The server is busy',
  internal_error: 'Internal error',
};

/** Builds a problem body for a code. */
export function problem(code: ErrorCode, detail?: string, extra: Partial<Problem> = {}): Problem {
  return { type: `/problems/${code}`, title: titles[code], status: statusOf[code], code, ...(detail ? { detail } : {}), ...extra };
}

/** Answers any request no route matched. */
export const routeNotFound: RequestHandler = (req, res) => {
  const body = problem(ErrorCode.routeNotFound, `${req.method} ${req.path} does not exist`);
  res.status(body.status).type('application/problem+json').json(body);
};

/** Maps thrown errors to problems; unexpected ones are logged and answered as a 500 without internals. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const body = toProblem(error);
    if (body.status >= 500) logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    if ((body.code === ErrorCode.rateLimited || body.code === ErrorCode.serverBusy) && error instanceof DomainError) {
      res.setHeader('Retry-After', String(Number(error.details.retryAfterSeconds ?? 1)));
    }
    res.status(body.status).type('application/problem+json').json(body);
  };
}

function toProblem(error: unknown): Problem {
  if (error instanceof DomainError) {
    const { file, field, ...rest } = error.details;
    return problem(error.code, error.message, {
      ...(typeof file === 'string' ? { file } : {}),
      ...(typeof field === 'string' ? { field } : {}),
      ...(Array.isArray(rest.errors) ? { errors: rest.errors as Problem['errors'] } : {}),
    });
  }
  if (error instanceof ZodError) {
    const errors = error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));
    return problem(ErrorCode.validationFailed, errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  // body-parser marks its errors with a `type`.
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return problem(ErrorCode.malformedJson, 'The request body could not be parsed as JSON');
  if (type === 'entity.too.large') return problem(ErrorCode.payloadTooLarge);
  return problem(ErrorCode.internal);
}
