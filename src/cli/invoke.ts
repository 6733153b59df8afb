import { loadConfig } from '../config.ts';
import { COMMANDS, parseCommandLine, USAGE } from './commands.ts';
import { TERMINAL_IO, type CliIo } from './context.ts';
import { describeFailure, UsageError } from './errors.ts';

export interface BatonOptions {
  /** The settings to read (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Where the command's words go (default this terminal). */
  io?: CliIo;
}

/**
 * Runs `baton …` and returns its exit code; a failure is printed as `baton: message` and a hint,
 * never a stack trace. `bin/baton.js` runs it in its own process; tests run it in theirs.
 * (`restore`, `copy` and `serve` still print to the terminal.)
 * @example await runBaton(['migrate'], { env: { BATON_DATA_DIR: dir }, io }) // 0
 */
export async function runBaton(argv: string[], options: BatonOptions = {}): Promise<number> {
  const io = options.io ?? TERMINAL_IO;
  try {
    return await dispatch(argv, options.env ?? process.env, io);
  } catch (error) {
    const failure = describeFailure(error);
    io.err(`baton: ${failure.message}\n${failure.hint ? `${failure.hint}\n` : ''}`);
    return failure.code;
  }
}

async function dispatch(argv: string[], env: Record<string, string | undefined>, io: CliIo): Promise<number> {
  const line = parseCommandLine(argv);
  if (line.values.help || !line.command) {
    io.out(`${USAGE}\n`);
    return line.command || line.values.help ? 0 : 2;
  }
  const config = loadConfig(env);
  if (line.command === 'serve') return (await import('./serve.ts')).runServe(config, { demo: line.values.demo === true });
  const spec = COMMANDS[line.command];
  if (!spec) throw new UsageError(`Unknown command "${line.command}".`);
  return (await import('./run.ts')).runCommand(config, spec, line, argv, io);
}
