import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults for a developer machine', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      cookieSecure: false,
      trustProxy: 0,
      env: 'development',
    });
  });

  it('reads every documented setting', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      BATON_DATA_DIR: '/var/lib/baton',
      DATABASE_URL: 'postgres://baton@db/baton',
      SESSION_SECRET: 's'.repeat(32),
      COOKIE_SECURE: 'true',
      TRUST_PROXY: 'yes',
      BATON_DEMO_PASSWORD: 'demo password 1',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/baton',
      databaseUrl: 'postgres://baton@db/baton',
      cookieSecure: true,
      trustProxy: 1,
      demoPassword: 'demo password 1',
      logLevel: 'debug',
    });
  });

  const PRODUCTION = {
    NODE_ENV: 'production',
    SESSION_SECRET: 's'.repeat(32),
    DATABASE_URL: 'postgres://baton@db/baton',
    TRUST_PROXY: 'true',
  };

  it('secures cookies by default in production', () => {
    expect(loadConfig(PRODUCTION).cookieSecure).toBe(true);
  });

  it.each([
    [{ COOKIE_SECURE: 'false' }, { cookieSecure: false }],
    [{ TRUST_PROXY: 'false' }, { trustProxy: 0 }],
    [{ TRUST_PROXY: 'TRUE' }, { trustProxy: 1 }],
    [{ TRUST_PROXY: '0' }, { trustProxy: 0 }],
    [{ TRUST_PROXY: '2' }, { trustProxy: 2 }],
  ])('reads %o in production as %o', (change, expected) => {
    expect(loadConfig({ ...PRODUCTION, ...change })).toMatchObject(expected);
  });

  it.each([
    {
      when: 'nothing is set in production',
      env: { NODE_ENV: 'production' },
      message: /SESSION_SECRET must be set[^]*DATABASE_URL must be set[^]*TRUST_PROXY must be set/,
    },
    {
      when: 'SESSION_SECRET is missing in production',
      env: { ...PRODUCTION, SESSION_SECRET: '' },
      message: /^SESSION_SECRET must be set when NODE_ENV=production: at least 32 random characters/,
    },
    {
      when: 'DATABASE_URL is missing in production',
      env: { ...PRODUCTION, DATABASE_URL: undefined },
      message: /^DATABASE_URL must be set when NODE_ENV=production: the PostgreSQL server .* postgres:\/\//,
    },
    {
      when: 'TRUST_PROXY is missing in production',
      env: { ...PRODUCTION, TRUST_PROXY: undefined },
      message:
        /^TRUST_PROXY must be set when NODE_ENV=production: true when .* reverse proxy[^]*false when clients connect to Baton directly/,
    },
    {
      when: 'TRUST_PROXY is mistyped',
      env: { ...PRODUCTION, TRUST_PROXY: 'ture' },
      message: /TRUST_PROXY must be true, false or the number of proxies in front of Baton, not "ture"/,
    },
    {
      when: 'COOKIE_SECURE is neither true nor false',
      env: { COOKIE_SECURE: 'maybe' },
      message: /COOKIE_SECURE must be true or false, not "maybe"/,
    },
    { when: 'SESSION_SECRET is too short', env: { SESSION_SECRET: 'too short' }, message: /at least 32 characters/ },
    { when: 'PORT is not a number', env: { PORT: 'eighty' }, message: /PORT must be a whole number/ },
    { when: 'PORT is out of range', env: { PORT: '70000' }, message: /PORT must be between/ },
  ])('refuses to start when $when', ({ env, message }) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
