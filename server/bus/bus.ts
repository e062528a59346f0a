// The cross-node message bus: one interface so the server runs on one process without Redis
// and on N identical processes with it, and code above never learns which.
import type { z } from 'zod';

/** Receives one payload; payloads may be shared between handlers of a node, so treat them as read-only. */
export type BusHandler = (payload: Uint8Array) => void | Promise<void>;

/** Removes one subscription; idempotent, so cleanup paths may call it more than once. */
export type Unsubscribe = () => Promise<void>;

/** Publish/subscribe across every node of the deployment, including the publishing one. */
export interface Bus {
  /** Delivers payload to every subscriber of channel on every node (including this one). Resolves once handed to the transport; the bytes are copied, so the caller may reuse its buffer. */
  publish(channel: string, payload: Uint8Array): Promise<void>;
  /** Registers a handler; resolves once the subscription is active (so a publish after it is received). */
  subscribe(channel: string, handler: BusHandler): Promise<Unsubscribe>;
  /** Calls listener after the transport lost and regained its subscriptions: messages in between are gone, so callers resync. */
  onReconnect(listener: () => void): () => void;
  /** Stops delivery and releases connections; later publish/subscribe calls reject with BusClosedError. */
  close(): Promise<void>;
}

/** Structured logger, a subset of pino's so a pino logger can be passed as is. */
export interface BusLogger {
  /** Routine connection news. */
  info(obj: object, msg: string): void;
  /** Recoverable trouble: a dropped connection, a failing handler. */
  warn(obj: object, msg: string): void;
  /** Trouble the bus cannot recover from alone. */
  error(obj: object, msg: string): void;
}

/** Thrown by publish/subscribe after close(), so a late caller learns why instead of hanging. */
export class BusClosedError extends Error {
  constructor(operation: string, channel: string) {
    super(`Bus is closed: cannot ${operation} on channel "${channel}"`);
    this.name = 'BusClosedError';
  }
}

/** Logs through console; the fallback when the caller gives no logger, so failures are never silent. */
export const consoleBusLogger: BusLogger = {
  info: () => {},
  warn: (obj, msg) => console.warn(`[bus] ${msg}`, obj),
  error: (obj, msg) => console.error(`[bus] ${msg}`, obj),
};

/**
 * Calls every handler with payload, isolating each one: a synchronous throw or a rejected promise
 * is logged, because letting it escape would skip the other handlers (memory) or corrupt the
 * Redis client's reply decoder, which runs the listeners inline.
 */
export function dispatch(handlers: Iterable<BusHandler>, channel: string, payload: Uint8Array, logger: BusLogger): void {
  const report = (error: unknown): void => logger.warn({ err: error, channel }, 'bus handler failed');
  for (const handler of [...handlers]) {
    try {
      const result = handler(payload);
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      report(error);
    }
  }
}

/** Calls each listener, logging throws, so one broken resync hook cannot starve the others. */
export function notifyAll(listeners: Iterable<() => void>, logger: BusLogger): void {
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch (error) {
      logger.warn({ err: error }, 'bus reconnect listener failed');
    }
  }
}

/** Why a JSON message was dropped, with the raw bytes for diagnosis. */
export interface InvalidBusMessage {
  channel: string;
  payload: Uint8Array;
  error: unknown;
}

const encoder = new TextEncoder();
// fatal: a payload that is not UTF-8 is reported as invalid rather than parsed as replacement chars.
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Publishes value as UTF-8 JSON; rejects (TypeError) when value has no JSON form, e.g. undefined. */
export async function publishJson<T>(bus: Bus, channel: string, value: T): Promise<void> {
  const json: string | undefined = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`publishJson: value for channel "${channel}" is not JSON-serializable`);
  await bus.publish(channel, encoder.encode(json));
}

/**
 * Subscribes to JSON messages validated by schema: other nodes may run another version, so input
 * is untrusted. A message that is not UTF-8, not JSON or not matching goes to onInvalid
 * (default: a console warning) and never reaches handler nor the transport.
 */
export function subscribeJson<S extends z.ZodType>(
  bus: Bus,
  channel: string,
  schema: S,
  handler: (value: z.output<S>) => void | Promise<void>,
  onInvalid: (invalid: InvalidBusMessage) => void = warnInvalid,
): Promise<Unsubscribe> {
  return bus.subscribe(channel, (payload) => {
    let parsed: z.ZodSafeParseResult<z.output<S>>;
    try {
      parsed = schema.safeParse(JSON.parse(decoder.decode(payload)));
    } catch (error) {
      return reportInvalid(onInvalid, { channel, payload, error });
    }
    if (!parsed.success) return reportInvalid(onInvalid, { channel, payload, error: parsed.error });
    return handler(parsed.data);
  });
}

// A throwing onInvalid must not turn a bad message into a handler failure of the bus.
function reportInvalid(onInvalid: (invalid: InvalidBusMessage) => void, invalid: InvalidBusMessage): void {
  try {
    onInvalid(invalid);
  } catch (error) {
    console.error('[bus] onInvalid callback failed', error);
  }
}

function warnInvalid(invalid: InvalidBusMessage): void {
  console.warn(`[bus] dropped invalid JSON message on "${invalid.channel}"`, invalid.error);
}
