/**
 * The one way the client calls the API: same-origin fetch with the session cookie, JSON in and out. Answers are
 * parsed with the shared zod schemas (the API's contract), and errors become an ApiError carrying the problem JSON.
 */
import type { z } from 'zod';
import { type Problem, ProblemSchema } from '../../../shared/api/problem.ts';

/** Base path of the API. */
export const API_BASE = '/api/v1';

/** A refused request: the problem the server answered with (or a network failure, code `network_error`). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
  get code(): string {
    return this.problem.code;
  }
  get status(): number {
    return this.problem.status;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(`${API_BASE}${path}`, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ type: '/problems/network_error', title: 'Network error', status: 0, code: 'network_error' });
  }
}

async function problemOf(response: Response): Promise<Problem> {
  const parsed = ProblemSchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data : { type: '/problems/internal_error', title: response.statusText, status: response.status, code: 'internal_error' };
}

/** Calls the API and parses the answer with `schema`; throws ApiError when refused. */
export async function call<S extends z.ZodType>(schema: S, method: Method, path: string, body?: unknown): Promise<z.infer<S>> {
  const response = await send(method, path, body);
  if (!response.ok) throw new ApiError(await problemOf(response));
  return schema.parse(await response.json());
}

/** Calls an endpoint that answers 204 No Content. */
export async function callNoContent(method: Method, path: string, body?: unknown): Promise<void> {
  const response = await send(method, path, body);
  if (!response.ok) throw new ApiError(await problemOf(response));
}

/** A query string from defined values (`?a=1&b=x`, or '' when empty). */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Encodes one path segment. */
export const seg = encodeURIComponent;
