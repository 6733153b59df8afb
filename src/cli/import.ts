import path from 'node:path';
import { issuesToCsv } from '../core/imports.ts';
import { parseNationalData, writeNationalData } from '../intake/national-load.ts';
import { CLI_ACTOR } from '../services/errors.ts';
import { say, type CommandContext } from './context.ts';
import { EXIT, UsageError } from './errors.ts';
import { partnershipId } from './users.ts';

type Options = { partnership?: string; mapping?: string; 'dry-run'?: boolean };

/** Checks the words of an import before anything is opened or read. */
export function checkImportLine(kind: string | undefined, file: string | undefined, options: Options): void {
  if (kind === 'national') return;
  if (kind !== 'template' && kind !== 'dfe')
    throw new UsageError('Say what to import: "baton import template FILE", "baton import dfe FILE" or "baton import national".');
  if (!file) throw new UsageError('Give the file to import.');
  if (!options.partnership) throw new UsageError('--partnership is required.');
  if (kind === 'dfe' && !options.mapping)
    throw new UsageError(
      '--mapping is required for a DfE file: the name of a mapping saved on the import page, or bundled:N / a bundled file’s name for the mapping Baton’s bundled files use.',
    );
}

/**
 * `baton import template|dfe FILE --partnership SLUG [--mapping NAME] [--dry-run]` and
 * `baton import national [--dry-run]`. A file with any problem writes nothing, prints each problem
 * (row, column, value, reason, as CSV) and exits 3.
 */
export async function runImport(ctx: CommandContext): Promise<number> {
  const [kind, file] = ctx.line.positionals;
  const options = ctx.line.values as Options;
  checkImportLine(kind, file, options);
  const dryRun = options['dry-run'] ?? false;
  if (kind === 'national') return importNational(ctx, dryRun);
  const bytes = ctx.readInput(file!, ctx.config.importMaxBytes);
  const id = await partnershipId(ctx, options.partnership!);
  const name = path.basename(file!);
  const result = await ctx.services.imports.importFile(
    id,
    CLI_ACTOR,
    { kind: kind as 'template' | 'dfe', filename: name, bytes, mapping: options.mapping },
    dryRun,
  );
  if (result.issues.length) {
    ctx.io.err(`${name}: ${result.issues.length} problem(s); nothing was imported.\n`);
    ctx.io.out(issuesToCsv(result.issues));
    return EXIT.refusedFile;
  }
  const { added, changed, unchanged } = result.summary;
  say(
    ctx.io,
    `${name}: ${result.rows.length} figures; ${dryRun ? 'would add' : 'added'} ${added}, ${dryRun ? 'change' : 'changed'} ${changed}, ${unchanged} unchanged${dryRun ? ' (dry run: nothing written)' : ''}.`,
  );
  return 0;
}

/** Loads (or, with --dry-run, checks) the bundled national statistics. */
async function importNational(ctx: CommandContext, dryRun: boolean): Promise<number> {
  const bundle = parseNationalData();
  if (bundle.issues.length) {
    ctx.io.out(issuesToCsv(bundle.issues));
    return EXIT.refusedFile;
  }
  const result = await writeNationalData(ctx.database.db, bundle, { dryRun });
  say(
    ctx.io,
    `National data: ${result.areas} areas, ${result.indicators} indicators, ${bundle.observations.length} figures; ${dryRun ? 'would add' : 'added'} ${result.added}, ${dryRun ? 'change' : 'changed'} ${result.changed}, ${result.unchanged} unchanged.`,
  );
  return 0;
}
