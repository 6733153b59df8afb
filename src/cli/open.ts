import path from 'node:path';
import type { Config } from '../config.ts';
import { openDatabase } from '../data/db.ts';
import type { TemplateKind } from '../data/template.ts';

/** The embedded database's folder inside Baton's data directory. */
export function pgliteDirOf(config: Config): string {
  return path.join(config.dataDir, 'pglite');
}

/**
 * Opens the configured database: the PostgreSQL server when DATABASE_URL is set, else PGlite in the
 * data directory, which this process then owns (`command` is recorded in its lock). A new embedded
 * database starts from the template `startFrom` when there is one (the demo from `national`).
 */
export function openConfiguredDatabase(config: Config, command: string, startFrom?: TemplateKind) {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: pgliteDirOf(config), ownerCommand: command, startFrom });
}
