import { describe, expect, it } from 'vitest';
import { chartSummary, escapeXml, hasChartData, niceScale, SERIES_STYLES, trendChart, type Scale, type TrendChartInput } from './charts.ts';

const yearsTestData = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const label = `${from + i}-${String((from + i + 1) % 100).padStart(2, '0')}`;
    return { code: `FY${label}`, label };
  });

const walsallTestData: TrendChartInput = {
  id: 'chart-cin-rate',
  title: 'Children in need, rate per 10,000',
  periods: yearsTestData(2012, 13),
  series: [
    { name: 'Walsall', kind: 'area', values: [39.6, 42.1, 45, null, 47.3, 49.9, 51.2, 48.8, 50.1, 53.4, 55.2, 54, 52.1] },
    { name: 'England', kind: 'england', values: [37.9, 38.2, 38.5, 39, 39.4, 39.8, 40, 40.2, 40.5, 40.7, 40.9, 41, 41] },
    { name: 'Statistical neighbours', kind: 'neighbours', values: [44, 45, 46, 47, 48, 48, 49, 50, 51, 51, 52, 52, 53] },
    { name: 'West Midlands', kind: 'region', values: [40, 41, 42, 43, 44, 45, 46, 46, 47, 47, 48, 48, null] },
    { name: 'Target', kind: 'target', values: [null, null, null, null, null, null, null, null, 50, 50, 50, 50, 50] },
  ],
};

const emptyTestData: TrendChartInput = {
  id: 'chart-empty',
  title: 'Nothing yet',
  periods: yearsTestData(2020, 3),
  series: [{ name: 'Walsall', kind: 'area', values: [null, null, null] }],
};

const shortTestData: TrendChartInput = {
  id: 'chart-short',
  title: 'Care leavers in education, employment or training',
  periods: yearsTestData(2021, 4),
  series: [
    { name: 'Walsall', kind: 'area', values: [61, 58, 64, 66] },
    { name: 'England', kind: 'england', values: [55, 56, 56, 57] },
  ],
  unit: '%',
};

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** WCAG relative luminance contrast against white. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

describe('niceScale', () => {
  it.each<[number, number, number, number, Scale]>([
    [0, 52.1, 6, 0, { min: 0, max: 60, step: 20, ticks: [0, 20, 40, 60] }],
    [37.9, 52.1, 6, 0, { min: 35, max: 55, step: 5, ticks: [35, 40, 45, 50, 55] }],
    [0, 100, 6, 0, { min: 0, max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] }],
    [0, 0.37, 6, 0, { min: 0, max: 0.4, step: 0.1, ticks: [0, 0.1, 0.2, 0.3, 0.4] }],
    [1234, 5678, 6, 0, { min: 1000, max: 6000, step: 1000, ticks: [1000, 2000, 3000, 4000, 5000, 6000] }],
    [-3.2, 7.9, 6, 0, { min: -5, max: 10, step: 5, ticks: [-5, 0, 5, 10] }],
    [52.1, 0, 6, 0, { min: 0, max: 60, step: 20, ticks: [0, 20, 40, 60] }], // either way round
    [0, 0, 6, 0, { min: 0, max: 1, step: 0.2, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] }], // all zero
    [0, 0, 6, 1, { min: 0, max: 1, step: 1, ticks: [0, 1] }], // all zero, counts
    [40, 40, 6, 0, { min: 36, max: 44, step: 2, ticks: [36, 38, 40, 42, 44] }], // constant: 10% either side
    [0, 7, 6, 1, { min: 0, max: 8, step: 2, ticks: [0, 2, 4, 6, 8] }],
    [0, 3, 6, 1, { min: 0, max: 3, step: 1, ticks: [0, 1, 2, 3] }], // no half children
    [0, 2.2, 6, 0, { min: 0, max: 2.5, step: 0.5, ticks: [0, 0.5, 1, 1.5, 2, 2.5] }],
    [0.001, 0.0042, 6, 0, { min: 0.001, max: 0.005, step: 0.001, ticks: [0.001, 0.002, 0.003, 0.004, 0.005] }],
    [-1, 1, 2, 0, { min: -1, max: 1, step: 1, ticks: [-1, 0, 1] }], // never fewer than 3 allowed
    [Number.NaN, 5, 6, 0, { min: 0, max: 1, step: 0.2, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] }],
  ])('from %d to %d in at most %d ticks (steps of at least %d)', (min, max, ticks, minStep, expected) => {
    expect(niceScale(min, max, ticks, minStep)).toEqual(expected);
  });

  it.each([
    [0, 1],
    [0, 9.9],
    [0, 41],
    [0, 123],
    [37.9, 52.1],
    [12.3, 12.9],
    [-40, 65],
    [0, 99999],
  ])('from %d to %d has 4 to 6 gridlines that cover the range', (min, max) => {
    const scale = niceScale(min, max);
    expect(scale.ticks.length).toBeGreaterThanOrEqual(4);
    expect(scale.ticks.length).toBeLessThanOrEqual(6);
    expect(scale.min).toBeLessThanOrEqual(min);
    expect(scale.max).toBeGreaterThanOrEqual(max);
  });
});

describe('escapeXml', () => {
  it('escapes the five special characters', () => {
    expect(escapeXml(`Tom & Jerry's <"area">`)).toBe('Tom &amp; Jerry&#39;s &lt;&quot;area&quot;&gt;');
  });
});

describe('hasChartData', () => {
  it.each([
    [walsallTestData, true],
    [emptyTestData, false],
    [{ series: [] }, false],
    [{ series: [{ name: 'A', kind: 'area' as const, values: [null, Number.NaN, 0] }] }, true], // 0 is a figure
    [{ series: [{ name: 'A', kind: 'area' as const, values: [Number.POSITIVE_INFINITY] }] }, false],
  ])('%#: %s', (input, expected) => {
    expect(hasChartData(input)).toBe(expected);
  });
});

describe('chartSummary', () => {
  it.each<[string, TrendChartInput, string]>([
    [
      'names each series from its first to its last figure',
      walsallTestData,
      'Walsall from 39.6 in 2012-13 to 52.1 in 2024-25; England 37.9 to 41.0; Statistical neighbours 44.0 to 53.0; ' +
        'West Midlands from 40.0 in 2012-13 to 48.0 in 2023-24; Target from 50.0 in 2020-21 to 50.0 in 2024-25.',
    ],
    ['writes the unit', shortTestData, 'Walsall from 61% in 2021-22 to 66% in 2024-25; England 55% to 57%.'],
    ['says when there is nothing', emptyTestData, 'No figures to chart yet.'],
    [
      'gives a single figure its period',
      { ...emptyTestData, series: [{ name: 'Walsall', kind: 'area', values: [null, 12, null] }] },
      'Walsall 12 in 2021-22.',
    ],
    [
      'uses the decimals asked for',
      { ...shortTestData, decimals: 1 },
      'Walsall from 61.0% in 2021-22 to 66.0% in 2024-25; England 55.0% to 57.0%.',
    ],
    [
      'uses the format given, not the unit',
      { ...shortTestData, format: (n: number) => `${n} per cent` },
      'Walsall from 61 per cent in 2021-22 to 66 per cent in 2024-25; England 55 per cent to 57 per cent.',
    ],
    [
      'says "at" a date for a period at a date',
      {
        ...emptyTestData,
        periods: [
          { code: 'AT2013-03-31', label: 'At 31 March 2013' },
          { code: 'AT2013-11-30', label: 'At 30 November 2013' },
        ],
        series: [{ name: 'Walsall', kind: 'area', values: [39.6, 44.5] }],
      },
      'Walsall from 39.6 at 31 March 2013 to 44.5 at 30 November 2013.',
    ],
    [
      'groups thousands',
      { ...emptyTestData, series: [{ name: 'Walsall', kind: 'area', values: [1234, null, 10500] }] },
      'Walsall from 1,234 in 2020-21 to 10,500 in 2022-23.',
    ],
  ])('%s', (_, input, expected) => {
    expect(chartSummary(input)).toBe(expected);
  });
});

describe('trendChart', () => {
  const svg = trendChart(walsallTestData);

  it.each<[string, RegExp]>([
    ['is an image', /^<svg [^>]*role="img"/],
    ['is labelled by its title and description', /aria-labelledby="chart-cin-rate-title chart-cin-rate-desc"/],
    ['has the title', /<title id="chart-cin-rate-title">Children in need, rate per 10,000<\/title>/],
    [
      'describes the trend in words',
      /<desc id="chart-cin-rate-desc">Walsall from 39.6 in 2012-13 to 52.1 in 2024-25; England 37.9 to 41.0;/,
    ],
    ['scales with its container', /viewBox="0 0 640 320" width="100%"/],
    ['labels the area’s last figure', /<text class="app-chart__value-label"[^>]*>52.1<\/text>/],
    ['draws the y axis from 0', />0<\/text>.*>20<\/text>.*>40<\/text>.*>60<\/text>/],
    [
      'draws the area on top of the comparators',
      /app-chart__series--target.*app-chart__series--area[^]*<\/g><text class="app-chart__value-label"/,
    ],
    ['dashes England', /stroke="#28A197" stroke-width="2.5" stroke-linejoin="round" stroke-dasharray="8 4"/],
    ['dots the neighbours', /stroke="#801650" stroke-width="2.5" stroke-linejoin="round" stroke-dasharray="2 3"/],
    ['draws the area solid', /stroke="#12436D" stroke-width="2.5" stroke-linejoin="round"\/>/],
    ['marks the area with circles', /app-chart__series--area.*d="M[\d.]+,[\d.]+a4.5,4.5 /],
    ['marks England with squares', /app-chart__series--england.*d="M[\d.]+,[\d.]+h8v8h-8Z/],
    ['marks the region with triangles', /app-chart__series--region.*d="M[\d.]+,[\d.]+l5.5,9.5h-11Z/],
    ['marks the neighbours with diamonds', /app-chart__series--neighbours.*d="M[\d.]+,[\d.]+l5.5,5.5l-5.5,5.5l-5.5,-5.5Z/],
    ['marks the target with crosses', /app-chart__series--target.*d="M[\d.]+,[\d.]+l8,8m0,-8l-8,8/],
    ['names each series in the legend', /app-chart__legend.*>Walsall<.*>England<.*>Statistical neighbours<.*>West Midlands<.*>Target</],
  ])('%s', (_, pattern) => {
    expect(svg).toMatch(pattern);
  });

  it.each<[string, RegExp, number]>([
    ['has no inline styles', /style=/g, 0],
    ['rounds coordinates to one decimal', /\d\.\d\d/g, 0],
    ['splits the area’s line at the missing year (and draws its legend sample)', /<polyline[^>]*stroke="#12436D"/g, 3],
    ['labels every other year of thirteen, ending with the latest', /text-anchor="middle"/g, 7],
    ['has one legend entry per series', /app-chart__legend-item/g, 5],
  ])('%s', (_, pattern, expected) => {
    expect(count(svg, pattern)).toBe(expected);
  });

  it('labels every period when they fit', () => {
    expect(count(trendChart(shortTestData), /text-anchor="middle"/g)).toBe(4);
  });

  it('shows the latest period label', () => {
    expect(svg).toMatch(/text-anchor="middle"[^>]*>2024-25<\/text><\/g>/);
  });

  it('writes the unit on ticks and the last figure', () => {
    expect(trendChart(shortTestData)).toMatch(/>66%<\/text>/);
    expect(trendChart(shortTestData)).toMatch(/>60%<\/text>/);
  });

  it('starts the axis near the figures when not zero-based', () => {
    expect(trendChart({ ...walsallTestData, zeroBased: false })).toMatch(/>35<\/text>.*>40<\/text>.*>55<\/text>/);
    expect(trendChart({ ...walsallTestData, zeroBased: false })).not.toMatch(/>0<\/text>/);
  });

  it('escapes names and titles from user data', () => {
    const hostile = trendChart({
      ...shortTestData,
      title: 'A & B <script>',
      series: [{ name: `O'Brien "<b>"`, kind: 'area', values: [1, 2, 3, 4] }],
    });
    expect(hostile).toContain('<title id="chart-short-title">A &amp; B &lt;script&gt;</title>');
    expect(hostile).toContain('O&#39;Brien &quot;&lt;b&gt;&quot;');
    expect(hostile).not.toMatch(/<script|<b>/);
  });

  it('makes ids from the prefix safe', () => {
    expect(trendChart({ ...shortTestData, id: 'a b"c' })).toContain('aria-labelledby="a-b-c-title a-b-c-desc"');
  });

  it('is the same each time', () => {
    expect(trendChart(walsallTestData)).toBe(svg);
  });

  it('stays small', () => {
    expect(svg.length).toBeLessThan(10_000);
  });

  it('says there is nothing to chart when there are no figures', () => {
    expect(trendChart(emptyTestData)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" class="app-chart app-chart--empty" viewBox="0 0 640 40" width="100%" role="img" ' +
        'aria-labelledby="chart-empty-title chart-empty-desc" font-size="14"><title id="chart-empty-title">Nothing yet</title>' +
        '<desc id="chart-empty-desc">No figures to chart yet.</desc><text x="0" y="25" fill="#0b0c0c">No figures to chart yet</text></svg>',
    );
  });

  it('leaves a series without figures out of the legend', () => {
    const withEmptyRegion = trendChart({
      ...shortTestData,
      series: [...shortTestData.series, { name: 'Region', kind: 'region', values: [] }],
    });
    expect(withEmptyRegion).not.toContain('>Region<');
  });
});

describe('SERIES_STYLES', () => {
  it.each(Object.entries(SERIES_STYLES))('%s has at least 3:1 contrast with white', (_, style) => {
    expect(contrastWithWhite(style.colour)).toBeGreaterThanOrEqual(3);
  });

  it('gives every kind its own marker and line', () => {
    const styles = Object.values(SERIES_STYLES);
    expect(new Set(styles.map((s) => s.marker)).size).toBe(styles.length);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(styles.length);
  });
});
