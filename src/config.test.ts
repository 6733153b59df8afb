import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults for a developer machine', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      cookieSecure: false,
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
      trustProxy: true,
      demoPassword: 'demo password 1',
      logLevel: 'debug',
    });
  });

  it('secures cookies by default in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) }).cookieSecure).toBe(true);
  });

  it.each([
    [{ NODE_ENV: 'production' }, /SESSION_SECRET must be set/],
    [{ SESSION_SECRET: 'too short' }, /at least 32 characters/],
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
