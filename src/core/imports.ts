import { parseDfeValue } from './csv-read.ts';
import { STATUSES } from './indicators.ts';
import type { ImportContext, Marker, ObservationInput, ObservationStatus } from './indicators.ts';
import { parsePeriod } from './periods.ts';
import type { Period } from './periods.ts';
import {
  countProblem,
  MAX_BREAKDOWN,
  MAX_NOTE,
  PERIOD_EXAMPLES,
  PERIOD_KINDS,
  NO_ROWS,
  isBlankRow,
  cellAt,
  issueList,
  textProblem,
  TEMPLATE_COLUMNS,
  type ImportResult,
  type Add,
  type Checked,
  type ImportIndicator,
  type Table,
} from './import-shared.ts';

/**
 * Reading figures from a file into observations: Baton's own template, and DfE "tidy" CSVs as
 * published. Pure functions over a parsed table (string[][], the first row its header, from parseCsv
 * or readXlsxTable). Every problem is reported, not just the first, with the row and column a person
 * finds it at; `rows` holds the rows that passed, and an import should be refused while `issues` is
 * not empty.
 */

export { isFormulaText, issuesToCsv, TEMPLATE_COLUMNS, type ImportResult, type TemplateColumn } from './import-shared.ts';
export { readDfeTidy } from './import-dfe.ts';

// ---- Baton's template -------------------------------------------------------------------------

const TEMPLATE_NAMES = TEMPLATE_COLUMNS.map((column) => column.name);

interface Column {
  index: number;
  heading: string;
}

/**
 * Reads rows of Baton's upload template (TEMPLATE_COLUMNS; headings in any order or case). Row
 * numbers count the header as row 1.
 * @example readTemplate(parseCsv(text), ctx).issues // [] when every row can be stored
 */
export function readTemplate(table: Table, ctx: ImportContext): ImportResult {
  const issues = issueList();
  const [header = [], ...body] = table;
  if (body.every(isBlankRow)) {
    issues.add(0, '', '', NO_ROWS);
    return { rows: [], issues: issues.list() };
  }
  const columns = templateColumns(header, body, issues.add);
  const rows: ObservationInput[] = [];
  if (columns) {
    const seen = new Map<string, number>();
    body.forEach((cells, i) => {
      const row = isBlankRow(cells) ? undefined : templateRow(cells, i + 2, columns, ctx, seen, issues.add);
      if (row) rows.push(row);
    });
  }
  return { rows, issues: issues.list() };
}

/** Where each template column is; undefined when rows cannot be read (a required column is missing or repeated). */
function templateColumns(header: readonly string[], body: Table, add: Add): Map<string, Column> | undefined {
  const columns = new Map<string, Column>();
  let usable = true;
  header.forEach((text, index) => {
    const heading = text.trim();
    const name = heading.toLowerCase();
    if (name === '') {
      if (body.some((cells) => cellAt(cells, index) !== ''))
        add(1, '', '', `Column ${index + 1} has data but no heading; give it a heading or remove it`);
    } else if (!TEMPLATE_NAMES.includes(name)) {
      add(
        1,
        heading,
        text,
        `Baton’s template has no column called ${heading}; remove it, or rename it to one of ${TEMPLATE_NAMES.join(', ')}`,
      );
    } else if (columns.has(name)) {
      usable = false;
      add(1, heading, text, `There are two ${name} columns; keep one`);
    } else {
      columns.set(name, { index, heading });
    }
  });
  for (const { name, required } of TEMPLATE_COLUMNS) {
    if (required && !columns.has(name)) {
      usable = false;
      add(1, name, '', `The file has no ${name} column, which every row needs`);
    }
  }
  return usable ? columns : undefined;
}

function templateRow(
  cells: readonly string[],
  row: number,
  columns: Map<string, Column>,
  ctx: ImportContext,
  seen: Map<string, number>,
  add: Add,
): ObservationInput | undefined {
  const text = (name: string) => {
    const column = columns.get(name);
    return column ? (cells[column.index] ?? '') : '';
  };
  let ok = true;
  const check = <T>(name: string, result: Checked<T>): T | undefined => {
    if ('ok' in result) return result.ok;
    ok = false;
    add(row, columns.get(name)?.heading ?? name, text(name), result.reason);
    return undefined;
  };
  const indicator = check('indicator_code', templateIndicator(text('indicator_code'), ctx));
  const areaCode = check('area_code', templateArea(text('area_code'), ctx));
  const period = check('period', templatePeriod(text('period'), indicator));
  const breakdown = check('breakdown', templateText(text('breakdown'), MAX_BREAKDOWN));
  const figure = check('value', templateValue(text('value'), indicator));
  const numerator = check('numerator', templateCount(text('numerator'), 'numerator'));
  const denominator = check('denominator', templateCount(text('denominator'), 'denominator'));
  const status = check('status', templateStatus(text('status')));
  const qualityNote = check('quality_note', templateText(text('quality_note'), MAX_NOTE));
  if (!indicator || !areaCode || !period || breakdown === undefined) return undefined;
  const key = `${indicator.code}\u0000${areaCode}\u0000${period.code}\u0000${breakdown}`;
  const first = seen.get(key);
  if (first === undefined) seen.set(key, row);
  else {
    add(
      row,
      '',
      [indicator.code, areaCode, period.code, breakdown].filter(Boolean).join(', '),
      `This row repeats row ${first}: the same indicator, area, period and breakdown; keep one of them`,
    );
    return undefined;
  }
  if (!ok || !figure || numerator === undefined || denominator === undefined || !status || qualityNote === undefined) return undefined;
  return { indicatorCode: indicator.code, areaCode, period, breakdown, ...figure, numerator, denominator, status, qualityNote, row };
}

function templateIndicator(text: string, ctx: ImportContext): Checked<ImportIndicator> {
  const code = text.trim();
  if (code === '') return { reason: 'Give the indicator’s code' };
  const indicator = ctx.indicators.get(code) ?? ctx.indicators.get(code.toLowerCase());
  return indicator ? { ok: indicator } : { reason: `Baton has no indicator with the code ${code}; check the code on the indicator’s page` };
}

function templateArea(text: string, ctx: ImportContext): Checked<string> {
  const code = text.trim();
  if (code === '') return { reason: 'Give the area’s code' };
  const canonical = ctx.areaCode(code);
  return canonical
    ? { ok: canonical }
    : {
        reason: `Baton does not know the area code ${code}; use an ONS code (e.g. E08000030), an old DfE council code (e.g. 335) or a locality’s code`,
      };
}

function templatePeriod(text: string, indicator: ImportIndicator | undefined): Checked<Period> {
  if (text.trim() === '') return { reason: `Give the period; ${PERIOD_EXAMPLES}` };
  const period = parsePeriod(text);
  if (!period) return { reason: `This is not a period Baton reads; ${PERIOD_EXAMPLES}` };
  if (indicator && period.type !== indicator.periodType) {
    return {
      reason: `Indicator ${indicator.code} is counted by ${PERIOD_KINDS[indicator.periodType]}; this period is a ${PERIOD_KINDS[period.type].replace(/ \(.*/, '')}`,
    };
  }
  return { ok: period };
}

function templateText(text: string, max: number): Checked<string> {
  const problem = textProblem(text, max);
  return problem ? { reason: problem } : { ok: text.trim() };
}

function templateValue(text: string, indicator: ImportIndicator | undefined): Checked<{ value: number | null; marker: Marker | null }> {
  const parsed = parseDfeValue(text);
  if ('error' in parsed) return { reason: 'This is not a number; give a number, or a marker such as c (suppressed) or x (not available)' };
  if (parsed.marker === 'blank') return { reason: 'The value is blank; give a value, or a marker such as c or x' };
  if (parsed.marker) return { ok: { value: null, marker: parsed.marker } };
  if (!Number.isFinite(parsed.value)) return { reason: 'This number is too big' };
  const problem = indicator && countProblem(indicator, parsed.value);
  return problem ? { reason: problem } : { ok: { value: parsed.value, marker: null } };
}

function templateCount(text: string, name: 'numerator' | 'denominator'): Checked<number | null> {
  const parsed = parseDfeValue(text);
  if ('error' in parsed) return { reason: `This is not a number; give the ${name} as a number, or leave it blank` };
  if (parsed.marker === 'blank') return { ok: null };
  if (parsed.marker) return { reason: `Markers such as ${parsed.marker} belong in the value column; leave the ${name} blank` };
  if (!Number.isFinite(parsed.value)) return { reason: 'This number is too big' };
  if (parsed.value < 0) return { reason: `The ${name} cannot be less than 0` };
  if (name === 'denominator' && parsed.value === 0) return { reason: 'The denominator must be more than 0' };
  return { ok: parsed.value };
}

function templateStatus(text: string): Checked<ObservationStatus> {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return { ok: 'final' };
  const status = STATUSES.find((s) => s === wanted);
  return status ? { ok: status } : { reason: `This is not a status Baton knows; use ${STATUSES.join(', ')}, or leave it blank for final` };
}
