import {
  neighbourMean,
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
    england,
    region: input.region?.value ?? null,
    neighbourMean: mean.mean,
    neighbourCount: mean.count,
    band: quartileBand(value, input.councils, input.polarity),
    rank: ranked?.rank ?? null,
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
