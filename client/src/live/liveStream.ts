/**
 * The live stream of a bill over socket.io (websocket transport only, as the server serves). A follower starts
 * with the last few entries (for the activity feed), then gets everything live; after a reconnection or an `ended`
 * notice it resubscribes with the last cursor it saw, so nothing is missed and nothing comes twice.
 */
import { io, type Socket } from 'socket.io-client';
import {
  type ClientToServerEvents,
  LIVE_SOCKET_PATH,
  LIVE_TRANSPORTS,
  type LiveMessage,
  LiveMessageSchema,
  type ServerToClientEvents,
  type SubscribeAck,
} from '../../../shared/api/live.ts';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let shared: LiveSocket | null = null;

/** One socket for the whole page, opened on first use. */
function socket(): LiveSocket {
  shared ??= io({ path: LIVE_SOCKET_PATH, transports: [...LIVE_TRANSPORTS] });
  return shared;
}

const subscribe = (s: LiveSocket, billId: string, after?: number) =>
  new Promise<SubscribeAck>((resolve) => s.emit('subscribe', after === undefined ? { billId } : { billId, after }, resolve));

const unsubscribe = (s: LiveSocket, billId: string) => new Promise<void>((resolve) => s.emit('unsubscribe', { billId }, () => resolve()));

/** Follows a bill: `onMessage` gets the last `backlog` entries, then every new one. Returns the unfollow function. */
export function followBill(billId: string, onMessage: (message: LiveMessage) => void, backlog = 30): () => void {
  const s = socket();
  let cursor: number | null = null;
  let stopped = false;

  // While finding the head, messages are ignored: the replay that follows carries them again.
  let probing = false;

  const start = async () => {
    if (stopped) return;
    if (cursor !== null) {
      await subscribe(s, billId, cursor);
      return;
    }
    probing = true;
    const head = await subscribe(s, billId);
    if (!head.ok || stopped) return;
    const from = Math.max(0, head.cursor - backlog);
    if (from !== head.cursor) await unsubscribe(s, billId);
    cursor = from;
    probing = false;
    if (from !== head.cursor) await subscribe(s, billId, from);
  };

  const onEvent = (raw: LiveMessage) => {
    const parsed = LiveMessageSchema.safeParse(raw);
    if (probing || !parsed.success || parsed.data.billId !== billId) return;
    const message = parsed.data;
    // A tally's cursor may repeat (it reflects votes already counted); entries never do.
    if (cursor !== null && message.cursor <= cursor && message.event.type !== 'vote.tally') return;
    cursor = Math.max(cursor ?? 0, message.cursor);
    onMessage(message);
  };
  const onEnded = ({ billId: ended }: { billId: string }) => {
    if (ended === billId) setTimeout(() => void start(), 1_000);
  };
  // socket.io reconnects by itself; subscriptions do not survive it.
  const onConnect = () => void start();

  s.on('event', onEvent);
  s.on('ended', onEnded);
  s.io.on('reconnect', onConnect);
  if (s.connected) void start();
  else s.once('connect', onConnect);

  return () => {
    stopped = true;
    s.off('event', onEvent);
    s.off('ended', onEnded);
    s.off('connect', onConnect);
    s.io.off('reconnect', onConnect);
    if (s.connected) s.emit('unsubscribe', { billId });
  };
}
