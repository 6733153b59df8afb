import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import writeXlsxFile, { type CellObject, type Row as XlsxRow, type SheetData } from 'write-excel-file/node';
import { BAND_LABELS, SIGNIFICANCE_LABELS } from '../../core/benchmark-panel.ts';
import { toCsv } from '../../core/csv.ts';
import { DFE_MARKERS } from '../../core/csv-read.ts';
import { formatFigure, type Unit } from '../../core/indicators.ts';
import { DIRECTION_LEGEND, RAG_LABELS } from '../../core/judgements.ts';
import { parsePeriod } from '../../core/periods.ts';
import { RAGS, type Rag } from '../../core/plans.ts';
import type { Cell, ScorecardColumn } from '../../core/scorecard.ts';
import { plainText } from '../../core/sponsor-report.ts';
import type { ScorecardRowView } from './service.ts';

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
}

/** The scorecard has no rows, or none of its rows has a figure: there is nothing to put in a file. */
export class EmptyScorecardError extends Error {
  constructor(message = 'This scorecard has no figures to export yet') {
    super(message);
    this.name = 'EmptyScorecardError';
  }
}

const hasFigures = (x: ScorecardExport) => x.sections.some((s) => s.rows.some((r) => r.figures.length > 0));

function assertFigures(x: ScorecardExport): void {
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
function markerOf(cell: Cell): string | null {
  return cell.value === null && Object.hasOwn(DFE_MARKERS, cell.text) ? cell.text : null;
}

const ragWord = (rag: Rag | null) => (rag ? RAGS[rag] : '');
const ragLabel = (rag: Rag | null) => RAG_LABELS[rag ?? 'unrated'];

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

interface SectionPeriod {
  code: string;
  header: string;
}

/** The periods a section's rows show, in time order, each with a unique header. */
function sectionPeriods(rows: readonly ScorecardRowView[], withPrevious: boolean): SectionPeriod[] {
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
function figureFor(row: ScorecardRowView, code: string, withPrevious: boolean): (Cell & { local: boolean }) | undefined {
  const at = row.periods.findIndex((p) => p.code === code);
  if (at < 0 || (!withPrevious && at !== row.periods.length - 1)) return undefined;
  return row.figures[at];
}

/** The extra columns to show, in the scorecard's order, each once ('previous' is shown as period columns). */
const extraColumns = (x: ScorecardExport) => [...new Set(x.columns)].filter((c) => c !== 'previous');

const EXTRA_HEADERS: Record<Exclude<ScorecardColumn, 'previous'>, string> = {
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

const directionWords = (row: ScorecardRowView) => (row.direction ? `${row.direction.symbol} ${row.direction.label}` : 'No comparison');

// ---- CSV ----------------------------------------------------------------------------------------

export const CSV_COLUMNS = [
  'section',
  'indicator_code',
  'indicator',
  'area',
  'breakdown',
  'period',
  'value',
  'marker',
  'is_current',
  'england',
  'region',
  'neighbour_mean',
  'quartile_band',
  'significance',
  'target',
  'direction',
  'rag',
  'rag_reason',
  'note',
  'quality_notes',
] as const;

/** A number without float noise (15 significant digits, as Excel keeps) and without separators. */
const plainNumber = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toPrecision(15));

/**
 * The scorecard in long format: one line per row and period shown, oldest first, with the
 * benchmarks, target and judgements on the current period's line. Every column is included
 * whatever the scorecard shows; numbers are plain numbers; text that a spreadsheet would run as a
 * formula is neutralised (core/csv.ts). A row with no figures has one line with no period.
 */
export function scorecardCsv(x: ScorecardExport): string {
  assertFigures(x);
  const lines: unknown[][] = [];
  for (const section of x.sections) {
    for (const row of section.rows) {
      const fixed = [section.title, row.indicator.code, row.indicator.title, row.areaName, row.breakdown];
      const tail = [row.note, row.qualityNotes.join('; ')];
      const judged = (current: boolean) =>
        current
          ? [
              plainNumber(row.benchmarks.england.value),
              plainNumber(row.benchmarks.region.value),
              plainNumber(row.benchmarks.neighbours.value),
              row.benchmarks.band ?? '',
              row.benchmarks.significance ? SIGNIFICANCE_LABELS[row.benchmarks.significance] : '',
              plainNumber(row.target?.value),
              row.direction?.label ?? '',
              ragWord(row.rag.rag),
              row.rag.reason,
            ]
          : ['', '', '', '', '', '', '', '', ''];
      if (row.figures.length === 0) {
        lines.push([...fixed, '', '', '', '', ...judged(true), ...tail]);
        continue;
      }
      row.figures.forEach((figure, i) => {
        const current = i === row.figures.length - 1;
        lines.push([
          ...fixed,
          row.periods[i]?.label ?? '',
          plainNumber(figure.value),
          markerOf(figure) ?? '',
          current ? 'yes' : 'no',
          ...judged(current),
          ...tail,
        ]);
      });
    }
  }
  return toCsv(CSV_COLUMNS, lines);
}

// ---- Excel --------------------------------------------------------------------------------------

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as a cell holds it: no characters XML cannot carry, and an apostrophe before anything a spreadsheet would run as a formula. */
export function safeText(value: string): string {
  const text = plainText(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** An Excel number format with the indicator's decimals, e.g. '#,##0.0"%"' so 46.0 reads 46.0%. */
export function numberFormat(unit: Unit, decimals: number): string {
  const places = Math.max(0, Math.min(10, Math.trunc(decimals)));
  const base = places > 0 ? `#,##0.${'0'.repeat(places)}` : '#,##0';
  if (unit === 'percentage') return `${base}"%"`;
  if (unit === 'currency') return `"£"${base}`;
  return base;
}

const INVALID_SHEET_CHARACTERS = /[[\]:*?/\\]/g;

/**
 * Sheet names Excel accepts: at most 31 characters, none of [ ] : * ? / \, not starting or ending
 * with an apostrophe, not "History", and unique ignoring case (including the reserved names).
 */
export function sheetNames(titles: readonly string[], reserved: readonly string[] = []): string[] {
  const used = new Set(reserved.map((r) => r.toLowerCase()));
  const fit = (text: string, room: number) =>
    text
      .slice(0, room)
      .replace(/[\uD800-\uDBFF]$/, '')
      .replace(/^[\s']+|[\s']+$/g, '');
  return titles.map((title, i) => {
    let base = plainText(title).replace(INVALID_SHEET_CHARACTERS, ' ').replace(/\s+/g, ' ');
    base = fit(base, base.length) || `Section ${i + 1}`;
    if (base.toLowerCase() === 'history') base = 'History section';
    let name = fit(base, 31);
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = fit(base, 31 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

const bold = (value: string): CellObject => ({ value: safeText(value), type: String, fontWeight: 'bold' });
const text = (value: string | null | undefined): CellObject | null => (value ? { value: safeText(value), type: String } : null);
const wrapped = (value: string | null | undefined): CellObject | null =>
  value ? { value: safeText(value), type: String, wrap: true } : null;

function numberCell(value: number | null | undefined, format: string): CellObject | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : { value, type: Number, format };
}

function figureCell(figure: Cell | undefined, format: string): CellObject | null {
  if (!figure) return null;
  if (figure.value !== null) return numberCell(figure.value, format);
  return text(markerOf(figure));
}

function sectionSheet(x: ScorecardExport, rows: readonly ScorecardRowView[]): { data: SheetData; widths: number[] } {
  const withPrevious = x.columns.includes('previous');
  const periods = sectionPeriods(rows, withPrevious);
  const extras = extraColumns(x);
  const withBreakdown = rows.some((r) => r.breakdown);
  const withQuality = rows.some((r) => r.qualityNotes.length > 0);
  const header: string[] = ['Indicator', 'Area', ...(withBreakdown ? ['Breakdown'] : []), 'Better when', ...periods.map((p) => p.header)];
  const widths: number[] = [44, 20, ...(withBreakdown ? [16] : []), 16, ...periods.map(() => 11)];
  for (const column of extras) {
    header.push(EXTRA_HEADERS[column]);
    widths.push(column === 'note' ? 40 : column === 'rag' || column === 'direction' || column === 'significance' ? 18 : 12);
    if (column === 'rag') {
      header.push('RAG reason');
      widths.push(40);
    }
  }
  if (withQuality) {
    header.push('Data quality');
    widths.push(40);
  }
  const data: SheetData = [header.map(bold)];
  for (const row of rows) {
    const format = numberFormat(row.indicator.unit, row.indicator.decimals);
    const cells: (CellObject | null)[] = [
      wrapped(row.indicator.title),
      text(row.areaName),
      ...(withBreakdown ? [text(row.breakdown)] : []),
      text(betterWhen(row.indicator)),
      ...periods.map((p) => figureCell(figureFor(row, p.code, withPrevious), format)),
    ];
    for (const column of extras) {
      switch (column) {
        case 'england':
          cells.push(numberCell(row.benchmarks.england.value, format));
          break;
        case 'region':
          cells.push(numberCell(row.benchmarks.region.value, format));
          break;
        case 'neighbours':
          cells.push(numberCell(row.benchmarks.neighbours.value, format));
          break;
        case 'band':
          cells.push(text(row.benchmarks.band));
          break;
        case 'significance':
          cells.push(text(row.benchmarks.significance ? SIGNIFICANCE_LABELS[row.benchmarks.significance] : null));
          break;
        case 'target':
          cells.push(numberCell(row.target?.value, format));
          break;
        case 'direction':
          cells.push(text(row.direction ? directionWords(row) : null));
          break;
        case 'rag':
          cells.push(text(ragLabel(row.rag.rag)), wrapped(row.rag.reason));
          break;
        case 'note':
          cells.push(wrapped(row.note));
          break;
      }
    }
    if (withQuality) cells.push(wrapped(row.qualityNotes.join('; ')));
    data.push(cells);
  }
  return { data, widths };
}

function legendSheet(x: ScorecardExport): SheetData {
  const pair = (a: string, b: string): XlsxRow => [text(a), text(b)];
  const blank: XlsxRow = [null, null];
  return [
    [bold('Scorecard'), text(x.title)],
    pair('Partnership', x.partnershipName),
    ...(x.boardName ? [pair('Board', x.boardName)] : []),
    pair('Figures as at', x.asAtLabel),
    ...(x.presentedAs ? [pair('Presented', x.presentedAs)] : []),
    blank,
    [bold('Direction of travel'), bold('Meaning')],
    ...DIRECTION_LEGEND.map((d) => pair(`${d.symbol} ${d.label}`, d.meaning)),
    blank,
    [bold('RAG rating'), bold('Meaning')],
    pair(RAG_LABELS.green, 'On track against the row’s rule (target, England, neighbours or band)'),
    pair(RAG_LABELS.amber, 'Close: within the row’s tolerance'),
    pair(RAG_LABELS.red, 'Off track: outside the row’s tolerance'),
    pair(RAG_LABELS.unrated, 'The row is not rated, or has no figure or comparator to rate it against'),
    blank,
    [bold('Band'), bold('Meaning')],
    ...Object.entries(BAND_LABELS).map(([band, label]) => pair(band, label)),
    blank,
    [bold('Marker'), bold('Meaning')],
    ...Object.entries(DFE_MARKERS).map(([marker, meaning]) => pair(marker, meaning)),
    blank,
    [bold('Numbers'), text('Figures are numbers with the indicator’s decimal places; a percentage is the number shown (46.0 is 46.0%).')],
  ];
}

/** The scorecard as an Excel workbook: a sheet per section with rows, then a Legend sheet. */
export async function scorecardXlsx(x: ScorecardExport): Promise<Buffer> {
  assertFigures(x);
  const sections = x.sections.filter((s) => s.rows.length > 0);
  const names = sheetNames(
    sections.map((s) => s.title),
    ['Legend'],
  );
  const sheets = sections.map((section, i) => {
    const { data, widths } = sectionSheet(x, section.rows);
    return { data, sheet: names[i]!, columns: widths.map((width) => ({ width })), stickyRowsCount: 1, stickyColumnsCount: 1 };
  });
  sheets.push({
    data: legendSheet(x),
    sheet: 'Legend',
    columns: [{ width: 30 }, { width: 90 }],
    stickyRowsCount: 0,
    stickyColumnsCount: 0,
  });
  return writeXlsxFile(sheets, { fontFamily: 'Arial', fontSize: 10 }).toBuffer();
}

// ---- Word ---------------------------------------------------------------------------------------

const TABLE_TEXT = 18; // half-points: 9pt, so a section's columns fit a landscape A4 page

const run = (value: string, options: { bold?: boolean; size?: number } = {}) =>
  plainText(value)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, bold: options.bold, size: options.size, break: i > 0 ? 1 : 0 }));

const paragraph = (value: string, bold = false) => new Paragraph({ children: run(value, { bold }) });

/** Light fills with dark text, beside the words, so a rating never rests on colour alone. */
const RAG_FILLS: Record<Rag, string> = { red: 'F4CCCC', amber: 'FCE5CD', green: 'D9EAD3' };

function tableCell(children: (TextRun | FootnoteReferenceRun)[][], fill?: string): TableCell {
  return new TableCell({
    children: (children.length ? children : [[]]).map((c) => new Paragraph({ children: c })),
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
  });
}

const textCell = (value: string, options: { bold?: boolean } = {}) => tableCell([run(value, { ...options, size: TABLE_TEXT })]);

function sectionTable(x: ScorecardExport, rows: readonly ScorecardRowView[], footnoteFor: (note: string) => number): Table {
  const withPrevious = x.columns.includes('previous');
  const periods = sectionPeriods(rows, withPrevious);
  const extras = extraColumns(x);
  const withBreakdown = rows.some((r) => r.breakdown);
  const header = [
    'Indicator',
    'Area',
    ...(withBreakdown ? ['Breakdown'] : []),
    'Better when',
    ...periods.map((p) => p.header),
    ...extras.map((c) => EXTRA_HEADERS[c]),
  ];
  const body = rows.map((row) => {
    const title = [
      ...run(row.indicator.title, { size: TABLE_TEXT }),
      ...row.qualityNotes.map((note) => new FootnoteReferenceRun(footnoteFor(note))),
    ];
    const cells = [
      tableCell([title]),
      textCell(row.areaName),
      ...(withBreakdown ? [textCell(row.breakdown)] : []),
      textCell(betterWhen(row.indicator)),
      ...periods.map((p) => textCell(figureFor(row, p.code, withPrevious)?.text ?? '')),
    ];
    for (const column of extras) {
      switch (column) {
        case 'england':
          cells.push(textCell(row.benchmarks.england.text));
          break;
        case 'region':
          cells.push(textCell(row.benchmarks.region.text));
          break;
        case 'neighbours':
          cells.push(textCell(row.benchmarks.neighbours.text));
          break;
        case 'band':
          cells.push(textCell(row.benchmarks.band ?? '–'));
          break;
        case 'significance':
          cells.push(textCell(row.benchmarks.significance ? SIGNIFICANCE_LABELS[row.benchmarks.significance] : '–'));
          break;
        case 'target':
          cells.push(textCell(row.target?.text ?? '–'));
          break;
        case 'direction':
          cells.push(textCell(directionWords(row)));
          break;
        case 'rag': {
          const lines = [run(ragLabel(row.rag.rag), { bold: true, size: TABLE_TEXT })];
          if (row.rag.rag && row.rag.reason) lines.push(run(row.rag.reason, { size: TABLE_TEXT - 2 }));
          cells.push(tableCell(lines, row.rag.rag ? RAG_FILLS[row.rag.rag] : undefined));
          break;
        }
        case 'note':
          cells.push(textCell(row.note));
          break;
      }
    }
    return new TableRow({ cantSplit: true, children: cells });
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h) => textCell(h, { bold: true })) }), ...body],
  });
}

function legend(x: ScorecardExport): Paragraph[] {
  const shown = new Set(x.columns);
  const line = (label: string, meaning: string) => new Paragraph({ children: [...run(label, { bold: true }), ...run(`: ${meaning}`)] });
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: run('How to read this scorecard') }),
    paragraph(
      'Each row shows its latest figure on or before the date above, in the rightmost period column it has' +
        (shown.has('previous') ? ', with the periods before it of the same kind.' : '.'),
    ),
    ...(shown.has('direction')
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: run('Direction of travel') }),
          ...DIRECTION_LEGEND.map((d) => line(`${d.symbol} ${d.label}`, d.meaning)),
        ]
      : []),
    ...(shown.has('rag')
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: run('RAG rating') }),
          paragraph('Each rating is written in words; the shading only repeats it.'),
          line(RAG_LABELS.green, 'on track against the row’s rule (its target, England, the neighbour mean or its band)'),
          line(RAG_LABELS.amber, 'close: within the row’s tolerance'),
          line(RAG_LABELS.red, 'off track: outside the row’s tolerance'),
          line(RAG_LABELS.unrated, 'the row is not rated, or has no figure or comparator to rate it against'),
        ]
      : []),
    ...(shown.has('band')
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: run('Quartile band') }),
          ...Object.values(BAND_LABELS).map((label) => paragraph(label)),
        ]
      : []),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: run('Markers') }),
    paragraph('A figure may be replaced by one of the markers DfE publishes, and a missing figure is shown as –.'),
    ...Object.entries(DFE_MARKERS).map(([marker, meaning]) => line(marker, meaning)),
  ];
}

/**
 * The scorecard as a Word board paper (landscape A4): its title, partnership, board and date,
 * then each section as a heading and a real table (the header row repeats on each page), data
 * quality notes as numbered footnotes on the indicator, and a legend. Direction and RAG are words
 * with their symbols, never colour alone.
 */
export async function scorecardDocx(x: ScorecardExport): Promise<Buffer> {
  assertFigures(x);
  const footnotes = new Map<string, number>();
  const footnoteFor = (note: string) => {
    if (!footnotes.has(note)) footnotes.set(note, footnotes.size + 1);
    return footnotes.get(note)!;
  };
  const body: (Paragraph | Table)[] = [];
  for (const section of x.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: run(section.title) }));
    body.push(section.rows.length ? sectionTable(x, section.rows, footnoteFor) : paragraph('This section has no rows.'));
  }
  const doc = new Document({
    title: plainText(x.title),
    creator: 'Baton',
    description: `Scorecard as at ${plainText(x.asAtLabel)}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    footnotes: Object.fromEntries([...footnotes].map(([note, id]) => [id, { children: [paragraph(`Data quality: ${note}`)] }])),
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 },
          },
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: run(x.title) }),
          paragraph(x.partnershipName),
          ...(x.boardName ? [paragraph(`Board: ${x.boardName}`)] : []),
          paragraph(`Figures as at ${x.asAtLabel}`, true),
          ...(x.presentedAs ? [paragraph(x.presentedAs)] : []),
          ...body,
          ...legend(x),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
