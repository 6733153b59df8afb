import { rowNotes as notesOnce } from '../../core/scorecard-table.ts';
import { DFE_MARKERS } from '../../core/csv-read.ts';
import { formatFigure } from '../../core/indicators.ts';
import { RAG_LABELS } from '../../core/judgements.ts';
import { parsePeriod } from '../../core/periods.ts';
import { RAGS, type Rag } from '../../core/plans.ts';
import { SCORECARD_COLUMNS, type Cell, type ScorecardColumn } from '../../core/scorecard.ts';
import { isException } from './exceptions.ts';
import type { ScorecardRowView } from './service.ts';
import { dateInWords } from '../../core/dates.ts';
/**
 * A scorecard as a file: CSV in long format for analysts, an Excel workbook with the scorecard on
 * one sheet laid out as the page lays it out (periodLayout), and a Word board paper. Each takes
 * the same ScorecardExport, built by the route from the service's `read`, and refuses a scorecard
 * with nothing to show (EmptyScorecardError).
 *
 * Periods in the Word paper: each section has a column per period its rows show, in time order
 * (by the period's end, then its start), labelled as the page labels it. Rows of different
 * frequencies in one section each fill their own periods' columns and leave the others empty; a
 * row's latest figure is its rightmost. Without the "previous" column only each row's current
 * figure is shown, so the columns are the current periods.
 */

export interface ScorecardExport {
  title: string;
  partnershipName: string;
  boardName: string | null;
  /** When the figures are as at, in words, e.g. "31 March 2013". */
  asAtLabel: string;
  /** "Figures as known at …: figures published later are left out." when they were (decision 0015). */
  knownLine?: string | null;
  /** e.g. "As presented to the Scrutiny and Performance Panel, 26 November 2013" for a frozen pack, else null. */
  presentedAs: string | null;
  /** The columns shown beside each row's figures, in order (scorecard.columns). */
  columns: readonly ScorecardColumn[];
  sections: readonly { title: string; rows: readonly ScorecardRowView[] }[];
  /** The exception report: the red and deteriorating rows with their owners' commentary (none given: not printed). */
  exceptions?: readonly ExportException[];
}

/** A row of the exception report with its owner's commentary for the row's period, if any was written. */
export interface ExportException {
  section: string;
  row: ScorecardRowView;
  commentary: { story: string; whatWorks: string; nextSteps: string; who: string; byWhen: string | Date | null } | null;
}

/** The commentary's parts, as the exception report names them. */
export const COMMENTARY_PARTS = [
  ['story', 'The story behind the curve'],
  ['whatWorks', 'What works'],
  ['nextSteps', 'What we will do'],
  ['who', 'Who'],
] as const;

/** "By when" in words, e.g. "31 March 2014". */
export const byWhenWords = (byWhen: string | Date | null) => (byWhen ? dateInWords(byWhen) : '');

/** The row as the exception report heads it: "Initial assessments …: 46.0% (2013-14), ▼ Deteriorated, Red". */
export function exceptionHeading(e: ExportException): string {
  const r = e.row;
  const figure = r.current ? `${r.current.text} (${r.current.periodLabel})` : 'No figure';
  return `${r.indicator.title}, ${r.areaName}: ${figure}, ${directionWords(r)}, ${ragLabel(r.rag.rag)}`;
}

/** What a paper says where a row has no commentary: a pack was frozen without it; a scorecard waits for it. */
export const noCommentary = (x: ScorecardExport) =>
  x.presentedAs ? 'No commentary had been written when the pack was frozen.' : 'No commentary has been written for this period yet.';

/** The scorecard has no rows, or none of its rows has a figure: there is nothing to put in a file. */
export class EmptyScorecardError extends Error {
  constructor(message = 'This scorecard has no figures to export yet') {
    super(message);
    this.name = 'EmptyScorecardError';
  }
}

export const hasFigures = (x: ScorecardExport) => x.sections.some((s) => s.rows.some((r) => r.figures.length > 0));

export function assertFigures(x: ScorecardExport): void {
  if (!hasFigures(x)) throw new EmptyScorecardError();
}

/** A file name of letters, digits and hyphens, e.g. "childrens-board-scorecard.xlsx". */
export function scorecardFilename(title: string, extension: 'csv' | 'xlsx' | 'docx' | 'pdf'): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${slug || 'scorecard'}.${extension}`;
}

// ---- Shared -------------------------------------------------------------------------------------

/** A figure's marker (c, x, …) when it has no value; a figure without either is never shown. */
export function markerOf(cell: Cell): string | null {
  return cell.value === null && Object.hasOwn(DFE_MARKERS, cell.text) ? cell.text : null;
}

export const ragWord = (rag: Rag | null) => (rag ? RAGS[rag] : '');
export const ragLabel = (rag: Rag | null) => RAG_LABELS[rag ?? 'unrated'];

/** What "better" means for the row's indicator, e.g. "Higher", "Lower", "Within 10.0% to 15.0%". */
export function betterWhen(indicator: ScorecardRowView['indicator']): string {
  const fmt = (v: number) => formatFigure(v, indicator.unit, indicator.decimals);
  switch (indicator.polarity) {
    case 'bigger':
      return 'Higher';
    case 'smaller':
      return 'Lower';
    case 'band': {
      const { bandLow: low, bandHigh: high } = indicator;
      if (low !== null && high !== null) return `Within ${fmt(low)} to ${fmt(high)}`;
      if (low !== null) return `At least ${fmt(low)}`;
      if (high !== null) return `At most ${fmt(high)}`;
      return 'Within its band';
    }
    default:
      return 'Neither higher nor lower';
  }
}

export interface SectionPeriod {
  code: string;
  header: string;
}

/** The periods a section's rows show, in time order, each with a unique header. */
export function sectionPeriods(rows: readonly ScorecardRowView[], withPrevious: boolean): SectionPeriod[] {
  const seen = new Map<string, { code: string; label: string; order: number }>();
  for (const row of rows) {
    const periods = withPrevious ? row.periods : row.periods.slice(-1);
    for (const p of periods) if (!seen.has(p.code)) seen.set(p.code, { ...p, order: seen.size });
  }
  const key = (code: string) => {
    const period = parsePeriod(code);
    return period ? `${period.end} ${period.start}` : '';
  };
  const sorted = [...seen.values()].sort((a, b) => {
    const ka = key(a.code);
    const kb = key(b.code);
    return ka && kb && ka !== kb ? ka.localeCompare(kb) : a.order - b.order;
  });
  const labels = sorted.map((p) => p.label);
  return sorted.map((p) => ({ code: p.code, header: labels.filter((l) => l === p.label).length > 1 ? `${p.label} (${p.code})` : p.label }));
}

/** The row's figure for a period, if the row shows that period. */
export function figureFor(row: ScorecardRowView, code: string, withPrevious: boolean): (Cell & { local: boolean }) | undefined {
  const at = row.periods.findIndex((p) => p.code === code);
  if (at < 0 || (!withPrevious && at !== row.periods.length - 1)) return undefined;
  return row.figures[at];
}

/** A column a scorecard may show beside its figures ('previous' is shown as period columns). */
export type ExtraColumn = Exclude<ScorecardColumn, 'previous'>;

/** The columns chosen to show beside the figures, each once, in the page's order (SCORECARD_COLUMNS). */
export const extraColumns = (x: Pick<ScorecardExport, 'columns'>): ExtraColumn[] =>
  SCORECARD_COLUMNS.filter((c): c is ExtraColumn => c !== 'previous' && x.columns.includes(c));

/** Each column's heading, as the scorecard page heads it (core/scorecard-table.ts). */
export const EXTRA_HEADERS: Record<ExtraColumn, string> = {
  england: 'England',
  region: 'Region',
  neighbours: 'Neighbour mean',
  band: 'Quartile band',
  significance: 'Against England',
  target: 'Target',
  direction: 'Direction',
  rag: 'RAG',
  note: 'Notes',
};

export const directionWords = (row: ScorecardRowView) =>
  row.direction ? `${row.direction.symbol} ${row.direction.label}` : 'No comparison';

/** Why the row is rated as it is, as the page says it under the row's title: empty when it has no rule. */
export function ragReason(row: ScorecardRowView): string {
  if (row.rag.overridden) return `Rated by hand: ${row.rag.reason}`;
  return row.ragRule !== 'none' ? row.rag.reason : '';
}

/** A row's notes, each once, as the page says them (core/scorecard-table.ts `rowNotes`). */
export const rowNotes = (row: Pick<ScorecardRowView, 'note' | 'qualityNotes'>): string[] => notesOnce(row.note, row.qualityNotes);

/**
 * A figure rounded as the page shows it: to the indicator's decimals (0 to 10), half away from
 * zero on the decimal value, as formatFigure's toLocaleString does.
 * @example roundTo(39.598649544063356, 1) // 39.6
 */
export function roundTo(value: number, decimals: number): number {
  const rounded = Number(value.toFixed(Math.max(0, Math.min(10, Math.trunc(decimals)))));
  return rounded === 0 ? 0 : rounded;
}

/**
 * The period columns of a scorecard laid out as one table (the page's layout): the current figure
 * last and the earlier periods shown before it, each row's figures right-aligned into them. When
 * every row with figures shows the same periods the headings are those periods; otherwise they
 * say how far back each column is ("Latest", "Period before", "2 periods before") and each cell
 * needs its own period's label (`labelled`).
 */
export interface PeriodLayout {
  count: number;
  headings: string[];
  labelled: boolean;
}

/** The period a row shows in each period column, oldest first; null where the row has fewer periods. */
export function periodCells(row: ScorecardRowView, count: number): ({ code: string; label: string; figure: Cell } | null)[] {
  const start = row.periods.length - count;
  return Array.from({ length: count }, (_, i) => {
    const period = row.periods[start + i];
    const figure = row.figures[start + i];
    return period && figure ? { ...period, figure } : null;
  });
}

/** The period labels every row with figures shares, or null when they differ. */
export function sharedPeriodLabels(rows: readonly ScorecardRowView[], count: number): string[] | null {
  let labels: string[] | null = null;
  for (const row of rows) {
    if (row.figures.length === 0) continue;
    const own = periodCells(row, count).map((c) => c?.label ?? '');
    if (labels === null) labels = own;
    else if (labels.join('\n') !== own.join('\n')) return null;
  }
  return labels;
}

export function periodLayout(x: ScorecardExport): PeriodLayout {
  const rows = x.sections.flatMap((s) => s.rows);
  const count = x.columns.includes('previous') ? Math.max(1, ...rows.map((r) => r.periods.length)) : 1;
  const shared = sharedPeriodLabels(rows, count);
  const before = (n: number) => (n === 0 ? 'Latest' : n === 1 ? 'Period before' : `${n} periods before`);
  return {
    count,
    headings: shared ?? Array.from({ length: count }, (_, i) => before(count - 1 - i)),
    labelled: !shared,
  };
}

/** The exception report's rows: those given with their commentary, else the red and deteriorating rows without. */
export function exceptionRows(x: ScorecardExport): readonly ExportException[] {
  if (x.exceptions) return x.exceptions;
  return x.sections.flatMap((s) => s.rows.filter(isException).map((row) => ({ section: s.title, row, commentary: null })));
}

/** The notes on the data under a scorecard: its figures' quality notes and its indicators' publication lags, each once. */
export const dataNotes = (x: ScorecardExport) => [
  ...new Set(x.sections.flatMap((s) => s.rows.flatMap((r) => [...r.qualityNotes, ...(r.indicator.lag ? [r.indicator.lag] : [])]))),
];
