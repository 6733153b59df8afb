import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';

/** SQL `date` values stay ISO strings (YYYY-MM-DD): a Date object would shift them by the time zone. */
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);
import { migrations } from './migrations/index.ts';
import { acquireOwnerLock, type OwnerLock } from './owner-lock.ts';
import { migrationState } from './readiness.ts';
import type { Database } from './schema.ts';
import { TEMPLATES, type TemplateCache, type TemplateKind } from './template.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** A database handle or an open transaction: what repositories take as their first argument. */
export type DbOrTrx = Db | Trx;

export interface DatabaseHandle {
  /** The application's handle: queries run as the `baton_app` role, so row-level security applies. */
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Closes the database cleanly (for PGlite, flushes and checkpoints the data directory). */
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tar archive (tests clone a template from it). */
  dumpDataDir?: () => Promise<Blob>;
  /**
   * PGlite only: runs `work` while no other query or transaction can run, with a raw query
   * function acting as the database owner. A snapshot taken inside is consistent.
   */
  exclusive?: <T>(work: (query: RawQuery) => Promise<T>) => Promise<T>;
  /**
   * PGlite only (it has no autovacuum): ANALYZEs the tables that changed enough since their last
   * ANALYZE for the planner's estimates to be wrong, and names them.
   */
  refreshStatistics?: () => Promise<string[]>;
  /** PGlite in a folder: the folder (its files are a consistent snapshot inside `exclusive`, after a CHECKPOINT). */
  dataDir?: string;
  /** PGlite in a folder: this process's ownership of the data directory (released on close). */
  owner?: OwnerLock;
}

/** Plain SQL with positional parameters, answered as rows of objects. */
export type RawQuery = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; `memory://` keeps it in memory. */
  dataDir?: string;
  /** A dumped PGlite data directory to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob;
  /**
   * PGlite only, for a database not yet made: the template to start from when there is one
   * (`national` has the bundled national figures loaded; the default is the migrated empty one),
   * or `scratch` for none (PostgreSQL's initdb and every migration, as the templates are made).
   */
  startFrom?: TemplateKind | 'scratch';
  /** Where the templates are (Baton's own cache unless a test gives another). */
  templates?: TemplateCache;
  /** Pool size for a PostgreSQL server. */
  poolSize?: number;
  /**
   * What this process is, recorded in the data directory's lock (`serve`, or a CLI command).
   * PGlite in a folder takes the lock in the folder's parent (Baton's data directory); a second
   * process gets DataDirInUseError instead of opening it twice.
   */
  ownerCommand?: string;
  /** A lock this process already holds on the data directory (the caller releases it). */
  ownerLock?: OwnerLock;
}

const SET_APP_ROLE = 'SET ROLE baton_app';

/**
 * Opens Baton's database, runs pending migrations as the owner, then hands back a handle whose
 * connections act as `baton_app` so that row-level security is enforced.
 * @example const { db, close } = await openDatabase({ dataDir: './data/pglite' });
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<DatabaseHandle> {
  const dataDir = options.dataDir ?? 'memory://';
  const inMemory = dataDir.startsWith('memory://');
  if (options.ownerLock) return startPglite(dataDir, inMemory, options, undefined);
  const lock = inMemory ? undefined : acquireOwnerLock(path.dirname(dataDir), options.ownerCommand ?? 'database');
  try {
    return await startPglite(dataDir, inMemory, options, lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * Opens an embedded data directory as it is, without migrating, for `work` alone, then closes it.
 * The caller must own the data directory (restore checks a backup with it before anything else).
 */
export async function withRawPglite<T>(
  dataDir: string | undefined,
  loadDataDir: Blob | undefined,
  work: (query: RawQuery) => Promise<T>,
): Promise<T> {
  const pglite = await PGlite.create(dataDir, { loadDataDir });
  try {
    return await pglite.transaction((tx) => work(async (text, params) => (await tx.query<Record<string, unknown>>(text, params)).rows));
  } finally {
    await pglite.close();
  }
}

async function startPglite(dataDir: string, inMemory: boolean, options: OpenOptions, lock: OwnerLock | undefined): Promise<DatabaseHandle> {
  const fresh = !options.loadDataDir && (inMemory || isEmptyFolder(dataDir));
  const startFrom = options.startFrom ?? 'schema';
  const templates = options.templates ?? TEMPLATES;
  const start = fresh && startFrom !== 'scratch' ? startingPoint(templates, startFrom) : undefined;
  const pglite = await (start ? fromTemplate(templates, dataDir, inMemory, start) : createPglite(dataDir, inMemory, options.loadDataDir));
  const owner = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  try {
    await migrateToLatest(owner);
    if (fresh && !start && startFrom !== 'scratch') await templates.save('schema', () => pglite.dumpDataDir('none'));
  } catch (error) {
    await pglite.close();
    throw error;
  }
  await pglite.exec(SET_APP_ROLE);
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    owner: lock,
    async close() {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
    dumpDataDir: () => pglite.dumpDataDir('none'),
    refreshStatistics: () =>
      pglite.transaction(async (tx) => {
        await tx.exec('SET LOCAL ROLE NONE');
        return refreshStatistics(async (text) => (await tx.query<Record<string, unknown>>(text)).rows);
      }),
    dataDir: inMemory ? undefined : dataDir,
    // PGlite's transaction holds its instance-wide lock, so nothing else runs until `work` ends.
    exclusive: (work) =>
      pglite.transaction(async (tx) => {
        await tx.exec('SET LOCAL ROLE NONE');
        return work(async (text, params) => (await tx.query<Record<string, unknown>>(text, params)).rows);
      }),
  };
}

/**
 * PGlite's start-up settings plus Baton's (decision 0011). Shared buffers of 32 MB instead of
 * 160 MB: PGlite zeroes them on every start (a third of a second) and holds them for good, while
 * a page outside them is one read of a file the operating system is already caching. WAL at
 * `minimal`: nothing replicates or archives an embedded database, and the first national load
 * then writes its new tables without logging every row (decision 0008).
 */
const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  ...['-c', 'shared_buffers=32MB'],
  ...['-c', 'wal_level=minimal', '-c', 'max_wal_senders=0'],
];

/** A folder that is not there yet or holds nothing: a database not yet made (anything else is PGlite's to judge). */
function isEmptyFolder(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** The template to start a new database from: the one asked for, else the migrated empty one, else none. */
function startingPoint(templates: TemplateCache, kind: TemplateKind): TemplateKind | undefined {
  return (kind === 'national' ? (['national', 'schema'] as const) : (['schema'] as const)).find((k) => templates.has(k));
}

/**
 * A new database from a template: copied into the folder, or loaded into memory. A template
 * PGlite cannot start from is forgotten and the folder, which this start made, made again.
 */
async function fromTemplate(templates: TemplateCache, dataDir: string, inMemory: boolean, kind: TemplateKind): Promise<PGlite> {
  const folderExisted = !inMemory && fs.existsSync(dataDir);
  try {
    if (!inMemory) {
      fs.rmSync(dataDir, { recursive: true, force: true }); // empty (isEmptyFolder), or not there
      templates.copyTo(kind, dataDir);
      return await createPglite(dataDir, false, undefined);
    }
    const archive = templates.read(kind);
    if (!archive) throw new Error(`The ${kind} template is gone`);
    return await createPglite(dataDir, true, new Blob([archive]));
  } catch (error) {
    templates.discard(kind);
    if (folderExisted) throw error;
    if (!inMemory) fs.rmSync(dataDir, { recursive: true, force: true });
    return createPglite(dataDir, inMemory, undefined);
  }
}

function createPglite(dataDir: string, inMemory: boolean, loadDataDir: Blob | undefined): Promise<PGlite> {
  return PGlite.create(inMemory ? undefined : dataDir, {
    loadDataDir,
    startParams: PGLITE_START_PARAMS,
    parsers: { [DATE_OID]: (value: string) => value },
  });
}

/**
 * PostgreSQL's autovacuum rule for ANALYZE (more changed rows than 50 plus a tenth of the table
 * since the last one), applied on demand: the embedded database has no background workers, so
 * `serve` calls this after it starts listening and then every quarter of an hour.
 */
export async function refreshStatistics(query: RawQuery): Promise<string[]> {
  const stale = await query(
    `SELECT quote_ident(s.schemaname) || '.' || quote_ident(s.relname) AS name
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
      WHERE s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
      ORDER BY 1`,
  );
  const names = stale.map((row) => String(row.name));
  if (names.length) await query(`ANALYZE ${names.join(', ')}`);
  return names;
}

/**
 * A pool that survives the server dropping an idle connection (a restart, an administrator, a
 * dropped database): pg reports it as an 'error' event on the pool, which with no listener would
 * end the process. The pool has already discarded the client and opens a new one when next asked;
 * a lasting failure shows on the next query, where the request fails in the ordinary way.
 */
function survivingPool(pool: pg.Pool): pg.Pool {
  pool.on('error', (error: Error & { code?: string }) => {
    process.emitWarning(`A database connection was closed by the server (${error.code ?? error.message})`, 'BatonDatabaseWarning');
  });
  return pool;
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const owner = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: survivingPool(new pg.Pool({ connectionString: url, max: 1 })) }),
  });
  try {
    await migrateToLatest(owner);
  } finally {
    await owner.destroy();
  }
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: survivingPool(new pg.Pool({ connectionString: url, max: poolSize })),
      onCreateConnection: async (connection) => {
        await connection.executeQuery(sql.raw(SET_APP_ROLE).compile(db));
      },
    }),
  });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** The database was migrated by a newer Baton than this one: running on it could damage it. */
export class NewerDatabaseError extends Error {}

/**
 * Applies every pending migration; throws with the failing migration's name if one fails, and
 * refuses (NewerDatabaseError) a database that a newer version of Baton has migrated.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { pending, unknown } = await migrationState(db);
  if (!pending.length && !unknown.length) return []; // up to date: no need to take the migration lock
  if (unknown.length) {
    throw new NewerDatabaseError(
      `This database was last used by a newer version of Baton (it has migration ${unknown.at(-1)}, which this version does not know). ` +
        'Run that newer version, or restore a backup taken before the upgrade; this version will not change the database.',
    );
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export interface TenantContext {
  partnershipId: string;
  userId?: string | undefined;
}

/**
 * Runs `work` in a transaction bound to one partnership: row-level security then shows and
 * accepts only that partnership's rows, whatever the queries inside forget to filter.
 */
export async function withTenant<T>(db: Db, ctx: TenantContext, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('baton.partnership_id', ${ctx.partnershipId}, true),
                     set_config('baton.user_id', ${ctx.userId ?? ''}, true)`.execute(trx);
    return work(trx);
  });
}

/**
 * Runs `work` in a transaction that may write the national library (areas, indicators, neighbour
 * lists and figures held for no partnership): row-level security accepts those writes only where
 * the national-load flag is set (the indicators migration).
 */
export async function withNationalLoad<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('baton.national', 'load', true)`.execute(trx);
    return work(trx);
  });
}

/** Runs `work` in a transaction that may read the signed-in person's own memberships. */
export async function withUser<T>(db: Db, userId: string, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('baton.user_id', ${userId}, true)`.execute(trx);
    return work(trx);
  });
}
