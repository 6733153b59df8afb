import { describe, expect, it } from 'vitest';
import { measureStanding, priorityRag, standingInWords, withheldOnPublicPages, type MeasureFigure, type MeasureInput } from './measures.ts';
import { parsePeriod } from './periods.ts';
import type { Rag } from './plans.ts';

const figure = (code: string, value: number | null, extra: Partial<MeasureFigure> = {}): MeasureFigure => {
  const period = parsePeriod(code)!;
  return {
    periodCode: code,
    periodLabel: period.label,
    periodType: period.type,
    periodStart: period.start,
    periodEnd: period.end,
    value,
    marker: null,
    local: false,
    status: 'final',
    qualityNote: '',
    ...extra,
  };
};

/** Year 6 overweight or obese in Walsall, the healthy-weight priority's measure (seed plans-data.ts): baseline 37.3% in 2012/13, target below 35.5%. */
const yearSix: MeasureInput = {
  indicator: {
    code: 'lait-excess-yr6',
    title: 'Year 6 children overweight or obese (%)',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    bandLow: null,
    bandHigh: null,
    lag: '',
  },
  series: [figure('AY2013-14', 38.0), figure('AY2014-15', 36.4, { numerator: 1400 }), figure('AY2016-17', 35.0)],
  asAt: '2016-03-31',
  baseline: { value: 37.3, periodCode: 'AY2012-13', periodLabel: 'Academic year 2012/13' },
  target: { value: 35.5, date: '2016-03-31' },
  trajectory: [],
  tolerance: 1,
};

describe('measureStanding', () => {
  it.each<[string, Partial<MeasureInput>, Record<string, unknown>]>([
    [
      'the latest figure begun by the date, better than the baseline, amber within the tolerance of the target',
      {},
      {
        kind: 'figure',
        latest: expect.objectContaining({ text: '36.4%', periodCode: 'AY2014-15', numerator: 1400 }),
        baseline: '37.3% (Academic year 2012/13)',
        target: '35.5%',
        direction: expect.objectContaining({ direction: 'improved', words: 'Improved since the baseline (Academic year 2012/13)' }),
        rag: 'amber',
      },
    ],
    [
      'red further off than the tolerance',
      { tolerance: 0.5 },
      { rag: 'red', reason: '36.4% is above the target of 35.5% by more than 0.5 percentage points' },
    ],
    ['green on or past the target', { target: { value: 37, date: null } }, { rag: 'green' }],
    [
      'against the trajectory’s interim target for the figure’s period when there is one',
      { trajectory: [{ period: 'AY2014-15', value: 36.5 }], tolerance: 0 },
      { rag: 'green', ratedAgainst: { value: 36.5, text: '36.5%', interim: true } },
    ],
    [
      'since the previous comparable period when there is no baseline figure',
      { baseline: { value: null, periodCode: null, periodLabel: null } },
      { baseline: null, direction: expect.objectContaining({ direction: 'improved', words: 'Improved since Academic year 2013/14' }) },
    ],
    [
      'worse than the baseline is deteriorated',
      { baseline: { value: 35.0, periodCode: 'AY2012-13', periodLabel: '2012/13' } },
      { direction: expect.objectContaining({ direction: 'deteriorated' }) },
    ],
    [
      'no target figure: a figure and a direction but no rating',
      { target: { value: null, date: '2016-03-31' } },
      { kind: 'figure', rag: null, reason: 'No target set', target: null },
    ],
    [
      'linked, with no figure yet by the date',
      { asAt: '2013-06-30' },
      { kind: 'awaiting', latest: null, rag: null, direction: null, reason: 'No figure yet for this indicator and area' },
    ],
    [
      'a withheld figure is shown by its marker and not rated',
      { series: [figure('AY2014-15', null, { marker: 'c' })] },
      { kind: 'awaiting', latest: expect.objectContaining({ text: 'c' }), rag: null },
    ],
    [
      'a text-only measure has no figure',
      { indicator: null },
      { kind: 'text', latest: null, rag: null, reason: 'A text-only measure: no figure' },
    ],
  ])('%s', (_name, change, expected) => {
    expect(measureStanding({ ...yearSix, ...change })).toMatchObject(expected);
  });
});

describe('priorityRag', () => {
  it.each<[Rag | null, (Rag | null)[], Rag | null]>([
    [null, [], null],
    ['green', [], 'green'],
    ['green', [null, null], 'green'],
    ['green', ['green'], 'green'],
    ['green', ['amber'], 'amber'],
    ['green', ['red'], 'amber'],
    ['amber', ['red'], 'amber'],
    ['red', ['green'], 'red'],
    [null, ['red'], 'amber'],
    [null, ['green', null], 'green'],
  ])('actions %s with measures %j → %s', (actions, measures, expected) => {
    expect(
      priorityRag(
        actions,
        measures.map((rag) => ({ rag })),
      ),
    ).toBe(expected);
  });
});

describe('standingInWords', () => {
  it.each<[string, Partial<MeasureInput>, string]>([
    [
      'a rated figure',
      {},
      'Latest figure 36.4% (Academic year 2014/15), improved since the baseline (Academic year 2012/13). Amber – close: 36.4% is above the target of 35.5%, within the tolerance of 1.0 percentage points.',
    ],
    [
      'no target figure',
      { target: { value: null, date: null } },
      'Latest figure 36.4% (Academic year 2014/15), improved since the baseline (Academic year 2012/13). Not rated: no target set.',
    ],
    ['no figure yet', { asAt: '2013-06-30' }, 'No figure yet.'],
    ['in words only', { indicator: null }, 'No figure: this measure is in words only.'],
  ])('%s', (_name, change, expected) => {
    expect(standingInWords(measureStanding({ ...yearSix, ...change }))).toBe(expected);
  });
});

describe('withheldOnPublicPages', () => {
  const figure = (count: number | null, breakdown = '', key = 'yr6|walsall|AY2014-15') => ({ key, breakdown, count });
  it.each<[string, Parameters<typeof withheldOnPublicPages>[0], boolean[]]>([
    ['a count of 1 to 4 is withheld', [figure(1), figure(4)], [true, true]],
    ['0 and 5 or more are shown', [figure(0), figure(5)], [false, false]],
    ['an unknown count and a text-only measure are shown', [figure(null), null], [false, false]],
    ['a breakdown 1 to 4 short of its total is withheld, the total shown', [figure(120), figure(117, 'Girls')], [false, true]],
    ['two breakdowns 1 to 4 apart are both withheld', [figure(60, 'Girls'), figure(57, 'Boys')], [true, true]],
    ['figures of different periods are not subtracted', [figure(120), figure(117, 'Girls', 'yr6|walsall|AY2015-16')], [false, false]],
    ['a breakdown far from its total is shown', [figure(120), figure(60, 'Girls')], [false, false]],
  ])('%s', (_name, figures, expected) => {
    expect(withheldOnPublicPages(figures)).toEqual(expected);
  });
});
