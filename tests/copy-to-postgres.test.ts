import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tableChecksums, type TableChecksum } from '../src/data/checksums.ts';
import { withDatabase } from './support/global-setup.ts';
import { baton, demoDataDir, serve, type Server } from './support/processes.ts';

const SLOW = 240_000;
const serverUrl = inject('postgresUrl');

async function createDatabase(): Promise<string> {
  const name = `baton_ops_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return withDatabase(serverUrl, name);
}

async function dropDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
}

async function checksumsOf(url: string): Promise<TableChecksum[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    return await tableChecksums(async (text, params) => (await client.query(text, params as unknown[])).rows);
  } finally {
    await client.end();
  }
}

/** Routes answered the same way whatever the database: public pages and the API, with and without a token. */
const ROUTES = [
  '/api/v1/national/indicators',
  '/api/v1/national/indicators/cp-plan-rate/benchmark?area=E08000030&period=AT2013-03-31',
  '/api/v1/p/walsall/plans',
  '/api/v1/p/walsall/indicators',
  '/api/v1/p/walsall/agencies',
  '/public/walsall',
  '/public/walsall/scorecards',
  '/public/birmingham',
];

describe.skipIf(!serverUrl)('moving the embedded database to a PostgreSQL server', { timeout: SLOW }, () => {
  let dir: string;
  let target: string;
  let token: string;
  beforeAll(async () => {
    dir = await demoDataDir();
    target = await createDatabase();
    token = baton({ BATON_DATA_DIR: dir }, ['tokens', 'create', '--user', 'admin@walsall.example']).out.trim();
  }, SLOW);
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await dropDatabase(target);
  });

  it('copies every table into an empty database and proves each one', () => {
    const copy = baton({ BATON_DATA_DIR: dir }, ['copy', '--to', target]);
    expect(copy.code).toBe(0);
    expect(copy.out).toMatch(/^Copied \d+ tables \([\d,]+ rows\) in [\d.]+ s; every table's rows and checksum match\./);
    expect(copy.err).toMatch(/\[(\d+)\/\1\] \w+: [\d,]+ rows\n$/);
  });

  it('refuses a target that already holds rows', () => {
    expect(baton({ BATON_DATA_DIR: dir }, ['copy', '--to', target])).toMatchObject({
      code: 2,
      err: expect.stringContaining('The target database is not empty'),
    });
  });

  it('a server on the copy answers the pages and API as the embedded one does, byte for byte', async () => {
    const servers: Server[] = await Promise.all([
      serve({ BATON_DATA_DIR: dir }),
      serve({ BATON_DATA_DIR: `${dir}-server`, DATABASE_URL: target }),
    ]);
    try {
      for (const route of ROUTES) {
        const [embedded, server] = await Promise.all(
          servers.map(async (s) => {
            const response = await fetch(`${s.url}${route}`, { headers: { authorization: `Bearer ${token}` } });
            return `${response.status} ${(await response.text()).replace(/nonce="[^"]+"/g, '')}`;
          }),
        );
        expect({ route, body: server }).toEqual({ route, body: embedded });
        expect(embedded).toMatch(/^200 /);
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      fs.rmSync(`${dir}-server`, { recursive: true, force: true });
    }
  });

  it('backs the server up with pg_dump and restores it into an empty database, every table alike', async () => {
    const file = path.join(dir, 'server.dump');
    const backup = baton({ BATON_DATA_DIR: dir, DATABASE_URL: target }, ['backup', file]);
    expect(backup).toMatchObject({ code: 0, out: expect.stringContaining('with pg_dump (custom format') });
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
    const restored = await createDatabase();
    try {
      expect(baton({ BATON_DATA_DIR: dir, DATABASE_URL: restored }, ['restore', file]).code).toBe(0);
      expect(await checksumsOf(restored)).toEqual(await checksumsOf(target));
      expect(baton({ BATON_DATA_DIR: dir, DATABASE_URL: restored }, ['restore', file])).toMatchObject({
        code: 2,
        err: expect.stringContaining('Restore into an empty database, or add --force'),
      });
    } finally {
      await dropDatabase(restored);
    }
  });
});
