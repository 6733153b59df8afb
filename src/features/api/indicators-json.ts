import type { BenchmarkPanel } from '../../core/benchmark-panel.ts';
import { parsePeriod, type Period } from '../../core/periods.ts';
import type { Indicator } from '../../data/repositories/indicators.ts';
import type { ObservationView } from '../../data/repositories/observations.ts';
import type { TargetView } from '../../data/repositories/targets.ts';
import type { AreaRow } from '../../data/schema.ts';

export const indicatorJson = (i: Indicator) => ({
  code: i.code,
  title: i.title,
  definition: i.definition,
  numeratorDefinition: i.numeratorDefinition,
  denominatorDefinition: i.denominatorDefinition,
  unit: i.unit,
  decimals: i.decimals,
  polarity: i.polarity,
  band: i.polarity === 'band' ? { low: i.bandLow, high: i.bandHigh } : null,
  frequency: i.frequency,
  periodType: i.periodType,
  lag: i.lag,
  source: i.source,
  obaCategory: i.obaCategory,
  themes: i.themes,
  agencyId: i.agencyId,
  national: i.partnershipId === null,
  version: i.version,
});

export const areaJson = (a: AreaRow) => ({ code: a.code, oldCode: a.old_code, name: a.name, level: a.level, regionCode: a.region_code });

export const periodJson = (p: Pick<Period, 'code' | 'label' | 'start' | 'end'>) => ({
  code: p.code,
  label: p.label,
  start: p.start,
  end: p.end,
});

function periodOf(code: string, start: string, end: string) {
  const period = parsePeriod(code);
  return periodJson(period ?? { code, label: code, start, end });
}

export const observationJson = (o: ObservationView, areas: ReadonlyMap<string, AreaRow>) => ({
  area: areas.has(o.areaId) ? { code: areas.get(o.areaId)!.code, name: areas.get(o.areaId)!.name } : null,
  period: periodOf(o.periodCode, o.periodStart, o.periodEnd),
  breakdown: o.breakdown,
  value: o.value,
  marker: o.marker,
  numerator: o.numerator,
  denominator: o.denominator,
  status: o.status,
  knownFrom: o.knownFrom,
  qualityNote: o.qualityNote,
  local: o.partnershipId !== null,
  version: o.version,
  updatedAt: o.updatedAt,
});

export const targetJson = (t: TargetView) => ({
  id: t.id,
  area: t.areaName,
  areaId: t.areaId,
  period: t.periodCode,
  value: t.value,
  tolerance: t.tolerance,
  note: t.note,
});

export const benchmarkJson = (b: {
  indicator: Indicator;
  area: AreaRow;
  period: Period;
  comparator: string;
  panel: BenchmarkPanel;
  region: AreaRow | undefined;
  neighbours: AreaRow[];
}) => ({
  indicator: b.indicator.code,
  area: areaJson(b.area),
  period: periodJson(b.period),
  polarity: b.indicator.polarity,
  value: b.panel.value,
  england: b.panel.england,
  region: b.region ? { code: b.region.code, name: b.region.name, value: b.panel.region } : null,
  comparator: { list: b.comparator, areas: b.neighbours.map((n) => n.code), mean: b.panel.neighbourMean, count: b.panel.neighbourCount },
  quartileBand: b.panel.band,
  rank: b.panel.rank,
  rankOf: b.panel.rankOf,
  interval95: b.panel.interval,
  significance: b.panel.significance,
});
