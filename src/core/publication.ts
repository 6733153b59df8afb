import { dateInWords } from './dates.ts';

/**
 * When a figure became known, and so whether a scorecard or page "as at" a date may show it
 * (decision 0015). Dates are ISO calendar dates (YYYY-MM-DD), compared as text.
 */

/** What Baton knows about how a figure was published. */
export interface PublicationFacts {
  /** The last day of the figure's period. */
  periodEnd: string;
  /** The date its own release was published, when that is known (a file with one release, SFR36/2013). */
  published?: string | null;
  /** For a national figure: its indicator's publication lag, in months after the period ends. */
  lagMonths?: number | null;
  /** The day the figure reached Baton (loaded, imported or typed in): it cannot have been published later. */
  entered: string;
}

/**
 * The day a figure became known: its release's publication date where there is one; for a
 * national figure, the end of its period plus its indicator's lag (but no later than the day it
 * reached Baton); for the partnership's own figures, the day they were entered.
 * @example knownFrom({ periodEnd: '2014-03-31', lagMonths: 7, entered: '2026-12-04' }) // '2014-10-31'
 */
export function knownFrom(facts: PublicationFacts): string {
  if (facts.published) return facts.published;
  if (facts.lagMonths === null || facts.lagMonths === undefined) return facts.entered;
  const byLag = addMonths(facts.periodEnd, facts.lagMonths);
  return byLag < facts.entered ? byLag : facts.entered;
}

/**
 * Whether a figure known from `from` was known at `date` (on the day itself counts).
 * @example knownAt('2014-10-31', '2013-12-31') // false
 */
export function knownAt(from: string, date: string): boolean {
  return from <= date;
}

/**
 * A date some whole months later; the last day of a month stays the last day of the month
 * (31 March + 7 months is 31 October, 30 September + 5 months is 28 or 29 February).
 * @example addMonths('2013-03-31', 7) // '2013-10-31'
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = day === lastDay(year, month) ? lastDay(y, m) : Math.min(day, lastDay(y, m));
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The line pages and exports print under a scorecard or figures shown as at a date.
 * @example asKnownLine('2013-12-31') // 'Figures as known at 31 December 2013: figures published later are left out.'
 */
export function asKnownLine(date: string): string {
  return `Figures as known at ${dateInWords(date)}: figures published later are left out.`;
}
