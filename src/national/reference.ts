import { parseCsv, parseDfeValue, type DfeMarker } from '../core/csv-read.ts';
import type { ObservationInput } from '../core/indicators.ts';
import { parseDfePeriod, parsePeriod, type Period, type PeriodType } from '../core/periods.ts';
import { LAIT_INDICATORS, type NationalFile } from './catalogue.ts';

/**
 * Readers for the reference files in reference/benchmarks (see its README): pure functions from a
 * file's decoded text to plain rows, so the loader does the I/O and these can be tested on the real files.
 */

export const ENGLAND = 'E92000001';
/** DfE files give London councils Inner or Outer London (E13) as their region; Baton's region is London. */
const LONDON = 'E12000007';
const LONDON_PARTS = new Set(['E13000001', 'E13000002']);

/** England, a region or a council, as the national loader stores it. */
export interface ReferenceArea {
  /** ONS code, the latest the council has had. */
  code: string;
  /** DfE's 3-digit council code ("335"); null for England and the regions. */
  oldCode: string | null;
  name: string;
  level: 'national' | 'regional' | 'la';
  /** The council's region (E12…); null for England and the regions. */
  regionCode: string | null;
  /** la_lookup's type (MD, UA, ILB, OLB, SC), or '' when unknown. */
  laType: string;
  /** The last year ending 31 March the council existed in; null while it still does. */
  lastYear: number | null;
  /** Earlier ONS codes of the same council (North Yorkshire was E10000023 until 2023). */
  formerCodes: string[];
}

interface Table {
  rows: string[][];
  /** The index of a heading (trimmed, byte-order mark dropped); throws when the file lacks it. */
  col(name: string): number;
  has(name: string): boolean;
}

/**
 * parseCsv's rows, quicker: these files are large and, but for a few quoted names, plain, so a line
 * without quotes is split on commas and only the rest go through parseCsv (all of it when a quoted
 * field spans lines).
 */
function readRows(text: string): string[][] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  const rows: string[][] = [];
  for (const line of lines) {
    if (!line.includes('"')) rows.push(line.split(','));
    else if (line.split('"').length % 2 === 1) rows.push(parseCsv(line)[0] ?? ['']);
    else return parseCsv(text.replace(/^\uFEFF/, ''));
  }
  return rows;
}

function readTable(text: string, what: string): Table {
  const [header = [], ...rows] = readRows(text);
  const index = new Map(header.map((heading, i) => [heading.trim(), i]));
  return {
    rows: rows.filter((row) => row.some((cell) => cell.trim() !== '')),
    has: (name) => index.has(name),
    col(name) {
      const i = index.get(name);
      if (i === undefined) throw new Error(`${what} has no ${name} column`);
      return i;
    },
  };
}

const cell = (row: readonly string[], i: number) => (row[i] ?? '').trim();
/** la_lookup writes DfE codes as floats ("335.0"). */
const dfeCode = (text: string) => text.trim().replace(/\.0$/, '');
const regionOf = (code: string) => (LONDON_PARTS.has(code) ? LONDON : code);

interface SeenCouncil {
  name: string;
  regionCode: string;
  /** Each ONS code the council appears under, with the last year it does. */
  codes: Map<string, number>;
  current: boolean;
}

/** What the DfE tidy files say about regions and councils, councils by their DfE code. */
function scanTidy(texts: readonly string[]) {
  const regions = new Map<string, string>();
  const councils = new Map<string, SeenCouncil>();
  texts.forEach((text, n) => {
    const t = readTable(text, `Tidy file ${n + 1}`);
    const [level, year, region, regionName, old, code, name] = [
      'geographic_level',
      'time_period',
      'region_code',
      'region_name',
      'old_la_code',
      'new_la_code',
      'la_name',
    ].map((c) => t.col(c)) as [number, number, number, number, number, number, number];
    const lastYear = Math.max(...t.rows.map((row) => Number(cell(row, year)) || 0));
    for (const row of t.rows) {
      const [lvl, y] = [cell(row, level), Number(cell(row, year))];
      if (lvl === 'Regional' && cell(row, region).startsWith('E12')) regions.set(cell(row, region), cell(row, regionName));
      if (lvl !== 'Local authority' || cell(row, old) === '') continue;
      const seen = councils.get(cell(row, old)) ?? { name: '', regionCode: '', codes: new Map(), current: false };
      const newest = Math.max(0, ...seen.codes.values()) <= y;
      if (newest) Object.assign(seen, { name: cell(row, name), regionCode: regionOf(cell(row, region)) });
      seen.codes.set(cell(row, code), Math.max(y, seen.codes.get(cell(row, code)) ?? 0));
      seen.current ||= y === lastYear;
      councils.set(cell(row, old), seen);
    }
  });
  return { regions, councils };
}

/**
 * England, the nine regions and every council: those in la_lookup.csv, and any other a DfE tidy file
 * names. A council's region is the tidy files' (London for Inner and Outer London); its code is
 * la_lookup's, with the tidy files' other codes for it as former codes. Abolished councils get the
 * last year ending 31 March they existed in (la_lookup's last mid-year population, plus one).
 */
export function readAreas(laLookupText: string, tidyTexts: readonly string[]): ReferenceArea[] {
  const { regions, councils } = scanTidy(tidyTexts);
  const t = readTable(laLookupText, 'la_lookup.csv');
  const [old, code, name, region, lastPop, type] = [
    'old_la_code',
    'new_la_code',
    'la_name',
    'region_code',
    'last_year_in_pop_file',
    'la_type',
  ].map((c) => t.col(c)) as [number, number, number, number, number, number];
  const lookup = t.rows.filter((row) => cell(row, code) !== '');
  const latestPop = Math.max(...lookup.map((row) => Number(cell(row, lastPop)) || 0));
  const areas: ReferenceArea[] = lookup.map((row) => {
    const [oldCode, ons, popYear] = [dfeCode(cell(row, old)), cell(row, code), Number(cell(row, lastPop))];
    const seen = councils.get(oldCode);
    councils.delete(oldCode);
    return {
      code: ons,
      oldCode,
      name: cell(row, name),
      level: 'la',
      regionCode: seen?.regionCode || regionOf(cell(row, region)),
      laType: cell(row, type),
      lastYear: popYear && popYear < latestPop ? popYear + 1 : null,
      formerCodes: [...(seen?.codes.keys() ?? [])].filter((c) => c !== ons).sort(),
    };
  });
  for (const [oldCode, seen] of councils) {
    const [latest] = [...seen.codes].sort((a, b) => b[1] - a[1]);
    const [ons = '', last = 0] = latest ?? [];
    const formerCodes = [...seen.codes.keys()].filter((c) => c !== ons).sort();
    const lastYear = seen.current ? null : last;
    areas.push({ code: ons, oldCode, name: seen.name, level: 'la', regionCode: seen.regionCode, laType: '', lastYear, formerCodes });
  }
  const top = (c: string, n: string, level: 'national' | 'regional'): ReferenceArea => {
    return { code: c, oldCode: null, name: n, level, regionCode: null, laType: '', lastYear: null, formerCodes: [] };
  };
  const byName = (a: ReferenceArea, b: ReferenceArea) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code);
  return [top(ENGLAND, 'England', 'national'), ...[...regions].sort().map(([c, n]) => top(c, n, 'regional')), ...areas.sort(byName)];
}

/**
 * Finds an area's canonical code from any code it goes by: its ONS code, a former ONS code or its
 * DfE code. @example areaCodeIndex(areas)('E10000023') // "E06000065" (North Yorkshire)
 */
export function areaCodeIndex(areas: readonly ReferenceArea[]): (code: string) => string | undefined {
  const index = new Map<string, string>();
  for (const area of areas) {
    for (const alias of [...area.formerCodes, area.oldCode ?? '']) if (alias) index.set(alias, area.code);
  }
  for (const area of areas) index.set(area.code, area.code);
  return (code) => index.get(dfeCode(code).toUpperCase());
}

// ---- Statistical neighbours -------------------------------------------------------------------

export type NeighbourSet = 'sn2021' | 'sn2025';

export interface NeighbourRow {
  set: NeighbourSet;
  areaOldCode: string;
  neighbourOldCode: string;
  /** 1 is the closest. */
  position: number;
  /** "Extremely close", "Very close", "Close", "Somewhat close" or "Not close". */
  closeness: string;
}

const sentenceCase = (text: string) => {
  const t = text.trim().replace(/\s+/g, ' ').toLowerCase();
  return t.charAt(0).toUpperCase() + t.slice(1);
};

/**
 * Each council's ten DfE statistical neighbours, from the 2021 workbook (SN1, SNP, …, a trailing empty
 * column, and the abolished councils' lists under "Old SNs") or the 2025 one (SN_1, SN_1P, …).
 */
export function readNeighbours(text: string, set: NeighbourSet): NeighbourRow[] {
  const t = readTable(text, `Statistical neighbours ${set}`);
  const positions = Array.from({ length: 10 }, (_, i) => i + 1);
  const columns = positions.map((p) => t.col(t.has(`SN${p}`) ? `SN${p}` : `SN_${p}`));
  const result: NeighbourRow[] = [];
  for (const row of t.rows) {
    const areaOldCode = cell(row, 0);
    if (!/^\d+$/.test(areaOldCode)) continue;
    columns.forEach((column, i) => {
      const neighbourOldCode = cell(row, column);
      if (!/^\d+$/.test(neighbourOldCode)) return;
      result.push({ set, areaOldCode, neighbourOldCode, position: i + 1, closeness: sentenceCase(cell(row, column + 1)) });
    });
  }
  return result;
}

// ---- Population -------------------------------------------------------------------------------

/**
 * ONS mid-year estimates of children aged 0 to 17, by ONS code and mid-year. A council's figures are
 * found under each code it has had (North Yorkshire's mid-2022 figure, filed under E10000023, is there
 * under E06000065 too), since DfE files name a council by whichever code was current.
 */
export function readPopulation(text: string): Map<string, Map<number, number>> {
  const t = readTable(text, 'ONS population');
  const [level, year, country, region, old, code, value] = [
    'geographic_level',
    'time_period',
    'country_code',
    'region_code',
    'old_la_code',
    'new_la_code',
    'population_estimate',
  ].map((c) => t.col(c)) as [number, number, number, number, number, number, number];
  const series = new Map<string, Map<number, number>>();
  const codes = new Map<string, string>();
  for (const row of t.rows) {
    const lvl = cell(row, level);
    if (lvl !== 'National' && lvl !== 'Regional' && lvl !== 'Local authority') continue;
    const ons = lvl === 'National' ? cell(row, country) || ENGLAND : lvl === 'Regional' ? cell(row, region) : cell(row, code);
    const key = lvl === 'Local authority' && cell(row, old) ? `la:${cell(row, old)}` : ons;
    codes.set(ons, key);
    const parsed = parseDfeValue(cell(row, value));
    if (!('value' in parsed) || parsed.value === null) continue;
    const years = series.get(key) ?? new Map<number, number>();
    years.set(Number(cell(row, year)), parsed.value);
    series.set(key, years);
  }
  return new Map([...codes].map(([ons, key]) => [ons, series.get(key) ?? new Map<number, number>()]));
}

// ---- LAIT --------------------------------------------------------------------------------------

/** An observation from LAIT, with the council number LAIT gives (970 England, 980-990 regions). */
export type LaitObservation = ObservationInput & { oldLaCode: string };

/** LAIT's Inner and Outer London: not areas Baton holds (its region is London). */
const LAIT_LONDON_PARTS = new Set(['london (inner)', 'london (outer)']);
/** Figures LAIT publishes that are wrong, left out with the reason. */
const LAIT_ERRORS = [
  {
    measure: 'FirstYJS',
    areaCode: ENGLAND,
    note: "LAIT's England figure for first time entrants is the sum of the nine regions' rates, not a rate; left out",
  },
];

/** LAIT writes values from Excel: "-" for none, binary float noise (9.3699999999999992) and exponents. */
function laitValue(text: string): { value: number; marker: null } | { value: null; marker: DfeMarker } | undefined {
  const t = text.trim();
  if (t === '-' || t === '') return { value: null, marker: 'x' };
  if (!/^-?(\d+\.?\d*|\.\d+)(E[-+]?\d+)?$/i.test(t)) return undefined;
  return { value: Number(Number(t).toPrecision(10)), marker: null };
}

/**
 * The period of a LAIT year. LAIT names a year by the calendar year it ends in: "2016" is 2015-16 for a
 * financial year and 2015/16 for an academic year ("2015/16" is also written out), the calendar year
 * 2016, 31 March 2016 for "Annual" (a count on that day) and for "Annual (end of Sept)" 30 September 2016,
 * or the 12 months to it. The indicator's period type decides between a day and a span.
 */
function laitPeriod(year: string, yearType: string, periodType: PeriodType): Period | undefined {
  const period = parseDfePeriod(year, yearType, { asPoint: periodType === 'point' });
  return period?.type === periodType ? period : undefined;
}

/**
 * The LAIT scorecard subset as observations of the catalogue's LAIT indicators (rows of measures it
 * does not hold are skipped; LAIT's duplicate rows are read once). Areas: councils by their DfE number,
 * England and regions by name; LAIT's Inner and Outer London are left out. Throws on a row it cannot place.
 */
export function readLait(measuresText: string, subsetText: string, areas: readonly ReferenceArea[]): LaitObservation[] {
  const m = readTable(measuresText, 'lait_measures.csv');
  const yearTypes = new Map(m.rows.map((row) => [cell(row, m.col('Measure_short')), cell(row, m.col('Year_Type'))]));
  const indicators = new Map(LAIT_INDICATORS.map((lait) => [lait.measureShort, lait.indicator]));
  const councils = new Map(areas.flatMap((area) => (area.oldCode ? [[area.oldCode, area.code] as const] : [])));
  const named = new Map(areas.filter((area) => area.level !== 'la').map((area) => [area.name.toLowerCase(), area.code]));
  const periods = new Map<string, Period | undefined>();

  const t = readTable(subsetText, 'LAIT subset');
  const [measureCol, yearCol, laCol, nameCol, valueCol] = ['measure_short', 'year', 'la_number', 'area_name', 'value_raw'].map((c) =>
    t.col(c),
  ) as [number, number, number, number, number];
  const seen = new Set<string>();
  const result: LaitObservation[] = [];
  t.rows.forEach((row, i) => {
    const [measure, year, laNumber, areaName] = [cell(row, measureCol), cell(row, yearCol), cell(row, laCol), cell(row, nameCol)];
    const indicator = indicators.get(measure);
    const key = `${measure}|${year}|${laNumber}`;
    if (!indicator || seen.has(key) || LAIT_LONDON_PARTS.has(areaName.toLowerCase())) return;
    seen.add(key);
    const line = i + 2;
    const areaCode = councils.get(laNumber) ?? named.get(areaName.toLowerCase());
    if (!areaCode) throw new Error(`LAIT subset line ${line}: no area for ${laNumber} ${areaName}`);
    const periodKey = `${year}|${measure}`;
    if (!periods.has(periodKey)) periods.set(periodKey, laitPeriod(year, yearTypes.get(measure) ?? '', indicator.periodType));
    const period = periods.get(periodKey);
    if (!period) throw new Error(`LAIT subset line ${line}: cannot read ${year} (${yearTypes.get(measure)}) as a ${indicator.periodType}`);
    const reading = laitValue(cell(row, valueCol));
    if (!reading) throw new Error(`LAIT subset line ${line}: ${cell(row, valueCol)} is not a number`);
    const error = LAIT_ERRORS.find((e) => e.measure === measure && e.areaCode === areaCode);
    const { value, marker } = error ? { value: null, marker: 'x' as const } : reading;
    result.push({
      indicatorCode: indicator.code,
      areaCode,
      oldLaCode: laNumber,
      period,
      breakdown: '',
      value,
      marker,
      numerator: null,
      denominator: null,
      status: 'final',
      qualityNote: error?.note ?? '',
      row: line,
    });
  });
  return result;
}

// ---- SFR36/2013 ---------------------------------------------------------------------------------

export interface Sfr36Count {
  areaCode: string;
  /** DfE's council code; null for England and the regions. */
  oldLaCode: string | null;
  name: string;
  /** 31 March 2013. */
  period: Period;
  count: number | null;
  marker: DfeMarker | null;
}

/**
 * Old DfE tables' symbols as today's markers: x was "suppressed" (now c), "." not applicable, ".." not
 * available; a spreadsheet error (#VALUE!) is not available either.
 */
function sfrValue(text: string): { count: number | null; marker: DfeMarker | null } {
  const t = text.trim();
  if (/^\d{1,3}(,\d{3})*$|^\d+$/.test(t)) return { count: Number(t.replaceAll(',', '')), marker: null };
  return { count: null, marker: t.toLowerCase() === 'x' ? 'c' : t === '.' ? 'z' : 'x' };
}

/**
 * Children looked after at 31 March 2013 (CLA_Mar2013) for England, the regions and each council, from
 * DfE's SFR36/2013 table. Its Inner and Outer London rows carry London's code and are left out.
 */
export function readSfr36Cla2013(text: string, areas: readonly ReferenceArea[]): Sfr36Count[] {
  const t = readTable(text, 'SFR36/2013 table');
  const [code, level, old, name, count] = ['New_geog_code', 'geog_l', 'geog_c', 'geog_n', 'CLA_Mar2013'].map((c) => t.col(c)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const resolve = areaCodeIndex(areas);
  const period = parsePeriod('AT2013-03-31')!;
  return t.rows.flatMap((row) => {
    const [lvl, n] = [cell(row, level).toUpperCase(), cell(row, name)];
    if (/^(INNER|OUTER) LONDON$/i.test(n)) return [];
    const oldLaCode = lvl === 'LA' ? cell(row, old) : null;
    const areaCode = (oldLaCode && resolve(oldLaCode)) || resolve(cell(row, code));
    if (!areaCode) throw new Error(`SFR36/2013 table: no area for ${cell(row, code)} ${n}`);
    return [{ areaCode, oldLaCode, name: n, period, ...sfrValue(cell(row, count)) }];
  });
}

// ---- DfE tidy files ------------------------------------------------------------------------------

/**
 * A national file's rows ready for its mapping (header first): as parsed, or for a file whose totals are
 * rows of their own, with each row's group total added as a column (see PairTotals).
 */
export function nationalFileTable(file: Pick<NationalFile, 'pairTotals'>, text: string): string[][] {
  const table = readRows(text);
  const spec = file.pairTotals;
  if (!spec) return table;
  const [header = [], ...rows] = table;
  const at = (name: string) => header.findIndex((heading) => heading.trim() === name);
  const [column, count] = [at(spec.column), at(spec.countColumn)];
  if (column < 0 || count < 0) throw new Error(`The file has no ${spec.column} or ${spec.countColumn} column`);
  const skip = new Set([column, ...spec.measureColumns.map(at)]);
  const groupOf = (row: readonly string[]) => row.filter((_, i) => !skip.has(i)).join('\u0000');
  const totals = new Map(rows.filter((row) => cell(row, column) === spec.totalValue).map((row) => [groupOf(row), row[count] ?? '']));
  return [[...header, spec.into], ...rows.map((row) => [...row, totals.get(groupOf(row)) ?? ''])];
}
