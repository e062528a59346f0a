/**
 * The collaboration endpoint's limits, applied before and after authentication. Defaults suit a public
 * deployment; tests lower them to exercise each one.
 */

/** Every limit of the endpoint. */
export interface CollabLimits {
  /** Largest WebSocket message accepted, in bytes. */
  maxMessageBytes: number;
  /** Largest stored size of one document, in bytes of Yjs updates. */
  maxDocumentBytes: number;
  /** Open collaboration sockets per client address on one node. */
  maxConnectionsPerAddress: number;
  /** Messages per second a connection may send (a burst of twice as many is tolerated). */
  messagesPerSecond: number;
  /** Awareness messages per second a connection may send; extra ones are dropped, not fatal. */
  awarenessPerSecond: number;
  /** Time a client has to send its first sync message after the socket opens. */
  handshakeTimeoutMs: number;
}

/** The limits used unless configured otherwise. */
export const defaultCollabLimits: CollabLimits = {
  maxMessageBytes: 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  maxConnectionsPerAddress: 50,
  messagesPerSecond: 100,
  awarenessPerSecond: 10,
  handshakeTimeoutMs: 10_000,
};

/** A token bucket: `rate` tokens per second, holding at most `burst`. */
export class TokenBucket {
  #tokens: number;
  #last = Date.now();

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.#tokens = burst;
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = Date.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.rate);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
