import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const HOST = '127.0.0.1';
const POLL_EVERY_MS = 25;
const STOP_GRACE_MS = 15_000;
const MAX_OUTPUT_CHARS = 64 * 1024;

export interface StopResult {
  /** Exit code, or null when the process ended by a signal. */
  code: number | null;
  signal: string | null;
  /** Milliseconds from SIGTERM to exit. */
  ms: number;
  /** Exited by itself with code 0 after SIGTERM (so the database was closed cleanly). */
  clean: boolean;
}

export interface MemorySample {
  /** Peak resident set size over the process's whole life (VmHWM), in KiB. */
  hwmKiB: number;
  /** Current resident set size (VmRSS), in KiB. */
  rssKiB: number;
}

export interface RunningServer {
  pid: number;
  baseUrl: string;
  /** Milliseconds from spawn to the first 200 from GET /healthz. */
  startMs: number;
  /** The "ready in N ms" the server logs about itself, if it did. */
  selfReportedReadyMs: number | undefined;
  /** Everything the server wrote to stdout and stderr (trimmed to the last 64 KiB). */
  output(): string;
  memory(): MemorySample | undefined;
  stop(): Promise<StopResult>;
}

/** A TCP port on 127.0.0.1 that nothing is listening on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, HOST);
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Reads VmHWM and VmRSS of a live process from /proc (Linux only). */
export function readMemory(pid: number): MemorySample | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const field = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm'))?.[1] ?? NaN);
  return { hwmKiB: field('VmHWM'), rssKiB: field('VmRSS') };
}

/** Servers still running, so they can be killed if the bench dies. */
const live = new Set<RunningServer>();

export async function stopAllServers(): Promise<void> {
  await Promise.allSettled([...live].map((server) => server.stop()));
}

/** Last resort on process exit: synchronous, so only a kill is possible. */
export function killAllServersNow(): void {
  for (const server of live) {
    try {
      process.kill(server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * Spawns `node bin/baton.js serve --demo` on a fresh port and waits for GET /healthz to answer 200,
 * polling every 25 ms. Throws (after killing the child) if it exits first or takes too long.
 */
export async function startServer(options: {
  dataDir: string;
  demoPassword: string;
  timeoutMs: number;
  /** A PostgreSQL server instead of the embedded database. */
  databaseUrl?: string;
}): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://${HOST}:${port}`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    BATON_DATA_DIR: options.dataDir,
    BATON_DEMO_PASSWORD: options.demoPassword,
    PORT: String(port),
    HOST,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // the embedded database unless told otherwise
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;

  const started = performance.now();
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/baton.js'), 'serve', '--demo'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT_CHARS);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);

  let exited: { code: number | null; signal: string | null; at: number } | undefined;
  const exit = new Promise<NonNullable<typeof exited>>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal, at: performance.now() };
      resolve(exited);
    });
  });
  const spawnError = new Promise<never>((_resolve, reject) => child.once('error', reject));
  spawnError.catch(() => undefined);

  let stopping: Promise<StopResult> | undefined;
  const server: RunningServer = {
    pid: child.pid ?? -1,
    baseUrl,
    startMs: NaN,
    selfReportedReadyMs: undefined,
    output: () => output,
    memory: () => (exited ? undefined : readMemory(child.pid!)),
    stop() {
      stopping ??= (async () => {
        const sentAt = performance.now();
        if (!exited) child.kill('SIGTERM');
        const timer = sleep(STOP_GRACE_MS, 'timeout' as const);
        let result = await Promise.race([exit, timer]);
        let killed = false;
        if (result === 'timeout') {
          killed = true;
          child.kill('SIGKILL');
          result = await exit;
        }
        live.delete(server);
        const ms = Math.max(0, result.at - sentAt);
        return { code: result.code, signal: result.signal, ms, clean: !killed && result.code === 0 };
      })();
      return stopping;
    },
  };
  live.add(server);

  try {
    if (child.pid === undefined) await spawnError;
    for (;;) {
      if (exited) throw new Error(`server exited (code ${exited.code}, signal ${exited.signal}) before /healthz answered`);
      if (performance.now() - started > options.timeoutMs) throw new Error(`/healthz did not answer 200 within ${options.timeoutMs} ms`);
      if (await healthy(baseUrl)) break;
      await sleep(POLL_EVERY_MS);
    }
    server.startMs = performance.now() - started;
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`, { cause: error });
  }
  // The server logs "ready in N ms" right after it starts listening; give the pipe a moment to deliver it.
  for (let waited = 0; !/ready in \d+ ms/.test(output) && waited < 1_000; waited += POLL_EVERY_MS) await sleep(POLL_EVERY_MS);
  const ready = output.match(/ready in (\d+) ms/);
  server.selfReportedReadyMs = ready ? Number(ready[1]) : undefined;
  return server;
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false; // not listening yet
  }
}
