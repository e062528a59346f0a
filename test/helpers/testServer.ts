/**
 * Starts the real server (the same composition root as `npm start`) on port 0 for a test, against a
 * storage target, and gives a small HTTP client that keeps cookies like a browser.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { type App, startApp } from '../../server/app.ts';
import type { CollabLimits } from '../../server/collab/index.ts';
import { type Config, loadConfig } from '../../server/config/config.ts';
import type { StorageTarget } from './storageTargets.ts';

/** A running test server and what to clean up. */
export interface TestServer {
  app: App;
  url: string;
  stop(): Promise<void>;
}

/** What a test may change beyond the environment (lowered collaboration limits). */
export interface TestServerOptions {
  collabLimits?: Partial<CollabLimits>;
}

/** A test server's configuration on a fresh store of the target (127.0.0.1, port 0), and how to delete that store. */
export async function testConfig(target: StorageTarget, env: Record<string, string> = {}): Promise<{ config: Config; dropStore(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'loilive-test-'));
  const database = await target.freshDatabaseUrl();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    // Suites sign in many times from 127.0.0.1; the limit itself is tested with a low value (AUTH8).
    AUTH_ATTEMPTS_PER_MINUTE: '10000',
    ...env,
  });
  return {
    config,
    async dropStore() {
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts a server on 127.0.0.1:0 with a fresh store of the given target. */
export async function startTestServer(target: StorageTarget, env: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const { config, dropStore } = await testConfig(target, env);
  const app = await startApp(config, pino({ level: 'silent' }), { collabLimits: options.collabLimits });
  return {
    app,
    url: app.url,
    async stop() {
      await app.close();
      await dropStore();
    },
  };
}

/** A JSON response: status, parsed body, headers. */
export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** An HTTP client for /api/v1 that stores the session cookie it is given, as a browser would. */
export class ApiClient {
  private cookie: string | undefined;
  private bearer: string | undefined;

  constructor(private readonly baseUrl: string) {}

  /** Sends requests with this bearer token instead of the cookie. */
  withBearer(token: string): ApiClient {
    const client = new ApiClient(this.baseUrl);
    client.bearer = token;
    return client;
  }

  /** Sends a request and parses the JSON answer (if any). */
  async request<T = unknown>(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
    const response = await fetch(`${this.baseUrl}/api/v1${route}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
    if (setCookie) {
      const value = setCookie.split(';')[0] as string;
      this.cookie = value === 'session=' ? undefined : value;
    }
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  }

  get<T = unknown>(route: string) {
    return this.request<T>('GET', route);
  }
  post<T = unknown>(route: string, body?: unknown) {
    return this.request<T>('POST', route, body ?? {});
  }
  put<T = unknown>(route: string, body?: unknown) {
    return this.request<T>('PUT', route, body);
  }
  patch<T = unknown>(route: string, body?: unknown) {
    return this.request<T>('PATCH', route, body);
  }
  delete<T = unknown>(route: string) {
    return this.request<T>('DELETE', route);
  }

  /** Signs in and keeps the session cookie. */
  async login(email: string, password: string): Promise<void> {
    const response = await this.post('/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
}
