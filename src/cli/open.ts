import path from 'node:path';
import type { Config } from '../config.ts';
import { openDatabase } from '../data/db.ts';

/** Opens the configured database: the PostgreSQL server when DATABASE_URL is set, else PGlite in the data directory. */
export function openConfiguredDatabase(config: Config) {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
}
