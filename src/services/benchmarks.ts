import { benchmarkPanel, type BenchmarkPanel } from '../core/benchmark-panel.ts';
import type { DbOrTrx } from '../data/db.ts';
import { comparatorAreas } from '../data/repositories/areas.ts';
import type { Indicator } from '../data/repositories/indicators.ts';
import { nationalValuesForPeriod } from '../data/repositories/observations.ts';
import type { AreaRow } from '../data/schema.ts';

export const ENGLAND = 'E92000001';

/** A council's panel for one indicator and period, with the areas it was compared with. */
export interface PanelResult {
  panel: BenchmarkPanel;
  region: AreaRow | undefined;
  neighbours: AreaRow[];
}

/**
 * Where one council stands against England, its region, its comparators and every council, from
 * the national figures for the period (the arithmetic is in core/benchmark-panel.ts).
 */
export async function panelFor(
  db: DbOrTrx,
  areas: ReadonlyMap<string, AreaRow>,
  indicator: Indicator,
  area: AreaRow,
  periodCode: string,
  comparator: string,
  knownAt: string | undefined = undefined,
): Promise<PanelResult> {
  const [values, neighbours] = await Promise.all([
    nationalValuesForPeriod(db, indicator.id, periodCode, knownAt),
    area.level === 'la' ? comparatorAreas(db, comparator, area.id) : Promise.resolve([]),
  ]);
  return { ...panelFrom(indicator, area, values, areas, neighbours), neighbours };
}

/** A published figure of one area, as a panel compares it. */
export interface AreaFigure {
  areaId: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * An area's panel from every area's national figures for one indicator and period and the area's
 * comparators, with its region; the one assembly of a panel's inputs, for an indicator page and
 * a scorecard's rows alike.
 */
export function panelFrom(
  indicator: Pick<Indicator, 'unit' | 'polarity'>,
  area: AreaRow,
  values: readonly AreaFigure[],
  areas: ReadonlyMap<string, AreaRow>,
  neighbours: readonly AreaRow[],
): { panel: BenchmarkPanel; region: AreaRow | undefined } {
  const byArea = new Map(values.map((v) => [v.areaId, v]));
  const region = area.region_code ? [...areas.values()].find((a) => a.code === area.region_code && a.partnership_id === null) : undefined;
  const england = [...areas.values()].find((a) => a.code === ENGLAND);
  const councils = values.filter((v) => areas.get(v.areaId)?.level === 'la').map((v) => v.value);
  const panel = benchmarkPanel({
    unit: indicator.unit,
    polarity: indicator.polarity,
    subject: byArea.get(area.id),
    england: england && byArea.get(england.id),
    region: region && byArea.get(region.id),
    councils: area.level === 'la' ? councils : [],
    neighbours: neighbours.map((n) => byArea.get(n.id)?.value ?? null),
  });
  return { panel, region };
}
