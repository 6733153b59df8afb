/**
 * Checks on a figure as a person enters it: an unusual one is flagged for a second look,
 * never refused, since real services do jump (a new team, a changed definition, a small cohort).
 */

/** How many of the latest previous figures make "the recent range". */
const RECENT = 8;
/** Previous figures needed before the recent range means anything. */
const MIN_HISTORY = 4;

const finite = (n: number) => typeof n === 'number' && Number.isFinite(n);

/** Fixed decimals when given (as the indicator publishes them), otherwise as the number is. */
function written(n: number, decimals: number | undefined): string {
  const digits =
    decimals === undefined ? { maximumFractionDigits: 3 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return n.toLocaleString('en-GB', digits);
}

function outsideRecentRange(value: number, history: readonly number[], decimals?: number): string | null {
  if (history.length < MIN_HISTORY) return null;
  const recent = history.slice(-RECENT);
  const [low, high] = [Math.min(...recent), Math.max(...recent)];
  const margin = high > low ? (high - low) / 2 : Math.max(Math.abs(low) / 10, 1);
  if (value >= low - margin && value <= high + margin) return null;
  const where = value > high ? 'above' : 'below';
  const range =
    high > low
      ? `the recent range (${written(low, decimals)} to ${written(high, decimals)})`
      : `the recent figures (all ${written(low, decimals)})`;
  return `${written(value, decimals)} is well ${where} ${range}`;
}

function bigChange(value: number, history: readonly number[], decimals?: number): string | null {
  const last = history[history.length - 1];
  if (last === undefined || last === 0 || Math.abs(value - last) <= Math.abs(last) / 2) return null;
  const [now, then] = [written(value, decimals), written(last, decimals)];
  if (last < 0) return `${now} differs from last period’s ${then} by more than half`;
  return value > last
    ? `${now} is more than half as much again as last period’s ${then}`
    : `${now} is less than half last period’s ${then}`;
}

/**
 * Whether a figure deserves a second look, and why in plain English: with at least 4 previous figures,
 * when it lies outside the range of the last 8 widened by half that range each side (by a tenth of
 * the figure, at least 1, when they are all the same); otherwise, or as well, when it differs from the
 * last figure by more than half of it. Non-numbers in the history are skipped.
 * @example unusualValue(52.1, [30.2], 1) // { reason: "52.1 is more than half as much again as last period’s 30.2" }
 */
export function unusualValue(value: number, history: readonly number[], decimals?: number): { reason: string } | null {
  if (!finite(value)) return null;
  const previous = history.filter(finite);
  const reason = outsideRecentRange(value, previous, decimals) ?? bigChange(value, previous, decimals);
  return reason === null ? null : { reason };
}
