// Issue 3: loading the bundled national statistics into a fresh embedded database (against parsing
// the same files alone), the benchmark panel for one indicator × council × period in process, and
// recomputing every council's panel for every indicator and period.
import { openDatabase } from '../src/data/db.ts';
import { createNationalService } from '../src/features/indicators/national.ts';
import { parseNationalData, writeNationalData } from '../src/intake/national-load.ts';
import { nationalBenchmarks } from './national-benchmarks.ts';

export interface NationalBenchResult {
  files: number;
  megabytes: number;
  rows: number;
  parseMs: number;
  loadMs: number;
  /** Load (parse + write) ÷ parse alone. */
  loadToParseRatio: number;
  rowsPerSecond: number;
  reloadMs: number;
  reloadUnchanged: number;
  panel: { samples: number; p50Ms: number; p95Ms: number; maxMs: number; targetP95Ms: number };
  recompute: { panels: number; medianMs: number; targetMs: number };
  /** Making the demo's starting database from scratch (initdb, migrations, national figures, dump): what `npm run build` does once per version. */
  startingDatabaseMs: number;
}

const PARSE_RUNS = 3;
const PANEL_SAMPLES = 300;
const RECOMPUTE_RUNS = 3;
const PANEL_CODES = [
  'cin-referral-rate',
  'cin-rereferral-12m-pct',
  'cp-plan-rate',
  'cp-plan-second-pct',
  'cla-rate',
  'cla-3plus-placements-pct',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** What scripts/build-template.ts does, without keeping the result. */
async function makeStartingDatabase(): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://', startFrom: 'scratch' });
  try {
    await writeNationalData(database.db, parseNationalData());
    await database.refreshStatistics!();
    await database.dumpDataDir!();
  } finally {
    await database.close();
  }
}

export async function benchNational(): Promise<NationalBenchResult> {
  const startingDatabase = await timed(makeStartingDatabase);
  const parses = [];
  for (let i = 0; i < PARSE_RUNS; i++) parses.push(await timed(() => parseNationalData()));
  const parseMs = median(parses.map((p) => p.ms));
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    const load = await timed(async () => writeNationalData(database.db, parseNationalData()));
    const bundle = parses[0]!.value;
    const reload = await timed(() => writeNationalData(database.db, bundle));

    const national = createNationalService(database.db);
    const councils = bundle.areas.filter((a) => a.level === 'la' && a.lastYear === null).map((a) => a.code);
    const periods = new Map<string, string[]>();
    for (const o of bundle.observations) {
      if (!PANEL_CODES.includes(o.indicatorCode)) continue;
      const list = periods.get(o.indicatorCode) ?? [];
      if (!list.includes(o.period.code)) list.push(o.period.code);
      periods.set(o.indicatorCode, list);
    }
    const panelTimes: number[] = [];
    for (let i = 0; i < PANEL_SAMPLES; i++) {
      const code = PANEL_CODES[i % PANEL_CODES.length]!;
      const codePeriods = periods.get(code)!;
      const sample = await timed(() =>
        national.benchmark(code, councils[(i * 7) % councils.length], codePeriods[i % codePeriods.length], 'sn2025'),
      );
      if (i >= 10) panelTimes.push(sample.ms); // the first few warm the JIT and the database's caches
    }

    const recomputes = [];
    for (let i = 0; i < RECOMPUTE_RUNS; i++) recomputes.push(await timed(() => nationalBenchmarks(database.db, 'sn2025')));
    const rows = bundle.observations.length;
    return {
      files: bundle.files,
      megabytes: bundle.bytes / 1024 / 1024,
      rows,
      parseMs,
      loadMs: load.ms,
      loadToParseRatio: load.ms / parseMs,
      rowsPerSecond: rows / (load.ms / 1000),
      reloadMs: reload.ms,
      reloadUnchanged: reload.value.unchanged,
      panel: {
        samples: panelTimes.length,
        p50Ms: percentile(panelTimes, 0.5),
        p95Ms: percentile(panelTimes, 0.95),
        maxMs: Math.max(...panelTimes),
        targetP95Ms: 20,
      },
      recompute: { panels: recomputes[0]!.value.length, medianMs: median(recomputes.map((r) => r.ms)), targetMs: 2_000 },
      startingDatabaseMs: startingDatabase.ms,
    };
  } finally {
    await database.close();
  }
}

export function describeNational(n: NationalBenchResult): string[] {
  const f = (x: number) => x.toFixed(0);
  return [
    `National data (issue 3): ${n.files} files, ${n.megabytes.toFixed(1)} MB, ${n.rows.toLocaleString('en-GB')} figures`,
    `  parse alone ${f(n.parseMs)} ms; parse + load into a fresh embedded database ${f(n.loadMs)} ms (${f(n.rowsPerSecond)} rows/s) → ${n.loadToParseRatio.toFixed(1)}× the parse (aim ≤ 3×) ${n.loadToParseRatio <= 3 ? 'PASS' : 'MISS'}`,
    `  loading the same files again: ${f(n.reloadMs)} ms, ${n.reloadUnchanged.toLocaleString('en-GB')} figures unchanged`,
    `  benchmark panel (one indicator × council × period, in process): p50 ${n.panel.p50Ms.toFixed(1)} ms, p95 ${n.panel.p95Ms.toFixed(1)} ms, max ${n.panel.maxMs.toFixed(1)} ms over ${n.panel.samples} (aim p95 < 20 ms) ${n.panel.p95Ms < 20 ? 'PASS' : 'MISS'}`,
    `  making the demo's starting database from scratch (initdb, migrations, these figures; once per version, by npm run build): ${f(n.startingDatabaseMs)} ms`,
    `  recomputing every council's panel for every indicator and period: ${n.recompute.panels.toLocaleString('en-GB')} panels in ${f(n.recompute.medianMs)} ms (aim < 2 s) ${n.recompute.medianMs < 2000 ? 'PASS' : 'MISS'}`,
  ];
}
