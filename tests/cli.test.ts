import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBaton } from '../src/cli/invoke.ts';
import { lockFileOf } from '../src/data/owner-lock.ts';
import { baton as spawnBaton, demoDataDir, serve, type Result } from './support/processes.ts';

/**
 * The `baton` commands' logic runs in this process (each opens and closes the embedded database
 * as the binary does), on one data directory holding the tests' demo. Real processes are kept for
 * what only a process shows: the binary's wiring, and a server that stops and starts again.
 */
let dataDir: string;
let env: Record<string, string>;

async function baton(...args: string[]): Promise<Result> {
  let out = '';
  let err = '';
  const code = await runBaton(args, { env, io: { out: (text) => void (out += text), err: (text) => void (err += text) } });
  return { code, out, err };
}

describe('the baton command', () => {
  beforeAll(async () => {
    dataDir = await demoDataDir();
    env = { BATON_DATA_DIR: dataDir, BATON_DEMO_PASSWORD: 'cli demo password', LOG_LEVEL: 'warn', NODE_ENV: 'development' };
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('loads the demo into an empty data directory', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-cli-empty-'));
    try {
      let out = '';
      const code = await runBaton(['seed', 'demo'], {
        env: { ...env, BATON_DATA_DIR: empty },
        io: { out: (text) => void (out += text), err: () => undefined },
      });
      expect({ code, out }).toMatchObject({ code: 0, out: expect.stringContaining('Demo loaded') });
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('does not load the demo twice', async () => {
    expect((await baton('seed', 'demo')).out).toContain('already loaded');
  });

  it('migrates an up-to-date database without complaint', async () => {
    expect(await baton('migrate')).toMatchObject({ code: 0, out: 'Database is up to date.\n' });
  });

  it('creates a user and prints a generated password once', async () => {
    const result = await baton(
      'users',
      'create',
      '--partnership',
      'walsall',
      '--email',
      'ops@walsall.example',
      '--name',
      'Ops Person',
      '--role',
      'analyst',
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Password \(shown once\): \S{20}/);
  });

  it('changes a role', async () => {
    expect((await baton('users', 'set-role', '--partnership', 'walsall', '--email', 'ops@walsall.example', '--role', 'member')).code).toBe(
      0,
    );
  });

  it('resets a password', async () => {
    expect((await baton('users', 'reset-password', '--email', 'ops@walsall.example', '--password', 'a brand new password')).out).toContain(
      'Password reset',
    );
  });

  it('prints a personal API token', async () => {
    expect((await baton('tokens', 'create', '--user', 'admin@walsall.example')).out).toMatch(/^baton_[A-Za-z0-9_-]{43}\n$/);
  });

  it.each([
    {
      args: ['users', 'create', '--partnership', 'walsall', '--email', 'x@walsall.example', '--name', 'X', '--role', 'emperor'],
      message: '--role must be one of',
    },
    {
      args: ['users', 'set-role', '--partnership', 'atlantis', '--email', 'x@walsall.example', '--role', 'viewer'],
      message: 'There is no partnership "atlantis"',
    },
    {
      args: ['users', 'reset-password', '--email', 'admin@walsall.example', '--password', 'short'],
      message: 'Password must be at least 12 characters',
    },
    { args: ['tokens', 'create'], message: '--user is required' },
    { args: ['frobnicate'], message: 'Unknown command' },
  ])('refuses $args.0 $args.1 with a clear message and exit code 2', async ({ args, message }) => {
    const result = await baton(...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`baton: ${message}`);
    expect(result.err).not.toMatch(/\s+at .+:\d+:\d+/);
  });

  it('prints the usage and exits 2 when no command is given', async () => {
    expect(await baton()).toMatchObject({ code: 2, out: expect.stringMatching(/^Usage: baton <command>\n/), err: '' });
  });

  describe('import', () => {
    const file = (name: string, text: string) => {
      const filePath = path.join(dataDir, name);
      fs.writeFileSync(filePath, text);
      return filePath;
    };
    const GOOD = 'indicator_code,area_code,period,value\neh-rate,E08000030,2015-01,250.5\neh-rate,335,2015-02,260\n';
    const BAD = 'indicator_code,area_code,period,value\neh-rate,E08000030,2015-01,lots\nnope,E08000030,2015-02,1\n';

    it('checks a file without writing it (--dry-run), then imports it, then finds nothing to change', async () => {
      const good = file('good.csv', GOOD);
      expect(await baton('import', 'template', good, '--partnership', 'walsall', '--dry-run')).toMatchObject({
        code: 0,
        out: expect.stringContaining('would add 2, change 0, 0 unchanged (dry run: nothing written)'),
      });
      expect(await baton('import', 'template', good, '--partnership', 'walsall')).toMatchObject({
        code: 0,
        out: expect.stringContaining('added 2, changed 0, 0 unchanged'),
      });
      expect(await baton('import', 'template', good, '--partnership', 'walsall')).toMatchObject({
        code: 0,
        out: expect.stringContaining('added 0, changed 0, 2 unchanged'),
      });
    });

    it('refuses a bad file with exit code 3, printing each problem as CSV, and writes nothing', async () => {
      const result = await baton('import', 'template', file('bad.csv', BAD), '--partnership', 'walsall');
      expect(result.code).toBe(3);
      expect(result.err).toContain('2 problem(s); nothing was imported');
      expect(result.out.split('\r\n')[0]).toBe('row,column,value,reason');
      expect(result.out).toContain('2,value,lots,');
      expect(result.out).toContain('3,indicator_code,nope,');
    });

    it.each([
      [['import', 'template', '/nonexistent.csv', '--partnership', 'walsall'], 'Cannot read /nonexistent.csv'],
      [['import', 'template', 'x.csv'], '--partnership is required'],
      [['import', 'dfe', 'x.csv', '--partnership', 'walsall'], '--mapping is required'],
      [['import', 'spreadsheet'], 'Say what to import'],
    ])('refuses %j with a usage message (exit 2)', async (args, message) => {
      expect(await baton(...args)).toMatchObject({ code: 2, err: expect.stringContaining(message) });
    });

    it('checks the bundled national data again without changing anything', async () => {
      expect(await baton('import', 'national', '--dry-run')).toMatchObject({
        code: 0,
        out: expect.stringContaining('would add 0, change 0'),
      });
    });
  });

  describe('as a process', () => {
    it('runs a command and exits with its code, leaving the data directory free', () => {
      expect(fs.existsSync(lockFileOf(dataDir))).toBe(false); // each command above closed the database
      expect(spawnBaton({ BATON_DATA_DIR: dataDir }, ['migrate'])).toEqual({ code: 0, out: 'Database is up to date.\n', err: '' });
      expect(fs.existsSync(lockFileOf(dataDir))).toBe(false);
    });

    it('serves, stops cleanly on SIGTERM, and starts again on the same data', async () => {
      const first = await serve(env, { args: ['--demo'] });
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
      expect(await first.stop()).toBe(0);

      const second = await serve(env, { args: ['--demo'] });
      try {
        const ready = await fetch(`${second.url}/readyz`);
        expect(await ready.json()).toEqual({ status: 'ready' });
        expect((await fetch(`${second.url}/public/walsall`)).status).toBe(200);
      } finally {
        expect(await second.stop()).toBe(0);
      }
      expect(second.output()).not.toContain('Demo loaded');
    });
  });
});
