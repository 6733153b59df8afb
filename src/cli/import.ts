import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { issuesToCsv } from '../core/imports.ts';
import { parseNationalData, writeNationalData } from '../national/load.ts';
import { createServices } from '../services/index.ts';
import { CLI_ACTOR } from '../services/errors.ts';
import { UsageError } from './errors.ts';
import { partnershipId, withDatabase } from './users.ts';

type Options = { partnership?: string; mapping?: string; 'dry-run'?: boolean };

/** Exit code for a file with problems: distinct from usage mistakes (2) and failures (1). */
const REFUSED = 3;

/**
 * `baton import template|dfe FILE --partnership SLUG [--mapping NAME] [--dry-run]` and
 * `baton import national [--dry-run]`. A file with any problem writes nothing, prints each problem
 * (row, column, value, reason, as CSV) and exits 3.
 */
export function runImport(config: Config, kind: string | undefined, file: string | undefined, options: Options): Promise<number> {
  const dryRun = options['dry-run'] ?? false;
  if (kind === 'national') return importNational(config, dryRun);
  if (kind !== 'template' && kind !== 'dfe')
    throw new UsageError('Say what to import: "baton import template FILE", "baton import dfe FILE" or "baton import national".');
  if (!file) throw new UsageError('Give the file to import.');
  if (!options.partnership) throw new UsageError('--partnership is required.');
  if (kind === 'dfe' && !options.mapping)
    throw new UsageError(
      '--mapping is required for a DfE file: the name of a mapping saved on the import page, or bundled:N / a bundled file’s name for the mapping Baton’s bundled files use.',
    );
  const bytes = readFile(file, config.importMaxBytes);
  return withDatabase(config, async (database) => {
    const id = await partnershipId(database, config, options.partnership!);
    const { imports } = createServices(database.db, config);
    const result = await imports.importFile(
      id,
      CLI_ACTOR,
      { kind, filename: path.basename(file), bytes, mapping: options.mapping },
      dryRun,
    );
    if (result.issues.length) {
      process.stderr.write(`${path.basename(file)}: ${result.issues.length} problem(s); nothing was imported.\n`);
      process.stdout.write(issuesToCsv(result.issues));
      return REFUSED;
    }
    const { added, changed, unchanged } = result.summary;
    console.log(
      `${path.basename(file)}: ${result.rows.length} figures; ${dryRun ? 'would add' : 'added'} ${added}, ${dryRun ? 'change' : 'changed'} ${changed}, ${unchanged} unchanged${dryRun ? ' (dry run: nothing written)' : ''}.`,
    );
    return 0;
  });
}

function readFile(file: string, maxBytes: number): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(`Cannot read ${file}.`);
  }
  if (!stat.isFile()) throw new UsageError(`${file} is not a file.`);
  if (stat.size > maxBytes) throw new UsageError(`${file} is ${stat.size} bytes; the limit is ${maxBytes} (BATON_IMPORT_MAX_BYTES).`);
  return fs.readFileSync(file);
}

/** Loads (or, with --dry-run, checks) the bundled national statistics. */
function importNational(config: Config, dryRun: boolean): Promise<number> {
  return withDatabase(config, async (database) => {
    const bundle = parseNationalData();
    if (bundle.issues.length) {
      process.stdout.write(issuesToCsv(bundle.issues));
      return REFUSED;
    }
    const result = await writeNationalData(database.db, bundle, { dryRun });
    console.log(
      `National data: ${result.areas} areas, ${result.indicators} indicators, ${bundle.observations.length} figures; ${dryRun ? 'would add' : 'added'} ${result.added}, ${dryRun ? 'change' : 'changed'} ${result.changed}, ${result.unchanged} unchanged.`,
    );
    return 0;
  });
}
