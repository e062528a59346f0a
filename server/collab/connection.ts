/**
 * One client's socket on one document: who it is (from its ticket, never from the client), what it may do,
 * and the per-connection limits. It turns frames into calls on its LiveDocument and never lets an error out.
 */
import type { WebSocket } from 'ws';
import type { CollabIdentity } from '../../shared/api/collab.ts';
import { CloseCode, closeReason } from '../../shared/collab/closeCodes.ts';
import { type CollabLimits, TokenBucket } from './limits.ts';
import { type ClientMessage, decodeClientMessage, ProtocolError } from './protocol.ts';

/** Who is connected, as the ticket says. */
export interface ConnectionClaims {
  userId: string | null;
  access: 'read' | 'write';
  identity: CollabIdentity;
}

/** What a connection needs from the document it is attached to. */
export interface ConnectionHost {
  handle(connection: Connection, message: ClientMessage): void;
  leave(connection: Connection): void;
}

/** A client socket attached to a live document. */
export class Connection {
  /** Awareness client ids this connection announced, to remove when it leaves. */
  readonly awarenessClients = new Set<number>();
  #host: ConnectionHost | null = null;
  #closed = false;
  #handshakeDeadline: NodeJS.Timeout | null;
  readonly #messages: TokenBucket;
  readonly #awareness: TokenBucket;

  /**
   * `handshakeDeadline` is the endpoint's timer, running since the upgrade, that closes a socket which has not started
   * the protocol in time (it holds memory and a slot); the connection clears it at its first message. One timer per
   * socket for admission and first message, rather than one each.
   */
  constructor(
    readonly socket: WebSocket,
    readonly claims: ConnectionClaims,
    readonly address: string,
    private readonly limits: CollabLimits,
    handshakeDeadline: NodeJS.Timeout,
  ) {
    this.#messages = new TokenBucket(limits.messagesPerSecond, limits.messagesPerSecond * 2);
    this.#awareness = new TokenBucket(limits.awarenessPerSecond, limits.awarenessPerSecond * 2);
    this.#handshakeDeadline = handshakeDeadline;
    socket.on('message', (data, isBinary) => this.#receive(data, isBinary));
    socket.on('close', () => this.#detach());
    socket.on('error', () => this.#detach());
  }

  /** True when the connection may change the document. */
  get canWrite(): boolean {
    return this.claims.access === 'write';
  }

  /** True once the socket is closed or closing. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Attaches the connection to its document; messages flow from now on. */
  attach(host: ConnectionHost): void {
    this.#host = host;
  }

  /** Sends a frame unless the socket is gone. */
  send(frame: Uint8Array): void {
    if (this.#closed || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(frame, { binary: true });
  }

  /** Closes with one of our named codes; the document forgets the connection. */
  close(code: CloseCode): void {
    if (this.#closed) return;
    this.#closed = true;
    this.socket.close(code, closeReason(code));
    this.#detach();
  }

  /** Whether an awareness message may pass (extra ones are dropped, not fatal). */
  allowAwareness(): boolean {
    return this.#awareness.take();
  }

  #receive(data: unknown, isBinary: boolean): void {
    if (this.#closed) return;
    try {
      const bytes = toBytes(data);
      if (!isBinary || bytes === null) throw new ProtocolError(CloseCode.malformedMessage, 'text frames are not part of the protocol');
      if (bytes.length > this.limits.maxMessageBytes) throw new ProtocolError(CloseCode.messageTooLarge, 'message too large');
      if (!this.#messages.take()) throw new ProtocolError(CloseCode.rateLimited, 'too many messages');
      const message = decodeClientMessage(bytes);
      this.#clearHandshakeDeadline();
      this.#host?.handle(this, message);
    } catch (error) {
      // Whatever a client sends, the worst outcome is its own socket closing.
      this.close(error instanceof ProtocolError ? error.code : CloseCode.malformedMessage);
    }
  }

  #detach(): void {
    this.#closed = true;
    this.#clearHandshakeDeadline();
    const host = this.#host;
    this.#host = null;
    host?.leave(this);
  }

  #clearHandshakeDeadline(): void {
    if (this.#handshakeDeadline === null) return;
    clearTimeout(this.#handshakeDeadline);
    this.#handshakeDeadline = null;
  }
}

function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data) && data.every((part) => part instanceof Uint8Array)) return Buffer.concat(data);
  return null;
}
