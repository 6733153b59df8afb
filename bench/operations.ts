// Issue 10: what an operator waits for. A backup while the server runs (and the longest a request
// waited meanwhile), a restore into an empty data directory, a copy to PostgreSQL, and the server
// mode's start and memory under the same load as the embedded one. Each is the real `baton`
// command in a child process, as an operator would run it.
import { spawn } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLoad, expect200 } from './load.ts';
import { startPrivatePostgres } from './postgres.ts';
import { repoRoot, startServer, type RunningServer } from './server.ts';
import { signIn } from './session.ts';

export interface OperationsBenchResult {
  backup?: { ms: number; bytes: number; longestRequestMs: number; requests: number; file: string };
  restore?: { ms: number };
  copy?: { ms: number; summary: string };
  serverMode?: { toHealthyMs: number; peakRssMiB: number; idleRssMiB: number; p95Ms: Record<string, number> };
  skipped?: string;
}

function baton(env: Record<string, string>, args: string[]): Promise<{ ms: number; out: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/baton.js'), ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve({ ms: performance.now() - started, out }) : reject(new Error(`baton ${args.join(' ')}: exit ${code}\n${out}`)),
    );
  });
}

/** `baton backup` through the running server, polling /readyz (a database query) every 25 ms meanwhile. */
export async function benchBackup(server: RunningServer, dataDir: string): Promise<NonNullable<OperationsBenchResult['backup']>> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-bench-backup-')), 'bench.baton');
  let done = false;
  let longest = 0;
  let requests = 0;
  const probe = (async () => {
    while (!done) {
      const started = performance.now();
      await expect200(`${server.baseUrl}/readyz`, {});
      longest = Math.max(longest, performance.now() - started);
      requests++;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  try {
    const { ms } = await baton({ BATON_DATA_DIR: dataDir }, ['backup', file]);
    return { ms, bytes: statSync(file).size, longestRequestMs: longest, requests, file };
  } finally {
    done = true;
    await probe;
  }
}

/** With the server stopped: restore the backup, copy to PostgreSQL, and run the server on the copy. */
export async function benchMoves(
  dataDir: string,
  backupFile: string,
  scorecardPath: string,
  password: string,
): Promise<OperationsBenchResult> {
  const result: OperationsBenchResult = {};
  const restored = mkdtempSync(path.join(os.tmpdir(), 'baton-bench-restored-'));
  result.restore = { ms: (await baton({ BATON_DATA_DIR: restored }, ['restore', backupFile])).ms };
  const postgres = await startPrivatePostgres();
  if (typeof postgres === 'string') return { ...result, skipped: postgres };
  try {
    const url = await postgres.createDatabase('baton_bench');
    const copy = await baton({ BATON_DATA_DIR: dataDir }, ['copy', '--to', url]);
    result.copy = { ms: copy.ms, summary: /Copied [^;]+/.exec(copy.out)?.[0] ?? '' };
    result.serverMode = await serverMode(url, restored, scorecardPath, password);
  } finally {
    postgres.stop();
  }
  return result;
}

async function serverMode(
  url: string,
  dataDir: string,
  scorecardPath: string,
  password: string,
): Promise<NonNullable<OperationsBenchResult['serverMode']>> {
  const server = await startServer({ dataDir, demoPassword: password, timeoutMs: 30_000, databaseUrl: url });
  try {
    const idle = server.memory()?.rssKiB ?? NaN;
    const cookie = await signIn(server.baseUrl, 'admin@walsall.example', password);
    const p95Ms: Record<string, number> = {};
    for (const route of ['/p/walsall', '/p/walsall/tracker', scorecardPath, '/p/walsall/indicators/cp-plan-rate']) {
      const load = await runLoad({ url: `${server.baseUrl}${route}`, connections: 10, durationS: 5, headers: { cookie } });
      p95Ms[route] = load.latencyMs.p95;
    }
    for (const format of ['docx', 'xlsx']) await expect200(`${server.baseUrl}${scorecardPath}/export.${format}`, { cookie });
    return { toHealthyMs: server.startMs, peakRssMiB: (server.memory()?.hwmKiB ?? NaN) / 1024, idleRssMiB: idle / 1024, p95Ms };
  } finally {
    await server.stop();
  }
}

/** Lines for the report. */
export function describeOperations(result: OperationsBenchResult | undefined): string[] {
  if (!result) return ['(not measured)'];
  const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
  const lines = [
    `backup while serving: ${s(result.backup?.ms)} (${((result.backup?.bytes ?? 0) / 1024 ** 2).toFixed(1)} MiB); longest /readyz meanwhile ${result.backup?.longestRequestMs.toFixed(0)} ms over ${result.backup?.requests} requests`,
    `restore into an empty data directory (checked table by table): ${s(result.restore?.ms)}`,
  ];
  if (result.skipped) return [...lines, `copy and server mode not measured: ${result.skipped}`];
  lines.push(`copy to PostgreSQL 15: ${s(result.copy?.ms)} (${result.copy?.summary})`);
  const m = result.serverMode;
  if (m) {
    lines.push(`server mode: healthy in ${s(m.toHealthyMs)}; peak RSS ${m.peakRssMiB.toFixed(1)} MiB, idle ${m.idleRssMiB.toFixed(1)} MiB`);
    lines.push(
      `server mode p95 under 10 connections: ${Object.entries(m.p95Ms)
        .map(([route, p95]) => `${route} ${p95.toFixed(1)} ms`)
        .join(', ')}`,
    );
  }
  return lines;
}
