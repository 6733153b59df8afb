/**
 * Trend charts: an indicator's figures over time as a server-rendered SVG, an add-on to the table of
 * the same figures (the page gives the <figure>, its <figcaption> and the table). Series differ by
 * marker shape and dash pattern as well as colour (the Government Analysis Function palette), so colour
 * is never the only signal; styling is by presentation attributes and classes, never inline styles,
 * so the Content-Security-Policy holds and a saved file still draws.
 */

export type SeriesKind = 'area' | 'england' | 'region' | 'neighbours' | 'target';

export interface ChartSeries {
  /** What the legend and description call it, e.g. "Walsall". */
  name: string;
  kind: SeriesKind;
  /** One per period, in the same order; null where there is no figure. */
  values: readonly (number | null)[];
}

export interface TrendChartInput {
  /** Prefix for the chart's element ids, unique on the page, e.g. "chart-cp-plan-rate". */
  id: string;
  /** What the chart shows, e.g. "Children on a child protection plan, rate per 10,000". */
  title: string;
  /** The x axis, oldest first. */
  periods: readonly { code: string; label: string }[];
  series: readonly ChartSeries[];
  /** Written after each figure, e.g. "%"; ignored when `format` is given. */
  unit?: string;
  /** Decimal places for figures; by default as many as the figures have (at most 3). */
  decimals?: number;
  /** Writes a figure for the tick and point labels and the description, instead of `unit` and `decimals`. */
  format?: (n: number) => string;
  /** Start the y axis at 0 (counts and rates); default true. */
  zeroBased?: boolean;
  width?: number;
  height?: number;
}

export interface Scale {
  min: number;
  max: number;
  step: number;
  /** From min to max by step. */
  ticks: number[];
}

type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';

/** How each kind of series is drawn: all colours have at least 3:1 contrast with white. */
export const SERIES_STYLES: Record<SeriesKind, { colour: string; marker: Marker; dash: string | null }> = {
  area: { colour: '#12436D', marker: 'circle', dash: null },
  england: { colour: '#28A197', marker: 'square', dash: '8 4' },
  region: { colour: '#F46A25', marker: 'triangle', dash: '12 4 2 4' },
  neighbours: { colour: '#801650', marker: 'diamond', dash: '2 3' },
  target: { colour: '#3D3D3D', marker: 'cross', dash: '16 5' },
};

const FONT = 14;
const TEXT = '#0b0c0c';
const MUTED = '#505a5f';
const GRID = '#b1b4b6';
const SAMPLE = 32; // the legend's line sample
const ROW = 22; // the legend's row height
const MANTISSAS = [1, 2, 2.5, 5];

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const clean = (n: number) => Number(n.toPrecision(12));
const r1 = (n: number) => String(Math.round(n * 10) / 10);
/** A generous guess at a label's width, since the server cannot measure text. */
const textWidth = (s: string) => s.length * FONT * 0.55;
const decimalsOf = (n: number) => (String(clean(n)).split('.')[1] ?? '').length;
const fixed = (n: number, decimals: number) =>
  n.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** Text made safe for SVG (and HTML) content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A y axis from a round number at or below `min` to one at or above `max`, stepping by 1, 2, 2.5 or 5
 * times a power of ten, with as many ticks as fit in `ticks` (at least 3; with the default 6 there are
 * 4 to 6). `minStep` stops steps finer than whole numbers for counts.
 * @example niceScale(0, 52.1) // { min: 0, max: 60, step: 20, ticks: [0, 20, 40, 60] }
 */
export function niceScale(min: number, max: number, ticks = 6, minStep = 0): Scale {
  if (!finite(min) || !finite(max)) return niceScale(0, 1, ticks, minStep);
  const most = Math.max(3, Math.floor(ticks));
  let [lo, hi] = min <= max ? [min, max] : [max, min];
  if (lo === hi) [lo, hi] = lo === 0 ? [0, 1] : [lo - Math.abs(lo) / 10, hi + Math.abs(hi) / 10];
  const first = Math.floor(Math.log10((hi - lo) / (most - 1))) - 1;
  for (let exp = first; exp < first + 40; exp += 1) {
    for (const mantissa of MANTISSAS) {
      const step = clean(mantissa * 10 ** exp);
      const [from, to] = [Math.floor(lo / step + 1e-9), Math.ceil(hi / step - 1e-9)];
      if (step < minStep || to - from + 1 > most) continue;
      const values = Array.from({ length: to - from + 1 }, (_, i) => clean((from + i) * step));
      return { min: values[0]!, max: values[values.length - 1]!, step, ticks: values };
    }
  }
  return { min: lo, max: hi, step: hi - lo, ticks: [lo, hi] };
}

/** Whether there is any figure to draw; without one, say so in a sentence rather than draw an empty chart. */
export function hasChartData(input: Pick<TrendChartInput, 'series'>): boolean {
  return input.series.some((s) => s.values.some(finite));
}

/** Writes figures as the input asks: its own `format`, or the decimals (given, or the figures' own) and unit. */
function formatter(input: TrendChartInput): (n: number, decimals?: number) => string {
  const { format, unit = '' } = input;
  if (format) return (n) => format(n);
  const own = Math.min(3, Math.max(0, ...input.series.flatMap((s) => s.values.filter(finite).map(decimalsOf))));
  return (n, decimals = input.decimals ?? own) => `${fixed(n, decimals)}${unit}`;
}

function markerPath(marker: Marker, x: number, y: number): string {
  const [X, Y] = [r1(x), r1(y)];
  switch (marker) {
    case 'circle':
      return `M${r1(x - 4.5)},${Y}a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0Z`;
    case 'square':
      return `M${r1(x - 4)},${r1(y - 4)}h8v8h-8Z`;
    case 'triangle':
      return `M${X},${r1(y - 5.5)}l5.5,9.5h-11Z`;
    case 'diamond':
      return `M${X},${r1(y - 5.5)}l5.5,5.5l-5.5,5.5l-5.5,-5.5Z`;
    case 'cross':
      return `M${r1(x - 4)},${r1(y - 4)}l8,8m0,-8l-8,8`;
  }
}

function markers(kind: SeriesKind, points: readonly [number, number][]): string {
  const { colour, marker } = SERIES_STYLES[kind];
  const paint =
    marker === 'cross' ? `fill="none" stroke="${colour}" stroke-width="2.5"` : `fill="${colour}" stroke="#ffffff" stroke-width="1"`;
  return `<path class="app-chart__markers" d="${points.map(([x, y]) => markerPath(marker, x, y)).join('')}" ${paint}/>`;
}

function line(kind: SeriesKind, points: readonly [number, number][]): string {
  const { colour, dash } = SERIES_STYLES[kind];
  const dashed = dash ? ` stroke-dasharray="${dash}"` : '';
  const xy = points.map(([x, y]) => `${r1(x)},${r1(y)}`).join(' ');
  return `<polyline points="${xy}" fill="none" stroke="${colour}" stroke-width="2.5" stroke-linejoin="round"${dashed}/>`;
}

/** Runs of consecutive figures, so a missing period leaves a gap in the line. */
function segments(points: readonly ([number, number] | null)[]): [number, number][][] {
  const runs: [number, number][][] = [[]];
  for (const point of points) {
    if (point) runs[runs.length - 1]!.push(point);
    else if (runs[runs.length - 1]!.length) runs.push([]);
  }
  return runs.filter((run) => run.length > 1);
}

/** In words, e.g. "Walsall from 39.6 in 2012-13 to 52.1 in 2024-25; England 37.9 to 41.0." */
export function chartSummary(input: TrendChartInput): string {
  const write = formatter(input);
  // "in 2012-13", "in Nov 2013", but "at 31 March 2013" for a period labelled "At 31 March 2013".
  const label = (i: number) => {
    const text = input.periods[i]?.label ?? '';
    return text.startsWith('At ') ? `at ${text.slice(3)}` : `in ${text}`;
  };
  let span: [number, number] | undefined;
  const parts = input.series.flatMap((s) => {
    const at = s.values.flatMap((v, i) => (finite(v) && i < input.periods.length ? [i] : []));
    if (at.length === 0) return [];
    const [a, b] = [at[0]!, at[at.length - 1]!];
    const [from, to] = [write(s.values[a]!), write(s.values[b]!)];
    if (a === b) return [`${s.name} ${from} ${label(a)}`];
    const same = span?.[0] === a && span[1] === b;
    span ??= [a, b];
    return [same ? `${s.name} ${from} to ${to}` : `${s.name} from ${from} ${label(a)} to ${to} ${label(b)}`];
  });
  return parts.length ? `${parts.join('; ')}.` : 'No figures to chart yet.';
}

function legend(series: readonly ChartSeries[], width: number): { svg: string; rows: number } {
  let [x, row] = [0, 0];
  const items = series.map((s) => {
    const w = SAMPLE + 6 + textWidth(s.name);
    if (x > 0 && x + w > width) [x, row] = [0, row + 1];
    const [left, y] = [x, row * ROW + 12];
    x += w + 20;
    return `<g class="app-chart__legend-item">${line(s.kind, [
      [left + 2, y],
      [left + SAMPLE - 2, y],
    ])}${markers(s.kind, [[left + SAMPLE / 2, y]])}<text x="${r1(left + SAMPLE + 6)}" y="${y + 5}" fill="${TEXT}">${escapeXml(s.name)}</text></g>`;
  });
  return { svg: `<g class="app-chart__legend">${items.join('')}</g>`, rows: row + 1 };
}

function svgOpen(input: TrendChartInput, width: number, height: number, modifier = ''): string {
  const id = escapeXml(input.id.replace(/[^A-Za-z0-9_-]/g, '-'));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart${modifier}" viewBox="0 0 ${width} ${height}" width="100%" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc" font-size="${FONT}">` +
    `<title id="${id}-title">${escapeXml(input.title)}</title><desc id="${id}-desc">${escapeXml(chartSummary(input))}</desc>`
  );
}

/**
 * An indicator's trend as an accessible SVG (role="img", titled and described in words), to sit in a
 * <figure> beside a table of the same figures. Without figures, a one-line SVG saying so.
 */
export function trendChart(input: TrendChartInput): string {
  const { periods, series, width = 640, height = 320 } = input;
  if (!hasChartData(input) || periods.length === 0) {
    return `${svgOpen(input, width, 40, ' app-chart--empty')}<text x="0" y="25" fill="${TEXT}">No figures to chart yet</text></svg>`;
  }
  const write = formatter(input);
  const values = series.flatMap((s) => s.values.slice(0, periods.length).filter(finite));
  const zero = input.zeroBased ?? true;
  const [lo, hi] = [Math.min(...values, ...(zero ? [0] : [])), Math.max(...values, ...(zero ? [0] : []))];
  const scale = niceScale(lo, hi, 6, values.every(Number.isInteger) ? 1 : 0);
  const tick = (n: number) => (input.format ? write(n) : write(n, decimalsOf(scale.step)));
  const area = series.find((s) => s.kind === 'area' && s.values.slice(0, periods.length).some(finite));
  const lastAt = area ? area.values.slice(0, periods.length).findLastIndex(finite) : -1;
  const lastLabel = area ? write(area.values[lastAt]!) : '';
  const key = legend(
    series.filter((s) => s.values.slice(0, periods.length).some(finite)),
    width,
  );
  const top = key.rows * ROW + 16;
  const left = Math.max(...scale.ticks.map((t) => textWidth(tick(t)))) + 14;
  const right = width - Math.max(16, textWidth(lastLabel) + 12);
  const bottom = height - 30;
  const band = (right - left) / periods.length;
  const x = (i: number) => left + (i + 0.5) * band;
  const y = (v: number) => top + ((scale.max - v) / (scale.max - scale.min)) * (bottom - top);
  const every = Math.max(1, Math.ceil((Math.max(...periods.map((p) => textWidth(p.label))) + 12) / band));

  const grid = scale.ticks.map(
    (t) =>
      `<line x1="${r1(left)}" y1="${r1(y(t))}" x2="${r1(right)}" y2="${r1(y(t))}" stroke="${t === 0 ? MUTED : GRID}" stroke-width="1"/>` +
      `<text x="${r1(left - 8)}" y="${r1(y(t) + 5)}" text-anchor="end" fill="${MUTED}">${escapeXml(tick(t))}</text>`,
  );
  const xLabels = periods.flatMap((p, i) =>
    (periods.length - 1 - i) % every === 0
      ? [`<text x="${r1(x(i))}" y="${height - 8}" text-anchor="middle" fill="${MUTED}">${escapeXml(p.label)}</text>`]
      : [],
  );
  // The area is drawn last, so it sits on top of the comparators.
  const drawn = [...series.filter((s) => s !== area), ...(area ? [area] : [])].map((s) => {
    const points = periods.map((_, i): [number, number] | null => (finite(s.values[i]) ? [x(i), y(s.values[i]!)] : null));
    const present = points.filter((p): p is [number, number] => p !== null);
    if (present.length === 0) return '';
    const lines = segments(points).map((run) => line(s.kind, run));
    return `<g class="app-chart__series app-chart__series--${s.kind}">${lines.join('')}${markers(s.kind, present)}</g>`;
  });
  const valueLabel = area
    ? `<text class="app-chart__value-label" x="${r1(x(lastAt) + 9)}" y="${r1(y(area.values[lastAt]!) + 5)}" fill="${SERIES_STYLES.area.colour}" font-weight="bold">${escapeXml(lastLabel)}</text>`
    : '';
  return [
    svgOpen(input, width, height),
    key.svg,
    `<g class="app-chart__grid">${grid.join('')}</g>`,
    `<g class="app-chart__periods">${xLabels.join('')}</g>`,
    ...drawn,
    valueLabel,
    '</svg>',
  ].join('');
}
