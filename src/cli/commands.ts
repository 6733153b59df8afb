import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import type { CommandContext, CommandLine } from './context.ts';

export const USAGE = `Usage: baton <command>

  serve [--demo]                 start the web server (--demo loads the demo on first start)
  migrate                        apply database migrations
  seed demo                      load the demo partnerships (once)
  users create --partnership SLUG --email EMAIL --name NAME --role ROLE [--password P]
  users set-role --partnership SLUG --email EMAIL --role ROLE
  users reset-password --email EMAIL [--password P]
  tokens create --user EMAIL [--name NAME]
  import template FILE --partnership SLUG [--dry-run]
  import dfe FILE --partnership SLUG --mapping NAME [--dry-run]
  import national [--dry-run]    load the bundled DfE and ONS statistics
  backup FILE                    write a consistent backup (while Baton runs, too)
  restore FILE [--force]         restore a backup into an empty data directory or database
  copy --to postgres://…         copy the embedded database into an empty PostgreSQL database

Roles: admin, analyst, sponsor, contributor, member, viewer.
Without --password a strong password is generated and printed once.
An import with any problem writes nothing, prints the problems as CSV and exits 3.
While "baton serve" runs on the embedded database, the other commands run through it; restore and
copy need it stopped. Exit codes: 1 failed, 2 usage, 3 import refused, 4 data directory in use.
Settings come from the environment: see README.md.`;

/** How a command runs. */
export interface CommandSpec {
  /**
   * While a server owns the embedded data directory, run inside it (true), or refuse because the
   * command needs the data directory to itself (false, with `needsDirectory` saying why).
   */
  throughServer: boolean;
  needsDirectory?: string;
  /** Checks the words before anything is opened, so a typing mistake never waits for a database. */
  check?(line: CommandLine): Promise<void>;
  /** Which positional (after the command) names a file the command reads. */
  inputFile?(line: CommandLine): string | undefined;
  /** Runs with an open database. Commands without it (`restore`, `copy`) manage their own. */
  run?(ctx: CommandContext): Promise<number>;
  /** Runs without an open database (it opens what it needs itself). */
  runAlone?(config: Config, line: CommandLine): Promise<number>;
}

// Each command's code is loaded when it runs: `serve` starts without loading the others.
export const COMMANDS: Record<string, CommandSpec> = {
  migrate: { throughServer: true, run: async (ctx) => (await import('./seed.ts')).runMigrate(ctx) },
  seed: { throughServer: true, run: async (ctx) => (await import('./seed.ts')).runSeed(ctx) },
  users: { throughServer: true, run: async (ctx) => (await import('./users.ts')).runUsers(ctx) },
  tokens: { throughServer: true, run: async (ctx) => (await import('./users.ts')).runTokens(ctx) },
  import: {
    throughServer: true,
    check: async (line) => (await import('./import.ts')).checkImportLine(line.positionals[0], line.positionals[1], line.values),
    inputFile: (line) => (line.positionals[0] === 'national' ? undefined : line.positionals[1]),
    run: async (ctx) => (await import('./import.ts')).runImport(ctx),
  },
  backup: { throughServer: true, run: async (ctx) => (await import('./backup.ts')).runBackup(ctx) },
  restore: {
    throughServer: false,
    needsDirectory: 'restore replaces the whole database',
    runAlone: async (config, line) => (await import('./backup.ts')).runRestore(config, line),
  },
  copy: {
    throughServer: false,
    needsDirectory: 'a copy must see every write, and writes made after it starts would be lost',
    runAlone: async (config, line) => (await import('./copy.ts')).runCopy(config, line),
  },
};

/** Parses `baton …` arguments; unknown options are refused with a usage error. */
export function parseCommandLine(argv: string[]): CommandLine {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      partnership: { type: 'string' },
      email: { type: 'string' },
      user: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      mapping: { type: 'string' },
      to: { type: 'string' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command = '', ...rest] = positionals;
  return { command, positionals: rest, values };
}
