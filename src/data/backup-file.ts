import type { TableChecksum } from './checksums.ts';

/**
 * A backup of the embedded database: one file, a header line, a JSON manifest line, then the
 * data directory as a gzipped tar (PGlite's own dump). The manifest lets a restore prove that it
 * holds exactly what was backed up.
 */
export interface BackupManifest {
  format: 1;
  kind: 'pglite';
  takenAt: string;
  /** Migrations applied when it was taken (a newer Baton's backup is refused by an older one). */
  migrations: string[];
  tables: TableChecksum[];
}

const MAGIC = 'BATON-BACKUP 1\n';
/** pg_dump's custom format starts with these bytes. */
const PG_DUMP_MAGIC = 'PGDMP';

/** Joins the manifest and the gzipped tar into the bytes of a backup file. */
export function encodeBackup(manifest: BackupManifest, gzippedTar: Uint8Array): Uint8Array {
  const head = Buffer.from(`${MAGIC}${JSON.stringify(manifest)}\n`, 'utf8');
  return Buffer.concat([head, gzippedTar]);
}

/** What a file turned out to be, when it is not an embedded backup. */
export class NotABackupError extends Error {}

/** Splits a backup file into its manifest and gzipped tar, or says what the file is instead. */
export function decodeBackup(bytes: Uint8Array): { manifest: BackupManifest; gzippedTar: Uint8Array } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, PG_DUMP_MAGIC.length).toString('latin1') === PG_DUMP_MAGIC) {
    throw new NotABackupError('This is a PostgreSQL server backup (pg_dump); restore it with DATABASE_URL set to an empty database.');
  }
  if (buffer.subarray(0, MAGIC.length).toString('utf8') !== MAGIC) {
    throw new NotABackupError('This is not a Baton backup (it does not start with "BATON-BACKUP").');
  }
  const end = buffer.indexOf(0x0a, MAGIC.length);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(buffer.subarray(MAGIC.length, end).toString('utf8')) as BackupManifest;
  } catch {
    throw new NotABackupError('This Baton backup is damaged: its manifest cannot be read.');
  }
  if (end < 0 || manifest.format !== 1 || manifest.kind !== 'pglite' || !Array.isArray(manifest.tables)) {
    throw new NotABackupError('This Baton backup is damaged or of a format this version does not know.');
  }
  return { manifest, gzippedTar: buffer.subarray(end + 1) };
}
