import { toCsv } from './csv.ts';
import { parseDfeValue } from './csv-read.ts';
import { ratePerOf, STATUSES } from './indicators.ts';
import type {
  DfeMapping,
  DfeMeasureMapping,
  ImportContext,
  ImportIssue,
  Marker,
  ObservationInput,
  ObservationStatus,
} from './indicators.ts';
import { parseDfePeriod, parsePeriod } from './periods.ts';
import type { Period, PeriodType } from './periods.ts';

/**
 * Reading figures from a file into observations: Baton's own template, and DfE "tidy" CSVs as
 * published. Pure functions over a parsed table (string[][], the first row its header, from parseCsv
 * or readXlsxTable). Every problem is reported, not just the first, with the row and column a person
 * finds it at; `rows` holds the rows that passed, and an import should be refused while `issues` is
 * not empty.
 */

export interface ImportResult {
  rows: ObservationInput[];
  issues: ImportIssue[];
}

export interface TemplateColumn {
  name: string;
  required: boolean;
  description: string;
}

/** The columns of Baton's upload template, in the order the downloadable template lists them. */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { name: 'indicator_code', required: true, description: 'The indicator’s code, as shown on its page in Baton (e.g. cp-plan-rate).' },
  {
    name: 'area_code',
    required: true,
    description: 'The area: an ONS code (E08000030), an old DfE council code (335) or a locality’s code.',
  },
  {
    name: 'period',
    required: true,
    description: 'The period: 2013-14-Q3 (quarter), FY2013-14 (year), AT2013-03-31 (a day) or 2013-11 (month).',
  },
  {
    name: 'breakdown',
    required: false,
    description: 'The part of the population the figure is for (e.g. Free school meals); blank for everyone.',
  },
  {
    name: 'value',
    required: true,
    description:
      'The figure, or DfE’s marker where there is none: c (suppressed), x or : (not available), z (not applicable), low (rounds to zero), u (low reliability).',
  },
  { name: 'numerator', required: false, description: 'The count a rate or percentage is worked out from; 0 or more, or blank.' },
  { name: 'denominator', required: false, description: 'What the count is out of; more than 0, or blank.' },
  { name: 'status', required: false, description: 'provisional, final, revised or estimated; blank means final.' },
  { name: 'quality_note', required: false, description: 'Anything a reader should know about the figure, up to 1,000 characters.' },
];

const MAX_ISSUES = 1_000;
const MAX_SHOWN = 80;
const MAX_BREAKDOWN = 100;
const MAX_NOTE = 1_000;
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;
const PERIOD_EXAMPLES =
  'write it like 2013-14-Q3 (a financial quarter), FY2013-14 (a financial year), AT2013-03-31 (a day) or 2013-11 (a month)';
const PERIOD_KINDS: Record<PeriodType, string> = {
  month: 'month (e.g. 2013-11)',
  'calendar-quarter': 'calendar quarter (e.g. 2013-Q4)',
  'financial-quarter': 'financial quarter (e.g. 2013-14-Q3)',
  'financial-year': 'financial year (e.g. FY2013-14)',
  'academic-year': 'academic year (e.g. AY2013-14)',
  'calendar-year': 'calendar year (e.g. CY2013)',
  'rolling-12-months': 'rolling 12 months (e.g. R12-2014-03)',
  'multi-year': 'range of years (e.g. FY2014-15_FY2016-17)',
  point: 'day (e.g. AT2013-03-31)',
};

/**
 * Whether text would run as a formula when a spreadsheet opens it (OWASP "CSV injection": a leading
 * = + - @, tab or carriage return). Baton refuses such text rather than quietly changing it.
 * @example isFormulaText('=HYPERLINK("http://x","click")') // true
 */
export function isFormulaText(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The issues as CSV text (row, column, value, reason) for a person to download and work through. */
export function issuesToCsv(issues: readonly ImportIssue[]): string {
  return toCsv(
    ['row', 'column', 'value', 'reason'],
    issues.map((issue) => [issue.row, issue.column, issue.value, issue.reason]),
  );
}

type Add = (row: number, column: string, value: string, reason: string) => void;
type Checked<T> = { ok: T } | { reason: string };
type ImportIndicator = ImportContext['indicators'] extends ReadonlyMap<string, infer I> ? I : never;
type Table = readonly (readonly string[])[];

const NO_ROWS = 'The file has no rows of data';
const shorten = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text);
const isBlankRow = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');
const cellAt = (cells: readonly string[], index: number) => (index < 0 ? '' : (cells[index] ?? '').trim());
const thousands = (n: number) => n.toLocaleString('en-GB');

/** Collects issues: the first 1,000, then one saying how many more there were. */
function issueList(): { add: Add; list: () => ImportIssue[] } {
  const issues: ImportIssue[] = [];
  let more = 0;
  const add: Add = (row, column, value, reason) => {
    if (issues.length < MAX_ISSUES) issues.push({ row, column, value: shorten(value), reason });
    else more++;
  };
  const summary = () =>
    `${thousands(more)} more ${more === 1 ? 'problem was' : 'problems were'} found; fix these and try again to see the rest`;
  return { add, list: () => (more === 0 ? issues : [...issues, { row: 0, column: '', value: '', reason: summary() }]) };
}

/** Why a text field is refused (it would run as a formula, or is too long); undefined when it is fine. */
function textProblem(text: string, max: number): string | undefined {
  if (/^[\t\r]/.test(text)) return 'This starts with a tab or line break, which a spreadsheet may run as a formula; remove it';
  if (isFormulaText(text)) return `This looks like a spreadsheet formula; remove the leading ${text.trimStart()[0]}`;
  const length = text.trim().length;
  return length > max ? `This is ${thousands(length)} characters long; the most Baton keeps is ${thousands(max)}` : undefined;
}

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
  const figure = check('value', templateValue(text('value')));
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

function templateValue(text: string): Checked<{ value: number | null; marker: Marker | null }> {
  const parsed = parseDfeValue(text);
  if ('error' in parsed) return { reason: 'This is not a number; give a number, or a marker such as c (suppressed) or x (not available)' };
  if (parsed.marker === 'blank') return { reason: 'The value is blank; give a value, or a marker such as c or x' };
  if (parsed.marker) return { ok: { value: null, marker: parsed.marker } };
  return Number.isFinite(parsed.value) ? { ok: { value: parsed.value, marker: null } } : { reason: 'This number is too big' };
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

// ---- DfE tidy CSVs ----------------------------------------------------------------------------

const DFE_STANDARD = ['time_period', 'time_identifier', 'geographic_level'];
/** Where each geographic level's area code is; other levels (e.g. local authority district) are skipped. */
const DFE_AREA_COLUMNS = new Map([
  ['national', ['country_code']],
  ['regional', ['region_code']],
  ['local authority', ['new_la_code', 'old_la_code']],
]);

interface Source {
  name: string;
  index: number;
}

interface MeasurePlan {
  indicator: ImportIndicator;
  value: Source | undefined;
  numerator: Source | undefined;
  denominator: Source | undefined;
  perPopulation: number | undefined;
  /** For a value worked out from numerator and denominator: 100 for a percentage, 1 for a plain ratio. */
  ratePer: number;
}

/** Where a row's figures belong. */
interface Place {
  areaCode: string;
  period: Period;
  breakdown: string;
  row: number;
}

type Reading = { value: number; marker: null } | { value: null; marker: Marker };
type Figure = Pick<ObservationInput, 'value' | 'marker' | 'denominator' | 'qualityNote'>;

/**
 * Reads a DfE "tidy" CSV as published on Explore Education Statistics (time_period, time_identifier,
 * geographic_level, country_code, region_code, old_la_code, new_la_code, la_name, then filters and
 * measures) as a mapping says: England, regions and councils; other geographic levels are skipped.
 * @example readDfeTidy(parseCsv(text), { filters: [], periodAsPoint: true, measures: [{ indicatorCode: 'cp-plans', valueColumn: 'CPP_At31' }] }, ctx)
 */
export function readDfeTidy(table: Table, mapping: DfeMapping, ctx: ImportContext): ImportResult {
  const issues = issueList();
  const [header = [], ...body] = table;
  if (body.every(isBlankRow)) {
    issues.add(0, '', '', NO_ROWS);
    return { rows: [], issues: issues.list() };
  }
  const index = new Map(header.map((heading, i) => [heading.trim(), i]));
  const plans = planMeasures(mapping, index, ctx, issues.add);
  const rows: ObservationInput[] = [];
  if (plans) {
    const placeOf = dfePlaces(mapping, index, ctx, issues.add);
    body.forEach((cells, i) => {
      const place = placeOf(cells, i + 2);
      if (!place) return;
      for (const plan of plans) {
        const observation = dfeObservation(plan, cells, place, ctx, issues.add);
        if (observation) rows.push(observation);
      }
    });
  }
  return { rows, issues: issues.list() };
}

/** Checks the mapping against the file and the indicators; undefined when it cannot be used. */
function planMeasures(mapping: DfeMapping, index: Map<string, number>, ctx: ImportContext, add: Add): MeasurePlan[] | undefined {
  let ok = true;
  const refuse = (column: string, value: string, reason: string) => {
    ok = false;
    add(1, column, value, reason);
  };
  for (const name of DFE_STANDARD) if (!index.has(name)) refuse(name, '', `A DfE tidy file has a ${name} column, but this file does not`);
  const named = [mapping.breakdownColumn, ...mapping.filters.map((filter) => filter.column)];
  named.push(...mapping.measures.flatMap((m) => [m.valueColumn, m.numeratorColumn, m.denominatorColumn]));
  for (const name of new Set(named)) {
    if (name !== undefined && !DFE_STANDARD.includes(name) && !index.has(name))
      refuse(name, '', `The mapping names column ${name}, which is not in this file`);
  }
  if (mapping.measures.length === 0) refuse('', '', 'The mapping has no measures');
  const source = (name: string | undefined) => (name === undefined ? undefined : { name, index: index.get(name) ?? -1 });
  const codes = new Set<string>();
  const plans = mapping.measures.map((measure): MeasurePlan | undefined => {
    const code = measure.indicatorCode;
    const indicator = ctx.indicators.get(code);
    if (!indicator) refuse('', code, `The mapping names indicator ${code}, which Baton does not have`);
    if (codes.has(code)) refuse('', code, `The mapping gives indicator ${code} more than once`);
    if (!isValued(measure))
      refuse(
        '',
        code,
        `The mapping for ${code} needs a value column, a numerator column with perPopulation, or numerator and denominator columns`,
      );
    codes.add(code);
    const { valueColumn, numeratorColumn, denominatorColumn, perPopulation } = measure;
    return (
      indicator && {
        indicator,
        value: source(valueColumn),
        numerator: source(numeratorColumn),
        denominator: source(denominatorColumn),
        perPopulation,
        ratePer: ratePerOf(indicator.unit) ?? 1,
      }
    );
  });
  return ok ? plans.filter((plan) => plan !== undefined) : undefined;
}

function isValued({ valueColumn, numeratorColumn, denominatorColumn, perPopulation }: DfeMeasureMapping): boolean {
  if (perPopulation !== undefined) return perPopulation > 0 && numeratorColumn !== undefined;
  return valueColumn !== undefined || (numeratorColumn !== undefined && denominatorColumn !== undefined);
}

/** Memoises a function of text: the same area codes and periods recur on every row. */
function cached<T>(fn: (key: string) => T): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    if (memo.has(key)) return memo.get(key) as T;
    const value = fn(key);
    memo.set(key, value);
    return value;
  };
}

/** Reads each row's area, period and breakdown, reporting problems; undefined for a row to leave out. */
function dfePlaces(mapping: DfeMapping, index: Map<string, number>, ctx: ImportContext, add: Add) {
  const col = (name: string) => index.get(name) ?? -1;
  const filters = mapping.filters.map(({ column, equals }) => ({ index: col(column), equals: equals.trim() }));
  const levels = new Map([...DFE_AREA_COLUMNS].map(([level, names]) => [level, names.map((name) => ({ name, index: col(name) }))]));
  const [level, time, identifier, laName] = [col('geographic_level'), col('time_period'), col('time_identifier'), col('la_name')];
  const breakdownColumn = mapping.breakdownColumn ?? '';
  const breakdownIndex = mapping.breakdownColumn === undefined ? -1 : col(mapping.breakdownColumn);
  const areaCode = cached((code) => ctx.areaCode(code));
  const periodOf = cached((key) => {
    const [timePeriod = '', timeIdentifier = ''] = key.split('\u0000');
    return parseDfePeriod(timePeriod, timeIdentifier, { asPoint: mapping.periodAsPoint });
  });
  const seen = new Map<string, number>();

  /** The canonical area: new_la_code, falling back to old_la_code when that is blank or unknown. */
  function areaOf(cells: readonly string[], sources: Source[], row: number): string | undefined {
    let tried: Source | undefined;
    for (const source of sources) {
      const code = cellAt(cells, source.index);
      const canonical = code === '' ? undefined : areaCode(code);
      if (canonical) return canonical;
      if (code !== '') tried ??= source;
    }
    const name = cellAt(cells, laName);
    if (tried)
      add(
        row,
        tried.name,
        cellAt(cells, tried.index),
        `Baton does not know the area code ${cellAt(cells, tried.index)}${name ? ` (${name})` : ''}`,
      );
    else add(row, sources[0]?.name ?? '', '', `This row has no ${sources.map((source) => source.name).join(' or ')}`);
    return undefined;
  }

  return (cells: readonly string[], row: number): Place | undefined => {
    if (isBlankRow(cells) || !filters.every((filter) => cellAt(cells, filter.index) === filter.equals)) return undefined;
    const levelText = cellAt(cells, level);
    const sources = levels.get(levelText.toLowerCase());
    if (!sources) {
      if (levelText === '') add(row, 'geographic_level', '', 'This row has no geographic_level');
      return undefined;
    }
    const area = areaOf(cells, sources, row);
    const [timePeriod, timeIdentifier] = [cellAt(cells, time), cellAt(cells, identifier)];
    const period = periodOf(`${timePeriod}\u0000${timeIdentifier}`);
    if (!period)
      add(row, 'time_period', timePeriod, `Baton cannot read time_period ${timePeriod} with time_identifier ${timeIdentifier} as a period`);
    const raw = breakdownIndex < 0 ? '' : (cells[breakdownIndex] ?? '');
    const problem = textProblem(raw, MAX_BREAKDOWN);
    if (problem) add(row, breakdownColumn, raw, problem);
    if (!area || !period || problem) return undefined;
    const breakdown = raw.trim();
    const key = `${area}\u0000${period.code}\u0000${breakdown}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row);
      return { areaCode: area, period, breakdown, row };
    }
    const where = [area, period.code, breakdown].filter(Boolean).join(', ');
    add(
      row,
      '',
      where,
      `Rows ${first} and ${row} are for the same area, period and breakdown; the mapping may need a filter to tell them apart`,
    );
    return undefined;
  };
}

/**
 * One cell of a measure: a number, or a DfE marker. A blank cell is read as x (not available):
 * DfE leaves a measure blank where it has no figure, and storing the gap keeps it from reading as 0.
 */
function dfeCell(text: string): Reading | { error: string } {
  const parsed = parseDfeValue(text);
  if ('error' in parsed) return parsed;
  if (parsed.marker === 'blank') return { value: null, marker: 'x' };
  if (parsed.marker) return { value: null, marker: parsed.marker };
  return Number.isFinite(parsed.value) ? { value: parsed.value, marker: null } : { error: 'This number is too big' };
}

function dfeObservation(
  plan: MeasurePlan,
  cells: readonly string[],
  place: Place,
  ctx: ImportContext,
  add: Add,
): ObservationInput | undefined {
  let failed = false;
  const read = (source: Source | undefined): Reading | undefined => {
    if (!source) return undefined;
    const text = cellAt(cells, source.index);
    const reading = dfeCell(text);
    if (!('error' in reading)) return reading;
    failed = true;
    add(place.row, source.name, text, reading.error);
    return undefined;
  };
  const byPopulation = plan.perPopulation !== undefined;
  const numerator = read(plan.numerator);
  const denominator = byPopulation ? undefined : read(plan.denominator);
  const published = byPopulation ? undefined : read(plan.value);
  if (failed) return undefined;
  const figure: Figure = byPopulation
    ? perPopulation(plan.perPopulation!, numerator, place, ctx)
    : ((published && { ...published, denominator: denominator?.value ?? null, qualityNote: '' }) ??
      ratio(numerator, denominator, plan.ratePer));
  const { areaCode, period, breakdown, row } = place;
  return {
    indicatorCode: plan.indicator.code,
    areaCode,
    period,
    breakdown,
    numerator: numerator?.value ?? null,
    status: 'final',
    row,
    ...figure,
  };
}

/**
 * The ONS mid-year estimate a period's rate uses: the last 30 June on or before the period ends, so a
 * year ending, or a position at, 31 March Y uses mid-year Y-1 (DfE's children's social care rates).
 */
function midYearFor(end: string): number {
  const year = Number(end.slice(0, 4));
  return end.slice(5) >= '06-30' ? year : year - 1;
}

/** A rate per so many children aged 0-17; the denominator stored is the population. */
function perPopulation(per: number, numerator: Reading | undefined, place: Place, ctx: ImportContext): Figure {
  const year = midYearFor(place.period.end);
  const population = ctx.population?.(place.areaCode, year);
  const known = population !== undefined && Number.isFinite(population) && population > 0;
  const qualityNote = known ? '' : `No ONS population estimate for mid-${year}`;
  const denominator = known ? population : null;
  if (!numerator || numerator.value === null) return { value: null, marker: numerator?.marker ?? 'x', denominator, qualityNote };
  if (!known) return { value: null, marker: 'x', denominator, qualityNote };
  return { value: (numerator.value / population) * per, marker: null, denominator, qualityNote };
}

/** A value worked out from a numerator and denominator; z (not applicable) when the denominator is 0. */
function ratio(numerator: Reading | undefined, denominator: Reading | undefined, per: number): Figure {
  const base = { denominator: denominator?.value ?? null, qualityNote: '' };
  if (!numerator || !denominator || numerator.value === null || denominator.value === null) {
    return { ...base, value: null, marker: numerator?.marker ?? denominator?.marker ?? 'x' };
  }
  if (denominator.value === 0) return { ...base, value: null, marker: 'z' };
  return { ...base, value: (numerator.value / denominator.value) * per, marker: null };
}
