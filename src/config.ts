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
  cookieSecure: boolean;
  trustProxy: boolean;
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
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
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
  const sessionSecret = env.SESSION_SECRET || undefined;
  if (nodeEnv === 'production' && !sessionSecret) {
    throw new ConfigError('SESSION_SECRET must be set when NODE_ENV=production (at least 32 random characters).');
  }
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
    cookieSecure: flag(env.COOKIE_SECURE, nodeEnv === 'production'),
    trustProxy: flag(env.TRUST_PROXY, false),
    demoPassword: env.BATON_DEMO_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    sessionIdleMinutes: int('BATON_SESSION_IDLE_MINUTES', env.BATON_SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteHours: int('BATON_SESSION_ABSOLUTE_HOURS', env.BATON_SESSION_ABSOLUTE_HOURS, 12),
    bodyLimitBytes: int('BATON_BODY_LIMIT_BYTES', env.BATON_BODY_LIMIT_BYTES, 1024 * 1024),
    importMaxBytes: int('BATON_IMPORT_MAX_BYTES', env.BATON_IMPORT_MAX_BYTES, 10 * 1024 * 1024),
  };
}
