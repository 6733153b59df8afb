import type { Config } from '../config.ts';
import { DataDirInUseError, liveOwner, lockFileOf, type OwnerInfo } from '../data/owner-lock.ts';
import { createServices } from '../app/services.ts';
import type { CommandSpec } from './commands.ts';
import { readLocalFile, writeLocalFile, type CliIo, type CommandLine } from './context.ts';
import { runThroughServer } from './control.ts';
import { InUseError } from './errors.ts';
import { openConfiguredDatabase } from './open.ts';

const STARTING_WAIT_MS = 120_000;
const POLL_MS = 200;

/**
 * Runs a command. On the embedded database exactly one process may open the data directory: when
 * a server owns it, the command runs inside that server (or is refused, for commands that need
 * the directory to themselves); otherwise this process takes the directory for the command's
 * length. A PostgreSQL server needs none of this. The command's words go to `io`.
 */
export async function runCommand(config: Config, spec: CommandSpec, line: CommandLine, argv: string[], io: CliIo): Promise<number> {
  await spec.check?.(line);
  const inputs = readInputs(config, spec, line);
  const owner = config.databaseUrl ? undefined : liveOwner(config.dataDir);
  if (spec.runAlone) {
    if (owner) throw refusal(config, owner, spec);
    return spec.runAlone(config, line);
  }
  if (owner) return forward(config, spec, argv, owner, inputs, io);
  let database;
  try {
    database = await openConfiguredDatabase(config, `${line.command} ${line.positionals[0] ?? ''}`.trim());
  } catch (error) {
    // A server took the directory between our look and our open.
    if (error instanceof DataDirInUseError) return forward(config, spec, argv, error.owner, inputs, io);
    throw error;
  }
  try {
    const services = createServices(database.db, config);
    const readInput = (file: string, maxBytes: number) => inputs[file] ?? readLocalFile(file, maxBytes);
    return await spec.run!({ config, database, services, io, line, readInput, writeOutput: writeLocalFile });
  } finally {
    await database.close();
  }
}

function refusal(config: Config, owner: OwnerInfo, spec: CommandSpec): InUseError {
  const inUse = new DataDirInUseError(lockFileOf(config.dataDir), owner).message;
  const what = owner.command === 'serve' ? 'Stop Baton first' : 'Wait for it to finish';
  return new InUseError(`${inUse} ${what}: ${spec.needsDirectory ?? 'this command needs the data directory to itself'}.`);
}

/** Files the command reads, read first: a missing file is reported before any database is opened. */
function readInputs(config: Config, spec: CommandSpec, line: CommandLine): Record<string, Uint8Array> {
  const file = spec.inputFile?.(line);
  return file ? { [file]: readLocalFile(file, config.importMaxBytes) } : {};
}

async function forward(
  config: Config,
  spec: CommandSpec,
  argv: string[],
  owner: OwnerInfo,
  inputs: Record<string, Uint8Array>,
  io: CliIo,
): Promise<number> {
  if (owner.command !== 'serve' || !spec.throughServer) throw refusal(config, owner, spec);
  const ready = owner.socket ? owner : await waitUntilAcceptingCommands(config, owner, io);
  return runThroughServer(ready, argv, inputs, io);
}

/** A server that is still starting (migrating, loading the demo) opens its command socket when it listens. */
async function waitUntilAcceptingCommands(config: Config, owner: OwnerInfo, io: CliIo): Promise<OwnerInfo> {
  io.err(`Waiting for Baton (pid ${owner.pid}) to finish starting…\n`);
  const deadline = Date.now() + STARTING_WAIT_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const now = liveOwner(config.dataDir);
    if (!now || now.secret !== owner.secret) throw new InUseError('Baton stopped while starting; run the command again.');
    if (now.socket) return now;
  }
  throw new InUseError(`Baton (pid ${owner.pid}) has owned the data directory for two minutes without accepting commands; check its log.`);
}
