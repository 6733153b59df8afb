import type { CellObject, Row as XlsxRow, SheetData } from 'write-excel-file/node';
import { BAND_LABELS, SIGNIFICANCE_LABELS } from '../../core/benchmark-panel.ts';
import { DFE_MARKERS } from '../../core/csv-read.ts';
import type { Unit } from '../../core/indicators.ts';
import { DIRECTION_LEGEND, RAG_LABELS } from '../../core/judgements.ts';
import type { Cell } from '../../core/scorecard.ts';
import { plainText } from '../../core/sponsor-report.ts';
import { neutraliseFormula } from '../../core/text.ts';
import type { ScorecardRowView } from './service.ts';
import {
  assertFigures,
  betterWhen,
  byWhenWords,
  COMMENTARY_PARTS,
  dataNotes,
  directionWords,
  exceptionRows,
  EXTRA_HEADERS,
  extraColumns,
  markerOf,
  noCommentary,
  periodCells,
  periodLayout,
  ragLabel,
  ragReason,
  roundTo,
  rowNotes,
  sharedPeriodLabels,
  type ExtraColumn,
  type PeriodLayout,
  type ScorecardExport,
} from './exports-shared.ts';
// ---- Excel --------------------------------------------------------------------------------------

/** Text as a cell holds it: no characters XML cannot carry, and an apostrophe before anything a spreadsheet would run as a formula. */
export function safeText(value: string): string {
  const text = plainText(value);
  return neutraliseFormula(text);
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

const bold = (value: string): CellObject => ({ value: safeText(value), type: String, fontWeight: 'bold', wrap: true });
const text = (value: string | null | undefined): CellObject | null => (value ? { value: safeText(value), type: String } : null);
const wrapped = (value: string | null | undefined): CellObject | null =>
  value ? { value: safeText(value), type: String, wrap: true } : null;

/** A figure as a number rounded to the indicator's decimals, shown with them; nothing when there is none. */
function numberCell(value: number | null | undefined, indicator: ScorecardRowView['indicator']): CellObject | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return { value: roundTo(value, indicator.decimals), type: Number, format: numberFormat(indicator.unit, indicator.decimals) };
}

/** A figure, or its marker (c, x, z) as text lined up with the numbers. */
function figureCell(figure: Cell | undefined, indicator: ScorecardRowView['indicator']): CellObject | null {
  if (!figure) return null;
  if (figure.value !== null) return numberCell(figure.value, indicator);
  const marker = markerOf(figure);
  return marker ? { value: marker, type: String, align: 'right' } : null;
}

interface Column {
  header: string;
  width: number;
  cell: (row: ScorecardRowView) => CellObject | null;
}

/** The scorecard's columns, in the page's order: who and what, the periods, then exactly the columns chosen. */
function scorecardColumns(x: ScorecardExport, layout: PeriodLayout): Column[] {
  const rows = x.sections.flatMap((s) => s.rows);
  const columns: Column[] = [
    { header: 'Indicator', width: 44, cell: (r) => wrapped(r.indicator.title) },
    { header: 'Area', width: 18, cell: (r) => text(r.areaName) },
    ...(rows.some((r) => r.breakdown) ? [{ header: 'Breakdown', width: 16, cell: (r: ScorecardRowView) => text(r.breakdown) }] : []),
    { header: 'Better when', width: 14, cell: (r) => wrapped(betterWhen(r.indicator)) },
    ...layout.headings.map((header, i) => ({
      header,
      width: 12,
      cell: (r: ScorecardRowView) => figureCell(periodCells(r, layout.count)[i]?.figure, r.indicator),
    })),
  ];
  if (layout.labelled)
    columns.push({
      header: 'Periods shown',
      width: 30,
      cell: (r) =>
        wrapped(
          periodCells(r, layout.count)
            .flatMap((c) => (c ? [c.label] : []))
            .join('; '),
        ),
    });
  const benchmark = (cell: (r: ScorecardRowView) => Cell | null) => (r: ScorecardRowView) => numberCell(cell(r)?.value, r.indicator);
  const judged: Record<ExtraColumn, Column[]> = {
    england: [{ header: EXTRA_HEADERS.england, width: 11, cell: benchmark((r) => r.benchmarks.england) }],
    region: [{ header: EXTRA_HEADERS.region, width: 11, cell: benchmark((r) => r.benchmarks.region) }],
    neighbours: [{ header: EXTRA_HEADERS.neighbours, width: 11, cell: benchmark((r) => r.benchmarks.neighbours) }],
    band: [{ header: EXTRA_HEADERS.band, width: 10, cell: (r) => text(r.benchmarks.band) }],
    significance: [
      {
        header: EXTRA_HEADERS.significance,
        width: 20,
        cell: (r) => wrapped(r.benchmarks.significance ? SIGNIFICANCE_LABELS[r.benchmarks.significance] : null),
      },
    ],
    target: [{ header: EXTRA_HEADERS.target, width: 11, cell: benchmark((r) => r.target) }],
    direction: [{ header: EXTRA_HEADERS.direction, width: 16, cell: (r) => text(r.direction ? directionWords(r) : null) }],
    rag: [
      { header: EXTRA_HEADERS.rag, width: 16, cell: (r) => text(ragLabel(r.rag.rag)) },
      { header: 'RAG reason', width: 40, cell: (r) => wrapped(ragReason(r)) },
    ],
    note: [{ header: EXTRA_HEADERS.note, width: 50, cell: (r) => wrapped(rowNotes(r).join('\n')) }],
  };
  return [...columns, ...extraColumns(x).flatMap((c) => judged[c])];
}

/**
 * The scorecard as one sheet: the header, then each section as a bold heading row (with its
 * periods, where the headings cannot name them) and its rows grouped under it.
 */
function scorecardSheet(x: ScorecardExport): { data: SheetData; widths: number[]; grouped: Set<number> } {
  const layout = periodLayout(x);
  const columns = scorecardColumns(x, layout);
  const firstPeriod = columns.findIndex((c) => c.header === layout.headings[0]);
  const data: SheetData = [columns.map((c) => bold(c.header))];
  const grouped = new Set<number>();
  for (const section of x.sections) {
    const heading: (CellObject | null)[] = columns.map(() => null);
    heading[0] = bold(section.title);
    const labels = layout.labelled ? sharedPeriodLabels(section.rows, layout.count) : null;
    labels?.forEach((label, i) => (heading[firstPeriod + i] = label ? { ...bold(label), align: 'right' } : null));
    data.push(heading);
    for (const row of section.rows) {
      grouped.add(data.length);
      data.push(columns.map((c) => c.cell(row)));
    }
  }
  return { data, widths: columns.map((c) => c.width), grouped };
}

/** The exception report as a sheet: a line per red or deteriorating row, with its commentary when the export has it. */
function exceptionsSheet(x: ScorecardExport): SheetData {
  const withCommentary = x.exceptions !== undefined;
  const header = [
    'Section',
    'Indicator',
    'Area',
    'Period',
    'Figure',
    'Direction',
    'RAG',
    'RAG reason',
    ...(withCommentary ? [...COMMENTARY_PARTS.map(([, label]) => label), 'By when'] : []),
  ];
  const rows = exceptionRows(x);
  if (rows.length === 0) return [header.map(bold), [text('No row was red or worse than the period before.')]];
  return [
    header.map(bold),
    ...rows.map((e): XlsxRow => [
      text(e.section),
      wrapped(e.row.indicator.title),
      text(e.row.areaName),
      text(e.row.current?.periodLabel),
      figureCell(e.row.current ?? undefined, e.row.indicator),
      text(directionWords(e.row)),
      text(ragLabel(e.row.rag.rag)),
      wrapped(ragReason(e.row)),
      ...(!withCommentary
        ? []
        : e.commentary
          ? [...COMMENTARY_PARTS.map(([part]) => wrapped(e.commentary![part])), text(byWhenWords(e.commentary.byWhen))]
          : [wrapped(noCommentary(x)), null, null, null, null]),
    ]),
  ];
}

function legendSheet(x: ScorecardExport): SheetData {
  const pair = (a: string, b: string): XlsxRow => [text(a), wrapped(b)];
  const blank: XlsxRow = [null, null];
  const layout = periodLayout(x);
  const notes = dataNotes(x);
  return [
    [bold('Scorecard'), text(x.title)],
    pair('Partnership', x.partnershipName),
    ...(x.boardName ? [pair('Board', x.boardName)] : []),
    pair('Figures as at', x.asAtLabel),
    ...(x.knownLine ? [pair('Figures known', x.knownLine)] : []),
    ...(x.presentedAs ? [pair('Presented', x.presentedAs)] : []),
    blank,
    [bold('Period columns'), text(periodsInWords(layout))],
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
    [bold('Quartile band'), bold('Meaning')],
    ...Object.entries(BAND_LABELS).map(([band, label]) => pair(band, label)),
    blank,
    [bold('Marker'), bold('Meaning')],
    ...Object.entries(DFE_MARKERS).map(([marker, meaning]) => pair(marker, meaning)),
    blank,
    [
      bold('Numbers'),
      wrapped(
        'Figures are numbers rounded to the indicator’s decimal places, as the scorecard shows them; a percentage is the number shown (46.0 is 46.0%).',
      ),
    ],
    ...(notes.length ? [blank, [bold('Notes on the data'), null], ...notes.map((note): XlsxRow => [null, wrapped(note)])] : []),
  ];
}

const periodsInWords = (layout: PeriodLayout) =>
  layout.labelled
    ? 'Rows show periods of different kinds, so the period columns say how far back each is, the latest last; "Periods shown" names each row’s periods, and a section’s heading row names them where its rows share them.'
    : `Each row shows ${layout.headings.join(', ')}, the latest last.`;

const EXCEPTIONS = 'Exceptions';
const LEGEND = 'Legend';

/**
 * The scorecard as an Excel workbook: the scorecard on one sheet, as the page lays it out (sections
 * as grouped rows, periods as columns, then exactly the columns chosen), then the Exceptions and
 * a Legend. Figures are numbers rounded to their indicator's decimals with its number format;
 * markers are text. Every sheet prints landscape, one page wide, with its header repeated.
 */
export async function scorecardXlsx(x: ScorecardExport): Promise<Buffer> {
  assertFigures(x);
  const [name] = sheetNames([x.title], [EXCEPTIONS, LEGEND]);
  const scorecard = scorecardSheet(x);
  const sheets = [
    {
      data: scorecard.data,
      sheet: name!,
      columns: scorecard.widths.map((width) => ({ width })),
      stickyRowsCount: 1,
      orientation: 'landscape' as const,
    },
    {
      data: exceptionsSheet(x),
      sheet: EXCEPTIONS,
      columns: [20, 40, 16, 16, 10, 16, 16, 36, 50, 40, 50, 24, 16].map((width) => ({ width })),
      stickyRowsCount: 1,
      orientation: 'landscape' as const,
    },
    { data: legendSheet(x), sheet: LEGEND, columns: [{ width: 30 }, { width: 90 }], orientation: 'landscape' as const },
  ];
  // Loaded when first asked for: it is a large library and most starts never need it.
  const [{ default: writeXlsxFile }, { printLayout }] = await Promise.all([import('write-excel-file/node'), import('./xlsx-print.ts')]);
  const features = [printLayout([{ grouped: scorecard.grouped, repeatRows: 1 }, { repeatRows: 1 }, {}])];
  return writeXlsxFile(sheets, { fontFamily: 'Arial', fontSize: 10, features }).toBuffer();
}
