import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/data/db.ts';
import { buildApp } from '../../src/app/app.ts';
import { TEMPLATE_DB, TEST_PASSWORD } from './constants.ts';
import { withDatabase } from './global-setup.ts';

export type Dialect = 'pglite' | 'postgres';

/** The databases route tests run against: PGlite always, a PostgreSQL server when TEST_DATABASE_URL is set. */
export const DIALECTS: Dialect[] = inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh copy of the migrated, seeded template database. */
export async function openTestDatabase(dialect: Dialect): Promise<DatabaseHandle> {
  if (dialect === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteTemplate'));
    return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([dump]) });
  }
  const serverUrl = inject('postgresUrl');
  const name = `baton_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const handle = await openDatabase({ databaseUrl: withDatabase(serverUrl, name), poolSize: 4 });
  return {
    ...handle,
    async close() {
      await handle.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** A browser-like client with its own cookie jar. */
  client(): Client;
  /** A client already signed in as `email`. */
  signedIn(email: string): Promise<Client>;
  close(): Promise<void>;
}

export async function createTestApp(dialect: Dialect, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase(dialect);
  const config = loadConfig({ NODE_ENV: 'test', BATON_DATA_DIR: '/nonexistent', ...env });
  const app = await buildApp({ config, database, secret: randomBytes(32).toString('hex') });
  await app.ready();
  const client = () => new Client(app);
  return {
    app,
    database,
    client,
    async signedIn(email: string) {
      const c = client();
      const res = await c.signIn(email, TEST_PASSWORD);
      if (res.statusCode !== 303) throw new Error(`sign-in as ${email} failed: ${res.statusCode}`);
      return c;
    },
    close: () => app.close(),
  };
}

/** Keeps cookies between requests and finds the CSRF token in forms, as a browser would. */
export class Client {
  readonly cookies = new Map<string, string>();
  private readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  /** Posts a form as a browser would, with the page's CSRF token unless `csrf: false`. */
  /** Posts a form; a field given a list is sent once per item, as checkboxes are; `headers` are sent as well. */
  async post(
    url: string,
    form: Record<string, string | string[]>,
    options: { csrf?: boolean | string; headers?: Record<string, string> } = {},
  ) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    if (options.csrf !== false) body.set('_csrf', typeof options.csrf === 'string' ? options.csrf : await this.csrfToken());
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
        payload: body.toString(),
      }),
    );
  }

  /** The CSRF token the sign-in page (or any page) carries for this client. */
  async csrfToken(): Promise<string> {
    let res = await this.get('/sign-in');
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops++) {
      res = await this.get(String(res.headers.location));
    }
    const match = res.body.match(/name="_csrf" value="([^"]+)"/);
    if (!match) throw new Error('no CSRF token on the page');
    return match[1]!;
  }

  signIn(email: string, password: string) {
    return this.post('/sign-in', { email, password });
  }
}
