import { isIP } from 'node:net';
import { z } from 'zod';
import { MIDTRANS_PAYMENT_CODES } from '../payments/midtrans.js';

/**
 * The environment, parsed once at boot into a typed, nested object. Variable names are the contract
 * (see README "Configuration"). Development defaults exist only so `npm run up` works out of the box;
 * with NODE_ENV=production every secret must be set and none may equal a development default.
 */

export const DEV_SECRETS = {
  JWT_SECRET: 'dev-only-jwt-secret-change-me-0123456789abcdef',
  ENCRYPTION_KEY: 'ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=', // base64 of 32 bytes
  MIDTRANS_SERVER_KEY: 'SB-Mid-server-dev-only',
  MIDTRANS_CLIENT_KEY: 'SB-Mid-client-dev-only',
  WORKER_AGENT_TOKEN: 'dev-only-worker-agent-token',
} as const;

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** An explicit "yes, I mean it" for a production check: only the word `true` counts. */
const overrideFlag = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true');

/** proxy-addr's named ranges, which Fastify's trustProxy accepts alongside addresses and CIDRs. */
const NAMED_PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function proxyEntryProblem(entry: string): string | undefined {
  if (NAMED_PROXY_RANGES.has(entry)) return undefined;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return `"${entry}" is not an IP address or CIDR`;
  if (prefix === undefined) return undefined;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
  if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) return `"${entry}" has an invalid prefix length`;
  if (bits === 0) return `"${entry}" would trust every address`;
  return undefined;
}

/**
 * The proxies whose X-Forwarded-For is believed: `false`, or a comma-separated list of addresses and
 * CIDRs (Fastify's `trustProxy` takes the list as is). `true` and hop counts are refused: either would
 * let any client that reaches the API directly choose its own address, and with it its rate limits.
 */
const trustProxy = z
  .string()
  .transform((value, ctx): false | string[] => {
    const trimmed = value.trim();
    if (trimmed === 'false') return false;
    if (trimmed === 'true' || /^\d+$/.test(trimmed)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must be false or a comma-separated list of the proxy addresses or CIDRs (e.g. 10.0.0.0/8); ' +
          '"true" or a hop count would trust a forged X-Forwarded-For from anyone',
      });
      return z.NEVER;
    }
    const entries = trimmed
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const problems = entries.map(proxyEntryProblem).filter((p): p is string => p !== undefined);
    if (entries.length === 0 || problems.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be false or a comma-separated list of addresses or CIDRs (${problems.join('; ') || 'empty'})`,
      });
      return z.NEVER;
    }
    return entries;
  })
  .default(false);

/** MIDTRANS_ENABLED_PAYMENTS: a comma-separated list of Midtrans payment codes (Snap `enabled_payments`). */
const paymentCodes = z.string().transform((value, ctx): string[] => {
  const codes = [
    ...new Set(
      value
        .split(',')
        .map((c) => c.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const known = new Set<string>(MIDTRANS_PAYMENT_CODES);
  const unknown = codes.filter((c) => !known.has(c));
  if (codes.length === 0 || unknown.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a comma-separated list of Midtrans payment codes (${unknown.length > 0 ? `unknown: ${unknown.join(', ')}; ` : ''}known: ${MIDTRANS_PAYMENT_CODES.join(', ')})`,
    });
    return z.NEVER;
  }
  return codes;
});

/**
 * The browser origins that may call the API (CORS): a comma-separated list of exact origins
 * (`https://app.example.com`). `*` is refused: the API carries users' bearer tokens.
 */
const corsOrigins = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const origins: string[] = [];
    for (const entry of value
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean)) {
      let origin: string | undefined;
      try {
        origin = new URL(entry).origin;
      } catch {}
      if (!origin || origin === 'null' || origin !== entry.replace(/\/$/, '')) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not an origin like https://app.example.com` });
        return z.NEVER;
      }
      origins.push(origin);
    }
    return origins;
  });

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const url = z.url();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: url.default('http://127.0.0.1:3000'),
  TRUST_PROXY: trustProxy,
  CORS_ORIGINS: corsOrigins,
  /** A client must send its whole request (headers and body) within this long, or the connection is closed. */
  HTTP_REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  /** The built dashboard served at `/` (unset: web/dist of this checkout or image). */
  DASHBOARD_DIR: z.string().min(1).optional(),

  DATABASE_URL: url.default('postgres://postgres@127.0.0.1:5432/kapal'),
  DATABASE_POOL_MAX: positiveInt.default(10),
  REDIS_URL: url.default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default('kapal'),
  WORKER_CONCURRENCY: positiveInt.default(5),
  /** Bearer token `/metrics` requires when set (both processes); unset: open (a warning in production). */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Where `kapal worker` serves its own `/metrics` (on HOST); 0: not served. `kapal all` serves one registry on PORT. */
  WORKER_METRICS_PORT: port.default(9465),

  KUBECONFIG: z.string().optional(),
  KUBE_REQUEST_TIMEOUT_MS: positiveInt.default(10_000),
  APPS_DOMAIN: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, 'must be a DNS name')
    .default('apps.localhost'),
  INGRESS_CLASS: z.string().default('nginx'),
  INGRESS_NAMESPACE: z.string().default('ingress-nginx'),
  CERT_MANAGER_CLUSTER_ISSUER: z.string().default('letsencrypt'),
  TEMPLATES_DIR: z.string().optional(),

  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_SECRETS.JWT_SECRET),
  JWT_ACCESS_TTL_SECONDS: positiveInt.default(900),
  JWT_REFRESH_TTL_SECONDS: positiveInt.default(30 * 24 * 3600),
  /** Unset: on in production, off in development and tests (see toConfig). */
  REQUIRE_EMAIL_VERIFICATION: booleanString.optional(),
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .default(DEV_SECRETS.ENCRYPTION_KEY),

  /** A subscription's app not RUNNING this long after it was bought fails for good (refunded, removed). */
  PROVISIONING_DEADLINE_SECONDS: positiveInt.default(600),

  MIDTRANS_SERVER_KEY: z.string().min(1).default(DEV_SECRETS.MIDTRANS_SERVER_KEY),
  MIDTRANS_CLIENT_KEY: z.string().min(1).default(DEV_SECRETS.MIDTRANS_CLIENT_KEY),
  MIDTRANS_IS_PRODUCTION: booleanString.default(false),
  MIDTRANS_SNAP_URL: url.optional(),
  MIDTRANS_API_URL: url.optional(),
  MIDTRANS_ENABLED_PAYMENTS: paymentCodes.default([
    'qris',
    'gopay',
    'shopeepay',
    'bca_va',
    'bni_va',
    'bri_va',
    'permata_va',
    'echannel',
    'other_va',
    'credit_card',
  ]),
  MIDTRANS_REQUEST_TIMEOUT_MS: positiveInt.default(10_000),
  /** How long a top-up's Snap payment page accepts payment (Midtrans' default is 24 hours). */
  TOPUP_EXPIRY_MINUTES: positiveInt.max(7 * 24 * 60).default(24 * 60),

  // The seller named on invoices (snapshotted into each invoice when it is issued).
  SELLER_NAME: z.string().min(1).default('Kapal'),
  SELLER_ADDRESS: z.string().default(''),
  SELLER_EMAIL: z.email().optional(),
  SELLER_PHONE: z.string().optional(),
  /** NPWP (Indonesian tax id), printed on invoices when set. */
  SELLER_TAX_ID: z.string().optional(),
  /** Where invoice months and report days begin (an IANA zone): invoice number series, spend per month, revenue per day. */
  BILLING_TIME_ZONE: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Asia/Jakarta')
    .default('Asia/Jakarta'),

  /** Unset: mails are written to the log instead of sent (development); required in production. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Kapal <no-reply@kapal.localhost>'),

  WORKER_AGENT_TOKEN: z.string().min(16, 'must be at least 16 characters').default(DEV_SECRETS.WORKER_AGENT_TOKEN),
  /** How often worker agents report; a worker silent for 3 intervals is offline. */
  WORKER_HEARTBEAT_INTERVAL_SECONDS: positiveInt.default(30),
  /** How long a drain retries evictions that a PodDisruptionBudget refuses before it reports them failed. */
  WORKER_DRAIN_TIMEOUT_SECONDS: positiveInt.default(300),

  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().optional(),

  ALLOW_MIDTRANS_SANDBOX_IN_PRODUCTION: overrideFlag.default(false),
  ALLOW_INSECURE_PUBLIC_URL: overrideFlag.default(false),
  ALLOW_LOCAL_SERVICES_IN_PRODUCTION: overrideFlag.default(false),
});

type ParsedEnv = z.output<typeof envSchema>;

/** Loopback (or a Unix socket, when a URL names no host): a development setup, not a production one. */
function isLocalHost(urlText: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(urlText).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  const bare = hostname.replace(/^\[|\]$/g, '');
  return (
    bare === '' ||
    bare === 'localhost' ||
    bare.endsWith('.localhost') ||
    bare === '::1' ||
    bare === '0.0.0.0' ||
    bare === '::' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) ||
    /^::ffff:(127\.|7f)/.test(bare)
  );
}

/** What NODE_ENV=production refuses besides development secrets; each has its own override flag. */
function productionProblems(env: ParsedEnv): string[] {
  const problems: string[] = [];
  if (!env.MIDTRANS_IS_PRODUCTION && !env.ALLOW_MIDTRANS_SANDBOX_IN_PRODUCTION) {
    problems.push(
      'MIDTRANS_IS_PRODUCTION: must be true when NODE_ENV=production (payments would go to the Midtrans ' +
        'sandbox); set ALLOW_MIDTRANS_SANDBOX_IN_PRODUCTION=true if that is really meant',
    );
  }
  if (new URL(env.PUBLIC_URL).protocol !== 'https:' && !env.ALLOW_INSECURE_PUBLIC_URL) {
    problems.push(
      'PUBLIC_URL: must be an https:// URL when NODE_ENV=production; set ALLOW_INSECURE_PUBLIC_URL=true ' +
        'if TLS is really not wanted',
    );
  }
  if (!env.SMTP_URL) {
    problems.push('SMTP_URL: must be set when NODE_ENV=production (unset, mails are only written to the log)');
  }
  if (!env.ALLOW_LOCAL_SERVICES_IN_PRODUCTION) {
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL'] as const) {
      const value = env[name];
      if (value && isLocalHost(value)) {
        problems.push(
          `${name}: points at this machine (localhost/loopback), a development setting, while NODE_ENV=production; ` +
            'set ALLOW_LOCAL_SERVICES_IN_PRODUCTION=true if it is really meant (e.g. a sidecar proxy)',
        );
      }
    }
  }
  return problems;
}

export type Env = z.input<typeof envSchema>;

function toConfig(env: ParsedEnv) {
  const midtransSandbox = !env.MIDTRANS_IS_PRODUCTION;
  return {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    http: {
      host: env.HOST,
      port: env.PORT,
      publicUrl: env.PUBLIC_URL,
      trustProxy: env.TRUST_PROXY,
      corsOrigins: env.CORS_ORIGINS,
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      dashboardDir: env.DASHBOARD_DIR,
    },
    database: { url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX },
    redis: { url: env.REDIS_URL },
    queue: { prefix: env.QUEUE_PREFIX, concurrency: env.WORKER_CONCURRENCY },
    metrics: { token: env.METRICS_TOKEN, workerPort: env.WORKER_METRICS_PORT },
    kube: {
      kubeconfig: env.KUBECONFIG,
      requestTimeoutMs: env.KUBE_REQUEST_TIMEOUT_MS,
    },
    apps: {
      domain: env.APPS_DOMAIN,
      ingressClass: env.INGRESS_CLASS,
      ingressNamespace: env.INGRESS_NAMESPACE,
      clusterIssuer: env.CERT_MANAGER_CLUSTER_ISSUER,
      templatesDir: env.TEMPLATES_DIR,
    },
    subscriptions: {
      provisioningDeadlineSeconds: env.PROVISIONING_DEADLINE_SECONDS,
    },
    auth: {
      jwtSecret: env.JWT_SECRET,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: env.JWT_REFRESH_TTL_SECONDS,
      requireEmailVerification: env.REQUIRE_EMAIL_VERIFICATION ?? env.NODE_ENV === 'production',
    },
    encryptionKey: Buffer.from(env.ENCRYPTION_KEY, 'base64'),
    midtrans: {
      serverKey: env.MIDTRANS_SERVER_KEY,
      clientKey: env.MIDTRANS_CLIENT_KEY,
      isProduction: env.MIDTRANS_IS_PRODUCTION,
      snapUrl:
        env.MIDTRANS_SNAP_URL ?? (midtransSandbox ? 'https://app.sandbox.midtrans.com' : 'https://app.midtrans.com'),
      apiUrl:
        env.MIDTRANS_API_URL ?? (midtransSandbox ? 'https://api.sandbox.midtrans.com' : 'https://api.midtrans.com'),
      enabledPayments: env.MIDTRANS_ENABLED_PAYMENTS,
      requestTimeoutMs: env.MIDTRANS_REQUEST_TIMEOUT_MS,
    },
    billing: {
      topupExpiryMinutes: env.TOPUP_EXPIRY_MINUTES,
      timeZone: env.BILLING_TIME_ZONE,
      seller: {
        name: env.SELLER_NAME,
        address: env.SELLER_ADDRESS,
        email: env.SELLER_EMAIL,
        phone: env.SELLER_PHONE,
        taxId: env.SELLER_TAX_ID,
      },
    },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    workerAgentToken: env.WORKER_AGENT_TOKEN,
    workers: {
      heartbeatIntervalSeconds: env.WORKER_HEARTBEAT_INTERVAL_SECONDS,
      drainTimeoutSeconds: env.WORKER_DRAIN_TIMEOUT_SECONDS,
    },
    bootstrapAdmin: env.ADMIN_EMAIL ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
  };
}

export type Config = ReturnType<typeof toConfig>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming every wrong or missing variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset", as in most .env tooling.
  const env = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  if (parsed.data.NODE_ENV === 'production') {
    const problems = Object.entries(DEV_SECRETS)
      .filter(([name, devValue]) => env[name] === undefined || env[name] === devValue)
      .map(([name]) => `${name}: must be set to a real secret when NODE_ENV=production`);
    problems.push(...productionProblems(parsed.data));
    if (problems.length > 0) throw new ConfigError(problems);
  }
  return toConfig(parsed.data);
}
