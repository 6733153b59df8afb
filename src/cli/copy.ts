import pg from 'pg';
import type { Config } from '../config.ts';
import { checksumDifferences } from '../data/checksums.ts';
import { openDatabase } from '../data/db.ts';
import { copyDatabase, nonEmptyTables, type CopyProgress } from '../data/transfer.ts';
import { say, TERMINAL_IO, type CommandLine } from './context.ts';
import { RefusedError, UsageError } from './errors.ts';
import { openConfiguredDatabase } from './open.ts';

const BAR_WIDTH = 24;

/** A progress bar on a terminal; a line per table otherwise (a log, a CI run). */
function progressPrinter(): (p: CopyProgress) => void {
  const tty = process.stderr.isTTY === true;
  return (p) => {
    const done = p.rows === 0 || p.copied === p.rows;
    if (!tty) {
      if (done) process.stderr.write(`[${p.index}/${p.tables}] ${p.table}: ${p.rows.toLocaleString('en-GB')} rows\n`);
      return;
    }
    const share = (p.index - 1 + (p.rows ? p.copied / p.rows : 1)) / p.tables;
    const filled = Math.round(share * BAR_WIDTH);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
    process.stderr.write(
      `\r[${bar}] ${p.index}/${p.tables} ${p.table} ${p.copied.toLocaleString('en-GB')}/${p.rows.toLocaleString('en-GB')}\x1b[K`,
    );
    if (done && p.index === p.tables) process.stderr.write('\n');
  };
}

function targetUrl(line: CommandLine): string {
  const to = line.values.to;
  if (typeof to !== 'string' || !/^postgres(ql)?:\/\//.test(to)) {
    throw new UsageError('Say where to copy to: "baton copy --to postgres://USER@HOST:PORT/DATABASE".');
  }
  return to;
}

/**
 * `baton copy --to URL`: moves the embedded database to a PostgreSQL server. The target is
 * migrated, must hold no rows, receives each table in its own transaction, and is checked
 * table by table (rows and checksum) against the source before the command says it is done.
 */
export async function runCopy(config: Config, line: CommandLine): Promise<number> {
  const url = targetUrl(line);
  if (config.databaseUrl) throw new UsageError('Copy reads the embedded database: unset DATABASE_URL and give the server with --to.');
  const target = new pg.Client({ connectionString: url });
  try {
    await target.connect();
  } catch (error) {
    throw new RefusedError(`Cannot connect to ${new URL(url).host}: ${(error as Error).message}`);
  }
  try {
    const full = await nonEmptyTables(target);
    if (full.length)
      throw new RefusedError(
        `The target database is not empty (${full.slice(0, 5).join(', ')}${full.length > 5 ? ', …' : ''} hold rows). Copy into a new, empty database.`,
      );
    await (await openDatabase({ databaseUrl: url, poolSize: 1 })).close(); // migrates it to this version
    const source = await openConfiguredDatabase(config, 'copy');
    try {
      const started = performance.now();
      const { source: expected, target: found } = await source.exclusive!((query) => copyDatabase(query, target, progressPrinter())).catch(
        (error: unknown) => {
          throw new Error(
            `${(error as Error).message}\nThe target now holds part of the data: drop it, create it empty again and run the copy again.`,
          );
        },
      );
      const problems = checksumDifferences(expected, found);
      if (problems.length) throw new Error(`The copy does not match the embedded database:\n  ${problems.join('\n  ')}`);
      const rows = expected.reduce((n, t) => n + t.rows, 0);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      say(
        TERMINAL_IO,
        `Copied ${expected.length} tables (${rows.toLocaleString('en-GB')} rows) in ${seconds} s; every table's rows and checksum match.`,
      );
      say(TERMINAL_IO, 'Start Baton with DATABASE_URL set to that database. The embedded data directory is left as it was.');
      return 0;
    } finally {
      await source.close();
    }
  } finally {
    await target.end();
  }
}
