import { z } from 'zod';

/** The one place that reads process.env. Everything else receives a Config. */
const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().default('Espace Collectif <ne-pas-repondre@espace-collectif.local>'),
  ADMIN_EMAIL: z.email().optional(),
  SEED_DEMO: z.enum(['auto', 'yes', 'no']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PRIVACY_OFFICER: z.string().default('Responsable de la protection des renseignements personnels — vie-privee@espace-collectif.local'),
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(5),
  OVERLOAD_GUARD: z.enum(['on', 'off']).optional(),
  OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(1).default(200),
  OVERLOAD_MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(48),
  OVERLOAD_MAX_WAIT_MS: z.coerce.number().int().min(1).default(500),
  OUTBOUND_ALLOW_PRIVATE: z.enum(['on', 'off']).default('off'),
  APPLICATION_FILE_MAX_MB: z.coerce.number().int().min(1).max(50).default(10),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  adminEmail: string | undefined;
  seedDemo: 'auto' | 'yes' | 'no';
  logLevel: string;
  privacyOfficer: string;
  rateLimits: boolean;
  trustProxy: boolean;
  secureCookies: boolean;
  /** SIGTERM: seconds spent not-ready but still serving (in-flight and keep-alive) before closing. */
  shutdownGraceSeconds: number;
  /** Load shedding (503 + Retry-After); `null` turns it off (the default under NODE_ENV=test). */
  overload: OverloadConfig | null;
  /** Outbound fetches (link previews) may reach private/loopback addresses: tests only (ADR 0023); always false otherwise. */
  outboundAllowPrivate: boolean;
  /** The largest file a call application accepts as an answer, in bytes (`APPLICATION_FILE_MAX_MB`, 10 by default; ADR 0024). */
  applicationFileMaxBytes: number;
};

export type OverloadConfig = {
  /** Mean event-loop delay (ms) over a sample above which requests are shed (CPU-bound pages). */
  maxEventLoopDelayMs: number;
  /** Requests being handled at once above which new ones are shed (database-bound pages)… */
  maxInFlight: number;
  /** …when the oldest of them has been waiting longer than this (ms): a long queue, not a burst of fast requests. */
  maxWaitMs: number;
  /** How often the measures are taken (ms). */
  sampleIntervalMs: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells and .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZConfig.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new Error('Invalid configuration:\n  SESSION_SECRET: required in production (32+ characters)');
  }
  if (e.OUTBOUND_ALLOW_PRIVATE === 'on' && e.NODE_ENV !== 'test') {
    throw new Error('Invalid configuration:\n  OUTBOUND_ALLOW_PRIVATE: only under NODE_ENV=test');
  }
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const config: Config = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: publicUrl.replace(/\/$/, ''),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET ?? 'dev-only-secret-change-me-please-0123456789',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    adminEmail: e.ADMIN_EMAIL?.toLowerCase(),
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    privacyOfficer: e.PRIVACY_OFFICER,
    rateLimits: e.RATE_LIMITS === 'on',
    trustProxy: e.TRUST_PROXY === 'true',
    secureCookies: publicUrl.startsWith('https://'),
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    overload: (e.OVERLOAD_GUARD ?? (e.NODE_ENV === 'test' ? 'off' : 'on')) === 'on'
      ? { maxEventLoopDelayMs: e.OVERLOAD_MAX_EVENT_LOOP_DELAY_MS, maxInFlight: e.OVERLOAD_MAX_IN_FLIGHT, maxWaitMs: e.OVERLOAD_MAX_WAIT_MS, sampleIntervalMs: 100 }
      : null,
    outboundAllowPrivate: e.OUTBOUND_ALLOW_PRIVATE === 'on',
    applicationFileMaxBytes: e.APPLICATION_FILE_MAX_MB * 1_048_576,
  };
  return { ...config, ...overrides };
}
