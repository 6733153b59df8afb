import { BAND_LABELS, SIGNIFICANCE_LABELS } from '../../core/benchmark-panel.ts';
import { POLARITY_LABELS } from '../../core/indicators.ts';
import { scorecardTable, type ScorecardTable, type TableSourceRow } from '../../core/scorecard-table.ts';
import type { ScorecardRowView } from './rows.ts';

/** Where a staff row's links go; none in a frozen pack, whose rows are as the meeting saw them. */
export interface RowLinks {
  /** `/p/{slug}` */
  base: string;
  /** The scorecard's own page, for its chart and rating links. */
  scorecard: string;
  asAt: string;
  mayManage: boolean;
}

/** A row's links on the staff page. */
export type LinkedRow = TableSourceRow & {
  links?: { title: string; current: string; chart?: string; change?: string };
};

/** A staff scorecard row (or a frozen pack's) in the shape of core/scorecard-table.ts. */
export function tableRowOf(r: ScorecardRowView, links?: RowLinks): LinkedRow {
  const q = (v: string) => encodeURIComponent(v);
  const indicator = links && `${links.base}/indicators/${r.indicator.code}?area=${q(r.areaCode)}`;
  return {
    id: r.id,
    code: r.indicator.code,
    title: r.indicator.title,
    meta: [r.areaName, r.breakdown, POLARITY_LABELS[r.indicator.polarity]].filter(Boolean).join(' · '),
    breakdown: r.breakdown,
    periods: r.periods,
    figures: r.figures,
    current: r.current && {
      text: r.current.text,
      periodCode: r.current.periodCode,
      periodLabel: r.current.periodLabel,
      provisional: r.current.status === 'provisional',
    },
    england: r.benchmarks.england,
    region: r.benchmarks.region,
    neighbours: r.benchmarks.neighbours,
    band: { text: r.benchmarks.band ? BAND_LABELS[r.benchmarks.band].split(' – ')[0]! : '–' },
    significance: { text: r.benchmarks.significance ? SIGNIFICANCE_LABELS[r.benchmarks.significance] : '–' },
    target: r.target ?? { text: '–' },
    direction: r.direction,
    rag: r.rag.rag,
    // A row with no figure says so in its figure's cell; its rule has nothing to say.
    ragReason: r.current && (r.rag.overridden || r.ragRule !== 'none') ? r.rag.reason : '',
    ragOverridden: r.rag.overridden ?? false,
    note: r.note,
    qualityNotes: r.qualityNotes,
    links: links && {
      title: indicator!,
      current: r.current ? `${indicator}&period=${q(r.current.periodCode)}#benchmarks` : indicator!,
      chart: r.figures.length > 1 ? `${links.scorecard}?asAt=${q(links.asAt)}&chart=${q(r.id)}#chart` : undefined,
      change: links.mayManage && r.current ? `${links.scorecard}?asAt=${q(links.asAt)}&override=${q(r.id)}#main-content` : undefined,
    },
  };
}

/** A staff scorecard or frozen pack as one table with its summary. */
export function staffTable(
  sections: readonly { title: string; rows: readonly ScorecardRowView[] }[],
  columns: readonly string[],
  previousPeriods: number,
  links?: RowLinks,
): ScorecardTable {
  return scorecardTable(
    sections.map((s) => ({ title: s.title, rows: s.rows.map((r) => tableRowOf(r, links)) })),
    columns,
    previousPeriods,
  );
}
