import type { CellObject, Row as XlsxRow, SheetData } from 'write-excel-file/node';
import { BAND_LABELS, SIGNIFICANCE_LABELS } from '../../core/benchmark-panel.ts';
import { DFE_MARKERS } from '../../core/csv-read.ts';
import { type Unit } from '../../core/indicators.ts';
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
  directionWords,
  EXTRA_HEADERS,
  extraColumns,
  figureFor,
  markerOf,
  noCommentary,
  ragLabel,
  sectionPeriods,
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

/** The exception report as a sheet: a line per red or deteriorating row, its commentary in columns. */
function exceptionsSheet(x: ScorecardExport): SheetData {
  const header = [
    'Section',
    'Indicator',
    'Area',
    'Period',
    'Figure',
    'Direction of travel',
    'RAG',
    ...COMMENTARY_PARTS.map(([, label]) => label),
    'By when',
  ];
  return [
    header.map(bold),
    ...(x.exceptions ?? []).map((e): XlsxRow => [
      text(e.section),
      text(e.row.indicator.title),
      text(e.row.areaName),
      text(e.row.current?.periodLabel),
      text(e.row.current?.text),
      text(directionWords(e.row)),
      text(ragLabel(e.row.rag.rag)),
      ...(e.commentary
        ? [...COMMENTARY_PARTS.map(([part]) => text(e.commentary![part])), text(byWhenWords(e.commentary.byWhen))]
        : [text(noCommentary(x)), null, null, null, null]),
    ]),
  ];
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
    ['Legend', 'Exception report'],
  );
  const sheets = sections.map((section, i) => {
    const { data, widths } = sectionSheet(x, section.rows);
    return { data, sheet: names[i]!, columns: widths.map((width) => ({ width })), stickyRowsCount: 1, stickyColumnsCount: 1 };
  });
  if (x.exceptions)
    sheets.push({
      data: exceptionsSheet(x),
      sheet: 'Exception report',
      columns: [20, 40, 16, 16, 10, 18, 12, 50, 40, 50, 24, 16].map((width) => ({ width })),
      stickyRowsCount: 1,
      stickyColumnsCount: 0,
    });
  sheets.push({
    data: legendSheet(x),
    sheet: 'Legend',
    columns: [{ width: 30 }, { width: 90 }],
    stickyRowsCount: 0,
    stickyColumnsCount: 0,
  });
  // Loaded when first asked for: it is a large library and most starts never need it.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  return writeXlsxFile(sheets, { fontFamily: 'Arial', fontSize: 10 }).toBuffer();
}
