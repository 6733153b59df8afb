import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../data/db.ts';
import type { Services } from '../app/services.ts';
import { UsageError } from './errors.ts';

/** Where a command's words go: this terminal, or the socket back to a command run through the server. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** The parsed command line: positionals after the command, and the options given. */
export interface CommandLine {
  command: string;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** What a command runs with, wherever it runs (in its own process or inside the running server). */
export interface CommandContext {
  config: Config;
  database: DatabaseHandle;
  services: Services;
  io: CliIo;
  line: CommandLine;
  /** A file the operator named, read where the operator typed the command. */
  readInput(file: string, maxBytes: number): Uint8Array;
  /** A file the command produces, written where the operator typed the command. */
  writeOutput(file: string, bytes: Uint8Array): Promise<void>;
}

/** The terminal the command was typed in. */
export const TERMINAL_IO: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** Prints one line. */
export function say(io: CliIo, line: string): void {
  io.out(`${line}\n`);
}

/** Reads a file named on the command line, with the messages an operator needs. */
export function readLocalFile(file: string, maxBytes: number): Uint8Array {
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

/** Writes a file whole or not at all: to a temporary name beside it, then renamed into place. */
export async function writeLocalFile(file: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.partial`);
  try {
    await fs.promises.writeFile(temp, bytes, { mode: 0o600 });
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw new UsageError(`Cannot write ${file}: ${(error as Error).message}`);
  }
}
