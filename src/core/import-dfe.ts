import { parseDfeValue } from './csv-read.ts';
import { ratePerOf } from './indicators.ts';
import type { DfeMapping, DfeMeasureMapping, ImportContext, Marker, ObservationInput } from './indicators.ts';
import { parseDfePeriod } from './periods.ts';
import type { Period } from './periods.ts';
import {
  countProblem,
  MAX_BREAKDOWN,
  NO_ROWS,
  isBlankRow,
  cellAt,
  issueList,
  textProblem,
  type ImportResult,
  type Add,
  type ImportIndicator,
  type Table,
} from './import-shared.ts';

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
  const problem = countProblem(plan.indicator, figure.value);
  if (problem) {
    add(place.row, plan.value?.name ?? '', plan.value ? cellAt(cells, plan.value.index) : String(figure.value), problem);
    return undefined;
  }
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
