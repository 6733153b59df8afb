import path from 'node:path';

/** Everything Baton can be configured with. Only this module reads the environment. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Folder for the embedded database and generated secrets. */
  dataDir: string;
  /** PostgreSQL server URL; when set the embedded database is not used. */
  databaseUrl: string | undefined;
  /** Secret used to sign CSRF tokens; generated into dataDir outside production when unset. */
  sessionSecret: string | undefined;
  /** Mark cookies `Secure`; on by default in production, where Baton is served over HTTPS. */
  cookieSecure: boolean;
  /** How many reverse proxies in front of Baton to take the client's address and protocol from (X-Forwarded-For and -Proto); 0 for none. */
  trustProxy: number;
  demoPassword: string | undefined;
  logLevel: string;
  /** Minutes of inactivity after which a session ends. */
  sessionIdleMinutes: number;
  /** Hours after sign-in after which a session ends whatever happens. */
  sessionAbsoluteHours: number;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Largest file an import accepts, in bytes (larger uploads are refused with 413). */
  importMaxBytes: number;
  /** The Chromium that prints PDFs (CHROMIUM_PATH); without one, PDF exports say so and offer Word or Excel. */
  chromiumPath: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

/** Strict, so that a mistyped security setting ("ture") stops the app instead of quietly meaning off. */
function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (TRUE.includes(value.toLowerCase())) return true;
  if (FALSE.includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, not "${value}"`);
}

/** TRUST_PROXY: true is the one proxy in front of Baton, false none, a number a chain (a load balancer, then nginx). */
function proxyCount(value: string | undefined): number {
  if (value === undefined || value === '' || FALSE.includes(value.toLowerCase())) return 0;
  if (TRUE.includes(value.toLowerCase())) return 1;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  throw new ConfigError(`TRUST_PROXY must be true, false or the number of proxies in front of Baton, not "${value}"`);
}

/** What production needs and has no safe default for, each with what to set it to. */
const REQUIRED_IN_PRODUCTION: Record<string, string> = {
  SESSION_SECRET:
    'SESSION_SECRET must be set when NODE_ENV=production: at least 32 random characters, the same on every instance (for example the output of "openssl rand -hex 32").',
  DATABASE_URL:
    'DATABASE_URL must be set when NODE_ENV=production: the PostgreSQL server to keep the data in, as postgres://USER:PASSWORD@HOST:5432/DATABASE, where USER owns the database (the embedded database is for trying Baton out; leave NODE_ENV unset to use it).',
  TRUST_PROXY:
    "TRUST_PROXY must be set when NODE_ENV=production: true when Baton is reached only through a reverse proxy that terminates TLS and sets X-Forwarded-For and X-Forwarded-Proto (Baton then takes the client's address and https from them; for a chain, such as a load balancer in front of nginx, give the number of proxies); false when clients connect to Baton directly (the headers are then ignored, since anyone could forge them).",
};

/** Every production setting that is missing, in one message, so an operator fixes them in one go. */
function checkProduction(env: Env): void {
  const missing = Object.keys(REQUIRED_IN_PRODUCTION).filter((name) => !env[name]);
  if (missing.length > 0) throw new ConfigError(missing.map((name) => REQUIRED_IN_PRODUCTION[name]).join('\n'));
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number, not "${value}"`);
  return n;
}

/**
 * Reads Baton's settings from an environment (by default `process.env`).
 * @example loadConfig({ PORT: '8080' }).port // 8080
 */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  if (nodeEnv === 'production') checkProduction(env);
  const sessionSecret = env.SESSION_SECRET || undefined;
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long.');
  }
  const port = int('PORT', env.PORT, 3000);
  if (port > 65535) throw new ConfigError(`PORT must be between 0 and 65535, not ${port}`);
  return {
    env: nodeEnv,
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.BATON_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    sessionSecret,
    cookieSecure: flag('COOKIE_SECURE', env.COOKIE_SECURE, nodeEnv === 'production'),
    trustProxy: proxyCount(env.TRUST_PROXY),
    demoPassword: env.BATON_DEMO_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    sessionIdleMinutes: int('BATON_SESSION_IDLE_MINUTES', env.BATON_SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteHours: int('BATON_SESSION_ABSOLUTE_HOURS', env.BATON_SESSION_ABSOLUTE_HOURS, 12),
    bodyLimitBytes: int('BATON_BODY_LIMIT_BYTES', env.BATON_BODY_LIMIT_BYTES, 1024 * 1024),
    importMaxBytes: int('BATON_IMPORT_MAX_BYTES', env.BATON_IMPORT_MAX_BYTES, 10 * 1024 * 1024),
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
  };
}
