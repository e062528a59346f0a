/**
 * Clients of the live stream for the integration suites: a socket.io client (the real `socket.io-client`) and an SSE
 * client (real `fetch`), both recording what they receive; a test server with live settings; ledger entries
 * appended directly (as a use case would, in its own transaction); a fake tally source counting `vote.cast` entries
 * (their values read from their sealed parts).
 */
import { and, eq } from 'drizzle-orm';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import type { LedgerEvent } from '../../shared/api/ledger.ts';
import {
  type ClientToServerEvents,
  isVoteTally,
  type LedgerLiveEvent,
  LIVE_SOCKET_PATH,
  LIVE_TRANSPORTS,
  type LiveEnded,
  LiveEndedSchema,
  type LiveMessage,
  LiveMessageSchema,
  type ServerToClientEvents,
  type SubscribeAck,
  type VoteTallyEvent,
} from '../../shared/api/live.ts';
import type { VoteTally, VoteTarget } from '../../shared/api/votes.ts';
import { type App, startApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config/config.ts';
import type { LiveOptions, TallySource } from '../../server/live/index.ts';
import { appendEvent } from '../../server/modules/ledger/index.ts';
import type { Database } from '../../server/storage/database.ts';
import { events } from '../../server/storage/schema.ts';
import type { StorageTarget } from './storageTargets.ts';
import type { TestServer } from './testServer.ts';

/** Live settings a suite may change, and where tallies come from. */
export type LiveTestOptions = Partial<LiveOptions> & { tallyOf?: TallySource };

/** Like startTestServer, with live settings; `databaseUrl` shares one database between servers (multi-node). */
export async function startLiveServer(
  target: StorageTarget,
  options: { env?: Record<string, string>; live?: LiveTestOptions | ((app: () => App) => LiveTestOptions); databaseUrl?: string } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'loilive-live-'));
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: () => Promise.resolve() } : await target.freshDatabaseUrl();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    AUTH_ATTEMPTS_PER_MINUTE: '10000',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  // The live options may need the app itself (e.g. its database, for a tally source), which exists only once started.
  const started: { app?: App } = {};
  const current = () => {
    if (!started.app) throw new Error('the server is not started yet');
    return started.app;
  };
  const live = typeof options.live === 'function' ? options.live(current) : options.live;
  const app = await startApp(config, pino({ level: 'silent' }), { live });
  started.app = app;
  // The suites block the event loop for seconds (PGlite runs in this process): with the 5 s default, a client may reuse a
  // keep-alive connection just as the server closes it (ECONNRESET). A longer timeout moves that race out of reach.
  app.server.keepAliveTimeout = 60_000;
  return {
    app,
    url: app.url,
    async stop() {
      await app.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** An entry to append: its type, payload and, for a vote, its sealed part. */
export interface TestEntry {
  type: string;
  payload?: Record<string, unknown>;
  sealed?: Record<string, unknown>;
}

/** Appends entries to the bill's ledger, each in its own transaction (as separate use cases would). */
export async function appendEntries(db: Database, billId: string, entries: TestEntry[]): Promise<LedgerEvent[]> {
  const appended: LedgerEvent[] = [];
  for (const { type, payload, sealed } of entries) {
    appended.push(await db.transaction((tx) => appendEvent(tx, { billId, type, actorId: null, payload: payload ?? {}, ...(sealed ? { sealed } : {}) })));
  }
  return appended;
}

/** `count` entries of a test type, numbered from `from` in their payload. */
export function testEntries(count: number, from = 1, type = 'test.noted'): Array<{ type: string; payload: Record<string, unknown> }> {
  return Array.from({ length: count }, (_, index) => ({ type, payload: { n: from + index } }));
}

/** A `vote.cast` entry as the votes module records it: its target public, its voter and values sealed. */
export function voteEntry(target: VoteTarget, value: 'agree' | 'mixed' | 'disagree'): TestEntry {
  return { type: 'vote.cast', payload: { target }, sealed: { actorId: 'live-test-voter', value, previous: null } };
}

/** A fake tally source: counts the bill's `vote.cast` entries on the target, their values read from their sealed parts. */
export function ledgerTally(db: () => Database): TallySource {
  return async (billId, target) => {
    const tally: VoteTally = { agree: 0, mixed: 0, disagree: 0, total: 0 };
    const cast = await db()
      .select({ payload: events.payload, sealed: events.sealed })
      .from(events)
      .where(and(eq(events.billId, billId), eq(events.type, 'vote.cast')));
    for (const { payload, sealed } of cast) {
      const on = payload.target as VoteTarget | undefined;
      const value = sealed?.value as 'agree' | 'mixed' | 'disagree' | undefined;
      if (on?.type !== target.type || on.id !== target.id || !value) continue;
      tally[value] += 1;
      tally.total += 1;
    }
    return tally;
  };
}

/** A socket.io client of the live stream that records every message. */
export class LiveClient {
  readonly messages: LiveMessage[] = [];
  /** When each message arrived (ms since epoch), in the same order. */
  readonly arrivals: number[] = [];
  readonly ended: LiveEnded[] = [];

  private constructor(readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {}

  /** Connects (WebSocket transport, no automatic reconnection: tests reconnect explicitly); rejects when refused. */
  static async connect(url: string, headers: Record<string, string> = {}): Promise<LiveClient> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
      path: LIVE_SOCKET_PATH,
      transports: [...LIVE_TRANSPORTS],
      reconnection: false,
      forceNew: true,
      extraHeaders: headers,
    });
    const client = new LiveClient(socket);
    // Parsing checks the shape of every message against the shared protocol.
    socket.on('event', (message) => {
      client.messages.push(LiveMessageSchema.parse(message));
      client.arrivals.push(Date.now());
    });
    socket.on('ended', (notice) => client.ended.push(LiveEndedSchema.parse(notice)));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return client;
  }

  /** Subscribes and returns the ack. */
  subscribe(billId: string, after?: number): Promise<SubscribeAck> {
    return this.socket.timeout(10_000).emitWithAck('subscribe', after === undefined ? { billId } : { billId, after });
  }

  /** Sends any payload as `event` with an ack callback (for hostile-input tests). */
  raw(event: 'subscribe' | 'unsubscribe', payload: unknown): Promise<unknown> {
    return (this.socket.timeout(5_000) as unknown as { emitWithAck(event: string, payload: unknown): Promise<unknown> }).emitWithAck(event, payload);
  }

  /** The bill's messages so far. */
  of(billId: string): LiveMessage[] {
    return this.messages.filter((message) => message.billId === billId);
  }

  /** The bill's ledger entries so far (tallies left out). */
  entries(billId: string): LedgerLiveEvent[] {
    return this.of(billId).flatMap((message) => (isVoteTally(message.event) ? [] : [message.event]));
  }

  /** The seqs of the bill's entries so far. */
  seqs(billId: string): number[] {
    return this.entries(billId).map((event) => event.seq);
  }

  /** The bill's tally messages so far. */
  tallies(billId: string): Array<LiveMessage & { event: VoteTallyEvent }> {
    return this.of(billId).filter((message): message is LiveMessage & { event: VoteTallyEvent } => isVoteTally(message.event));
  }

  /** The cursor of the bill's last message, or `fallback`. */
  cursor(billId: string, fallback = 0): number {
    return this.of(billId).at(-1)?.cursor ?? fallback;
  }

  close(): void {
    this.socket.close();
  }
}

/** One Server-Sent Event. */
export interface SseFrame {
  id: string | undefined;
  event: string;
  data: string;
}

/** An SSE client over fetch, recording frames and heartbeat comments. */
export class SseClient {
  readonly frames: SseFrame[] = [];
  comments = 0;
  #ended = false;

  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {}

  /** Opens `GET /api/v1/bills/:id/live`; a non-200 answer is returned unread (see `response`). */
  static async open(url: string, billId: string, options: { after?: number; lastEventId?: string; headers?: Record<string, string> } = {}): Promise<SseClient> {
    const abort = new AbortController();
    const query = options.after === undefined ? '' : `?after=${options.after}`;
    const response = await fetch(`${url}/api/v1/bills/${encodeURIComponent(billId)}/live${query}`, {
      headers: {
        accept: 'text/event-stream',
        ...(options.lastEventId === undefined ? {} : { 'last-event-id': options.lastEventId }),
        ...options.headers,
      },
      signal: abort.signal,
    });
    const client = new SseClient(response, abort);
    if (response.status === 200) void client.#read();
    return client;
  }

  /** True once the server ended the stream. */
  get ended(): boolean {
    return this.#ended;
  }

  /** The messages (events other than `subscribed` and `ended`), parsed. */
  messages(): LiveMessage[] {
    return this.frames.filter((frame) => frame.event !== 'subscribed' && frame.event !== 'ended').map((frame) => LiveMessageSchema.parse(JSON.parse(frame.data)));
  }

  /** The seqs of the ledger entries received. */
  seqs(): number[] {
    return this.messages().flatMap((message) => (isVoteTally(message.event) ? [] : [message.event.seq]));
  }

  /** The id of the last frame that had one, as a browser keeps it for Last-Event-ID. */
  lastEventId(): string | undefined {
    return this.frames.findLast((frame) => frame.id !== undefined)?.id;
  }

  close(): void {
    this.abort.abort();
  }

  async #read(): Promise<void> {
    const body = this.response.body;
    if (!body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          this.#parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted by close()
    }
    this.#ended = true;
  }

  #parse(block: string): void {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments += 1;
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) this.frames.push({ id, event, data: data.join('\n') });
  }
}

/** Asserts `seqs` is exactly from..to, in order, each once. */
export function expectRange(seqs: number[], from: number, to: number): void {
  expect(seqs).toEqual(Array.from({ length: to - from + 1 }, (_, index) => from + index));
}
