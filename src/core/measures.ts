import { formatFigure } from './indicators.ts';
import { directionOfTravel, DIRECTION_LABELS, DIRECTION_SYMBOLS, type Direction } from './judgements.ts';
import type { Rag } from './plans.ts';
import { scorecardRow, type RowInput, type SeriesFigure } from './scorecard.ts';

/**
 * Success measures judged by the scorecard's rules (core/scorecard.ts): a measure linked to an
 * indicator shows its latest figure, its direction of travel and a RAG rating against its target
 * (or the trajectory's interim target for the figure's period); a text-only measure, or a linked
 * one with no figure yet, says "no figure" and is not rated.
 */

/** An interim target on the way to the final one, for one period (e.g. "AY2014-15"). */
export interface TrajectoryPoint {
  period: string;
  value: number;
}

/** A figure of the measure's series; the numerator lets public pages withhold small numbers. */
export type MeasureFigure = SeriesFigure & { numerator?: number | null };

export interface MeasureInput {
  /** The linked indicator; null for a text-only measure. */
  indicator: RowInput['indicator'] | null;
  /** The area's figures for the indicator and breakdown, oldest first. */
  series: readonly MeasureFigure[];
  /** The latest figure is for a period begun by this day, as on a scorecard. */
  asAt: string;
  baseline: { value: number | null; periodCode: string | null; periodLabel: string | null };
  target: { value: number | null; date: string | null };
  trajectory: readonly TrajectoryPoint[];
  /** How far short of the target is still amber, in the indicator's units. */
  tolerance: number;
}

export type MeasureKind = 'text' | 'awaiting' | 'figure';

export interface MeasureStanding {
  /** text: no indicator; awaiting: linked, but no figure yet; figure: a latest figure to judge. */
  kind: MeasureKind;
  latest: { value: number | null; text: string; periodCode: string; periodLabel: string; numerator: number | null; local: boolean } | null;
  baseline: string | null;
  target: string | null;
  /** The target the latest figure was rated against: the trajectory's for its period, else the final one. */
  ratedAgainst: { value: number; text: string; interim: boolean } | null;
  direction: { direction: Direction; symbol: string; label: string; words: string } | null;
  rag: Rag | null;
  reason: string;
}

/** What a page says where a measure has no figure. */
export const NO_FIGURE = 'No figure';

/**
 * A measure's standing as at a date.
 * @example measureStanding({ indicator, series, asAt: '2016-03-31', baseline: { value: 37.3, periodCode: 'AY2012-13', periodLabel: '2012/13' }, target: { value: 35.5, date: '2016-03-31' }, trajectory: [], tolerance: 1 }).rag // "amber"
 */
export function measureStanding(input: MeasureInput): MeasureStanding {
  const { indicator } = input;
  if (indicator === null) {
    return {
      kind: 'text',
      latest: null,
      baseline: null,
      target: null,
      ratedAgainst: null,
      direction: null,
      rag: null,
      reason: 'A text-only measure: no figure',
    };
  }
  const fmt = (v: number | null) => (v === null ? null : formatFigure(v, indicator.unit, indicator.decimals));
  const interimFor = (code: string) => input.trajectory.find((t) => t.period === code);
  const targetFor = (code: string) => {
    const value = interimFor(code)?.value ?? input.target.value;
    return value === null ? undefined : { value, tolerance: input.tolerance };
  };
  const row = scorecardRow({
    indicator,
    series: input.series,
    asAt: input.asAt,
    previousPeriods: 1,
    benchmarksFor: () => undefined,
    targetFor,
    ragRule: 'target',
    tolerance: input.tolerance,
    maintainedBand: 0,
  });
  const baseline = fmt(input.baseline.value);
  const common = {
    baseline: baseline && input.baseline.periodLabel ? `${baseline} (${input.baseline.periodLabel})` : baseline,
    target: fmt(input.target.value),
  };
  const current = row.current;
  if (!current || current.value === null) {
    return {
      kind: 'awaiting',
      latest: current ? latestOf(current, input.series) : null,
      ...common,
      ratedAgainst: null,
      direction: null,
      rag: null,
      reason: current ? `${current.text} for ${current.periodLabel}: no figure to rate` : 'No figure yet for this indicator and area',
    };
  }
  const interim = interimFor(current.periodCode);
  const against = targetFor(current.periodCode);
  return {
    kind: 'figure',
    latest: latestOf(current, input.series),
    ...common,
    ratedAgainst: against ? { value: against.value, text: fmt(against.value)!, interim: interim !== undefined } : null,
    direction: travel(input, current.value, current.periodCode, row.direction, row.periods.length > 1 ? row.periods[0]!.label : undefined),
    rag: row.rag.rag,
    reason: interim && row.rag.rag ? `${row.rag.reason} (the interim target for ${current.periodLabel})` : row.rag.reason,
  };
}

function latestOf(
  current: { value: number | null; text: string; periodCode: string; periodLabel: string; local: boolean },
  series: readonly MeasureFigure[],
) {
  const figure = series.find((f) => f.periodCode === current.periodCode && f.local === current.local);
  return {
    value: current.value,
    text: current.text,
    periodCode: current.periodCode,
    periodLabel: current.periodLabel,
    numerator: figure?.numerator ?? null,
    local: current.local,
  };
}

/**
 * Direction of travel since the baseline when the measure has one for an earlier period; otherwise
 * since the previous comparable period, as a scorecard shows it.
 */
function travel(
  input: MeasureInput,
  value: number,
  periodCode: string,
  sincePrevious: { direction: Direction } | null,
  previousLabel: string | undefined,
): MeasureStanding['direction'] {
  const indicator = input.indicator!;
  const { baseline } = input;
  if (baseline.value !== null && baseline.periodCode !== periodCode) {
    const { direction } = directionOfTravel(value, baseline.value, indicator.polarity, {
      bandLow: indicator.bandLow,
      bandHigh: indicator.bandHigh,
    });
    if (direction) return described(direction, `since the baseline${baseline.periodLabel ? ` (${baseline.periodLabel})` : ''}`);
  }
  if (sincePrevious && previousLabel) return described(sincePrevious.direction, `since ${previousLabel}`);
  return null;
}

const described = (direction: Direction, since: string) => ({
  direction,
  symbol: DIRECTION_SYMBOLS[direction],
  label: DIRECTION_LABELS[direction],
  words: `${DIRECTION_LABELS[direction]} ${since}`,
});

const RANK: Record<Rag, number> = { green: 0, amber: 1, red: 2 };
const worse = (a: Rag | null, b: Rag | null): Rag | null => (a === null ? b : b === null ? a : RANK[a] >= RANK[b] ? a : b);

/** How a priority's rating combines its actions' roll-up with its measures, in words for the page. */
export const PRIORITY_RAG_RULE =
  'The rating is the worse of the actions’ roll-up and the success measures: a measure rated red or amber against its target makes the priority amber at most, because outcome figures arrive late and move for reasons beyond the plan; only the actions can make it red. Measures with no figure do not count.';

/**
 * A priority's RAG from its actions' roll-up (core/promises.ts rollUp) and its measures' standings
 * (see PRIORITY_RAG_RULE). Null when neither gives a rating.
 * @example priorityRag('green', [{ rag: 'red' }]) // "amber"
 */
export function priorityRag(actions: Rag | null, measures: readonly Pick<MeasureStanding, 'rag'>[]): Rag | null {
  const fromMeasures = measures.reduce<Rag | null>((acc, m) => worse(acc, m.rag), null);
  return worse(actions, fromMeasures === 'red' ? 'amber' : fromMeasures);
}

const RAG_WORDS: Record<Rag, string> = { green: 'Green – on track', amber: 'Amber – close', red: 'Red – off track' };

/**
 * A measure's standing in a sentence, for papers (the sponsor's report).
 * @example standingInWords(yearSix) // "Latest figure 40.0% (Academic year 2015/16), deteriorated since the baseline (Academic year 2012/13). Red – off track: 40.0% is above the target of 35.5% by more than 1.0 percentage points."
 */
export function standingInWords(s: MeasureStanding): string {
  if (s.kind === 'text') return 'No figure: this measure is in words only.';
  if (s.kind === 'awaiting' || !s.latest) return `No figure yet${s.latest ? ` (${s.latest.text} for ${s.latest.periodLabel})` : ''}.`;
  const travel = s.direction ? `, ${s.direction.words.charAt(0).toLowerCase()}${s.direction.words.slice(1)}` : '';
  const rating = s.rag ? `${RAG_WORDS[s.rag]}: ${s.reason}.` : `Not rated: ${s.reason.charAt(0).toLowerCase()}${s.reason.slice(1)}.`;
  return `Latest figure ${s.latest.text} (${s.latest.periodLabel})${travel}. ${rating}`;
}

/** A measure's latest figure as the public-suppression rule sees it. */
export interface PublicMeasureFigure {
  /** Figures with the same key (indicator, area and period) can be subtracted from one another. */
  key: string;
  breakdown: string;
  /** The number of children behind it: the figure for a count, its numerator for a rate; null when unknown. */
  count: number | null;
}

/**
 * Which measures' latest figures a public page withholds (DfE's rule, as for public scorecards: no
 * count of 1 to 4 can be read or worked out): a count, or a rate whose numerator is, from 1 to 4; and
 * a breakdown whose count differs by 1 to 4 from another figure shown for the same indicator, area and
 * period, since subtracting one from the other would give the small number.
 * @example withheldOnPublicPages([{ key: 'k', breakdown: '', count: 3 }]) // [true]
 */
export function withheldOnPublicPages(figures: readonly (PublicMeasureFigure | null)[], minimum = 5): boolean[] {
  const small = (n: number) => n > 0 && n < minimum;
  const withheld = figures.map((f) => f !== null && f.count !== null && small(f.count));
  let changed = true;
  while (changed) {
    changed = false;
    figures.forEach((a, i) => {
      figures.forEach((b, j) => {
        if (i === j || !a || !b || withheld[i] || withheld[j] || a.key !== b.key || a.breakdown === b.breakdown) return;
        if (a.count === null || b.count === null || !small(Math.abs(a.count - b.count))) return;
        // Withhold the part (a breakdown) rather than the whole; of two parts, both.
        if (a.breakdown !== '') withheld[i] = true;
        if (b.breakdown !== '') withheld[j] = true;
        changed = true;
      });
    });
  }
  return withheld;
}
