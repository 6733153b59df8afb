import { parsePeriod } from './periods.ts';
import type { Rag } from './plans.ts';

/**
 * A scorecard laid out as one table, the way seed 003's appendix 4 prints it: one row per
 * indicator, sections as groups of rows so the columns line up down the page, one column per
 * period (the current one last), then the compact judgement columns; and the summary a board
 * reads first. Pure: the staff page, the frozen pack and the public page each hand over their
 * rows in the shape below (the public one with its suppressed figures already hidden).
 */

/** A figure as a cell shows it; `hidden` when suppressed to protect confidentiality. */
export interface TableFigure {
  text: string;
  hidden?: boolean;
}

/** A figure split at its decimal point, so a column of them lines up on it, and what it says after the number. */
export interface AlignedFigure extends TableFigure {
  whole: string;
  fraction: string;
  /** What follows the figure, such as the period of an England figure from another year: "(2012-13)". */
  aside: string;
}

export interface TableSourceRow {
  id: string;
  code: string;
  title: string;
  /** Area, breakdown and polarity: the line under the title. */
  meta: string;
  /** The row's breakdown ("Sex: Male"), empty for the whole population. */
  breakdown: string;
  /** Oldest first, the current one last, aligned with figures. */
  periods: readonly { code: string; label: string }[];
  figures: readonly TableFigure[];
  current: (TableFigure & { periodCode: string; periodLabel: string; provisional: boolean }) | null;
  england: TableFigure;
  region: TableFigure;
  neighbours: TableFigure;
  band: TableFigure;
  significance: TableFigure;
  target: TableFigure;
  direction: { direction: string; symbol: string; label: string } | null;
  /** The direction and rating, when withheld because they would narrow a hidden figure down. */
  directionHidden?: boolean;
  rag: Rag | null;
  ragHidden?: boolean;
  /** Why the row is rated as it is; empty when it has no rule. */
  ragReason: string;
  ragOverridden?: boolean;
  /** The row's own note and the data-quality notes of its figures. */
  note: string;
  qualityNotes: readonly string[];
}

export interface TablePeriod extends AlignedFigure {
  label: string;
  shortLabel: string;
  current: boolean;
  provisional: boolean;
}

export interface TableRow extends Omit<TableSourceRow, 'periods' | 'figures' | 'england' | 'region' | 'neighbours' | 'target'> {
  /** One per period column, the current figure last; null where the row has fewer periods. */
  periods: (TablePeriod | null)[];
  england: AlignedFigure;
  region: AlignedFigure;
  neighbours: AlignedFigure;
  target: AlignedFigure;
  /** Notes under the title, each once. */
  notes: string[];
  exception: boolean;
  section: string;
}

export interface TableSection {
  /** The section's anchor on the page. */
  id: string;
  title: string;
  /** The periods every row of the section shows (the paper's section header), or null when they differ. */
  periodLabels: string[] | null;
  rows: TableRow[];
}

export const JUDGEMENT_COLUMNS = ['england', 'region', 'neighbours', 'band', 'significance', 'target', 'direction', 'rag'] as const;
export type JudgementColumn = (typeof JUDGEMENT_COLUMNS)[number];

/** Column headings, short enough for a compact column. */
export const JUDGEMENT_HEADINGS: Record<JudgementColumn, string> = {
  england: 'England',
  region: 'Region',
  neighbours: 'Neighbour mean',
  band: 'Band',
  significance: 'Against England',
  target: 'Target',
  direction: 'Direction',
  rag: 'RAG',
};

const NUMERIC: ReadonlySet<JudgementColumn> = new Set(['england', 'region', 'neighbours', 'target']);

export interface ScorecardSummary {
  rows: number;
  rag: Record<Rag | 'unrated', number>;
  travel: { improved: number; maintained: number; deteriorated: number; other: number };
  /** Rows rated red or worse than the period before, in page order. */
  exceptions: { id: string; title: string; section: string; rag: Rag | null; deteriorated: boolean }[];
  contents: { id: string; title: string; rows: number }[];
}

export interface ScorecardTable {
  /** How many period columns: the current one and the earlier ones the scorecard shows. */
  periodColumns: number;
  /** Headings of the period columns, oldest first: the periods themselves when every row shares them. */
  periodHeadings: string[];
  /** Whether period cells say their own period, because the headings do not. */
  labelledPeriods: boolean;
  columns: { key: JudgementColumn; heading: string; numeric: boolean }[];
  notes: boolean;
  sections: TableSection[];
  summary: ScorecardSummary;
}

/**
 * Splits a formatted figure at its decimal point ("1,196.5% (2012-13)" → "1,196", ".5%" and
 * "(2012-13)"), so that a right-aligned whole part and a fixed-width fraction line every figure of
 * a column up on the point; text that is not a number ("c", "–") is all whole.
 * @example alignFigure({ text: '75.5% (2012-13)' }) // { whole: '75', fraction: '.5%', aside: '(2012-13)', … }
 */
export function alignFigure(figure: TableFigure): AlignedFigure {
  const match = /^([£-]?[\d,]+)((?:\.\d+)?%?)(?:\s+(.*))?$/.exec(figure.text);
  if (!match) return { ...figure, whole: figure.text, fraction: '', aside: '' };
  return { ...figure, whole: match[1]!, fraction: match[2] ?? '', aside: match[3] ?? '' };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A period as a column heading prints it: "Nov 2013", "2013-14", "2013-14 Q3", "31 Mar 2013".
 * @example shortPeriodLabel('2013-11', 'November 2013') // "Nov 2013"
 */
export function shortPeriodLabel(code: string, label: string): string {
  const period = parsePeriod(code);
  if (!period) return label;
  const month = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
  switch (period.type) {
    case 'month':
      return month(period.start);
    case 'financial-quarter':
      return label.replace(/\s*\(.*\)$/, '');
    case 'calendar-quarter':
      return `${MONTHS[Number(period.start.slice(5, 7)) - 1]}–${month(period.end)}`;
    case 'rolling-12-months':
      return `12 months to ${month(period.end)}`;
    case 'academic-year':
      return label.replace(/^Academic year /, 'AY ');
    case 'point':
      return `${Number(period.start.slice(8, 10))} ${month(period.start)}`;
    default:
      return label;
  }
}

/**
 * A row's notes, each once: its own note, then the quality notes of its figures. Where one note
 * says all another does (ignoring case and punctuation), only the fuller one is kept, in the
 * place of the first: an analyst often copies a figure's quality note into the row's note.
 * @example rowNotes('Known recording issues', ['Known recording issues: likely an under-estimate']) // the second only
 */
export function rowNotes(note: string, qualityNotes: readonly string[]): string[] {
  // Words with a space either side, so that one note is found in another only as whole words.
  const key = (text: string) =>
    ` ${text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()} `;
  const kept: { key: string; text: string }[] = [];
  for (const text of [note, ...qualityNotes]) {
    const k = key(text);
    if (!k.trim() || kept.some((n) => n.key.includes(k))) continue;
    const shorter = kept.findIndex((n) => k.includes(n.key));
    if (shorter >= 0) kept[shorter] = { key: k, text: text.trim() };
    else kept.push({ key: k, text: text.trim() });
  }
  return kept.map((n) => n.text);
}

/** Whether a row goes in the exception report: rated red, or worse than the period before. */
export const isExceptionRow = (row: Pick<TableSourceRow, 'rag' | 'direction' | 'ragHidden' | 'directionHidden'>) =>
  (!row.ragHidden && row.rag === 'red') || (!row.directionHidden && row.direction?.direction === 'deteriorated');

/**
 * The scorecard as one table and its summary.
 * @param columns the scorecard's chosen columns (core/scorecard.ts SCORECARD_COLUMNS)
 * @param previousPeriods how many earlier periods the scorecard shows before each current figure
 */
export function scorecardTable(
  sections: readonly { title: string; rows: readonly TableSourceRow[] }[],
  columns: readonly string[],
  previousPeriods: number,
): ScorecardTable {
  const periodColumns = columns.includes('previous') ? previousPeriods + 1 : 1;
  const laidOut: TableSection[] = sections.map((section, s) => {
    const rows = section.rows.map((row) => layoutRow(row, periodColumns, section.title));
    return { id: `section-${s + 1}`, title: section.title, periodLabels: sharedLabels(rows), rows };
  });
  const allRows = laidOut.flatMap((s) => s.rows);
  const everywhere = sharedLabels(allRows);
  const headings =
    everywhere ??
    Array.from({ length: periodColumns }, (_, i) => {
      const before = periodColumns - 1 - i;
      return before === 0 ? 'Latest' : before === 1 ? 'Period before' : `${before} periods before`;
    });
  return {
    periodColumns,
    periodHeadings: headings,
    labelledPeriods: !everywhere,
    columns: JUDGEMENT_COLUMNS.filter((c) => columns.includes(c)).map((key) => ({
      key,
      heading: JUDGEMENT_HEADINGS[key],
      numeric: NUMERIC.has(key),
    })),
    notes: columns.includes('note'),
    // A section whose headings are the table's already needs no row of its own labels.
    sections: everywhere ? laidOut.map((s) => ({ ...s, periodLabels: null })) : laidOut,
    summary: summarise(laidOut),
  };
}

function layoutRow(row: TableSourceRow, periodColumns: number, section: string): TableRow {
  const shown = row.periods.slice(-periodColumns);
  const figures = row.figures.slice(-periodColumns);
  const last = shown.length - 1;
  const periods: (TablePeriod | null)[] = shown.map((p, i) => ({
    ...alignFigure(figures[i] ?? { text: '–' }),
    label: p.label,
    shortLabel: shortPeriodLabel(p.code, p.label),
    current: i === last,
    provisional: i === last && (row.current?.provisional ?? false),
  }));
  const { periods: _periods, figures: _figures, ...rest } = row;
  return {
    ...rest,
    periods: [...Array<null>(periodColumns - periods.length).fill(null), ...periods],
    england: alignFigure(row.england),
    region: alignFigure(row.region),
    neighbours: alignFigure(row.neighbours),
    target: alignFigure(row.target),
    notes: rowNotes(row.note, row.qualityNotes),
    exception: isExceptionRow(row),
    section,
  };
}

/** The short labels of the period columns when every row with figures has the same ones. */
function sharedLabels(rows: readonly TableRow[]): string[] | null {
  let labels: string[] | null = null;
  for (const row of rows) {
    if (row.periods.every((p) => p === null)) continue;
    const own = row.periods.map((p) => p?.shortLabel ?? '');
    if (labels === null) labels = own;
    else if (labels.join('\n') !== own.join('\n')) return null;
  }
  return labels;
}

function summarise(sections: readonly TableSection[]): ScorecardSummary {
  const rows = sections.flatMap((s) => s.rows);
  const rag = { red: 0, amber: 0, green: 0, unrated: 0 };
  const travel = { improved: 0, maintained: 0, deteriorated: 0, other: 0 };
  for (const row of rows) {
    rag[!row.ragHidden && row.rag ? row.rag : 'unrated'] += 1;
    const d = row.directionHidden ? undefined : row.direction?.direction;
    if (d === 'improved' || d === 'maintained' || d === 'deteriorated') travel[d] += 1;
    else travel.other += 1;
  }
  return {
    rows: rows.length,
    rag,
    travel,
    exceptions: rows
      .filter((r) => r.exception)
      .map((r) => ({
        id: r.id,
        title: r.title,
        section: r.section,
        rag: r.ragHidden ? null : r.rag,
        deteriorated: !r.directionHidden && r.direction?.direction === 'deteriorated',
      })),
    contents: sections.map((s) => ({ id: s.id, title: s.title, rows: s.rows.length })),
  };
}
