import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Config } from '../config.ts';
import { decodeBackup, encodeBackup, NotABackupError, type BackupManifest } from '../data/backup-file.ts';
import { checksumDifferences, tableChecksums } from '../data/checksums.ts';
import { withRawPglite } from '../data/db.ts';
import { migrations } from '../data/migrations/index.ts';
import { acquireOwnerLock } from '../data/owner-lock.ts';
import { readLocalFile, say, TERMINAL_IO, type CommandContext, type CommandLine } from './context.ts';
import { RefusedError, UsageError } from './errors.ts';
import { pgliteDirOf } from './open.ts';
import { backupPostgres, restorePostgres } from './pg-tools.ts';

const gzip = promisify(zlib.gzip);
/** A backup is read whole into memory; larger than this it is surely not one of ours. */
const MAX_BACKUP_BYTES = 4 * 1024 ** 3;

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
const totalRows = (manifest: BackupManifest) => manifest.tables.reduce((n, t) => n + t.rows, 0);

function fileArgument(line: CommandLine, verb: string): string {
  const file = line.positionals[0];
  if (!file) throw new UsageError(`Give the file to ${verb}: "baton ${verb} FILE".`);
  return file;
}

/**
 * `baton backup FILE`. Embedded: a snapshot taken while nothing else runs (a second or two with
 * the demo), with every table's row count and checksum, then compressed without holding anything
 * up. A PostgreSQL server: pg_dump's custom format.
 */
export async function runBackup(ctx: CommandContext): Promise<number> {
  const file = fileArgument(ctx.line, 'backup');
  if (ctx.database.kind === 'postgres') return backupPostgres(ctx.config, file, ctx.io);
  const started = performance.now();
  const snapshot = await ctx.database.exclusive!(async (query, dump) => {
    await query('CHECKPOINT');
    const tables = await tableChecksums(query);
    const applied = await query('SELECT name FROM kysely_migration ORDER BY name');
    return { tables, migrations: applied.map((r) => String(r.name)), tar: await dump() };
  });
  const manifest: BackupManifest = {
    format: 1,
    kind: 'pglite',
    takenAt: new Date().toISOString(),
    migrations: snapshot.migrations,
    tables: snapshot.tables,
  };
  const bytes = encodeBackup(manifest, await gzip(snapshot.tar, { level: 6 }));
  await ctx.writeOutput(file, bytes);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(ctx.io, `Backed up ${manifest.tables.length} tables (${totalRows(manifest)} rows) to ${file}: ${mib(bytes.length)} in ${seconds} s.`);
  say(ctx.io, `Restore it into an empty data directory with: baton restore ${file}`);
  return 0;
}

/** `baton restore FILE [--force]`: into an empty data directory (or database), proven against the manifest. */
export async function runRestore(config: Config, line: CommandLine): Promise<number> {
  const file = fileArgument(line, 'restore');
  const force = line.values.force === true;
  if (config.databaseUrl) return restorePostgres(config, file, force, TERMINAL_IO);
  let backup;
  try {
    backup = decodeBackup(readLocalFile(file, MAX_BACKUP_BYTES));
  } catch (error) {
    if (error instanceof NotABackupError) throw new RefusedError(`${file}: ${error.message}`);
    throw error;
  }
  const unknown = backup.manifest.migrations.filter((name) => !(name in migrations));
  if (unknown.length)
    throw new RefusedError(`${file} was taken by a newer version of Baton (migration ${unknown.at(-1)}); restore it with that version.`);
  const lock = acquireOwnerLock(config.dataDir, 'restore');
  try {
    return await restoreInto(pgliteDirOf(config), backup, file, force);
  } finally {
    lock.release();
  }
}

async function restoreInto(dir: string, backup: ReturnType<typeof decodeBackup>, file: string, force: boolean): Promise<number> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = `${dir}.before-restore-${stamp}`;
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    if (!force) {
      throw new RefusedError(
        `${dir} already holds a database. Restore into an empty data directory (set BATON_DATA_DIR), or add --force to set the current one aside as ${path.basename(aside)} and restore in its place.`,
      );
    }
    fs.renameSync(dir, aside);
    say(TERMINAL_IO, `Set the current database aside in ${aside}.`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const found = await withRawPglite(dir, new Blob([backup.gzippedTar]), (query) => tableChecksums(query, undefined));
  const problems = checksumDifferences(backup.manifest.tables, found);
  if (problems.length) {
    fs.renameSync(dir, `${dir}.failed-restore-${stamp}`);
    if (fs.existsSync(aside)) fs.renameSync(aside, dir);
    throw new Error(`The restored database does not match ${file}, so it was not kept:\n  ${problems.join('\n  ')}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(
    TERMINAL_IO,
    `Restored ${found.length} tables (${totalRows(backup.manifest)} rows) from ${file}, taken ${backup.manifest.takenAt}, in ${seconds} s.`,
  );
  say(TERMINAL_IO, "Every table's row count and checksum match the backup. Start Baton as usual; it applies any newer migrations.");
  return 0;
}
