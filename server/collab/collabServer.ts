/**
 * The collaboration endpoint: `/collab/<documentName>` on the API's HTTP server, speaking the standard
 * y-websocket protocol. Upgrades are checked (path, origin, connections per address), the ticket in the
 * query string decides who the client is and whether it may write, then the socket joins its live document.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, closeReason } from '../../shared/collab/closeCodes.ts';
import { collabPathPrefix, type DocumentName, formatDocumentName, parseCollabPath } from '../../shared/collab/documentName.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { DomainError } from '../common/errors.ts';
import { ConnectionsPerAddress } from '../limits/index.ts';
import { Connection, type ConnectionClaims } from './connection.ts';
import type { CollabLimits } from './limits.ts';
import type { DocumentRegistry } from './registry.ts';

// Messages a client may send while its socket is being admitted (the stock provider sends two or three).
const MAX_EARLY_MESSAGES = 32;

/** What the endpoint asks of the rest of the server. */
export interface CollabServerDeps {
  registry: DocumentRegistry;
  limits: CollabLimits;
  /** Origins allowed to open sockets from a browser; empty allows any (development). */
  allowedOrigins: string[];
  /** The claims of a ticket, or null when it is invalid or expired. */
  verifyTicket(ticket: string): { doc: string; userId: string | null; access: 'read' | 'write'; identity: ConnectionClaims['identity'] } | null;
  /** The ticket's claims as they hold now: a writer whose rights were revoked since is downgraded to reading. */
  confirmClaims(claims: ConnectionClaims, document: DocumentName): Promise<ConnectionClaims>;
  /** Claims of a client without a ticket: an anonymous reader when the document is public, else null. */
  anonymousClaims(document: DocumentName): Promise<ConnectionClaims | null>;
  /** The client's address (honouring the proxy settings). */
  addressOf(request: IncomingMessage): string;
}


/** Handles collaboration upgrades of an HTTP server; returns a function that closes every socket. */
export function attachCollabServer(server: Server, deps: CollabServerDeps): { close(): Promise<void>; connectionsOf(address: string): number } {
  // Slightly above the limit, so an oversized message reaches our check and gets our close code, not ws' 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.limits.maxMessageBytes + 1024 });
  const perAddress = new ConnectionsPerAddress(deps.limits.maxConnectionsPerAddress);
  // What an anonymous reader of a bill is granted; the same for every bill, learnt from the first one.
  let anonymousReader: ConnectionClaims | null = null;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(collabPathPrefix)) return; // another endpoint's upgrade (socket.io)
    const origin = request.headers.origin;
    // Browsers always send Origin; refusing foreign ones stops other sites from using a visitor's tickets.
    if (origin !== undefined && deps.allowedOrigins.length > 0 && !deps.allowedOrigins.includes(origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    // A write to a socket costs a system call whatever its size: the 101 response and, when admission needs no I/O
    // (the usual join of an open document), the first frames of the protocol leave in one. Uncorked on the next
    // turn of the event loop at the latest, so an admission waiting for the database never holds the handshake back.
    socket.cork();
    setImmediate(() => socket.uncork());
    wss.handleUpgrade(request, socket, head, (ws) => {
      // Whatever fails while admitting a socket (the database is down…) closes that socket, never the process.
      accept(ws, request, url).catch(() => refuse(ws, CloseCode.unavailable));
    });
  });

  async function accept(ws: WebSocket, request: IncomingMessage, url: URL): Promise<void> {
    const address = deps.addressOf(request);
    const releaseSlot = perAddress.take(address);
    if (releaseSlot === null) return refuse(ws, CloseCode.tooManyConnections);
    // Admission and then the client's first message must both come in time (COLLAB13); the connection clears the
    // timer when the client speaks.
    let connection: Connection | null = null;
    const deadline = setTimeout(() => {
      if (connection) connection.close(CloseCode.authenticationTimeout);
      else refuse(ws, CloseCode.authenticationTimeout);
    }, deps.limits.handshakeTimeoutMs);
    ws.once('close', () => {
      clearTimeout(deadline);
      releaseSlot();
    });
    // Messages sent before the document is ready are kept in order and replayed, up to a bound. (An inline listener,
    // removed with removeAllListeners below: tsx' keepNames gives a named one a defineProperty on every socket.)
    const early: [unknown, boolean][] = [];
    ws.on('message', (data: unknown, isBinary: boolean) => {
      early.push([data, isBinary]);
      if (early.length > MAX_EARLY_MESSAGES) refuse(ws, CloseCode.rateLimited);
    });

    const document = parseCollabPath(url.pathname);
    if (document === null) return refuse(ws, CloseCode.malformedPath);
    const ticket = url.searchParams.get('ticket');
    let claims: ConnectionClaims | null;
    if (ticket !== null) {
      const verified = deps.verifyTicket(ticket);
      if (verified === null || verified.doc !== formatDocumentName(document)) return refuse(ws, CloseCode.authenticationFailed);
      claims = await deps.confirmClaims({ userId: verified.userId, access: verified.access, identity: verified.identity }, document);
    } else {
      try {
        // A bill already open here exists and is public: a join storm of readers costs no database query.
        const known = document.kind === 'bill' && deps.registry.isOpen(document) ? anonymousReader : null;
        claims = known ?? (await deps.anonymousClaims(document));
        if (document.kind === 'bill') anonymousReader ??= claims;
      } catch (error) {
        if (error instanceof DomainError && error.code === ErrorCode.documentNotFound) return refuse(ws, CloseCode.unknownDocument);
        if (error instanceof DomainError && error.code === ErrorCode.billNotFound) return refuse(ws, CloseCode.unknownDocument);
        throw error;
      }
      if (claims === null) return refuse(ws, CloseCode.authenticationFailed);
    }
    let live;
    try {
      live = await deps.registry.open(document);
    } catch {
      return refuse(ws, CloseCode.unavailable);
    }
    if (ws.readyState !== ws.OPEN) return;
    ws.removeAllListeners('message'); // the early messages' listener, the only one until the connection's
    connection = new Connection(ws, claims, address, deps.limits, deadline);
    live.join(connection);
    for (const [data, isBinary] of early) ws.emit('message', data, isBinary);
  }

  return {
    connectionsOf: (address) => perAddress.of(address),
    async close() {
      await deps.registry.closeAll(CloseCode.serverShutdown);
      for (const ws of wss.clients) ws.close(CloseCode.serverShutdown, closeReason(CloseCode.serverShutdown));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function refuse(ws: WebSocket, code: CloseCode): void {
  if (ws.readyState === ws.CONNECTING || ws.readyState === ws.OPEN) ws.close(code, closeReason(code));
}
