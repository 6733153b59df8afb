import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The `baton` command run as an operator runs it: a real process on a real data directory. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-cli-'));
const env = {
  ...process.env,
  BATON_DATA_DIR: dataDir,
  BATON_DEMO_PASSWORD: 'cli demo password',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'development',
};

function baton(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/baton.js', ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function waitForHealth(url: string, deadline = Date.now() + 30_000): Promise<Response> {
  try {
    const res = await fetch(url);
    if (res.ok) return res;
  } catch {
    // not listening yet
  }
  if (Date.now() > deadline) throw new Error(`${url} never became healthy`);
  await new Promise((r) => setTimeout(r, 100));
  return waitForHealth(url, deadline);
}

describe('the baton command', () => {
  beforeAll(() => {
    expect(baton('seed', 'demo').code).toBe(0);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('does not load the demo twice', () => {
    expect(baton('seed', 'demo').out).toContain('already loaded');
  });

  it('migrates an up-to-date database without complaint', () => {
    expect(baton('migrate')).toMatchObject({ code: 0, out: 'Database is up to date.\n' });
  });

  it('creates a user and prints a generated password once', () => {
    const result = baton(
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

  it('changes a role', () => {
    expect(baton('users', 'set-role', '--partnership', 'walsall', '--email', 'ops@walsall.example', '--role', 'member').code).toBe(0);
  });

  it('resets a password', () => {
    expect(baton('users', 'reset-password', '--email', 'ops@walsall.example', '--password', 'a brand new password').out).toContain(
      'Password reset',
    );
  });

  it('prints a personal API token', () => {
    expect(baton('tokens', 'create', '--user', 'admin@walsall.example').out).toMatch(/^baton_[A-Za-z0-9_-]{43}\n$/);
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
    { args: ['users', 'reset-password', '--email', 'admin@walsall.example', '--password', 'short'], message: 'at least 12 characters' },
    { args: ['tokens', 'create'], message: '--user is required' },
    { args: ['frobnicate'], message: 'Unknown command' },
  ])('refuses $args.0 $args.1 with a clear message and exit code 2', ({ args, message }) => {
    const result = baton(...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err).not.toMatch(/\s+at .+:\d+:\d+/);
  });

  it('serves, stops cleanly on SIGTERM, and starts again on the same data', async () => {
    const port = 3400 + Math.floor(Math.random() * 500);
    const serve = () =>
      spawn(process.execPath, ['bin/baton.js', 'serve', '--demo'], { env: { ...env, PORT: String(port) }, stdio: 'pipe' });
    const first = serve();
    await waitForHealth(`http://127.0.0.1:${port}/healthz`);
    const exited = new Promise<number | null>((resolve) => first.on('exit', resolve));
    first.kill('SIGTERM');
    expect(await exited).toBe(0);

    const second = serve();
    let output = '';
    second.stdout.on('data', (chunk) => (output += chunk));
    const ready = await waitForHealth(`http://127.0.0.1:${port}/readyz`);
    const publicPage = await fetch(`http://127.0.0.1:${port}/public/walsall`);
    const stopped = new Promise((resolve) => second.on('exit', resolve));
    second.kill('SIGTERM');
    await stopped;
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect(publicPage.status).toBe(200);
    expect(output).not.toContain('Demo loaded');
  });

  describe('import', () => {
    const file = (name: string, text: string) => {
      const filePath = path.join(dataDir, name);
      fs.writeFileSync(filePath, text);
      return filePath;
    };
    const GOOD = 'indicator_code,area_code,period,value\neh-rate,E08000030,2015-01,250.5\neh-rate,335,2015-02,260\n';
    const BAD = 'indicator_code,area_code,period,value\neh-rate,E08000030,2015-01,lots\nnope,E08000030,2015-02,1\n';

    it('checks a file without writing it (--dry-run), then imports it, then finds nothing to change', () => {
      const good = file('good.csv', GOOD);
      expect(baton('import', 'template', good, '--partnership', 'walsall', '--dry-run')).toMatchObject({
        code: 0,
        out: expect.stringContaining('would add 2, change 0, 0 unchanged (dry run: nothing written)'),
      });
      expect(baton('import', 'template', good, '--partnership', 'walsall')).toMatchObject({
        code: 0,
        out: expect.stringContaining('added 2, changed 0, 0 unchanged'),
      });
      expect(baton('import', 'template', good, '--partnership', 'walsall')).toMatchObject({
        code: 0,
        out: expect.stringContaining('added 0, changed 0, 2 unchanged'),
      });
    });

    it('refuses a bad file with exit code 3, printing each problem as CSV, and writes nothing', () => {
      const result = baton('import', 'template', file('bad.csv', BAD), '--partnership', 'walsall');
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
    ])('refuses %j with a usage message (exit 2)', (args, message) => {
      expect(baton(...args)).toMatchObject({ code: 2, err: expect.stringContaining(message) });
    });

    it('checks the bundled national data again without changing anything', () => {
      expect(baton('import', 'national', '--dry-run')).toMatchObject({ code: 0, out: expect.stringContaining('would add 0, change 0') });
    });
  });
});
