import { connect as connectTcp } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/api/bills.ts';
import { LiveConnectRefusalSchema } from '../../shared/api/live.ts';
import { ADMIN_ENV, adminClient, createBill, expectProblem } from '../helpers/apiFixtures.ts';
import { waitFor } from '../helpers/collabClients.ts';
import { appendEntries, LiveClient, SseClient, startLiveServer, testEntries } from '../helpers/liveClients.ts';
import { pgliteTarget, storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import type { ApiClient, TestServer } from '../helpers/testServer.ts';

const MAX = 3;
const LOCAL = '127.0.0.1';

/** Live connections to one server from the test, closed after each test. */
class Connections {
  readonly open: Array<LiveClient | SseClient> = [];

  constructor(private readonly url: string) {}

  async socket(headers: Record<string, string> = {}): Promise<LiveClient> {
    const client = await LiveClient.connect(this.url, headers);
    this.open.push(client);
    return client;
  }

  async stream(billId: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const stream = await SseClient.open(this.url, billId, { headers });
    this.open.push(stream);
    expect(stream.response.status).toBe(200);
    return stream;
  }

  /** The `data` of the `connect_error` a refused socket.io connection gets. */
  async socketRefusal(headers: Record<string, string> = {}): Promise<unknown> {
    let client: LiveClient;
    try {
      client = await LiveClient.connect(this.url, headers);
    } catch (error) {
      return (error as { data?: unknown }).data;
    }
    client.close();
    throw new Error('the socket.io connection was accepted');
  }

  /** The answer to an SSE request that should be refused, read as JSON. */
  async streamRefusal(billId: string, headers: Record<string, string> = {}) {
    const stream = await SseClient.open(this.url, billId, { headers });
    if (stream.response.status === 200) {
      stream.close();
      throw new Error('the SSE stream was accepted');
    }
    const text = await stream.response.text();
    return { status: stream.response.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: stream.response.headers };
  }

  closeAll(): void {
    for (const connection of this.open.splice(0)) connection.close();
  }
}

function expectSocketRefused(data: unknown): void {
  const refusal = LiveConnectRefusalSchema.parse(data);
  expect(refusal.code).toBe('too_many_connections');
  expect(refusal.message).toContain(String(MAX));
}

describe.each(storageTargets)('live connections per client address on $name', (target) => {
  describe.skipIf(target.skipReason !== null)(targetTitle(target), () => {
    let server: TestServer;
    let admin: ApiClient;
    let connections: Connections;

    beforeAll(async () => {
      server = await startLiveServer(target, { env: { ...ADMIN_ENV, LIVE_MAX_CONNECTIONS_PER_ADDRESS: String(MAX) } });
      admin = await adminClient(server.url);
      connections = new Connections(server.url);
    });
    afterEach(async () => {
      connections.closeAll();
      // Every test starts with all of this address's slots free.
      await waitFor(() => expect(server.app.live.connectionsOf(LOCAL)).toBe(0));
    });
    afterAll(async () => {
      await server?.stop();
    });

    async function publish(bill: Bill, count: number, from: number): Promise<void> {
      server.app.live.published(bill.id, await appendEntries(server.app.storage.db, bill.id, testEntries(count, from)));
    }

    it('LIVE12 socket.io: the connection past LIVE_MAX_CONNECTIONS_PER_ADDRESS gets connect_error too_many_connections, the others stay served', async () => {
      const bill = await createBill(admin);
      const served: LiveClient[] = [];
      for (let i = 0; i < MAX; i++) served.push(await connections.socket());
      for (const client of served) expect(await client.subscribe(bill.id)).toEqual({ ok: true, cursor: 1 });
      expectSocketRefused(await connections.socketRefusal());
      expectSocketRefused(await connections.socketRefusal());
      expect(server.app.live.connectionsOf(LOCAL)).toBe(MAX);
      await publish(bill, 2, 1);
      for (const client of served) await waitFor(() => expect(client.seqs(bill.id)).toEqual([2, 3]));
      expect(served.every((client) => client.socket.connected)).toBe(true);
    });

    it('LIVE12 socket.io: closing a socket frees its slot', async () => {
      const bill = await createBill(admin);
      const served: LiveClient[] = [];
      for (let i = 0; i < MAX; i++) served.push(await connections.socket());
      expectSocketRefused(await connections.socketRefusal());
      served.pop()!.close();
      await waitFor(() => expect(server.app.live.connectionsOf(LOCAL)).toBe(MAX - 1));
      const next = await connections.socket();
      expect(await next.subscribe(bill.id)).toEqual({ ok: true, cursor: 1 });
      expectSocketRefused(await connections.socketRefusal());
    });

    it('LIVE12 SSE: the stream past the limit gets a 429 problem too_many_connections, the others stay served; closing one frees its slot', async () => {
      const bill = await createBill(admin);
      const served: SseClient[] = [];
      for (let i = 0; i < MAX; i++) served.push(await connections.stream(bill.id));
      const refused = await connections.streamRefusal(bill.id);
      expect(expectProblem(refused, 429, 'too_many_connections').detail).toContain(String(MAX));
      // An unknown bill is refused for the limit too: the slot is taken before anything is looked up.
      expectProblem(await connections.streamRefusal('no-such-bill'), 429, 'too_many_connections');
      await publish(bill, 2, 1);
      for (const stream of served) await waitFor(() => expect(stream.seqs()).toEqual([2, 3]));
      served.pop()!.close();
      await waitFor(() => expect(server.app.live.connectionsOf(LOCAL)).toBe(MAX - 1));
      const next = await connections.stream(bill.id);
      await waitFor(() => expect(next.frames.map((frame) => frame.event)).toEqual(['subscribed']));
      expectProblem(await connections.streamRefusal(bill.id), 429, 'too_many_connections');
    });

    it('LIVE12 socket.io sockets and SSE streams of one address share one count', async () => {
      const bill = await createBill(admin);
      const sockets = [await connections.socket(), await connections.socket()];
      const stream = await connections.stream(bill.id);
      expectSocketRefused(await connections.socketRefusal());
      expectProblem(await connections.streamRefusal(bill.id), 429, 'too_many_connections');
      // Without TRUST_PROXY a forged X-Forwarded-For changes nothing: the address is the socket's peer.
      expectSocketRefused(await connections.socketRefusal({ 'x-forwarded-for': '203.0.113.9' }));
      expectProblem(await connections.streamRefusal(bill.id, { 'x-forwarded-for': '203.0.113.9' }), 429, 'too_many_connections');
      // The stream's slot goes to a socket, and a socket's to a stream.
      stream.close();
      await waitFor(() => expect(server.app.live.connectionsOf(LOCAL)).toBe(MAX - 1));
      sockets.push(await connections.socket());
      expectProblem(await connections.streamRefusal(bill.id), 429, 'too_many_connections');
      sockets.shift()!.close();
      await waitFor(() => expect(server.app.live.connectionsOf(LOCAL)).toBe(MAX - 1));
      await connections.stream(bill.id);
      expectSocketRefused(await connections.socketRefusal());
    });

    it('LIVE12 abrupt disconnects free their slots: a socket.io transport killed without a close frame, an SSE connection reset', async () => {
      const bill = await createBill(admin);
      const socket = await connections.socket();
      expect(await socket.subscribe(bill.id)).toEqual({ ok: true, cursor: 1 });
      const stream = await rawSseStream(server.url, bill.id);
      await connections.stream(bill.id);
      expect(server.app.live.connectionsOf(LOCAL)).toBe(MAX);
      // ws' terminate() destroys the TCP connection at once; resetAndDestroy() sends a TCP RST.
      (socket.socket.io.engine.transport as unknown as { ws: { terminate(): void } }).ws.terminate();
      stream.resetAndDestroy();
      await waitFor(() => expect(server.app.live.connectionsOf(LOCAL)).toBe(1));
      await connections.socket();
      await connections.stream(bill.id);
      expectSocketRefused(await connections.socketRefusal());
    });
  });
});

describe('live connections per client address behind a trusted proxy', () => {
  let server: TestServer;
  let admin: ApiClient;
  let connections: Connections;

  beforeAll(async () => {
    server = await startLiveServer(pgliteTarget, { env: { ...ADMIN_ENV, LIVE_MAX_CONNECTIONS_PER_ADDRESS: String(MAX), TRUST_PROXY: 'true' } });
    admin = await adminClient(server.url);
    connections = new Connections(server.url);
  });
  afterAll(async () => {
    connections?.closeAll();
    await server?.stop();
  });

  it('LIVE12 with TRUST_PROXY each X-Forwarded-For client has its own count, shared by its sockets and streams', async () => {
    const bill = await createBill(admin);
    const first = { 'x-forwarded-for': '203.0.113.1, 10.0.0.1' };
    const second = { 'x-forwarded-for': '203.0.113.2' };
    await connections.socket(first);
    await connections.socket(first);
    await connections.stream(bill.id, first);
    expectSocketRefused(await connections.socketRefusal(first));
    expectProblem(await connections.streamRefusal(bill.id, first), 429, 'too_many_connections');
    expect(server.app.live.connectionsOf('203.0.113.1')).toBe(MAX);
    // Another client behind the same proxy is not affected.
    await connections.socket(second);
    await connections.stream(bill.id, second);
    expect(server.app.live.connectionsOf('203.0.113.2')).toBe(2);
    expect(server.app.live.connectionsOf(LOCAL)).toBe(0);
  });
});

/** An SSE request over a bare TCP socket, resolved once the stream's headers have arrived. */
async function rawSseStream(url: string, billId: string): Promise<ReturnType<typeof connectTcp>> {
  const { hostname, port } = new URL(url);
  const socket = connectTcp(Number(port), hostname);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () => resolve());
  });
  socket.write(`GET /api/v1/bills/${encodeURIComponent(billId)}/live HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\n\r\n`);
  let received = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      received += chunk.toString('utf8');
      if (!received.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (received.startsWith('HTTP/1.1 200')) resolve();
      else reject(new Error(`SSE request refused: ${received.split('\r\n')[0]}`));
    };
    socket.on('data', onData);
  });
  // The rest of the stream is read and dropped, so nothing backs up.
  socket.on('data', () => undefined);
  return socket;
}
