import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import type { Config } from '../config.ts';
import { decodeBackup, encodeBackup, NotABackupError, type BackupManifest } from '../data/backup-file.ts';
import { checksumDifferences, tableChecksums, type TableChecksum } from '../data/checksums.ts';
import { withRawPglite } from '../data/db.ts';
import { migrations } from '../data/migrations/index.ts';
import { acquireOwnerLock } from '../data/owner-lock.ts';
import { readLocalFile, say, TERMINAL_IO, type CommandContext, type CommandLine } from './context.ts';
import { RefusedError, UsageError } from './errors.ts';
import { pgliteDirOf } from './open.ts';
import { backupPostgres, restorePostgres } from './pg-tools.ts';

/** A backup is read whole into memory; larger than this it is surely not one of ours. */
const MAX_BACKUP_BYTES = 4 * 1024 ** 3;

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
const totalRows = (manifest: BackupManifest) => manifest.tables.reduce((n, t) => n + t.rows, 0);

function fileArgument(line: CommandLine, verb: string): string {
  const file = line.positionals[0];
  if (!file) throw new UsageError(`Give the file to ${verb}: "baton ${verb} FILE".`);
  return file;
}

/** The data directory's files as a gzipped tar, read and compressed off the main thread. */
async function tarOf(dir: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of tar.create({ gzip: true, cwd: dir, portable: true }, ['.'])) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * `baton backup FILE`. Embedded: while nothing else runs (about a second with the demo), a
 * CHECKPOINT, every table's row count and checksum, and a copy of the data directory's files;
 * then, holding nothing up, the copy is packed. A PostgreSQL server: pg_dump's custom format.
 */
export async function runBackup(ctx: CommandContext): Promise<number> {
  const file = fileArgument(ctx.line, 'backup');
  if (ctx.database.kind === 'postgres') return backupPostgres(ctx.config, file, ctx.io);
  const started = performance.now();
  // Beside the database, on the same disk: a copy in /tmp could fill a small memory-backed folder.
  const copy = await fs.promises.mkdtemp(path.join(ctx.config.dataDir, '.backup-'));
  let bytes: Uint8Array;
  let manifest: BackupManifest;
  try {
    const snapshot = await ctx.database.exclusive!(async (query) => {
      await query('CHECKPOINT');
      const tables = await tableChecksums(query);
      const applied = await query('SELECT name FROM kysely_migration ORDER BY name');
      await fs.promises.cp(ctx.database.dataDir!, copy, { recursive: true });
      return { tables, migrations: applied.map((r) => String(r.name)) };
    });
    manifest = { format: 1, kind: 'pglite', takenAt: new Date().toISOString(), ...snapshot };
    bytes = encodeBackup(manifest, await tarOf(copy));
  } finally {
    await fs.promises.rm(copy, { recursive: true, force: true });
  }
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

/** Unpacks a backup into `dir` and proves it against the manifest, table by table. */
async function unpackAndCheck(dir: string, backup: ReturnType<typeof decodeBackup>): Promise<TableChecksum[]> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  await new Promise<void>((resolve, reject) => {
    const unpack = tar.extract({ cwd: dir, strict: true });
    unpack.on('error', reject).on('close', resolve);
    unpack.end(Buffer.from(backup.gzippedTar));
  }).catch((error: unknown) => {
    throw new RefusedError(`The backup is damaged and cannot be unpacked (${(error as Error).message}).`);
  });
  const found = await withRawPglite(dir, undefined, (query) => tableChecksums(query));
  const problems = checksumDifferences(backup.manifest.tables, found);
  if (problems.length) throw new Error(`The restored database does not match the backup, so it was not kept:\n  ${problems.join('\n  ')}`);
  return found;
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
  let found: TableChecksum[];
  try {
    found = await unpackAndCheck(dir, backup);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    if (fs.existsSync(aside)) fs.renameSync(aside, dir);
    throw error;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(
    TERMINAL_IO,
    `Restored ${found.length} tables (${totalRows(backup.manifest)} rows) from ${file}, taken ${backup.manifest.takenAt}, in ${seconds} s.`,
  );
  say(TERMINAL_IO, "Every table's row count and checksum match the backup. Start Baton as usual; it applies any newer migrations.");
  return 0;
}
