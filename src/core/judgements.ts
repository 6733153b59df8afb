import type { Polarity } from './benchmarks.ts';
import { formatFigure, type Unit } from './indicators.ts';
import type { Rag } from './plans.ts';

/**
 * Scorecard judgements: direction of travel against the previous comparable period and
 * a RAG rating by the rule chosen for each row, with a manual override that needs a reason. Pure
 * functions; missing figures are null and give no judgement rather than a guess.
 */

/** A judgement where the indicator has a better direction; just the movement where it has none. */
export type Direction = 'improved' | 'maintained' | 'deteriorated' | 'up' | 'down' | 'same';

export interface DirectionOfTravel {
  direction: Direction | null;
  /** Current minus previous, in the indicator's units. */
  change: number | null;
}

export interface DirectionOptions {
  /** How far a figure may move and still count as maintained: in the indicator's units, or a fraction of the previous figure when relative. */
  maintainedBand?: number;
  relative?: boolean;
  /** The target band, for an indicator that is best within one; either edge may be open. */
  bandLow?: number | null;
  bandHigh?: number | null;
}

const isFigure = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Differences rounded to 9 places, so 10.4 − 10.5 is −0.1 and a change on the band's edge counts as inside it. */
const clean = (x: number): number => Math.round(x * 1e9) / 1e9 || 0;

/** How far a value lies outside [low, high]; 0 inside or on an edge. */
const outside = (x: number, low: number, high: number): number => clean(x < low ? low - x : x > high ? x - high : 0);

/**
 * Direction of travel as board scorecards show it (e.g. Walsall's "improved / maintained /
 * deteriorated" legend): a change within the maintained band is maintained; a band indicator
 * improves as it moves closer to its band; without a better direction (or a band) only up, down or same.
 * @example directionOfTravel(46.0, 64.9, 'bigger') // { direction: 'deteriorated', change: -18.9 }
 */
export function directionOfTravel(
  current: number | null,
  previous: number | null,
  polarity: Polarity,
  options: DirectionOptions = {},
): DirectionOfTravel {
  if (!isFigure(current) || !isFigure(previous)) return { direction: null, change: null };
  const change = clean(current - previous);
  const width = isFigure(options.maintainedBand) ? Math.abs(options.maintainedBand) : 0;
  const tolerance = clean(options.relative ? width * Math.abs(previous) : width);
  const low = isFigure(options.bandLow) ? options.bandLow : -Infinity;
  const high = isFigure(options.bandHigh) ? options.bandHigh : Infinity;
  if (polarity === 'band' && (isFigure(options.bandLow) || isFigure(options.bandHigh))) {
    const [lo, hi] = low <= high ? [low, high] : [high, low];
    const closer = clean(outside(previous, lo, hi) - outside(current, lo, hi));
    return { direction: Math.abs(closer) <= tolerance ? 'maintained' : closer > 0 ? 'improved' : 'deteriorated', change };
  }
  const within = Math.abs(change) <= tolerance;
  if (polarity === 'bigger' || polarity === 'smaller') {
    const better = polarity === 'bigger' ? change > 0 : change < 0;
    return { direction: within ? 'maintained' : better ? 'improved' : 'deteriorated', change };
  }
  return { direction: within ? 'same' : change > 0 ? 'up' : 'down', change };
}

export const DIRECTION_LABELS: Record<Direction, string> = {
  improved: 'Improved',
  maintained: 'Maintained',
  deteriorated: 'Deteriorated',
  up: 'Went up',
  down: 'Went down',
  same: 'No change',
};

/**
 * Text symbols, always shown beside their words and never by colour alone. A judgement's symbol
 * follows the judgement, not the number: ▲ is improved whether the figure rose or fell. All are
 * in WGL4, so Arial and the common system fonts have them.
 */
export const DIRECTION_SYMBOLS: Record<Direction, string> = {
  improved: '▲',
  maintained: '►',
  deteriorated: '▼',
  up: '↑',
  down: '↓',
  same: '→',
};

export interface DirectionLegendEntry {
  direction: Direction;
  symbol: string;
  label: string;
  meaning: string;
}

const MEANINGS: Record<Direction, string> = {
  improved: 'Better than the previous comparable period',
  maintained: 'Within the maintained band of the previous comparable period',
  deteriorated: 'Worse than the previous comparable period',
  up: 'Higher than the previous comparable period; neither higher nor lower is better',
  down: 'Lower than the previous comparable period; neither higher nor lower is better',
  same: 'The same as the previous comparable period; neither higher nor lower is better',
};

/** The legend under a scorecard, in the order the page lists it. */
export const DIRECTION_LEGEND: readonly DirectionLegendEntry[] = (
  ['improved', 'maintained', 'deteriorated', 'up', 'down', 'same'] as const
).map((direction) => ({
  direction,
  symbol: DIRECTION_SYMBOLS[direction],
  label: DIRECTION_LABELS[direction],
  meaning: MEANINGS[direction],
}));

/** How a row is rated: against its target with a tolerance, England, the neighbour mean, or within a target band. */
export type RagRule =
  | { kind: 'target'; target: number | null; tolerance: number }
  | { kind: 'england'; england: number | null; tolerance?: number }
  | { kind: 'neighbours'; mean: number | null; tolerance?: number }
  | { kind: 'band'; low: number; high: number; tolerance?: number };

export type RagRuleKind = RagRule['kind'];

export interface RagJudgement {
  rag: Rag | null;
  reason: string;
}

/** How the numbers in a reason are written; by default plain with one decimal place. */
export interface ReasonFormat {
  unit?: Unit;
  decimals?: number;
}

export const RAG_LABELS: Record<Rag | 'unrated', string> = {
  green: 'Green – on track',
  amber: 'Amber – close',
  red: 'Red – off track',
  unrated: 'Not rated',
};

export const RAG_RULE_LABELS: Record<RagRuleKind, string> = {
  target: 'Against the target, with a tolerance',
  england: 'Against England',
  neighbours: 'Against the statistical neighbour mean',
  band: 'Within a target band',
};

const COMPARATORS: Record<Exclude<RagRuleKind, 'band'>, { name: string; missing: string }> = {
  target: { name: 'the target', missing: 'No target set' },
  england: { name: 'the England figure', missing: 'No England figure' },
  neighbours: { name: 'the neighbour mean', missing: 'No neighbour mean' },
};

const unrated = (reason: string): RagJudgement => ({ rag: null, reason });

/**
 * The RAG rating of a figure by a row's rule: green on or past the comparator (inside the band),
 * amber short of it by no more than the tolerance, red further off; null with the reason when it
 * cannot be rated. The band rule ignores polarity; the others need bigger or smaller is better.
 * @example ragFor(46.0, 'bigger', { kind: 'target', target: 60, tolerance: 5 }) // red, "46.0 is below the target of 60.0 by more than 5.0"
 */
export function ragFor(value: number | null, polarity: Polarity, rule: RagRule, format: ReasonFormat = {}): RagJudgement {
  const decimals = format.decimals ?? 1;
  const show = (n: number): string => formatFigure(n, format.unit ?? 'score', decimals);
  const gap = (n: number): string => (format.unit === 'percentage' ? `${formatFigure(n, 'score', decimals)} percentage points` : show(n));
  const tolerance = isFigure(rule.tolerance) ? Math.max(0, rule.tolerance) : 0;
  const offBy = (figure: number, shortBy: number, side: string, against: string): RagJudgement =>
    shortBy <= clean(tolerance)
      ? { rag: 'amber', reason: `${show(figure)} is ${side} ${against}, within the tolerance of ${gap(tolerance)}` }
      : { rag: 'red', reason: `${show(figure)} is ${side} ${against}${tolerance > 0 ? ` by more than ${gap(tolerance)}` : ''}` };

  if (rule.kind === 'band') {
    if (!isFigure(value)) return unrated('No figure');
    if (!isFigure(rule.low) || !isFigure(rule.high)) return unrated('No target band set');
    const [low, high] = rule.low <= rule.high ? [rule.low, rule.high] : [rule.high, rule.low];
    const against = `the band of ${show(low)} to ${show(high)}`;
    const shortBy = outside(value, low, high);
    if (shortBy === 0) return { rag: 'green', reason: `${show(value)} is within ${against}` };
    return offBy(value, shortBy, value < low ? 'below' : 'above', against);
  }

  const { name, missing } = COMPARATORS[rule.kind];
  if (polarity === 'none') return unrated(`No better direction to rate against ${name}`);
  if (polarity === 'band') return unrated('Rate an indicator that is best within a band with the target band rule');
  if (!isFigure(value)) return unrated('No figure');
  const comparator = rule.kind === 'target' ? rule.target : rule.kind === 'england' ? rule.england : rule.mean;
  if (!isFigure(comparator)) return unrated(missing);
  const against = `${name} of ${show(comparator)}`;
  const shortBy = clean(polarity === 'bigger' ? comparator - value : value - comparator);
  if (shortBy === 0) return { rag: 'green', reason: `${show(value)} equals ${against}` };
  if (shortBy < 0) return { rag: 'green', reason: `${show(value)} is ${polarity === 'bigger' ? 'above' : 'below'} ${against}` };
  return offBy(value, shortBy, polarity === 'bigger' ? 'below' : 'above', against);
}

export interface RagOverride {
  rag: Rag;
  reason: string;
}

export interface RatedRow {
  rag: Rag | null;
  reason: string;
  overridden: boolean;
}

/** The shortest reason a manual rating is accepted with, once trimmed. */
export const MIN_OVERRIDE_REASON = 5;

/**
 * The rating a row shows: the computed one, or a manual rating, which needs a reason (at least
 * five characters once trimmed) for the audit record the service writes.
 * @example overrideRag(computed, { rag: 'amber', reason: 'Data lag: September cohort not yet in' })
 */
export function overrideRag(computed: RagJudgement, override: RagOverride | null): RatedRow {
  if (override === null) return { rag: computed.rag, reason: computed.reason, overridden: false };
  const reason = typeof override.reason === 'string' ? override.reason.trim() : '';
  if (reason.length < MIN_OVERRIDE_REASON) throw new Error('A manual rating needs a reason');
  return { rag: override.rag, reason, overridden: true };
}
