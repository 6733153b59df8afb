import {
  bandOf,
  neighbourMean,
  quartiles,
  quartileBand,
  rank,
  rateInterval,
  significance,
  wilson,
  type Interval,
  type Polarity,
  type QuartileBand,
  type Significance,
} from './benchmarks.ts';
import { ratePerOf, type Unit } from './indicators.ts';

/** A figure as the panel needs it. */
export interface Figure {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface PanelInput {
  unit: Unit;
  polarity: Polarity;
  subject: Figure | undefined;
  england: Figure | undefined;
  region: Figure | undefined;
  /** Every council's value for the period (England and regions excluded). */
  councils: readonly (number | null)[];
  /** The comparator councils' values (the subject excluded). */
  neighbours: readonly (number | null)[];
}

/** Where one council stands for one indicator and period. */
export interface BenchmarkPanel {
  value: number | null;
  /** The subject's own count and denominator, where known (the figure the value was worked out from). */
  numerator: number | null;
  denominator: number | null;
  england: number | null;
  region: number | null;
  neighbourMean: number | null;
  neighbourCount: number;
  band: QuartileBand | null;
  rank: number | null;
  rankOf: number;
  interval: Interval | null;
  significance: Significance | null;
}

/**
 * The 95% interval of a figure from its numerator and denominator: Wilson's score interval for
 * a percentage, Byar's for a rate per 1,000/10,000/100,000; none for other units.
 */
export function figureInterval(unit: Unit, figure: Figure | undefined): Interval | null {
  const per = ratePerOf(unit);
  const x = figure?.numerator;
  const n = figure?.denominator;
  if (per === null || x == null || n == null) return null;
  if (unit === 'percentage') {
    const p = wilson(x, n);
    return p && { lower: p.lower * 100, upper: p.upper * 100 };
  }
  return rateInterval(x, n, per);
}

/**
 * The benchmark panel: value, England, region, neighbour mean (with how many neighbours had a
 * figure), quartile band and rank among all councils, and significance against England.
 */
export function benchmarkPanel(input: PanelInput): BenchmarkPanel {
  const value = input.subject?.value ?? null;
  const england = input.england?.value ?? null;
  const mean = neighbourMean(input.neighbours);
  const ranked = rank(value, input.councils, input.polarity);
  const interval = figureInterval(input.unit, input.subject);
  return {
    value,
    numerator: input.subject?.numerator ?? null,
    denominator: input.subject?.denominator ?? null,
    england,
    region: input.region?.value ?? null,
    neighbourMean: mean.mean,
    neighbourCount: mean.count,
    band: quartileBand(value, input.councils, input.polarity),
    // A region or England is not ranked among councils (with no councils there is no rank).
    rank: ranked && ranked.of > 0 ? ranked.rank : null,
    rankOf: ranked?.of ?? input.councils.filter((v) => v !== null).length,
    interval,
    significance: significance(interval, england, input.polarity),
  };
}

export const SIGNIFICANCE_LABELS: Record<Significance, string> = {
  better: 'Better than England',
  similar: 'Similar to England',
  worse: 'Worse than England',
  higher: 'Higher than England',
  lower: 'Lower than England',
};

export const BAND_LABELS: Record<QuartileBand, string> = {
  A: 'A – best quarter of councils',
  B: 'B – second quarter',
  C: 'C – third quarter',
  D: 'D – worst quarter of councils',
};

/** One council's figure for a period, with its region, as the whole-country computation takes it. */
export interface CouncilFigure {
  areaId: string;
  regionId: string | null;
  figure: Figure;
}

export interface AllCouncilsInput {
  unit: Unit;
  polarity: Polarity;
  england: Figure | undefined;
  regions: ReadonlyMap<string, Figure>;
  councils: readonly CouncilFigure[];
  /** Each council's comparators (area ids). */
  neighboursOf: (areaId: string) => readonly string[];
}

/** Index of the first element of an ascending array that is ≥ x (or > x when `strict`). */
function bound(xs: readonly number[], x: number, strict: boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? xs[mid]! <= x : xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every council's panel for one indicator and period at once: the same rules as benchmarkPanel,
 * with the quartiles and the order of councils worked out once rather than once per council.
 */
export function allCouncilPanels(input: AllCouncilsInput): Map<string, BenchmarkPanel> {
  const values = input.councils.map((c) => c.figure.value);
  const q = quartiles(values);
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const byArea = new Map(input.councils.map((c) => [c.areaId, c.figure.value]));
  const directed = input.polarity === 'bigger' || input.polarity === 'smaller';
  const england = input.england?.value ?? null;
  const panels = new Map<string, BenchmarkPanel>();
  for (const council of input.councils) {
    const value = council.figure.value;
    const mean = neighbourMean(input.neighboursOf(council.areaId).map((id) => byArea.get(id) ?? null));
    const better =
      value === null || !directed
        ? null
        : input.polarity === 'smaller'
          ? bound(sorted, value, false)
          : sorted.length - bound(sorted, value, true);
    const interval = figureInterval(input.unit, council.figure);
    panels.set(council.areaId, {
      value,
      numerator: council.figure.numerator ?? null,
      denominator: council.figure.denominator ?? null,
      england,
      region: council.regionId ? (input.regions.get(council.regionId)?.value ?? null) : null,
      neighbourMean: mean.mean,
      neighbourCount: mean.count,
      band: bandOf(value, q, input.polarity),
      rank: better === null ? null : better + 1,
      rankOf: sorted.length,
      interval,
      significance: significance(interval, england, input.polarity),
    });
  }
  return panels;
}
