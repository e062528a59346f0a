/**
 * The client's address, as every per-address limit keys it (collaboration sockets, live connections): the first
 * `X-Forwarded-For` entry behind a trusted proxy (`TRUST_PROXY`), else the socket's peer. It works on the bare
 * upgrade or socket.io request, where Express' `req.ip` does not exist, and agrees with `req.ip` under the same setting.
 */
import type { IncomingMessage } from 'node:http';

/** The address a request comes from, honouring the proxy setting. */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return (trustProxy && first) || request.socket.remoteAddress || 'unknown';
}
