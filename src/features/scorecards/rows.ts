import type { BenchmarkPanel } from '../../core/benchmark-panel.ts';
import { overrideRag } from '../../core/judgements.ts';
import { parsePeriod } from '../../core/periods.ts';
import { knownAt } from '../../core/publication.ts';
import { scorecardRow, type RowBenchmarks, type RowView, type SeriesFigure } from '../../core/scorecard.ts';
import type { Trx } from '../../data/db.ts';
import { comparatorAreas } from '../../data/repositories/areas.ts';
import type { Indicator } from '../../data/repositories/indicators.ts';
import {
  nationalValuesForPairs,
  observationsForMany,
  type ObservationView,
  type PublishedFigure,
} from '../../data/repositories/observations.ts';
import { listRagOverrides } from '../../data/repositories/scorecard-overrides.ts';
import type { LayoutRow } from '../../data/repositories/scorecards.ts';
import { listTargetsFor } from '../../data/repositories/targets.ts';
import type { AreaRow } from '../../data/schema.ts';
import { ENGLAND, panelFrom } from '../../services/benchmarks.ts';

// A scorecard's rows worked out as at a date: the figures, benchmarks and judgements of each,
// read in a handful of queries whatever the scorecard's length (scorecards/service.ts reads the
// layout and keeps the result). Only figures known at that date count: one published later is
// left out of the row, its earlier periods and its benchmarks alike (decision 0015).

/** A scorecard row as pages and exports show it. */
export interface ScorecardRowView extends RowView {
  id: string;
  indicator: Indicator;
  areaName: string;
  /** The area's code, as the indicator page takes it (an ONS code, or a locality's own). */
  areaCode: string;
  breakdown: string;
  note: string;
  ragRule: string;
  /** Charted on the page and in the paper ("charts for selected areas"). */
  chart: boolean;
  /** England's figure for each of the row's periods, the published one or else the partnership's record of it (empty when the row is England's). */
  englandTrend: (number | null)[];
}

export interface RowsContext {
  partnershipId: string;
  asAt: string;
  areas: ReadonlyMap<string, AreaRow>;
  comparator: string;
  previousPeriods: number;
}

export interface PlacedRow {
  row: LayoutRow;
  indicator: Indicator;
  area: AreaRow;
}

/**
 * Every row of a scorecard in a handful of reads, whatever its length: the rows' figures, the
 * published figures for each row's current period (for the benchmarks), the comparators and the
 * targets are each read once, then each row is worked out by core/scorecard.ts.
 */
export async function rowViews(trx: Trx, ctx: RowsContext, placed: readonly PlacedRow[]): Promise<ScorecardRowView[]> {
  const england = [...ctx.areas.values()].find((a) => a.code === ENGLAND);
  const indicatorIds = [...new Set(placed.map((p) => p.indicator.id))];
  const areaIds = [...new Set([...placed.map((p) => p.area.id), ...(england ? [england.id] : [])])];
  const known = <T extends { knownFrom: string }>(list: readonly T[]) => list.filter((f) => knownAt(f.knownFrom, ctx.asAt));
  const [allFigures, targets, overrides] = await Promise.all([
    observationsForMany(trx, indicatorIds, areaIds),
    listTargetsFor(trx, ctx.partnershipId, indicatorIds),
    listRagOverrides(
      trx,
      ctx.partnershipId,
      placed.map((p) => p.row.id),
    ),
  ]);
  const figuresByIndicator = new Map([...allFigures].map(([id, list]) => [id, known(list)]));
  const rows = placed.map((p) => ({ ...p, ...seriesOf(p, figuresByIndicator.get(p.indicator.id) ?? [], ctx.asAt) }));
  const published = rows.filter((r) => r.current && r.indicator.partnershipId === null && r.area.level === 'la' && r.row.breakdown === '');
  const pairs = [
    ...new Map(
      published.map((r) => [
        `${r.indicator.id}|${r.current!.periodCode}`,
        { indicatorId: r.indicator.id, periodCode: r.current!.periodCode },
      ]),
    ).values(),
  ];
  const [values, comparators] = await Promise.all([
    nationalValuesForPairs(trx, pairs),
    Promise.all(
      [...new Set(published.map((r) => r.area.id))].map(async (id) => [id, await comparatorAreas(trx, ctx.comparator, id)] as const),
    ),
  ]);
  const neighboursOf = new Map(comparators);
  const byPair = new Map<string, PublishedFigure[]>();
  for (const v of known(values)) {
    const key = `${v.indicatorId}|${v.periodCode}`;
    const list = byPair.get(key);
    if (list) list.push(v);
    else byPair.set(key, [v]);
  }
  return rows.map((r) => {
    const figures = figuresByIndicator.get(r.indicator.id) ?? [];
    const panel = published.includes(r)
      ? panelFrom(
          r.indicator,
          r.area,
          byPair.get(`${r.indicator.id}|${r.current!.periodCode}`) ?? [],
          ctx.areas,
          neighboursOf.get(r.area.id) ?? [],
        ).panel
      : undefined;
    const benchmarks = r.current ? benchmarksOf(r.current, figures, england, panel, ctx.asAt) : undefined;
    const rowTargets = targets.filter((t) => t.indicatorId === r.indicator.id && t.areaId === r.area.id);
    const view = scorecardRow({
      indicator: r.indicator,
      series: r.series,
      asAt: ctx.asAt,
      previousPeriods: ctx.previousPeriods,
      benchmarksFor: (code) => (code === r.current?.periodCode ? benchmarks : undefined),
      targetFor: (code) => {
        const target = rowTargets.find((t) => t.periodCode === code);
        return target && { value: target.value, tolerance: target.tolerance };
      },
      ragRule: r.row.ragRule,
      tolerance: r.row.tolerance,
      maintainedBand: r.row.maintainedBand,
    });
    // The latest manual rating for the row's current period stands (a cleared one returns to the rule's).
    const manual = overrides.find((o) => o.row_id === r.row.id && o.period_code === r.current?.periodCode);
    const rag = overrideRag(
      view.rag,
      manual?.rag ? { rag: manual.rag, reason: `${manual.reason} (rated by ${manual.author_label})` } : null,
    );
    return {
      ...view,
      rag,
      id: r.row.id,
      indicator: r.indicator,
      areaName: r.area.name,
      areaCode: r.area.code,
      breakdown: r.row.breakdown,
      note: r.row.note,
      ragRule: r.row.ragRule,
      chart: r.row.chart,
      englandTrend: r.area.id === england?.id ? [] : view.periods.map((p) => englandOf(figures, england, p.code)),
    };
  });
}

/** A row's series: its area's figures for its breakdown, the partnership's own where it has one, oldest first. */
function seriesOf(p: PlacedRow, figures: readonly ObservationView[], asAt: string) {
  const byPeriod = new Map<string, ObservationView>();
  for (const f of figures) {
    if (f.areaId !== p.area.id || f.breakdown !== p.row.breakdown) continue;
    if (!byPeriod.has(f.periodCode) || f.partnershipId !== null) byPeriod.set(f.periodCode, f);
  }
  const series: SeriesFigure[] = [...byPeriod.values()]
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.periodStart.localeCompare(b.periodStart))
    .map((f) => ({
      periodCode: f.periodCode,
      periodLabel: parsePeriod(f.periodCode)?.label ?? f.periodCode,
      periodType: f.periodType,
      periodStart: f.periodStart,
      periodEnd: f.periodEnd,
      value: f.value,
      marker: f.marker,
      local: f.partnershipId !== null,
      status: f.status,
      qualityNote: f.qualityNote,
    }));
  const current = series.filter((f) => f.periodStart <= asAt && (f.value !== null || f.marker !== null)).at(-1);
  return { series, current };
}

/** England's whole-population figure for a period: the published one, else one the partnership recorded; or null. */
function englandOf(figures: readonly ObservationView[], england: AreaRow | undefined, periodCode: string): number | null {
  const found = figures.filter((f) => f.areaId === england?.id && f.breakdown === '' && f.periodCode === periodCode);
  return (found.find((f) => f.partnershipId === null) ?? found[0])?.value ?? null;
}

/**
 * England for the row's period where there is one; otherwise its latest figure of the same kind
 * of period begun by the scorecard's date, named ("75.5 (2012-13)"), as board papers print it.
 */
function benchmarksOf(
  current: SeriesFigure,
  figures: readonly ObservationView[],
  england: AreaRow | undefined,
  panel: BenchmarkPanel | undefined,
  asAt: string,
): RowBenchmarks {
  const englandFigures = figures
    .filter(
      (o) =>
        o.areaId === england?.id && o.breakdown === '' && o.periodType === current.periodType && o.periodStart <= asAt && o.value !== null,
    )
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  const same = englandFigures.find((o) => o.periodCode === current.periodCode);
  const latest = englandFigures.at(-1);
  const fromPanel = panel?.england ?? null;
  return {
    england: fromPanel ?? same?.value ?? latest?.value ?? null,
    englandPeriod: fromPanel === null && !same && latest ? (parsePeriod(latest.periodCode)?.label ?? latest.periodCode) : undefined,
    region: panel?.region ?? null,
    neighbourMean: panel?.neighbourMean ?? null,
    band: panel?.band ?? null,
    significance: panel?.significance ?? null,
  };
}
