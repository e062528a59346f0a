import path from 'node:path';
import { z } from 'zod';

/**
 * Cross-variable checks run even when some variable is invalid, so their problems are listed with the others
 * (CONF1); zod skips them by default after any field error. They only test which variables are present.
 */
const everyProblemAtOnce = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

/** Environment variables the server reads, once, at start-up. `.env.example` documents each one. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    SECRET_KEY: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
    SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    PUBLIC_ORIGIN: z.url().optional(),
    TRUST_PROXY: z.enum(['true', 'false']).default('false'),
    AUTH_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    COLLAB_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
    LIVE_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
    WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: z.enum(['true', 'false']).default('false'),
    WEBHOOKS_MAX_PER_USER: z.coerce.number().int().min(1).max(1_000).default(20),
    WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    WEBHOOKS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    WEBHOOKS_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    WEBHOOKS_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(30),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    // Several nodes must share the secret that signs their tickets; an embedded single node can keep its own.
    const shared = env.NODE_ENV === 'production' || env.REDIS_URL !== undefined;
    if (shared && env.SECRET_KEY === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SECRET_KEY'],
        message: 'is required in production and whenever REDIS_URL is set (all nodes must share it)',
      });
    }
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
  }, everyProblemAtOnce);

/** The validated configuration every part of the server receives; never read `process.env` elsewhere. */
export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  dataDir: string;
  secretKey: string | undefined;
  seedDemo: boolean;
  bootstrapAdmin: { email: string; password: string } | undefined;
  publicOrigin: string | undefined;
  trustProxy: boolean;
  /** Sign-in and sign-up attempts allowed per client address and minute. */
  authAttemptsPerMinute: number;
  /** Collaboration sockets one client address may hold on a node (raise it behind a NAT or for load tests). */
  collabConnectionsPerAddress: number;
  /** Live-stream connections (socket.io sockets and SSE streams together) one client address may hold on a node. */
  liveConnectionsPerAddress: number;
  /** Webhook registration and delivery (FEED rules). */
  webhooks: WebhookSettings;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

/** How webhooks are registered and delivered. */
export interface WebhookSettings {
  /** Accept URLs that resolve to private, loopback or link-local addresses (tests, intranets); off by default (SSRF). */
  allowPrivateAddresses: boolean;
  /** Webhooks one user may hold. */
  maxPerUser: number;
  /** How long one delivery attempt may take, connection included. */
  timeoutMs: number;
  /** Attempts per delivery before it is given up. */
  maxAttempts: number;
  /** Wait before the first retry; each further retry waits twice as long (at most an hour). */
  retryBaseMs: number;
  /** Finished deliveries (delivered or given up) and their attempts are kept this many days, then deleted. */
  logRetentionDays: number;
}

/** Thrown when the environment is invalid; `message` lists every problem, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a Config, or throws a ConfigError listing every invalid variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`FOO=` in a .env file) means "not set", not "set to the empty string".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: path.resolve(e.DATA_DIR),
    secretKey: e.SECRET_KEY,
    // Demo content belongs to the embedded, try-it-out mode; a real PostgreSQL deployment opts in explicitly.
    seedDemo: e.SEED_DEMO === 'auto' ? e.DATABASE_URL === undefined && e.NODE_ENV !== 'test' : e.SEED_DEMO === 'true',
    bootstrapAdmin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    publicOrigin: e.PUBLIC_ORIGIN,
    trustProxy: e.TRUST_PROXY === 'true',
    authAttemptsPerMinute: e.AUTH_ATTEMPTS_PER_MINUTE,
    collabConnectionsPerAddress: e.COLLAB_MAX_CONNECTIONS_PER_ADDRESS,
    liveConnectionsPerAddress: e.LIVE_MAX_CONNECTIONS_PER_ADDRESS,
    webhooks: {
      allowPrivateAddresses: e.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES === 'true',
      maxPerUser: e.WEBHOOKS_MAX_PER_USER,
      timeoutMs: e.WEBHOOKS_TIMEOUT_MS,
      maxAttempts: e.WEBHOOKS_MAX_ATTEMPTS,
      retryBaseMs: e.WEBHOOKS_RETRY_BASE_MS,
      logRetentionDays: e.WEBHOOKS_LOG_RETENTION_DAYS,
    },
    logLevel: e.LOG_LEVEL,
  };
}
