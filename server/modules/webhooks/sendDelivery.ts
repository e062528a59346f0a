/**
 * One attempt to deliver: a signed POST with a time limit covering everything (resolving, connecting, the answer's
 * status line). Redirects are not followed (a 3xx is a failure), no connection is reused, and the answer's body is
 * discarded. Plain node:http rather than fetch, for its `lookup` hook: the SSRF guard checks the very address connected to.
 */
import { createHmac } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { signedText, WebhookHeader } from '../../../shared/api/webhooks.ts';
import { guardedLookup, hostOf, isPrivateAddress } from './addressGuard.ts';

/** A delivery as sent. */
export interface OutgoingDelivery {
  url: string;
  secret: string;
  deliveryId: string;
  eventType: string;
  body: string;
}

/** How an attempt went; `aborted` when the server stopped it (not the receiver's doing: it is not logged). */
export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  aborted: boolean;
}

/** Settings of an attempt. */
export interface SendOptions {
  timeoutMs: number;
  allowPrivateAddresses: boolean;
  /** Aborted when the server stops. */
  signal: AbortSignal;
  userAgent: string;
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` keyed with the webhook's secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(signedText(timestamp, body)).digest('hex')}`;
}

const MAX_ERROR = 300;

/** Sends the delivery once; never throws. */
export function sendDelivery(delivery: OutgoingDelivery, options: SendOptions): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(delivery.url);
  const host = hostOf(url);
  // A literal address is connected to without any lookup: check it here.
  if (!options.allowPrivateAddresses && isIP(host) !== 0 && isPrivateAddress(host)) {
    return Promise.resolve({ ok: false, statusCode: null, error: `${host} is an address where deliveries may not go`, durationMs: 0, aborted: false });
  }
  const timestamp = String(Math.floor(Date.now() / 1000));
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<AttemptResult, 'durationMs' | 'aborted'>, aborted = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed(), aborted });
    };
    const req = request(url, {
      method: 'POST',
      agent: false,
      lookup: guardedLookup(options.allowPrivateAddresses),
      signal: options.signal,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(delivery.body),
        'user-agent': options.userAgent,
        [WebhookHeader.signature]: signature(delivery.secret, timestamp, delivery.body),
        [WebhookHeader.timestamp]: timestamp,
        [WebhookHeader.delivery]: delivery.deliveryId,
        [WebhookHeader.event]: delivery.eventType,
      },
    });
    const timer = setTimeout(() => {
      finish({ ok: false, statusCode: null, error: `no answer within ${options.timeoutMs} ms` });
      req.destroy();
    }, options.timeoutMs);
    req.on('response', (res: IncomingMessage) => {
      const statusCode = res.statusCode ?? null;
      const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
      finish({ ok, statusCode, error: ok ? null : `answered ${statusCode ?? 'without a status'}` });
      // The body is not needed: drop the connection rather than wait for a receiver that never ends it.
      res.resume();
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (options.signal.aborted) {
        finish({ ok: false, statusCode: null, error: 'stopped by the server' }, true);
        return;
      }
      const message = error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message;
      finish({ ok: false, statusCode: null, error: message.slice(0, MAX_ERROR) });
    });
    req.end(delivery.body);
  });
}
