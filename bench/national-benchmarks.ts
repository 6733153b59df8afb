// Every council's benchmark panel at once: what the bench times as "recompute" (the app works out
// one partnership's panels as its pages need them, in services/benchmarks.ts).
import { allCouncilPanels, type BenchmarkPanel, type Figure } from '../src/core/benchmark-panel.ts';
import type { DbOrTrx } from '../src/data/db.ts';
import { listAreas, neighbourLinks } from '../src/data/repositories/areas.ts';
import { listIndicators } from '../src/data/repositories/indicators.ts';
import { nationalFigures, type PublishedFigure } from '../src/data/repositories/observations.ts';
import { ENGLAND } from '../src/services/benchmarks.ts';

/** One council's panel for one indicator and period. */
export interface CouncilBenchmark {
  indicatorId: string;
  periodCode: string;
  areaId: string;
  panel: BenchmarkPanel;
}

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
    neighbourLinks(db, comparator),
    nationalFigures(db, only),
  ]);
  const byId = new Map(areas.map((a) => [a.id, a]));
  const regionIds = new Map(areas.filter((a) => a.level === 'regional').map((a) => [a.code, a.id]));
  const neighbours = new Map<string, string[]>();
  for (const link of links) neighbours.set(link.area_id, [...(neighbours.get(link.area_id) ?? []), link.neighbour_id]);
  const groups = new Map<string, PublishedFigure[]>();
  for (const row of figures) {
    const key = `${row.indicatorId}|${row.periodCode}`;
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
    const figure = (r: PublishedFigure): Figure => ({ value: r.value, numerator: r.numerator, denominator: r.denominator });
    const regions = new Map<string, Figure>();
    let england: Figure | undefined;
    const councils = [];
    for (const r of rows) {
      const area = byId.get(r.areaId);
      if (area?.level === 'la')
        councils.push({ areaId: r.areaId, regionId: (area.region_code && regionIds.get(area.region_code)) || null, figure: figure(r) });
      else if (area?.level === 'regional') regions.set(r.areaId, figure(r));
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
