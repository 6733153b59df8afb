import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewerDatabaseError, openDatabase, withRawPglite } from '../src/data/db.ts';
import { lockFileOf } from '../src/data/owner-lock.ts';
import { baton, demoDataDir, serve, type Server } from './support/processes.ts';

const SLOW = 240_000;
const FIGURES = 'indicator_code,area_code,period,value\neh-rate,E08000030,2015-01,250.5\n';

const api = (server: Server, token: string, route: string) =>
  fetch(`${server.url}${route}`, { headers: { authorization: `Bearer ${token}` } });

describe('one Baton per embedded data directory, with the CLI in a second terminal', { timeout: SLOW }, () => {
  let dir: string;
  let env: Record<string, string>;
  let server: Server;
  beforeAll(async () => {
    dir = await demoDataDir();
    env = { BATON_DATA_DIR: dir };
    server = await serve(env);
  }, SLOW);
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a token made by the CLI while the server runs is accepted by the server', async () => {
    const made = baton(env, ['tokens', 'create', '--user', 'analyst@walsall.example']);
    expect(made).toMatchObject({ code: 0, out: expect.stringMatching(/^baton_\S+\n$/) });
    expect((await api(server, made.out.trim(), '/api/v1/p/walsall/plans')).status).toBe(200);
  });

  it('a person added by the CLI can use the running server at once', async () => {
    const args = ['users', 'create', '--partnership', 'walsall', '--email', 'ops@walsall.example', '--name', 'Ops', '--role', 'viewer'];
    expect(baton(env, args).code).toBe(0);
    const token = baton(env, ['tokens', 'create', '--user', 'ops@walsall.example']).out.trim();
    expect((await api(server, token, '/api/v1/p/walsall/agencies')).status).toBe(200);
  });

  it('an import by the CLI (reading the file where it was typed) is a figure the server shows', async () => {
    fs.writeFileSync(path.join(dir, 'figures.csv'), FIGURES);
    expect(baton(env, ['import', 'template', 'figures.csv', '--partnership', 'walsall'], dir)).toMatchObject({
      code: 0,
      out: expect.stringContaining('added 1'),
    });
    const token = baton(env, ['tokens', 'create', '--user', 'analyst@walsall.example']).out.trim();
    const figures = await (await api(server, token, '/api/v1/p/walsall/indicators/eh-rate/observations?area=E08000030')).text();
    expect(figures).toContain('250.5');
  });

  it('a second server on the same directory refuses, naming the first, and the first serves on', async () => {
    const second = baton({ ...env, PORT: '0' }, ['serve']);
    expect(second.code).toBe(4);
    expect(second.err).toContain(`Baton is running on it at ${server.url} (pid ${server.child.pid}`);
    expect(second.err).toContain('stop that one first, or give this one another BATON_DATA_DIR');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it.each([
    [['restore', 'backup.baton'], 'Stop Baton first: restore replaces the whole database.'],
    [['copy', '--to', 'postgres://nobody@127.0.0.1:1/none'], 'Stop Baton first: a copy must see every write'],
  ])('%j refuses while the server runs (exit 4) and changes nothing', (args, message) => {
    const lockBefore = fs.readFileSync(lockFileOf(dir), 'utf8');
    expect(baton(env, args, dir)).toMatchObject({ code: 4, err: expect.stringContaining(message) });
    expect(fs.readFileSync(lockFileOf(dir), 'utf8')).toBe(lockBefore);
  });

  describe('backup and restore', () => {
    let restored: string;
    afterAll(() => fs.rmSync(restored, { recursive: true, force: true }));

    it('backs up while the server runs, and restores into an empty directory with every table proven', async () => {
      const backup = baton(env, ['backup', 'backup.baton'], dir);
      expect(backup).toMatchObject({ code: 0, out: expect.stringMatching(/^Backed up \d+ tables \(\d+ rows\) to backup\.baton/) });
      restored = fs.mkdtempSync(`${dir}-restored-`);
      const restore = baton({ BATON_DATA_DIR: restored }, ['restore', path.join(dir, 'backup.baton')]);
      expect(restore.code).toBe(0);
      expect(restore.out).toContain("Every table's row count and checksum match the backup.");
    });

    it('a server on the restored directory answers as the original does, byte for byte', async () => {
      const copy = await serve({ BATON_DATA_DIR: restored });
      try {
        const token = baton(env, ['tokens', 'create', '--user', 'admin@walsall.example']).out.trim();
        for (const route of ['/api/v1/national/indicators/cp-plan-rate/observations?area=E08000030', '/public/walsall/scorecards']) {
          const [a, b] = await Promise.all([server, copy].map(async (s) => (await fetch(`${s.url}${route}`)).text()));
          expect(b!.replace(/nonce="[^"]+"/g, '')).toBe(a!.replace(/nonce="[^"]+"/g, ''));
        }
        expect((await api(copy, token, '/api/v1/p/walsall/plans')).status).toBe(401); // made after the backup
      } finally {
        expect(await copy.stop()).toBe(0);
      }
    });

    it('refuses to restore over a database unless told to, and then sets the old one aside', () => {
      const again = baton({ BATON_DATA_DIR: restored }, ['restore', path.join(dir, 'backup.baton')]);
      expect(again).toMatchObject({ code: 2, err: expect.stringContaining('already holds a database') });
      const forced = baton({ BATON_DATA_DIR: restored }, ['restore', path.join(dir, 'backup.baton'), '--force']);
      expect(forced.code).toBe(0);
      expect(fs.readdirSync(restored).filter((f) => f.startsWith('pglite.before-restore-'))).toHaveLength(1);
    });

    it.each([
      ['a file that is not a backup', () => Buffer.from('not a backup'), 'is not a Baton backup'],
      ['a backup cut short', () => fs.readFileSync(path.join(dir, 'backup.baton')).subarray(0, 2_000_000), 'The backup is damaged'],
    ])('refuses %s and keeps nothing of it', (_case, bytes, message) => {
      const empty = fs.mkdtempSync(`${dir}-empty-`);
      fs.writeFileSync(path.join(empty, 'given.baton'), bytes());
      const result = baton({ BATON_DATA_DIR: empty }, ['restore', path.join(empty, 'given.baton')]);
      expect(result).toMatchObject({ code: 2, err: expect.stringContaining(message) });
      expect(fs.readdirSync(empty)).toEqual(['given.baton']);
      fs.rmSync(empty, { recursive: true });
    });
  });

  it('after a clean stop the directory opens clean for the next command', async () => {
    expect(await server.stop()).toBe(0);
    expect(fs.existsSync(lockFileOf(dir))).toBe(false);
    expect(baton(env, ['migrate'])).toMatchObject({ code: 0, out: 'Database is up to date.\n' });
  });
});

describe('a server killed with kill -9', { timeout: SLOW }, () => {
  it('leaves a lock the next command recognises as stale, and the data directory opens clean', async () => {
    const dir = await demoDataDir();
    const env = { BATON_DATA_DIR: dir };
    try {
      const first = await serve(env);
      const token = baton(env, ['tokens', 'create', '--user', 'admin@walsall.example']).out.trim();
      first.child.kill('SIGKILL');
      await first.stop();
      expect(fs.existsSync(lockFileOf(dir))).toBe(true);

      expect(
        baton(env, ['users', 'reset-password', '--email', 'viewer@walsall.example', '--password', 'a fresh long passphrase']).code,
      ).toBe(0);
      const second = await serve(env);
      expect((await api(second, token, '/api/v1/p/walsall/plans')).status).toBe(200);
      expect(await second.stop()).toBe(0);
      expect(baton(env, ['migrate']).code).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a database a newer Baton has migrated', { timeout: SLOW }, () => {
  it('is refused with a clear message and left unchanged', async () => {
    const dir = await demoDataDir();
    const pglite = path.join(dir, 'pglite');
    try {
      await withRawPglite(pglite, undefined, (query) =>
        query("INSERT INTO kysely_migration (name, timestamp) VALUES ('2999-01-01T0000-future', '2999-01-01')"),
      );
      await expect(openDatabase({ dataDir: pglite })).rejects.toThrow(NewerDatabaseError);
      await expect(openDatabase({ dataDir: pglite })).rejects.toThrow('This database was last used by a newer version of Baton');
      const names = await withRawPglite(pglite, undefined, (query) => query('SELECT count(*)::int AS n FROM kysely_migration'));
      expect(names[0]!.n).toBeGreaterThan(10);
      expect(fs.existsSync(lockFileOf(dir))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
