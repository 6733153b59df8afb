import { loadConfig } from '../config.ts';
import { COMMANDS, parseCommandLine, USAGE } from './commands.ts';
import { describeFailure, UsageError } from './errors.ts';

async function main(argv: string[]): Promise<number> {
  const line = parseCommandLine(argv);
  if (line.values.help || !line.command) {
    console.log(USAGE);
    return line.command || line.values.help ? 0 : 2;
  }
  const config = loadConfig();
  if (line.command === 'serve') return (await import('./serve.ts')).runServe(config, { demo: line.values.demo === true });
  const spec = COMMANDS[line.command];
  if (!spec) throw new UsageError(`Unknown command "${line.command}".`);
  return (await import('./run.ts')).runCommand(config, spec, line, argv);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined && code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    const failure = describeFailure(error);
    console.error(`baton: ${failure.message}`);
    if (failure.hint) console.error(failure.hint);
    process.exitCode = failure.code;
  },
);
