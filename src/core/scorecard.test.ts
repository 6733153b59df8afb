import { describe, expect, it } from 'vitest';
import { parsePeriod } from './periods.ts';
import { scorecardRow, type RowInput, type SeriesFigure } from './scorecard.ts';

/** A figure of a series, its dates taken from the period code. */
const figure = (code: string, value: number | null, extra: Partial<SeriesFigure> = {}): SeriesFigure => {
  const period = parsePeriod(code)!;
  return {
    periodCode: code,
    periodLabel: period.label,
    periodType: period.type,
    periodStart: period.start,
    periodEnd: period.end,
    value,
    marker: null,
    local: true,
    status: 'final',
    qualityNote: '',
    ...extra,
  };
};

/** Walsall's initial assessments within 10 working days (seed 003): 64.9% in 2012-13, 46.0% for 2013-14 so far. */
const initialAssessments: RowInput = {
  indicator: {
    code: 'ia-10-days-pct',
    title: 'Initial assessments within 10 days',
    unit: 'percentage',
    decimals: 1,
    polarity: 'bigger',
    bandLow: null,
    bandHigh: null,
    lag: '',
  },
  series: [
    figure('FY2011-12', 70.2),
    figure('FY2012-13', 64.9),
    figure('FY2013-14', 46.0, { status: 'provisional', qualityNote: 'Year to date' }),
  ],
  asAt: '2013-11-30',
  previousPeriods: 1,
  benchmarksFor: (code) =>
    code === 'FY2013-14'
      ? { england: 75.5, englandPeriod: '2012-13', region: null, neighbourMean: null, band: null, significance: null }
      : undefined,
  targetFor: () => undefined,
  ragRule: 'england',
  tolerance: 5,
  maintainedBand: 0,
};

describe('scorecardRow', () => {
  it.each<[string, Partial<RowInput>, Record<string, unknown>]>([
    [
      'the year under way, against the year before, rated against England’s last published year',
      {},
      {
        periods: [
          { code: 'FY2012-13', label: '2012-13' },
          { code: 'FY2013-14', label: '2013-14' },
        ],
        current: expect.objectContaining({ text: '46.0%', status: 'provisional' }),
        direction: expect.objectContaining({ direction: 'deteriorated', label: 'Deteriorated' }),
        rag: expect.objectContaining({ rag: 'red' }),
        benchmarks: expect.objectContaining({ england: { value: 75.5, text: '75.5% (2012-13)' } }),
        qualityNotes: ['Year to date'],
      },
    ],
    [
      'an earlier date shows what was known then',
      { asAt: '2013-03-31' },
      { current: expect.objectContaining({ periodCode: 'FY2012-13' }), direction: expect.objectContaining({ direction: 'deteriorated' }) },
    ],
    [
      'no figure begun by the date',
      { asAt: '2010-01-01' },
      { current: null, periods: [], direction: null, rag: expect.objectContaining({ rag: null }) },
    ],
    [
      'more earlier periods when asked',
      { previousPeriods: 5 },
      {
        periods: [
          expect.objectContaining({ code: 'FY2011-12' }),
          expect.objectContaining({ code: 'FY2012-13' }),
          expect.objectContaining({ code: 'FY2013-14' }),
        ],
      },
    ],
    ['not rated when the rule is none', { ragRule: 'none' }, { rag: { rag: null, reason: 'Not rated' } }],
    [
      'against a target with its tolerance',
      { ragRule: 'target', targetFor: () => ({ value: 50, tolerance: 5 }) },
      { rag: expect.objectContaining({ rag: 'amber' }), target: { value: 50, text: '50.0%' } },
    ],
    ['a band rule needs a band', { ragRule: 'band' }, { rag: { rag: null, reason: 'The indicator has no target band' } }],
  ])('%s', (_name, change, expected) => {
    expect(scorecardRow({ ...initialAssessments, ...change })).toMatchObject(expected);
  });

  it('compares a figure with the last one of the same kind of period, not a month with a year', () => {
    const mixed = scorecardRow({
      ...initialAssessments,
      series: [figure('FY2012-13', 64.9), figure('2013-10', 40), figure('FY2013-14', 46.0)],
      previousPeriods: 2,
    });
    expect(mixed.periods.map((p) => p.code)).toEqual(['FY2012-13', 'FY2013-14']);
    expect(mixed.direction?.change).toBe(-18.9);
  });

  it('shows a suppressed figure by its marker', () => {
    const row = scorecardRow({ ...initialAssessments, series: [figure('FY2013-14', null, { marker: 'c' })] });
    expect(row.current).toMatchObject({ value: null, text: 'c' });
    expect(row.direction).toBeNull();
  });
});
