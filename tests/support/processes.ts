import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { withRawPglite } from '../../src/data/db.ts';

/** `baton` as an operator runs it: a real process, on a real data directory or database. */
const BIN = path.resolve(import.meta.dirname, '../../bin/baton.js');

export type Env = Record<string, string>;

export interface Result {
  code: number | null;
  out: string;
  err: string;
}

const baseEnv = (env: Env) => ({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env });

/** Runs a command to its end (from `cwd`, where relative file names are read and written). */
export function baton(env: Env, args: string[], cwd = process.cwd()): Result {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: baseEnv(env), cwd, encoding: 'utf8', timeout: 180_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

export interface Server {
  url: string;
  child: ChildProcessWithoutNullStreams;
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `baton serve` (with `args`, such as `--demo`) on a free port and waits until it says where it listens. */
export async function serve(env: Env, { args = [] as string[], deadlineMs = 120_000 } = {}): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { env: baseEnv({ PORT: '0', ...env }), stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), deadlineMs);
    const look = () => {
      const found = /Baton is running at (http:\/\/[^\s]+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout.on('data', look);
    void exited.then((code) => reject(new Error(`the server exited (${code}) before it started:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A Baton data directory holding the tests' migrated demo (the template every test file starts from). */
export async function demoDataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-ops-'));
  const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  await withRawPglite(path.join(dir, 'pglite'), template, async () => undefined);
  return dir;
}
