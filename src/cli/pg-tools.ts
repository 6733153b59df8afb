import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import type { Config } from '../config.ts';
import { say, type CliIo } from './context.ts';
import { RefusedError, UsageError } from './errors.ts';

/**
 * Backups of a PostgreSQL server are PostgreSQL's own: pg_dump's custom format, restored with
 * pg_restore. Baton forces row-level security even on the tables' owner, so the role running them
 * must be a superuser or have BYPASSRLS (pg_dump refuses, rather than dump partial tables).
 */
const HOW_BY_HAND =
  'pg_dump --format=custom --file FILE "$DATABASE_URL" (as a role with BYPASSRLS), and pg_restore --no-owner --single-transaction --dbname "$DATABASE_URL" FILE';

/** The newest installed copy of a PostgreSQL client tool: on the PATH, or in Debian's versioned folders. */
function findTool(name: 'pg_dump' | 'pg_restore'): string {
  if (spawnSync(name, ['--version']).status === 0) return name;
  const versions = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = `/usr/lib/postgresql/${version}/bin/${name}`;
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new UsageError(
    `${name} was not found. Install PostgreSQL's client tools (on Debian: apt-get install postgresql-client), or run ${HOW_BY_HAND}.`,
  );
}

/** The URL without its password, which goes to the tool in its environment instead of its visible arguments. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => io.out(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => io.err(chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}); nothing was changed by Baton.`)),
    );
  });
}

/** `baton backup FILE` with DATABASE_URL: pg_dump, custom format. */
export async function backupPostgres(config: Config, file: string, io: CliIo): Promise<number> {
  const tool = findTool('pg_dump');
  const { dbname, env } = connection(config.databaseUrl!);
  await run(tool, ['--format=custom', '--file', file, '--dbname', dbname], env, io);
  say(io, `Backed up the database to ${file} with pg_dump (custom format, ${(fs.statSync(file).size / 1024 ** 2).toFixed(1)} MiB).`);
  say(io, `Restore it into an empty database with: DATABASE_URL=… baton restore ${file}`);
  return 0;
}

async function publicTableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    // Baton's application role lives in the cluster, not the database: a new cluster needs it before the grants in the dump.
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'baton_app') THEN CREATE ROLE baton_app NOLOGIN; END IF; END $$`);
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** `baton restore FILE` with DATABASE_URL: pg_restore into an empty database, in one transaction. */
export async function restorePostgres(config: Config, file: string, force: boolean, io: CliIo): Promise<number> {
  const head = Buffer.alloc(15);
  try {
    const fd = fs.openSync(file, 'r');
    fs.readSync(fd, head, 0, head.length, 0);
    fs.closeSync(fd);
  } catch {
    throw new UsageError(`Cannot read ${file}.`);
  }
  if (head.toString('latin1').startsWith('BATON-BACKUP')) {
    throw new RefusedError(
      `${file} is a backup of the embedded database: restore it without DATABASE_URL, then move it with "baton copy --to …".`,
    );
  }
  if (!head.toString('latin1').startsWith('PGDMP')) throw new RefusedError(`${file} is not a pg_dump backup (custom format).`);
  const tool = findTool('pg_restore');
  const tables = await publicTableCount(config.databaseUrl!);
  if (tables > 0 && !force) {
    throw new RefusedError(
      `The database already has ${tables} tables. Restore into an empty database, or add --force to drop and replace Baton's tables.`,
    );
  }
  const { dbname, env } = connection(config.databaseUrl!);
  const clean = tables > 0 ? ['--clean', '--if-exists'] : [];
  await run(tool, ['--no-owner', '--single-transaction', '--exit-on-error', ...clean, '--dbname', dbname, file], env, io);
  say(io, `Restored ${file} into the database. Start Baton as usual; it applies any newer migrations.`);
  return 0;
}
