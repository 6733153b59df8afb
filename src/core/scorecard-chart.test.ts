import { describe, expect, it } from 'vitest';
import { trendChart } from './charts.ts';
import { rowChartable, rowChartAlt, rowChartInput, rowChartTitle, type ChartableRow } from './scorecard-chart.ts';

const row = (over: Partial<ChartableRow> = {}): ChartableRow => ({
  id: 'r1',
  indicator: { code: 'ia-10-days-pct', title: 'Initial assessments within 10 days', unit: 'percentage', decimals: 1 },
  areaName: 'Walsall',
  breakdown: '',
  periods: [
    { code: 'FY2012-13', label: '2012-13' },
    { code: 'FY2013-14', label: '2013-14' },
  ],
  figures: [{ value: 64.9 }, { value: 46 }],
  englandTrend: [75.5, null],
  ...over,
});

describe('charts of scorecard rows', () => {
  it.each([
    { name: 'with England where published', over: {}, series: ['Walsall', 'England'] },
    { name: 'without England when it has no figure', over: { englandTrend: [null, null] }, series: ['Walsall'] },
    { name: 'without England in a pack frozen before charts', over: { englandTrend: undefined }, series: ['Walsall'] },
  ])('draws the row’s figures $name', ({ over, series }) => {
    expect(rowChartInput(row(over), 'c').series.map((s) => s.name)).toEqual(series);
  });

  it('titles the chart by indicator, area and breakdown', () => {
    expect(rowChartTitle(row())).toBe('Initial assessments within 10 days, Walsall');
    expect(rowChartTitle(row({ breakdown: 'Age 0-4' }))).toBe('Initial assessments within 10 days, Walsall (Age 0-4)');
  });

  it('describes the chart in words for alt text, with the figures as the scorecard writes them', () => {
    expect(rowChartAlt(row())).toBe(
      'Line chart of Initial assessments within 10 days, Walsall. Walsall from 64.9% in 2012-13 to 46.0% in 2013-14; England 75.5% in 2012-13.',
    );
  });

  it('has nothing to chart when every figure is missing or suppressed', () => {
    expect(rowChartable(row())).toBe(true);
    expect(rowChartable(row({ figures: [{ value: null }, { value: null }], englandTrend: [75.5, 70] }))).toBe(false);
  });

  it('makes an accessible SVG named by the chart’s id', () => {
    const svg = trendChart(rowChartInput(row(), 'chart-r1'));
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="chart-r1-title chart-r1-desc"');
  });
});
