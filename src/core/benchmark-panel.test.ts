import { describe, expect, it } from 'vitest';
import { allCouncilPanels, benchmarkPanel, figureInterval, type PanelInput } from './benchmark-panel.ts';
import { formatFigure, type Marker, type Unit } from './indicators.ts';

const councils = [20, 30, 39.6, 50, null, 60];

const base: PanelInput = {
  unit: 'rate-10000',
  polarity: 'smaller',
  subject: { value: 39.6, numerator: 251, denominator: 63_386 },
  england: { value: 37.9 },
  region: { value: 41.2 },
  councils,
  neighbours: [45, null, 35],
};

describe('benchmarkPanel', () => {
  it.each<[string, PanelInput, Partial<ReturnType<typeof benchmarkPanel>>]>([
    [
      'Walsall-like rate, smaller is better',
      base,
      {
        value: 39.6,
        england: 37.9,
        region: 41.2,
        neighbourMean: 40,
        neighbourCount: 2,
        band: 'B',
        rank: 3,
        rankOf: 5,
        significance: 'similar',
      },
    ],
    ['bigger is better reverses band and rank', { ...base, polarity: 'bigger' }, { band: 'C', rank: 3 }],
    ['no band or rank without a polarity', { ...base, polarity: 'none' }, { band: null, rank: null, rankOf: 5, significance: 'similar' }],
    ['no subject figure', { ...base, subject: undefined }, { value: null, band: null, rank: null, significance: null }],
    ['significantly worse when England is below the interval', { ...base, england: { value: 20 } }, { significance: 'worse' }],
  ])('%s', (_name, input, expected) => {
    expect(benchmarkPanel(input)).toMatchObject(expected);
  });
});

describe('figureInterval', () => {
  it.each<[string, PanelInput['unit'], number | null, number | null, [number, number] | null]>([
    ['Wilson for a percentage (Newcombe: 81 of 263)', 'percentage', 81, 263, [25.53, 36.62]],
    ['Byar for a rate per 10,000', 'rate-10000', 251, 63_386, [34.85, 44.81]],
    ['none for a count', 'count', 251, 63_386, null],
    ['none without a denominator', 'percentage', 81, null, null],
  ])('%s', (_name, unit, numerator, denominator, expected) => {
    const interval = figureInterval(unit, { value: 1, numerator, denominator });
    expect(interval && [Number(interval.lower.toFixed(2)), Number(interval.upper.toFixed(2))]).toEqual(expected);
  });
});

describe('formatFigure', () => {
  it.each<[number | null, Unit, number, Marker | null, string]>([
    [39.598, 'rate-10000', 1, null, '39.6'],
    [22.6, 'percentage', 1, null, '22.6%'],
    [12345, 'count', 0, null, '12,345'],
    [1500.5, 'currency', 2, null, '£1,500.50'],
    [null, 'count', 0, 'c', 'c'],
    [null, 'count', 0, null, '–'],
  ])('%s %s → %s', (value, unit, decimals, marker, expected) => {
    expect(formatFigure(value, unit, decimals, marker)).toBe(expected);
  });
});

describe('allCouncilPanels', () => {
  const figures = [
    { areaId: 'a', regionId: 'r', figure: { value: 20 } },
    { areaId: 'b', regionId: 'r', figure: { value: 30 } },
    { areaId: 'c', regionId: 'r', figure: { value: 39.6, numerator: 251, denominator: 63_386 } },
    { areaId: 'd', regionId: null, figure: { value: 50 } },
    { areaId: 'e', regionId: null, figure: { value: null } },
    { areaId: 'f', regionId: null, figure: { value: 60 } },
    { areaId: 'g', regionId: null, figure: { value: 30 } },
  ];
  const neighbours: Record<string, string[]> = { c: ['a', 'e', 'd'] };
  const common = {
    unit: 'rate-10000' as const,
    england: { value: 37.9 },
    regions: new Map([['r', { value: 41.2 }]]),
    councils: figures,
    neighboursOf: (id: string) => neighbours[id] ?? [],
  };

  it.each<[PanelInput['polarity']]>([['smaller'], ['bigger'], ['none']])(
    'agrees with benchmarkPanel for every council (%s is better)',
    (polarity) => {
      const all = allCouncilPanels({ ...common, polarity });
      const one = (c: (typeof figures)[number]) =>
        benchmarkPanel({
          unit: 'rate-10000',
          polarity,
          subject: c.figure,
          england: common.england,
          region: c.regionId ? { value: 41.2 } : undefined,
          councils: figures.map((f) => f.figure.value),
          neighbours: (neighbours[c.areaId] ?? []).map((id) => figures.find((f) => f.areaId === id)!.figure.value),
        });
      expect(Object.fromEntries(all)).toEqual(Object.fromEntries(figures.map((c) => [c.areaId, one(c)])));
    },
  );
});
