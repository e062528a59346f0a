/**
 * The live stream's limit on connections per client address (LIVE12). socket.io sockets and SSE streams of this node
 * share one count, so switching transport gains nothing; each transport tells a refused client the same refusal in
 * its own way (socket.io `connect_error`, SSE problem JSON).
 */
import type { IncomingMessage } from 'node:http';
import type { LiveConnectRefusal } from '../../shared/api/live.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { ConnectionsPerAddress, type ReleaseSlot } from '../limits/index.ts';

/** Live connections per client address on this node, at most `max` each. */
export class LiveConnectionLimit {
  readonly #connections: ConnectionsPerAddress;
  /** What a refused client is told, by either transport. */
  readonly refusal: LiveConnectRefusal;

  constructor(
    max: number,
    private readonly addressOf: (request: IncomingMessage) => string,
  ) {
    this.#connections = new ConnectionsPerAddress(max);
    this.refusal = {
      code: ErrorCode.tooManyConnections,
      message: `This address already holds ${max} live connections (socket.io and SSE together); close one first`,
    };
  }

  /** Takes a slot for the request's client address; null when that address holds as many as it may. */
  admit(request: IncomingMessage): ReleaseSlot | null {
    return this.#connections.take(this.addressOf(request));
  }

  /** Live connections `address` holds now. */
  of(address: string): number {
    return this.#connections.of(address);
  }
}
