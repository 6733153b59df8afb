import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase } from '../../src/data/db.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { TEMPLATE_DB, TEST_PASSWORD } from './constants.ts';

/**
 * Migrates and seeds one template database per dialect, once per run: PGlite's data directory is
 * dumped to a file each test file loads; on PostgreSQL a template database each test file clones.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-test-'));
  // From the starting database with the national figures (decision 0011), as `serve --demo` does.
  const pglite = await openDatabase({ dataDir: 'memory://', startFrom: 'national' });
  await seedDemo(pglite.db, TEST_PASSWORD);
  const dump = await pglite.dumpDataDir!();
  const dumpPath = path.join(dir, 'pglite-template.tar');
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplate', dumpPath);

  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI) throw new Error('TEST_DATABASE_URL must be set in CI: the PostgreSQL suite is required there.');
  if (url) {
    await recreateTemplate(url);
    const templateUrl = withDatabase(url, TEMPLATE_DB);
    const server = await openDatabase({ databaseUrl: templateUrl, poolSize: 2 });
    await seedDemo(server.db, TEST_PASSWORD);
    await server.close();
  }
  project.provide('postgresUrl', url ?? '');

  return () => fs.rmSync(dir, { recursive: true, force: true });
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function recreateTemplate(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await client.end();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
  }
}
