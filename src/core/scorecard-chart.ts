import { chartSummary, hasChartData, type ChartSeries, type TrendChartInput } from './charts.ts';
import { formatFigure, type Unit } from './indicators.ts';

/** What a chart of a scorecard row needs: staff rows, frozen pack rows and public rows all have it. */
export interface ChartableRow {
  id: string;
  indicator: { code: string; title: string; unit: Unit; decimals: number };
  areaName: string;
  breakdown: string;
  periods: readonly { code: string; label: string }[];
  /** Aligned with periods; null where there is no figure (or it is suppressed). */
  figures: readonly { value: number | null }[];
  /** England's figures for the same periods; empty (or absent, in packs frozen before charts) when not drawn. */
  englandTrend?: readonly (number | null)[];
}

/** "Initial assessments within 10 days, Walsall" (with the breakdown, when the row has one). */
export const rowChartTitle = (row: ChartableRow) => `${row.indicator.title}, ${row.areaName}${row.breakdown ? ` (${row.breakdown})` : ''}`;

/**
 * A scorecard row as a trend chart (core/charts.ts): the row's figures over the periods the
 * scorecard shows, with England's where published, so a board sees the curve and the gap.
 */
export function rowChartInput(row: ChartableRow, id: string): TrendChartInput {
  const england = row.englandTrend ?? [];
  const series: ChartSeries[] = [
    { name: row.areaName, kind: 'area', values: row.figures.map((f) => f.value) },
    ...(england.some((v) => v !== null) ? [{ name: 'England', kind: 'england' as const, values: [...england] }] : []),
  ];
  return {
    id,
    title: rowChartTitle(row),
    periods: row.periods,
    series,
    format: (n: number) => formatFigure(n, row.indicator.unit, row.indicator.decimals),
  };
}

/** Whether a row has anything to chart: at least one figure of its own. */
export const rowChartable = (row: ChartableRow) =>
  hasChartData({ series: [{ name: '', kind: 'area', values: row.figures.map((f) => f.value) }] });

/** The chart in words, for alt text: what it shows and every figure's start and end. */
export const rowChartAlt = (row: ChartableRow) => `Line chart of ${rowChartTitle(row)}. ${chartSummary(rowChartInput(row, 'alt'))}`;
