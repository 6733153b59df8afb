import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv } from '../core/csv-read.ts';
import { ECM_THEMES, OBA_CATEGORIES, UNITS } from '../core/indicators.ts';
import {
  LAIT_INDICATORS,
  NATIONAL_FILES,
  NATIONAL_INDICATORS,
  NATIONAL_SOURCE,
  laitIndicatorCode,
  type NationalFile,
} from './catalogue.ts';
import { nationalFileTable } from './reference.ts';

const reference = (name: string) => decodeText(readFileSync(new URL(`../../reference/benchmarks/${name}`, import.meta.url))).text;
const records = (name: string) => {
  const [header = [], ...rows] = parseCsv(reference(name));
  return rows.map((row) => Object.fromEntries(header.map((heading, i) => [heading, row[i] ?? ''])));
};

const codes = NATIONAL_INDICATORS.map((indicator) => indicator.code);
const byCode = new Map(NATIONAL_INDICATORS.map((indicator) => [indicator.code, indicator]));
const laitMeasures = records('lait_measures.csv');
const laitSubset = records('lait_scorecard_subset_2016_2025.csv');
const measuresInSubset = new Set(laitSubset.map((row) => row.measure_short));
const measureRow = (measureShort: string) => laitMeasures.find((row) => row.Measure_short === measureShort);

/** What a file offers a mapping: its headings, and the values in each column. */
function fileColumns(file: NationalFile): Map<string, Set<string>> {
  const [header = [], ...rows] = nationalFileTable(file, reference(file.file));
  return new Map(header.map((heading, i) => [heading.trim(), new Set(rows.map((row) => row[i] ?? ''))]));
}
const mappingColumns = (file: NationalFile) =>
  [
    ...file.mapping.filters.map((filter) => filter.column),
    ...file.mapping.measures.flatMap((m) => [m.valueColumn, m.numeratorColumn, m.denominatorColumn]),
  ].filter((column) => column !== undefined);

const fed = new Set(NATIONAL_FILES.flatMap((file) => file.indicatorCodes));

const POLARITY = { High: 'bigger', Low: 'smaller' } as Record<string, string>;
/** LAIT's year types as Baton periods; "Annual" counts are at 31 March and "Annual (end of Sept)" at or to 30 September. */
const PERIOD_TYPES: Record<string, string[]> = {
  'Financial Year': ['financial-year'],
  'Academic Year': ['academic-year'],
  'Calendar Year': ['calendar-year'],
  Annual: ['point'],
  'Annual (end of Sept)': ['point', 'rolling-12-months'],
};

describe('NATIONAL_INDICATORS', () => {
  it('has unique, lower-case kebab codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((code) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code))).toEqual([]);
  });

  it.each([
    'cin-referral-rate',
    'cin-referral-count',
    'cin-rereferral-12m-pct',
    'cin-rate',
    's47-rate',
    'icpc-rate',
    'cp-plan-rate',
    'cp-plan-count',
    'cp-plan-2yrs-pct',
    'cp-plan-second-pct',
    'cp-plan-start-rate',
    'cla-rate',
    'cla-count',
    'cla-3plus-placements-pct',
    'cla-long-term-stability-pct',
  ])('has %s', (code) => {
    expect(codes).toContain(code);
  });

  it.each(NATIONAL_INDICATORS.map((indicator) => [indicator.code, indicator] as const))(
    '%s is complete and uses known words',
    (_, indicator) => {
      expect(UNITS).toContain(indicator.unit);
      expect(OBA_CATEGORIES).toContain(indicator.obaCategory);
      expect(ECM_THEMES).toEqual(expect.arrayContaining(indicator.themes));
      expect(indicator.themes.length).toBeGreaterThan(0);
      expect(indicator.frequency).toBe('annual');
      expect([
        indicator.title,
        indicator.definition,
        indicator.numeratorDefinition,
        indicator.denominatorDefinition,
        indicator.lag,
        indicator.source,
      ]).not.toContain('');
      expect(indicator.decimals).toBeGreaterThanOrEqual(0);
      expect(indicator.polarity === 'band').toBe(indicator.bandLow !== null && indicator.bandHigh !== null);
    },
  );

  it('reads repeat child protection plans as best between 10% and 15%', () => {
    expect(byCode.get('cp-plan-second-pct')).toMatchObject({ polarity: 'band', bandLow: 10, bandHigh: 15, unit: 'percentage' });
  });

  it('counts positions at 31 March on the day and activity over the year', () => {
    expect(byCode.get('cp-plan-rate')?.periodType).toBe('point');
    expect(byCode.get('cla-rate')?.periodType).toBe('point');
    expect(byCode.get('cin-referral-rate')?.periodType).toBe('financial-year');
  });

  it('names the licence', () => {
    expect(NATIONAL_SOURCE).toContain('Contains public sector information licensed under the Open Government Licence v3.0.');
  });
});

describe('LAIT_INDICATORS', () => {
  it('covers every measure in the scorecard subset, and each has rows there', () => {
    expect(new Set(LAIT_INDICATORS.map((lait) => lait.measureShort))).toEqual(measuresInSubset);
  });

  it.each(LAIT_INDICATORS.map((lait) => [lait.measureShort, lait] as const))('%s follows lait_measures.csv', (measureShort, lait) => {
    const row = measureRow(measureShort);
    expect(lait.indicator.code).toBe(laitIndicatorCode(measureShort));
    expect(lait.indicator.polarity).toBe(POLARITY[row?.Polarity ?? ''] ?? 'none');
    expect(PERIOD_TYPES[row?.Year_Type ?? '']).toContain(lait.indicator.periodType);
  });

  it.each([
    ['CPP_Total_NumRef', 'lait-cpp-total-num-ref'],
    ['LAC_LongStable%', 'lait-lac-long-stable-pct'],
    ['%_of LAC Adopted', 'lait-pct-of-lac-adopted'],
    ['16-17 NEET', 'lait-16-17-neet'],
    ['CPP_Total_Rateper10,000', 'lait-cpp-total-rateper10-000'],
  ])('codes %s as %s', (measureShort, code) => {
    expect(laitIndicatorCode(measureShort)).toBe(code);
  });

  it('titles the misnamed referral rate honestly', () => {
    expect(byCode.get('lait-cpp-total-rateper10-000')?.title).toMatch(/^Referrals/);
  });
});

describe('NATIONAL_FILES', () => {
  it.each(NATIONAL_FILES.map((file) => [`${file.file} (${file.indicatorCodes.join(', ')})`, file] as const))(
    '%s names columns and filter values the file has',
    (_, file) => {
      const columns = fileColumns(file);
      expect(mappingColumns(file).filter((column) => !columns.has(column))).toEqual([]);
      expect(file.mapping.filters.filter((filter) => !columns.get(filter.column)?.has(filter.equals))).toEqual([]);
    },
  );

  it.each(NATIONAL_FILES.map((file) => [file.indicatorCodes.join(', '), file] as const))(
    '%s feeds catalogue indicators of the right period type',
    (_, file) => {
      const indicators = file.mapping.measures.map((measure) => byCode.get(measure.indicatorCode));
      expect(file.indicatorCodes).toEqual(file.mapping.measures.map((measure) => measure.indicatorCode));
      expect(indicators.map((indicator) => indicator?.periodType === 'point')).toEqual(indicators.map(() => file.mapping.periodAsPoint));
    },
  );

  it('feeds every indicator not from LAIT', () => {
    expect(codes.filter((code) => !code.startsWith('lait-') && !fed.has(code))).toEqual([]);
  });
});
