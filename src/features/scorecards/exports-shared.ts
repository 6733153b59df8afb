import { DFE_MARKERS } from '../../core/csv-read.ts';
import { formatFigure } from '../../core/indicators.ts';
import { RAG_LABELS } from '../../core/judgements.ts';
import { parsePeriod } from '../../core/periods.ts';
import { RAGS, type Rag } from '../../core/plans.ts';
import type { Cell, ScorecardColumn } from '../../core/scorecard.ts';
import type { ScorecardRowView } from './service.ts';
import { dateInWords } from '../../core/dates.ts';
/**
 * A scorecard as a file: CSV in long format for analysts, an Excel workbook with a sheet per
 * section, and a Word board paper. Each takes the same ScorecardExport, built by the route from
 * the service's `read`, and refuses a scorecard with nothing to show (EmptyScorecardError).
 *
 * Periods in the workbook and the paper: each section has a column per period its rows show, in
 * time order (by the period's end, then its start), labelled as the page labels it. Rows of
 * different frequencies in one section each fill their own periods' columns and leave the others
 * empty; a row's latest figure is its rightmost. Without the "previous" column only each row's
 * current figure is shown, so the columns are the current periods.
 */

export interface ScorecardExport {
  title: string;
  partnershipName: string;
  boardName: string | null;
  /** When the figures are as at, in words, e.g. "31 March 2013". */
  asAtLabel: string;
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

/** The extra columns to show, in the scorecard's order, each once ('previous' is shown as period columns). */
export const extraColumns = (x: ScorecardExport) => [...new Set(x.columns)].filter((c) => c !== 'previous');

export const EXTRA_HEADERS: Record<Exclude<ScorecardColumn, 'previous'>, string> = {
  england: 'England',
  region: 'Region',
  neighbours: 'Neighbour mean',
  band: 'Band',
  significance: 'Significance',
  target: 'Target',
  direction: 'Direction',
  rag: 'RAG',
  note: 'Notes',
};

export const directionWords = (row: ScorecardRowView) =>
  row.direction ? `${row.direction.symbol} ${row.direction.label}` : 'No comparison';
