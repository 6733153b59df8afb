import { trendChart } from '../../core/charts.ts';
import { formatFigure } from '../../core/indicators.ts';
import { rowChartable, rowChartAlt, rowChartInput, rowChartTitle, type ChartableRow } from '../../core/scorecard-chart.ts';
import { svgToPng } from './chart-png.ts';

/** A row with the figures' text as the scorecard writes them (staff, frozen and public rows all have it). */
type WrittenRow = ChartableRow & { figures: readonly { value: number | null; text: string; suppressed?: boolean }[] };

/** A chart of a scorecard row as pages, print views and papers show it. */
export interface RowChart<R extends WrittenRow = WrittenRow> {
  row: R;
  id: string;
  title: string;
  /** The chart in words: the image's alt text, and the SVG's description. */
  alt: string;
  svg: string;
  /** The same figures as a table: one line per period, England's column only where it has figures. */
  table: { period: string; figure: string; hidden: boolean; england: string }[];
  withEngland: boolean;
}

/** Each row's charts by element id, drawn once: scorecard readings are shared while the data stand (see the service). */
const drawn = new WeakMap<object, Map<string, RowChart>>();

/** A row's chart, with an element id unique on the page. */
export function rowChart<R extends WrittenRow>(row: R, id = `chart-${row.id}`): RowChart<R> {
  const kept = drawn.get(row) ?? new Map<string, RowChart>();
  drawn.set(row, kept);
  if (kept.has(id)) return kept.get(id) as RowChart<R>;
  const england = row.englandTrend ?? [];
  const chart: RowChart<R> = {
    row,
    id,
    title: rowChartTitle(row),
    alt: rowChartAlt(row),
    svg: trendChart(rowChartInput(row, id)),
    table: row.periods.map((p, i) => ({
      period: p.label,
      figure: row.figures[i]?.text ?? '–',
      hidden: row.figures[i]?.suppressed === true,
      england: formatFigure(england[i] ?? null, row.indicator.unit, row.indicator.decimals),
    })),
    withEngland: england.some((v) => v !== null),
  };
  kept.set(id, chart);
  return chart;
}

/** "Charts for selected areas": the rows chosen for charting that have a figure to chart, in order. */
export function selectedCharts<R extends WrittenRow & { chart?: boolean }>(sections: readonly { rows: readonly R[] }[]): RowChart<R>[] {
  return sections.flatMap((s) => s.rows.filter((r) => r.chart && rowChartable(r)).map((r) => rowChart(r)));
}

/** Width in pixels of chart images in papers: twice the size they are shown, so they print sharply. */
export const PAPER_CHART_PIXELS = 1280;

/** Each chart's image, drawn once (a kept reading's charts are the same objects, export after export). */
const images = new WeakMap<RowChart, Promise<Awaited<ReturnType<typeof svgToPng>>>>();

/**
 * The selected charts as PNG images for a Word paper. Drawing one takes some tens of
 * milliseconds on the event loop, so they are drawn one at a time with other requests let in
 * between.
 */
export async function chartImages<R extends WrittenRow>(charts: readonly RowChart<R>[]) {
  const drawn = [];
  for (const chart of charts) {
    let image = images.get(chart);
    if (!image) {
      await new Promise((resolve) => setImmediate(resolve));
      image = svgToPng(chart.svg, PAPER_CHART_PIXELS);
      image.catch(() => images.delete(chart));
      images.set(chart, image);
    }
    drawn.push({ chart, image: await image });
  }
  return drawn;
}
