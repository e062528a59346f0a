/**
 * What every live document connection shares: the stock y-websocket provider on `/collab/<name>`, given a fresh
 * two-minute ticket before each connection (signed-in users), since the provider would otherwise retry with an
 * expired one; and a state whose changes reach listeners once per animation frame, so typing does not re-render
 * per keystroke.
 */
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { CloseCode } from '../../../shared/collab/closeCodes.ts';
import { requestTicket } from '../api/collab.ts';

/** Closes after which reconnecting cannot help. */
const FINAL_CLOSES: ReadonlySet<number> = new Set<number>([CloseCode.unknownDocument, CloseCode.malformedPath]);

const collabBase = () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;

/** A provider kept connected with fresh tickets. */
export interface TicketedProvider {
  provider: WebsocketProvider;
  destroy: () => void;
}

/**
 * Opens `name` on `doc`. `onAccess` learns what each ticket grants; `onFatal` is told of a close after which
 * reconnecting cannot help (unknown document…). Anonymous readers connect without a ticket.
 */
export function openTicketedProvider(
  name: string,
  doc: Y.Doc,
  { signedIn, onAccess, onFatal }: { signedIn: boolean; onAccess: (access: 'read' | 'write') => void; onFatal: (code: number) => void },
): TicketedProvider {
  // Signed-in users never let the provider retry by itself: each attempt needs a fresh ticket (see `closed` below).
  const shouldReconnect = (event: CloseEvent) => !signedIn && !FINAL_CLOSES.has(event.code);
  const provider = new WebsocketProvider(collabBase(), name, doc, { connect: false, disableBc: true, maxBackoffTime: 5_000, shouldReconnect });
  let destroyed = false;
  let attempts = 0;

  const connect = async () => {
    if (destroyed) return;
    if (signedIn) {
      try {
        const ticket = await requestTicket(name);
        provider.params = { ticket: ticket.ticket };
        onAccess(ticket.access);
      } catch {
        // Without a ticket the socket is an anonymous reader: a public text still shows.
        provider.params = {};
      }
    }
    if (!destroyed) provider.connect();
  };

  provider.on('sync', (synced: boolean) => {
    if (synced) attempts = 0;
  });
  provider.on('closed', ({ code }: { code: number }) => {
    if (destroyed) return;
    if (FINAL_CLOSES.has(code)) {
      onFatal(code);
      return;
    }
    // An expired ticket, changed rights or a restarting server: retry with a fresh ticket, backing off.
    attempts += 1;
    setTimeout(() => void connect(), Math.min(5_000, 250 * 2 ** attempts));
  });
  void connect();

  return {
    provider,
    destroy() {
      destroyed = true;
      provider.destroy();
    },
  };
}

/** A state that notifies its listeners at most once per animation frame. */
export interface FrameBatchedState<S> {
  get: () => S;
  /** Changes the state now; listeners hear of it on the next frame. */
  update: (patch: Partial<S>) => void;
  subscribe: (listener: (state: S) => void) => () => void;
  destroy: () => void;
}

/** Creates a {@link FrameBatchedState} holding `initial`. */
export function frameBatchedState<S extends object>(initial: S): FrameBatchedState<S> {
  const listeners = new Set<(state: S) => void>();
  let current = initial;
  let frame = 0;
  return {
    get: () => current,
    update(patch) {
      current = { ...current, ...patch };
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        for (const listener of [...listeners]) listener(current);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    destroy() {
      cancelAnimationFrame(frame);
      listeners.clear();
    },
  };
}
