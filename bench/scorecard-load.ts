// Issue 4: a scorecard of 40 rows (national indicators, so every benchmark column has figures),
// four earlier periods, every column and eight rows charted, added to walsall while the server is stopped.
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/data/db.ts';
import { NATIONAL_INDICATORS } from '../src/national/catalogue.ts';
import { createServices } from '../src/app/services.ts';
import { SCORECARD_COLUMNS } from '../src/core/scorecard.ts';

export const BENCH_ROWS = 40;
const SECTIONS = 4;
const CHART_EVERY = 5;

/** Adds the bench scorecard and returns its id. */
export async function loadBenchScorecard(pgliteDir: string): Promise<{ id: string; rows: number }> {
  const database = await openDatabase({ dataDir: pgliteDir });
  try {
    const services = createServices(database.db, loadConfig({ NODE_ENV: 'test', BATON_DATA_DIR: '/nonexistent' }));
    const partnership = await services.partnerships.findBySlug('walsall');
    if (!partnership) throw new Error('no partnership "walsall": seed the demo first');
    const actor = { userId: null, label: 'bench' };
    const { scorecards } = services;
    const id = await scorecards.create(partnership.id, actor, {
      title: 'Benchmark scorecard (40 rows)',
      previousPeriods: '4',
      columns: [...SCORECARD_COLUMNS],
    });
    for (let s = 0; s < SECTIONS; s++) await scorecards.addSection(partnership.id, actor, id, { title: `Section ${s + 1}` });
    const { layout } = await scorecards.builder(partnership.id, actor, id);
    const codes = NATIONAL_INDICATORS.map((i) => i.code).slice(0, BENCH_ROWS);
    for (const [n, code] of codes.entries()) {
      await scorecards.addRow(partnership.id, actor, id, {
        sectionId: layout[n % SECTIONS]!.id,
        indicatorCode: code,
        ragRule: 'england',
        tolerance: '1',
        // Every fifth row among the "charts for selected areas", so the page and the papers draw eight charts.
        chart: n % CHART_EVERY === 0 ? 'yes' : '',
      });
    }
    return { id, rows: codes.length };
  } finally {
    await database.close();
  }
}
