import type { LoadResult } from './load.ts';
import { describeLoad, type PlansLoadResult } from './plans-load.ts';
import { describeNational, type NationalBenchResult } from './national.ts';
import { describeOperations, type OperationsBenchResult } from './operations.ts';

export interface StartFigures {
  /** Spawn → first 200 on /healthz. */
  toHealthyMs: number;
  /** What the server logged as "ready in N ms" (from inside the process, after Node has loaded). */
  selfReportedReadyMs: number | undefined;
  /** SIGTERM → exit. */
  stopMs: number;
  cleanStop: boolean;
}

export interface BenchResults {
  ok: boolean;
  error?: string;
  when: string;
  environment: {
    node: string;
    platform: string;
    arch: string;
    cpus: number;
    cpuModel: string;
    /** 1-minute load average of the machine, to judge whether other work skewed the figures. */
    loadAverageAtStart: number;
    loadAverageAtEnd?: number;
  };
  settings: { connections: number; warmupS: number; durationS: number; pollEveryMs: number };
  startup: {
    fresh?: StartFigures;
    existing?: StartFigures;
    freshTargetMs: number;
    freshWithinTarget?: boolean;
    existingTargetMs: number;
    existingWithinTarget?: boolean;
  };
  /** The 500-action plan loaded into walsall before the measured (existing data dir) start. */
  plansLoad?: PlansLoadResult;
  /** Issue 4: the 40-row scorecard's p95 ÷ a static copy of it; each export's median time in ms. */
  scorecardP95Ratio?: { value: number; target: number; withinTarget: boolean; trackerBytes: number; staticBytes: number };
  exports?: Record<string, number>;
  /** Issue 3: loading the bundled national statistics, the benchmark panel and the recompute, in process. */
  national?: NationalBenchResult;
  /** responseBytes: the body as sent, from one GET before the run. */
  load: Record<string, LoadResult & { label: string; responseBytes: number }>;
  /** Signed-in home p95 ÷ static asset p95. */
  p95Ratio?: { value: number; target: number; withinTarget: boolean };
  /** Promise tracker p95 ÷ p95 of a static copy of it, the same bytes (issue 5); body sizes as measured before the runs. */
  trackerP95Ratio?: { value: number; target: number; withinTarget: boolean; trackerBytes: number; staticBytes: number };
  memory?: { peakRssMiB: number; idleRssMiB: number; maxSampledRssMiB: number; sampleEveryMs: number };
  /** Issue 10: backup, restore, copy to PostgreSQL and the server mode's memory. */
  operations?: OperationsBenchResult;
}

const ms = (value: number | undefined, digits = 0) => (value === undefined || Number.isNaN(value) ? '–' : `${value.toFixed(digits)} ms`);
const pass = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'PASS' : 'MISS');
const bytes = (n: number) => (n < 10_000 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`);

function table(rows: string[][], rightAlignFrom = 1): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) => row.map((cell, i) => (i >= rightAlignFrom ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  '))
    .join('\n');
}

export function formatReport(results: BenchResults): string {
  const { environment: env, settings, startup } = results;
  const lines: string[] = [];
  lines.push(`Baton benchmark: Node ${env.node}, ${env.platform}/${env.arch}, ${env.cpus} × ${env.cpuModel}`);
  const load = [env.loadAverageAtStart, env.loadAverageAtEnd].filter((n) => n !== undefined).map((n) => n.toFixed(2));
  lines.push(`Machine load average (1 min) at start / end: ${load.join(' / ')}`);
  if (Math.max(env.loadAverageAtStart, env.loadAverageAtEnd ?? 0) > env.cpus) {
    lines.push('WARNING: the machine was busy with other work (load average above the CPU count); the figures are skewed.');
  }
  lines.push('');
  lines.push(`Cold start (spawn → first 200 from GET /healthz, polled every ${settings.pollEveryMs} ms)`);
  const startRows = [['', 'to healthy', 'server "ready in"', 'SIGTERM → exit', 'target', '']];
  if (startup.fresh) {
    const f = startup.fresh;
    startRows.push([
      'fresh data dir (from the starting database + seed demo)',
      ms(f.toHealthyMs),
      ms(f.selfReportedReadyMs),
      ms(f.stopMs),
      `≤ ${startup.freshTargetMs} ms`,
      pass(startup.freshWithinTarget),
    ]);
  }
  if (startup.existing) {
    const e = startup.existing;
    startRows.push([
      'existing data dir (no reseed)',
      ms(e.toHealthyMs),
      ms(e.selfReportedReadyMs),
      ms(e.stopMs),
      `≤ ${startup.existingTargetMs} ms`,
      pass(startup.existingWithinTarget),
    ]);
  }
  lines.push(table(startRows));
  lines.push('');
  if (results.plansLoad) {
    lines.push('Data for the promise tracker, loaded between the two starts (so the existing-dir figures include it):');
    lines.push(describeLoad(results.plansLoad).replace(/^/gm, '  '));
    lines.push('');
  }

  const loads = Object.values(results.load);
  if (loads.length > 0) {
    lines.push(
      `Load (autocannon, ${settings.connections} connections, ${settings.durationS} s per target after a ${settings.warmupS} s warm-up; ` +
        'latency percentiles computed exactly from every response time)',
    );
    const rows = [['target', 'size', 'req/s', 'requests', 'p50', 'p95', 'p99', 'max', 'non-2xx', 'errors']];
    for (const load of loads) {
      rows.push([
        load.label,
        bytes(load.responseBytes),
        load.requestsPerSecond.toFixed(0),
        String(load.requests),
        ms(load.latencyMs.p50, 2),
        ms(load.latencyMs.p95, 2),
        ms(load.latencyMs.p99, 2),
        ms(load.latencyMs.max, 1),
        String(load.non2xx),
        String(load.errors + load.timeouts),
      ]);
    }
    lines.push(table(rows));
    lines.push('');
  }
  if (results.p95Ratio) {
    const r = results.p95Ratio;
    lines.push(`p95 ratio, signed-in home ÷ static asset: ${r.value.toFixed(2)}× (target ≤ ${r.target}×) ${pass(r.withinTarget)}`);
  }
  if (results.trackerP95Ratio) {
    const r = results.trackerP95Ratio;
    lines.push(
      `p95 ratio, promise tracker ÷ static file of the same size (${r.trackerBytes} and ${r.staticBytes} bytes): ` +
        `${r.value.toFixed(2)}× (target ≤ ${r.target}×) ${pass(r.withinTarget)}`,
    );
  }
  if (results.memory) {
    const m = results.memory;
    lines.push('Server memory (existing data dir):');
    lines.push(
      table(
        [
          ['peak RSS over its whole life, start-up included (VmHWM)', `${m.peakRssMiB.toFixed(1)} MiB`],
          ['RSS when healthy, before any load (VmRSS)', `${m.idleRssMiB.toFixed(1)} MiB`],
          [`highest RSS during the load runs (VmRSS every ${m.sampleEveryMs} ms)`, `${m.maxSampledRssMiB.toFixed(1)} MiB`],
        ].map(([label, value]) => [`  ${label}`, value!]),
      ),
    );
  }
  if (results.scorecardP95Ratio) {
    const r = results.scorecardP95Ratio;
    lines.push(
      `p95 ratio, 40-row scorecard ÷ static file of the same size (${r.trackerBytes} and ${r.staticBytes} bytes): ${r.value.toFixed(2)}× (target ≤ ${r.target}×) ${pass(r.withinTarget)}`,
    );
  }
  if (results.exports) {
    const e = results.exports;
    lines.push(
      `Exports of that scorecard (median of 3, over HTTP): Word ${ms(e.docx)}, Excel ${ms(e.xlsx)} (aim < 2 s each) ${pass((e.docx ?? Infinity) < 2000 && (e.xlsx ?? Infinity) < 2000)}; CSV ${ms(e.csv)}; PDF ${ms(e.pdf)}`,
    );
  }
  if (results.national) lines.push('', ...describeNational(results.national));
  if (results.operations) lines.push('', 'Operations (issue 10):', ...describeOperations(results.operations).map((line) => `  ${line}`));
  if (!results.ok) lines.push('', `BENCH FAILED: ${results.error}`);
  return lines.join('\n');
}
