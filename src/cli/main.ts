import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { runMigrate, runSeed, runServe } from './serve.ts';
import { runTokens, runUsers } from './users.ts';
import { runImport } from './import.ts';
import { UsageError } from './errors.ts';

const USAGE = `Usage: baton <command>

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

Roles: admin, analyst, sponsor, contributor, member, viewer.
Without --password a strong password is generated and printed once.
An import with any problem writes nothing, prints the problems as CSV and exits 3.
Settings come from the environment: see README.md.`;

async function main(argv: string[]): Promise<number> {
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
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, file] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return runServe(config, { demo: values.demo ?? false });
    case 'migrate':
      return runMigrate(config);
    case 'seed':
      if (sub !== 'demo') throw new UsageError('Only "baton seed demo" is available.');
      return runSeed(config);
    case 'users':
      return runUsers(config, sub, values);
    case 'tokens':
      return runTokens(config, sub, values);
    case 'import':
      return runImport(config, sub, file, values);
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined && code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    const known =
      error instanceof UsageError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`baton: ${(error as Error).message}`);
    if (known) console.error('Run "baton --help" for usage.');
    process.exitCode = known ? 2 : 1;
  },
);
