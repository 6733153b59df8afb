// Baton's benchmark: cold start, throughput and latency of typical requests, and server memory.
// Issue 3: loading the national statistics, the benchmark panel and recomputing every panel (in process).
// Issue 5: the promise tracker of a partnership with 500 actions and 5,000 updates, against a static
// file of the same size. Run with `npm run bench` (builds the assets first). Prints a table and
// writes bench/results.json. Every request goes to a child server on 127.0.0.1; temp data dirs,
// the same-size static file and children are cleaned up even on failure.
// `node bench/run.ts pages` (after `npm run build`) measures the pages alone (issue 13): no national
// load, exports, backup or moves, and bench/results.json is left as it is.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect200, runLoad } from './load.ts';
import { loadBenchPlans } from './plans-load.ts';
import { benchNational } from './national.ts';
import { benchBackup, benchMoves } from './operations.ts';
import { loadBenchScorecard } from './scorecard-load.ts';
import { formatReport, type BenchResults, type StartFigures } from './report.ts';
import { killAllServersNow, repoRoot, startServer, stopAllServers, type RunningServer, type StopResult } from './server.ts';
import { signIn } from './session.ts';

const DEMO_PASSWORD = 'bench password 12345';
const SIGN_IN_AS = 'admin@walsall.example';
const SETTINGS = { connections: 10, warmupS: 1, durationS: 5, pollEveryMs: 25 };
/** Issue 10: a first start on a fresh data directory ≤ 5 s, a restart ≤ 2 s. */
const FRESH_START_TARGET_MS = 5_000;
const EXISTING_START_TARGET_MS = 2_000;
const P95_RATIO_TARGET = 3;
const MEMORY_SAMPLE_EVERY_MS = 100;
const RESULTS_FILE = path.join(repoRoot, 'bench/results.json');
/** A copy of the tracker page, served by @fastify/static at /assets/<name>: the same bytes, no work. */
const SAME_SIZE_NAME = `bench-tracker-copy-${process.pid}.html`;
const SAME_SIZE_FILE = path.join(repoRoot, 'public/build', SAME_SIZE_NAME);
const SCORECARD_COPY_NAME = `bench-scorecard-copy-${process.pid}.html`;
const SCORECARD_COPY_FILE = path.join(repoRoot, 'public/build', SCORECARD_COPY_NAME);

const tempDirs: string[] = [];
/** Only the page-speed part: the load runs and their p95 ratios. */
const PAGES_ONLY = process.argv[2] === 'pages';

function removeTempFiles(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  rmSync(SAME_SIZE_FILE, { force: true });
  rmSync(SCORECARD_COPY_FILE, { force: true });
}

process.on('exit', () => {
  killAllServersNow();
  removeTempFiles();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping servers and removing temp dirs`);
    void stopAllServers().finally(() => process.exit(130));
  });
}

function startFigures(server: RunningServer, stop: StopResult): StartFigures {
  return { toHealthyMs: server.startMs, selfReportedReadyMs: server.selfReportedReadyMs, stopMs: stop.ms, cleanStop: stop.clean };
}

function requireCleanStop(what: string, server: RunningServer, stop: StopResult): void {
  if (!stop.clean) {
    throw new Error(`${what} did not stop cleanly on SIGTERM (code ${stop.code}, signal ${stop.signal})\n${server.output()}`);
  }
}

async function bench(results: BenchResults): Promise<void> {
  // 0. In process, before any server runs (issue 3): national data load, benchmark panel, recompute.
  if (!PAGES_ONLY) results.national = await benchNational();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'baton-bench-'));
  tempDirs.push(dataDir);

  // 1a. Fresh data dir: migrations and demo seeding happen before the server listens.
  const fresh = await startServer({ dataDir, demoPassword: DEMO_PASSWORD, timeoutMs: 30_000 });
  if (!fresh.output().includes('Demo loaded')) throw new Error(`first start did not load the demo\n${fresh.output()}`);
  const freshStop = await fresh.stop();
  requireCleanStop('first server', fresh, freshStop);
  results.startup.fresh = startFigures(fresh, freshStop);
  results.startup.freshWithinTarget = fresh.startMs <= FRESH_START_TARGET_MS;

  // 1a'. With the server stopped, give walsall a 500-action plan with 5,000 updates (issue 5) and a
  // 40-row scorecard with every column (issue 4).
  results.plansLoad = await loadBenchPlans(path.join(dataDir, 'pglite'));
  const scorecard = await loadBenchScorecard(path.join(dataDir, 'pglite'));

  // 1b. Existing data dir: migrations already applied, demo already there.
  const server = await startServer({ dataDir, demoPassword: DEMO_PASSWORD, timeoutMs: 15_000 });
  if (server.output().includes('Demo loaded')) throw new Error('second start loaded the demo again');

  // 3. Memory: VmHWM at the end (whole life, so it includes start-up), the idle RSS before any load,
  // and the highest VmRSS seen while under load.
  const idleRssKiB = server.memory()?.rssKiB ?? NaN;
  let maxSampledRssKiB = 0;
  const sample = () => {
    const memory = server.memory();
    if (memory) maxSampledRssKiB = Math.max(maxSampledRssKiB, memory.rssKiB);
  };
  const sampler = setInterval(sample, MEMORY_SAMPLE_EVERY_MS);
  let peakRssKiB: number;
  const scorecardPath = `/p/walsall/scorecards/${scorecard.id}`;
  let backup: Awaited<ReturnType<typeof benchBackup>> | undefined;
  try {
    // 2. Load: a static file, a public page, a signed-in page that reads the database, and (issue 5)
    // the promise tracker with a static copy of it: the same bytes, so the ratio is the server's work.
    const cookie = await signIn(server.baseUrl, SIGN_IN_AS, DEMO_PASSWORD);
    const tracker = await expect200(`${server.baseUrl}/p/walsall/tracker`, { cookie });
    writeFileSync(SAME_SIZE_FILE, tracker);
    const scorecardPage = await expect200(`${server.baseUrl}${scorecardPath}`, { cookie });
    writeFileSync(SCORECARD_COPY_FILE, scorecardPage);
    const targets: { key: string; label: string; path: string; headers: Record<string, string>; sameBodyAs?: Buffer }[] = [
      { key: 'staticAsset', label: 'static asset  /assets/baton.css', path: '/assets/baton.css', headers: {} },
      { key: 'signInPage', label: 'sign-in page   /sign-in', path: '/sign-in', headers: {} },
      { key: 'signedInHome', label: 'signed-in home /p/walsall', path: '/p/walsall', headers: { cookie } },
      {
        key: 'trackerSameSizeStatic',
        label: 'same-size static (tracker copy)',
        path: `/assets/${SAME_SIZE_NAME}`,
        headers: {},
        sameBodyAs: tracker,
      },
      { key: 'tracker', label: 'promise tracker /p/walsall/tracker', path: '/p/walsall/tracker', headers: { cookie } },
      {
        key: 'scorecardSameSizeStatic',
        label: 'same-size static (scorecard copy)',
        path: `/assets/${SCORECARD_COPY_NAME}`,
        headers: {},
        sameBodyAs: scorecardPage,
      },
      {
        key: 'scorecard',
        label: `scorecard, ${scorecard.rows} rows, 5 periods, every column, 8 charts`,
        path: scorecardPath,
        headers: { cookie },
      },
      // Issue 3: an indicator's page (trend, benchmark panel against every council, history).
      {
        key: 'indicatorPage',
        label: 'indicator page (cp-plan-rate, Walsall)',
        path: '/p/walsall/indicators/cp-plan-rate',
        headers: { cookie },
      },
    ];
    for (const target of targets) {
      const url = `${server.baseUrl}${target.path}`;
      const body = await expect200(url, target.headers);
      if (target.sameBodyAs && !body.equals(target.sameBodyAs)) {
        throw new Error(
          `${url} served ${body.length} bytes that are not the ${target.sameBodyAs.length} bytes written to ${SAME_SIZE_FILE}`,
        );
      }
      const common = { url, connections: SETTINGS.connections, headers: target.headers };
      await runLoad({ ...common, durationS: SETTINGS.warmupS });
      const load = await runLoad({ ...common, durationS: SETTINGS.durationS });
      results.load[target.key] = { label: target.label, responseBytes: body.length, ...load };
    }
    sample();
    peakRssKiB = server.memory()?.hwmKiB ?? NaN;
    if (!PAGES_ONLY) {
      // Issue 4: each export of that scorecard, one at a time, three times each (median).
      results.exports = {};
      for (const format of ['docx', 'xlsx', 'csv', 'pdf'] as const) {
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
          const started = performance.now();
          const body = await expect200(`${server.baseUrl}${scorecardPath}/export.${format}`, { cookie });
          times.push(performance.now() - started);
          if (body.length < 100) throw new Error(`the ${format} export of the bench scorecard is only ${body.length} bytes`);
        }
        results.exports[format] = times.sort((a, b) => a - b)[1]!;
      }
      // Issue 10: a backup while the server serves (after the memory figure: it is an operator's act, not a page's).
      backup = await benchBackup(server, dataDir);
    }
  } finally {
    clearInterval(sampler);
    const stop = await server.stop();
    results.startup.existing = startFigures(server, stop);
    requireCleanStop('second server', server, stop);
  }
  results.startup.existingWithinTarget = server.startMs <= EXISTING_START_TARGET_MS;
  // Issue 10: with the server stopped, restore that backup, copy to PostgreSQL and serve from it.
  if (backup) results.operations = { backup, ...(await benchMoves(dataDir, backup.file, scorecardPath, DEMO_PASSWORD)) };

  results.memory = {
    peakRssMiB: peakRssKiB / 1024,
    idleRssMiB: idleRssKiB / 1024,
    maxSampledRssMiB: maxSampledRssKiB / 1024,
    sampleEveryMs: MEMORY_SAMPLE_EVERY_MS,
  };
  const home = results.load.signedInHome!.latencyMs.p95;
  const asset = results.load.staticAsset!.latencyMs.p95;
  results.p95Ratio = { value: home / asset, target: P95_RATIO_TARGET, withinTarget: home / asset <= P95_RATIO_TARGET };
  const tracker = results.load.tracker!;
  const copy = results.load.trackerSameSizeStatic!;
  const trackerRatio = tracker.latencyMs.p95 / copy.latencyMs.p95;
  const card = results.load.scorecard!;
  const cardCopy = results.load.scorecardSameSizeStatic!;
  results.scorecardP95Ratio = {
    value: card.latencyMs.p95 / cardCopy.latencyMs.p95,
    target: P95_RATIO_TARGET,
    withinTarget: card.latencyMs.p95 / cardCopy.latencyMs.p95 <= P95_RATIO_TARGET,
    trackerBytes: card.responseBytes,
    staticBytes: cardCopy.responseBytes,
  };
  results.trackerP95Ratio = {
    value: trackerRatio,
    target: P95_RATIO_TARGET,
    withinTarget: trackerRatio <= P95_RATIO_TARGET,
    trackerBytes: tracker.responseBytes,
    staticBytes: copy.responseBytes,
  };
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  const results: BenchResults = {
    ok: false,
    when: new Date().toISOString(),
    environment: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? '?',
      loadAverageAtStart: os.loadavg()[0]!,
    },
    settings: SETTINGS,
    startup: { freshTargetMs: FRESH_START_TARGET_MS, existingTargetMs: EXISTING_START_TARGET_MS },
    load: {},
  };
  try {
    await bench(results);
    results.ok = true;
  } catch (error) {
    results.error = (error as Error).stack ?? String(error);
  } finally {
    await stopAllServers();
    removeTempFiles();
  }
  results.environment.loadAverageAtEnd = os.loadavg()[0]!;
  console.log(formatReport(results));
  if (!PAGES_ONLY) {
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nFigures written to ${path.relative(process.cwd(), RESULTS_FILE)}`);
  }
  process.exitCode = results.ok ? 0 : 1;
}

await main();
