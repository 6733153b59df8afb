import { isIsoDate } from './promises.ts';

/**
 * Periods: the spans of time a figure is counted over, or the day it is counted on. Pure functions
 * over ISO dates (YYYY-MM-DD, inclusive, comparable as strings).
 *
 * | type              | code                | label                                 | longLabel                     |
 * | month             | 2013-11             | November 2013                         | November 2013                 |
 * | calendar-quarter  | 2013-Q4             | October to December 2013              | October to December 2013      |
 * | financial-quarter | 2013-14-Q3          | 2013-14 Q3 (October to December 2013) | October to December 2013      |
 * | financial-year    | FY2013-14           | 2013-14                               | April 2013 to March 2014      |
 * | academic-year     | AY2013-14           | Academic year 2013/14                 | September 2013 to August 2014 |
 * | calendar-year     | CY2013              | 2013                                  | January to December 2013      |
 * | rolling-12-months | R12-2014-03         | 12 months to March 2014               | April 2013 to March 2014      |
 * | multi-year        | FY2014-15_FY2016-17 | 2014-15 to 2016-17                    | April 2014 to March 2017      |
 * | point             | AT2013-03-31        | At 31 March 2013                      | 31 March 2013                 |
 *
 * Codes are URL-safe and sort in time order within a type. A multi-year range is its first and last
 * years' codes joined by "_", so it says which kind of year it counts (FY, AY or CY), is at least two
 * years long, and sorts by its first year. A financial quarter also reads with a space
 * ("2013-14 Q3", the reporting-period code in promises.ts); reportingQuarterCode converts back.
 * Years run from 1000 to 9999.
 */

/** Every kind of period, shortest first. */
export const PERIOD_TYPES = [
  'month',
  'calendar-quarter',
  'financial-quarter',
  'financial-year',
  'academic-year',
  'calendar-year',
  'rolling-12-months',
  'multi-year',
  'point',
] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Period {
  type: PeriodType;
  /** Stable and URL-safe, e.g. "FY2013-14". */
  code: string;
  /** What people read, e.g. "2013-14". */
  label: string;
  /** The months spelled out, e.g. "April 2013 to March 2014" (for a point, the day). */
  longLabel: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, inclusive; a point's start and end are the same day. */
  end: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

type YearType = 'financial-year' | 'academic-year' | 'calendar-year';
type RunType = Exclude<PeriodType, 'point' | 'multi-year'>;

/** A period of whole months; `first` counts months as year × 12 + month (January = 0). */
type Run = { type: RunType; first: number; months: number } | { type: 'multi-year'; first: number; months: number; yearType: YearType };
type Key = Run | { type: 'point'; date: string };

const LENGTH: Record<RunType, number> = {
  month: 1,
  'calendar-quarter': 3,
  'financial-quarter': 3,
  'financial-year': 12,
  'academic-year': 12,
  'calendar-year': 12,
  'rolling-12-months': 12,
};
/**
 * The month (January = 0) that periods of a type start from, counted modulo their length: financial
 * quarters start in January, April, July and October, as calendar ones do.
 */
const ALIGN: Record<Exclude<RunType, 'rolling-12-months'>, number> = {
  month: 0,
  'calendar-quarter': 0,
  'financial-quarter': 0,
  'financial-year': 3,
  'academic-year': 8,
  'calendar-year': 0,
};
/** How far back the previous comparable period is, in months: a rolling year or a range goes back a year, to the same months. */
const STEP: Record<Run['type'], number> = { ...LENGTH, 'multi-year': 12 };

const pad = (n: number) => String(n).padStart(2, '0');
const mod = (a: number, n: number) => ((a % n) + n) % n;
const yearOf = (index: number) => Math.floor(index / 12);
const monthName = (index: number) => MONTHS[mod(index, 12)] ?? '';
const run = (type: RunType, first: number): Run => ({ type, first, months: LENGTH[type] });
const isYearType = (type: PeriodType): type is YearType =>
  type === 'financial-year' || type === 'academic-year' || type === 'calendar-year';
/** Whether `yy` is the last two digits of the year after `year`, as in "2013-14". */
const follows = (year: number, yy: number) => (year + 1) % 100 === yy;
/** DfE's way of writing a year that straddles two: "2013-14", or "2013/14" for an academic year. */
const splitYear = (start: number, separator = '-') => `${start}${separator}${pad((start + 1) % 100)}`;

function yearCode(type: YearType, start: number): string {
  return type === 'financial-year' ? `FY${splitYear(start)}` : type === 'academic-year' ? `AY${splitYear(start)}` : `CY${start}`;
}

function yearLabel(type: YearType, start: number): string {
  return type === 'financial-year' ? splitYear(start) : type === 'academic-year' ? splitYear(start, '/') : String(start);
}

function monthsLabel(first: number, last: number): string {
  if (first === last) return `${monthName(first)} ${yearOf(first)}`;
  if (yearOf(first) === yearOf(last)) return `${monthName(first)} to ${monthName(last)} ${yearOf(last)}`;
  return `${monthName(first)} ${yearOf(first)} to ${monthName(last)} ${yearOf(last)}`;
}

function naming(key: Run, longLabel: string): [code: string, label: string] {
  const year = yearOf(key.first);
  const last = key.first + key.months - 1;
  switch (key.type) {
    case 'month':
      return [`${year}-${pad(mod(key.first, 12) + 1)}`, longLabel];
    case 'calendar-quarter':
      return [`${year}-Q${mod(key.first, 12) / 3 + 1}`, longLabel];
    case 'financial-quarter': {
      const [fy, q] = [splitYear(yearOf(key.first - 3)), mod(key.first - 3, 12) / 3 + 1];
      return [`${fy}-Q${q}`, `${fy} Q${q} (${longLabel})`];
    }
    case 'financial-year':
    case 'calendar-year':
      return [yearCode(key.type, year), yearLabel(key.type, year)];
    case 'academic-year':
      return [yearCode(key.type, year), `Academic year ${yearLabel(key.type, year)}`];
    case 'rolling-12-months':
      return [`R12-${yearOf(last)}-${pad(mod(last, 12) + 1)}`, `12 months to ${monthName(last)} ${yearOf(last)}`];
    case 'multi-year': {
      const lastYear = year + key.months / 12 - 1;
      const label = `${yearLabel(key.yearType, year)} to ${yearLabel(key.yearType, lastYear)}`;
      return [
        `${yearCode(key.yearType, year)}_${yearCode(key.yearType, lastYear)}`,
        key.yearType === 'academic-year' ? `Academic years ${label}` : label,
      ];
    }
  }
}

function fromRun(key: Run): Period | undefined {
  const last = key.first + key.months - 1;
  const [startYear, endYear, endMonth] = [yearOf(key.first), yearOf(last), mod(last, 12)];
  if (startYear < MIN_YEAR || endYear > MAX_YEAR) return undefined;
  const lastDay = new Date(Date.UTC(endYear, endMonth + 1, 0)).getUTCDate();
  const longLabel = monthsLabel(key.first, last);
  const [code, label] = naming(key, longLabel);
  const start = `${startYear}-${pad(mod(key.first, 12) + 1)}-01`;
  return { type: key.type, code, label, longLabel, start, end: `${endYear}-${pad(endMonth + 1)}-${pad(lastDay)}` };
}

function pointAt(date: string): Period | undefined {
  if (!isIsoDate(date) || Number(date.slice(0, 4)) < MIN_YEAR) return undefined;
  const longLabel = `${Number(date.slice(8, 10))} ${monthName(Number(date.slice(5, 7)) - 1)} ${date.slice(0, 4)}`;
  return { type: 'point', code: `AT${date}`, label: `At ${longLabel}`, longLabel, start: date, end: date };
}

const toPeriod = (key: Key | undefined): Period | undefined =>
  key === undefined ? undefined : key.type === 'point' ? pointAt(key.date) : fromRun(key);

function multiYearKey(first: Key | undefined, last: Key | undefined): Run | undefined {
  if (!first || !last || first.type === 'point' || last.type === 'point') return undefined;
  if (first.type !== last.type || !isYearType(first.type) || last.first <= first.first) return undefined;
  return { type: 'multi-year', yearType: first.type, first: first.first, months: last.first - first.first + 12 };
}

const isMonth = (month: number) => month >= 1 && month <= 12;
const CODES: [RegExp, (a: number, b: number, c: number) => Run | undefined][] = [
  [/^(\d{4})-(\d{2})$/, (year, month) => (isMonth(month) ? run('month', year * 12 + month - 1) : undefined)],
  [/^(\d{4})-Q([1-4])$/, (year, q) => run('calendar-quarter', year * 12 + (q - 1) * 3)],
  [/^(\d{4})-(\d{2})[- ]Q([1-4])$/, (year, yy, q) => (follows(year, yy) ? run('financial-quarter', year * 12 + q * 3) : undefined)],
  [/^FY(\d{4})-(\d{2})$/, (year, yy) => (follows(year, yy) ? run('financial-year', year * 12 + 3) : undefined)],
  [/^AY(\d{4})-(\d{2})$/, (year, yy) => (follows(year, yy) ? run('academic-year', year * 12 + 8) : undefined)],
  [/^CY(\d{4})$/, (year) => run('calendar-year', year * 12)],
  [/^R12-(\d{4})-(\d{2})$/, (year, month) => (isMonth(month) ? run('rolling-12-months', year * 12 + month - 12) : undefined)],
];

function keyOf(code: string): Key | undefined {
  const parts = code.split('_');
  if (parts.length === 2) return multiYearKey(keyOf(parts[0] ?? ''), keyOf(parts[1] ?? ''));
  const point = /^AT(\d{4}-\d{2}-\d{2})$/.exec(code);
  if (point) return { type: 'point', date: point[1] ?? '' };
  for (const [pattern, build] of CODES) {
    const m = pattern.exec(code);
    if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return undefined;
}

/**
 * Reads a period code (any type; case and surrounding spaces do not matter); undefined when it is not one.
 * @example parsePeriod('FY2013-14')?.label // "2013-14"
 */
export function parsePeriod(code: string): Period | undefined {
  return toPeriod(keyOf(code.trim().toUpperCase()));
}

/**
 * The period of a type that a date falls in; undefined when the date is not a real YYYY-MM-DD.
 * A rolling 12 months is the one ending with the date's month; a point is the day itself.
 * @example periodOf('financial-year', '2014-03-31')?.code // "FY2013-14"
 */
export function periodOf(type: Exclude<PeriodType, 'multi-year'>, date: string): Period | undefined {
  if (type === 'point') return pointAt(date);
  if (!isIsoDate(date)) return undefined;
  const month = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  if (type === 'rolling-12-months') return fromRun(run(type, month - 11));
  return fromRun(run(type, month - mod(month - ALIGN[type], LENGTH[type])));
}

/** A range of whole years from `first` to `last` (two financial, academic or calendar years of the same kind, `last` the later). */
export function multiYearPeriod(first: Period, last: Period): Period | undefined {
  return toPeriod(multiYearKey(keyOf(first.code), keyOf(last.code)));
}

function movedBack(period: Period, months: (key: Run) => number): Period {
  const key = keyOf(period.code);
  if (!key || key.type !== period.type) throw new RangeError(`Not a period: ${period.code}`);
  const moved = key.type === 'point' ? pointAt(yearEarlier(key.date)) : fromRun({ ...key, first: key.first - months(key) });
  if (!moved) throw new RangeError(`No period before ${period.code}`);
  return moved;
}

/** The same day a year earlier; 29 February falls back to 28 February. */
function yearEarlier(date: string): string {
  const candidate = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
  return isIsoDate(candidate) ? candidate : candidate.replace(/-29$/, '-28');
}

/**
 * The previous comparable period: the month, quarter or year before; for a rolling 12 months, a
 * multi-year range or a point, the same months (or day) a year earlier, so the two do not overlap
 * (a 3-year average rolls back one year). Throws RangeError for a period not made here.
 * @example previousPeriod(parsePeriod('R12-2014-03')!).code // "R12-2013-03"
 */
export function previousPeriod(period: Period): Period {
  return movedBack(period, (key) => STEP[key.type]);
}

/** The same months (or day) a year earlier, for year-on-year comparison of any period. */
export function samePeriodLastYear(period: Period): Period {
  return movedBack(period, () => 12);
}

/** A financial quarter's code as promises.ts writes reporting periods ("2013-14 Q3"); undefined for other types. */
export function reportingQuarterCode(period: Period): string | undefined {
  return period.type === 'financial-quarter' ? period.code.replace('-Q', ' Q') : undefined;
}

export interface DfePeriodOptions {
  /** Read a year as the day it ends (a count "at 31 March") rather than as the year (a count over it). */
  asPoint?: boolean;
}

/** A time_period before its identifier says which kind of year: "2013", "2015/16" / "2015-16" / "201516", or "2014-16". */
type DfeYears =
  { kind: 'year'; year: number } | { kind: 'split'; start: number; slash: boolean } | { kind: 'range'; from: number; to: number };

const MAX_RANGE_YEARS = 10;
const DFE_YEAR_TYPES = new Map<string, YearType>([
  ['reporting year', 'financial-year'],
  ['financial year', 'financial-year'],
  ['annual', 'financial-year'],
  ['academic year', 'academic-year'],
  ['calendar year', 'calendar-year'],
]);

function readDfeYears(timePeriod: string): DfeYears | undefined {
  if (/^\d{4}$/.test(timePeriod)) return { kind: 'year', year: Number(timePeriod) };
  const m = /^(\d{4})([/-]?)(\d{2})$/.exec(timePeriod);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = from + 1 + mod(Number(m[3]) - from - 1, 100); // the first year after `from` ending in those two digits
  if (to === from + 1) return { kind: 'split', start: from, slash: m[2] === '/' };
  return m[2] === '-' && to - from <= MAX_RANGE_YEARS ? { kind: 'range', from, to } : undefined;
}

function dfeYears(years: DfeYears, type: YearType, asPoint: boolean): Period | undefined {
  const straddles = type === 'calendar-year' ? 0 : 1; // financial and academic years end the year after they start
  if (years.kind === 'range') return parsePeriod(`${yearCode(type, years.from)}_${yearCode(type, years.to - straddles)}`);
  if (years.kind === 'split' && !straddles) return undefined;
  const year = parsePeriod(yearCode(type, years.kind === 'year' ? years.year - straddles : years.start));
  return asPoint && year ? parsePeriod(`AT${year.end}`) : year;
}

/**
 * Reads a DfE tidy CSV's `time_period` and `time_identifier` (or LAIT's `year` and `Year_Type`); undefined
 * when they are not a period this module knows. Never throws.
 *
 * - "Reporting year" 2013 is the year ending 31 March 2013: FY2012-13 for a count over the year (referrals),
 *   or with `asPoint` the day it ends, AT2013-03-31, for a count on that day (children looked after at
 *   31 March). The file cannot say which; the caller, who knows the measure, chooses. ONS mid-year population
 *   files say "Reporting year" too but mean 30 June: read those with parsePeriod(`AT${year}-06-30`).
 * - Four digits with "Financial year" or "Academic year" name the year ending then (LAIT writes 2016 for
 *   2015-16 and for 2015/16); six digits ("201516") or a split year ("2015-16", "2015/16") name the year
 *   starting then. With no identifier, "2013" is a reporting year, "2015/16" an academic year (DfE's way of
 *   writing one), and "2015-16" or "201516" a financial year.
 * - A range "2014-16" runs from the start of the year beginning in 2014 to the end of the year ending in 2016:
 *   for financial and reporting years 1 April 2014 to 31 March 2016 (2014-15 and 2015-16), as DfE's adoption
 *   scorecards write "2010 to 2013" for the three years 1 April 2010 to 31 March 2013; for calendar years,
 *   2014 to 2016. Ranges are 2 to 10 years ("2014-15" is a single year); `asPoint` does not apply to them.
 * - Also "Calendar year Q1"-"Q4", "Financial year Q1"-"Q4", month names, and LAIT's "Annual" (as a reporting
 *   year; its measures are counts at 31 March, so use `asPoint`), "Annual (end of Sept)" (the 12 months to
 *   September, or with `asPoint` 30 September) and "Annual - January" (January, the school census).
 *   Terms, weeks, tax years and academic-year quarters are not Baton periods: undefined.
 */
export function parseDfePeriod(timePeriod: string, timeIdentifier = '', options: DfePeriodOptions = {}): Period | undefined {
  const years = readDfeYears(timePeriod.trim());
  const id = timeIdentifier.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!years) return undefined;
  const type = id === '' ? (years.kind === 'split' && years.slash ? 'academic-year' : 'financial-year') : DFE_YEAR_TYPES.get(id);
  if (type) return dfeYears(years, type, options.asPoint ?? false);
  const quarter = /^(calendar|financial) year q([1-4])$/.exec(id);
  if (quarter?.[1] === 'financial' && years.kind !== 'range') {
    return parsePeriod(`${splitYear(years.kind === 'year' ? years.year - 1 : years.start)}-Q${quarter[2]}`);
  }
  if (years.kind !== 'year') return undefined;
  if (quarter) return parsePeriod(`${years.year}-Q${quarter[2]}`);
  if (id === 'annual (end of sept)') return parsePeriod(options.asPoint ? `AT${years.year}-09-30` : `R12-${years.year}-09`);
  const month = id === 'annual - january' ? 0 : MONTHS.findIndex((name) => name.toLowerCase() === id);
  return month >= 0 ? parsePeriod(`${years.year}-${pad(month + 1)}`) : undefined;
}

/**
 * "for" a period, or "at" a point in time, whose label already says "At" (never "for At 31
 * December 2013").
 * @example forPeriod('At 31 December 2013') // "at 31 December 2013"
 * @example forPeriod('2013-14') // "for 2013-14"
 */
export const forPeriod = (label: string) => (/^At /.test(label) ? `at ${label.slice(3)}` : `for ${label}`);

/**
 * A period's label with its months beside it where the label does not already give them, so no
 * page doubles them ("2013-14 Q3 (October to December 2013)", never that again in brackets).
 * @example describePeriod(parsePeriod('FY2013-14')!) // "2013-14 (April 2013 to March 2014)"
 */
export const describePeriod = (period: Period) =>
  period.label.includes(period.longLabel) ? period.label : `${period.label} (${period.longLabel})`;
