/**
 * Building blocks of the feed and webhook suites: a server that can be restarted on the same storage, webhook
 * receivers (real HTTP servers on 127.0.0.1, port 0) whose answers a test scripts, and the signature check a receiver
 * makes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import pino from 'pino';
import { type App, startApp } from '../../server/app.ts';
import type { Config } from '../../server/config/config.ts';
import type { DispatcherOptions } from '../../server/modules/webhooks/index.ts';
import { signedText, WebhookHeader, WebhookPayloadSchema } from '../../shared/api/webhooks.ts';
import type { LiveMessage } from '../../shared/api/live.ts';
import type { StorageTarget } from '../helpers/storageTargets.ts';
import { testConfig } from '../helpers/testServer.ts';

/** Settings that let webhooks reach test receivers on 127.0.0.1 and retry quickly. */
export const WEBHOOK_TEST_ENV = {
  WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true',
  WEBHOOKS_RETRY_BASE_MS: '150',
  WEBHOOKS_TIMEOUT_MS: '1500',
};

/** A server on a storage of its own that a test can stop and start again, keeping the data. */
export class RestartableServer {
  private port = 0;

  private constructor(
    private app: App | null,
    /** Its configuration (storage location included), the same at every start. */
    readonly config: Config,
    private readonly options: Partial<DispatcherOptions>,
    private readonly cleanup: () => Promise<void>,
  ) {}

  /** Starts a server with a fresh store of the target. */
  static async start(target: StorageTarget, env: Record<string, string>, options: Partial<DispatcherOptions> = {}): Promise<RestartableServer> {
    const { config, dropStore } = await testConfig(target, env);
    const app = await startApp(config, pino({ level: 'silent' }), { webhooks: options });
    return new RestartableServer(app, config, options, dropStore);
  }

  /** The running app (throws while stopped). */
  get running(): App {
    if (this.app === null) throw new Error('the server is stopped');
    return this.app;
  }

  get url(): string {
    return this.running.url;
  }

  /** Another node on the same database (PostgreSQL only: PGlite is single-process). */
  async startAnotherNode(): Promise<App> {
    return startApp(this.config, pino({ level: 'silent' }), { webhooks: this.options });
  }

  /** Stops the server, keeping its data. */
  async stop(): Promise<void> {
    if (this.app) this.port = Number(new URL(this.app.url).port);
    await this.app?.close();
    this.app = null;
  }

  /** Starts it again (stopping it first if it runs) on the same data and port, so that clients keep their sessions. */
  async restart(): Promise<void> {
    await this.stop();
    this.app = await startApp({ ...this.config, port: this.port }, pino({ level: 'silent' }), { webhooks: this.options });
  }

  /** Stops it and deletes its data. */
  async destroy(): Promise<void> {
    await this.stop();
    await this.cleanup();
  }
}

/** A request a receiver got. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** What a receiver does with a request: answer a status, or never answer. */
export type Behaviour = (request: Received, index: number) => number | 'hang';

/** A webhook receiver: a real HTTP server on 127.0.0.1 recording every request. */
export class Receiver {
  readonly requests: Received[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly hanging = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    public behaviour: Behaviour,
  ) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Starts a receiver answering 200 unless told otherwise. */
  static async start(behaviour: Behaviour = () => 200): Promise<Receiver> {
    const server = createServer();
    const receiver = new Receiver(server, behaviour);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request: Received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
        const index = receiver.requests.push(request) - 1;
        const answer = receiver.behaviour(request, index);
        if (answer === 'hang') receiver.hanging.add(res);
        else res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** The bodies received, parsed (and checked against the schema of deliveries). */
  messages(): LiveMessage[] {
    return this.requests.map((request) => WebhookPayloadSchema.parse(JSON.parse(request.body)));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A port nothing listens on (bound, then closed). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/hook`;
}

/** What a receiver checks: the signature is the HMAC of `<timestamp>.<body>` with the webhook's secret. */
export function signatureIsValid(request: Received, secret: string): boolean {
  const timestamp = String(request.headers[WebhookHeader.timestamp] ?? '');
  const given = String(request.headers[WebhookHeader.signature] ?? '');
  const expected = `sha256=${createHmac('sha256', secret).update(signedText(timestamp, request.body)).digest('hex')}`;
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
