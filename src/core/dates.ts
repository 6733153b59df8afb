/**
 * Dates as Baton shows and compares them: calendar dates are ISO strings (YYYY-MM-DD), and "today"
 * is the date in England, where every partnership is (at 00:30 on a summer morning in Walsall, UTC
 * still says yesterday).
 */
const ENGLAND_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const IN_WORDS = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Today's date in England, as YYYY-MM-DD.
 * @example todayInEngland(new Date('2026-06-30T23:30:00Z')) // '2026-07-01'
 */
export function todayInEngland(now: Date = new Date()): string {
  return ENGLAND_DAY.format(now);
}

/**
 * A calendar date in words; a timestamp or a longer ISO string is read for its date part.
 * @example dateInWords('2014-03-31') // '31 March 2014'
 */
export function dateInWords(date: string | Date): string {
  const iso = typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
  return IN_WORDS.format(new Date(`${iso}T00:00:00Z`));
}
