import { sql } from 'kysely';
import { allCouncilPanels, type BenchmarkPanel, type Figure } from '../core/benchmark-panel.ts';
import type { DbOrTrx } from '../data/db.ts';
import { listAreas } from '../data/repositories/areas.ts';
import { listIndicators } from '../data/repositories/indicators.ts';
import { ENGLAND } from './benchmarks.ts';

/** One council's panel for one indicator and period. */
export interface CouncilBenchmark {
  indicatorId: string;
  periodCode: string;
  areaId: string;
  panel: BenchmarkPanel;
}

type Row = { i: string; p: string; a: string; v: number | null; n: number | null; d: number | null };

/**
 * Every council's benchmark panel for every national indicator and period (or one indicator and
 * period): neighbour means, quartile bands, ranks and significance against England, worked out
 * from the published figures in one read.
 */
export async function nationalBenchmarks(
  db: DbOrTrx,
  comparator: 'sn2021' | 'sn2025',
  only: { indicatorId: string; periodCode: string } | undefined = undefined,
): Promise<CouncilBenchmark[]> {
  const [areas, indicators, links, figures] = await Promise.all([
    listAreas(db),
    listIndicators(db),
    db
      .selectFrom('area_neighbours')
      .select(['area_id', 'neighbour_id'])
      .where('set_code', '=', comparator)
      .orderBy('area_id')
      .orderBy('position')
      .execute(),
    sql<{ doc: Row[] | null }>`
      SELECT json_agg(json_build_object('i', indicator_id, 'p', period_code, 'a', area_id, 'v', value, 'n', numerator, 'd', denominator)) AS doc
      FROM observations
      WHERE partnership_id IS NULL AND breakdown = ''
        AND (${only?.indicatorId ?? null}::uuid IS NULL OR indicator_id = ${only?.indicatorId ?? null}::uuid)
        AND (${only?.periodCode ?? null}::text IS NULL OR period_code = ${only?.periodCode ?? null}::text)`.execute(db),
  ]);
  const byId = new Map(areas.map((a) => [a.id, a]));
  const regionIds = new Map(areas.filter((a) => a.level === 'regional').map((a) => [a.code, a.id]));
  const neighbours = new Map<string, string[]>();
  for (const link of links) neighbours.set(link.area_id, [...(neighbours.get(link.area_id) ?? []), link.neighbour_id]);
  const groups = new Map<string, Row[]>();
  for (const row of figures.rows[0]?.doc ?? []) {
    const key = `${row.i}|${row.p}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const results: CouncilBenchmark[] = [];
  for (const [key, rows] of groups) {
    const [indicatorId, periodCode] = key.split('|') as [string, string];
    const indicator = indicatorById.get(indicatorId);
    if (!indicator) continue;
    const figure = (r: Row): Figure => ({ value: r.v, numerator: r.n, denominator: r.d });
    const regions = new Map<string, Figure>();
    let england: Figure | undefined;
    const councils = [];
    for (const r of rows) {
      const area = byId.get(r.a);
      if (area?.level === 'la')
        councils.push({ areaId: r.a, regionId: (area.region_code && regionIds.get(area.region_code)) || null, figure: figure(r) });
      else if (area?.level === 'regional') regions.set(r.a, figure(r));
      else if (area?.code === ENGLAND) england = figure(r);
    }
    const panels = allCouncilPanels({
      unit: indicator.unit,
      polarity: indicator.polarity,
      england,
      regions,
      councils,
      neighboursOf: (id) => neighbours.get(id) ?? [],
    });
    for (const [areaId, panel] of panels) results.push({ indicatorId, periodCode, areaId, panel });
  }
  return results;
}
