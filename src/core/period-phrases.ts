import { multiYearPeriod, parsePeriod, type Period, type PeriodType } from './periods.ts';

/**
 * Periods as people write them: every label and long label Baton prints ("2013-14", "2013-14 Q3
 * (October to December 2013)", "At 31 March 2014", "April 2013 to March 2014"), the codes, and the
 * common ways of writing the same ("FY2014-15", "Q3 2013-14", "Nov 2013", "31/03/2014", "2013/14").
 *
 * Some phrases name more than one period: "2014-15" is a financial or an academic year, "2011-12"
 * also December 2011, "October to December 2013" a calendar or a financial quarter, "April 2013 to
 * March 2014" a financial year or a rolling 12 months. The reader lists every reading, Baton's own
 * first, and takes the first of a kind the caller expects (the indicator's period type), else
 * Baton's own (docs/decisions/0016-figures-owed.md).
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** What to tell a person whose phrase Baton cannot read. */
export const PERIOD_PHRASE_EXAMPLES =
  'Enter a period such as 2014-15 (a financial year), Q3 2013-14 (a quarter), November 2013 (a month) or at 31 March 2014 (a day)';

const pad = (n: number) => String(n).padStart(2, '0');
const code = (text: string) => parsePeriod(text);

/** The month (0–11) a word names: its full name or its first three letters ("Sept" too). */
function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w === 'sept') return 8;
  return w.length >= 3 ? MONTHS.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w))) : -1;
}

/** "2014-15", "2014/15", "2014-2015": the first year, when the second follows it. */
function splitYear(text: string): { start: number; slash: boolean } | undefined {
  const m = /^(\d{4})\s*([-/])\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[3]);
  const follows = m[3]!.length === 2 ? (start + 1) % 100 === end : start + 1 === end;
  return follows ? { start, slash: m[2] === '/' } : undefined;
}

const fy = (start: number) => code(`FY${start}-${pad((start + 1) % 100)}`);
const ay = (start: number) => code(`AY${start}-${pad((start + 1) % 100)}`);

/** The readings of a year phrase: "2014-15", "FY2014-15", "Academic year 2013/14", "2013". */
function yearReadings(text: string): Period[] {
  const prefixed = /^(fy|financial year|ay|academic years?|cy|calendar year)\s*(.+)$/.exec(text);
  if (prefixed) {
    const kind = prefixed[1]!;
    if (kind === 'cy' || kind === 'calendar year') return /^\d{4}$/.test(prefixed[2]!) ? [code(`CY${prefixed[2]}`)].filter(isPeriod) : [];
    const split = splitYear(prefixed[2]!);
    if (!split) return [];
    return [kind.startsWith('a') ? ay(split.start) : fy(split.start)].filter(isPeriod);
  }
  if (/^\d{4}$/.test(text)) return [code(`CY${text}`)].filter(isPeriod);
  const split = splitYear(text);
  if (!split) return [];
  // DfE writes academic years with a slash and financial years with a hyphen.
  const both = split.slash ? [ay(split.start), fy(split.start)] : [fy(split.start), ay(split.start)];
  return both.filter(isPeriod);
}

const isPeriod = (p: Period | undefined): p is Period => p !== undefined;

/** "Q3 2013-14", "2013-14 Q3", "Q4 2013", "2013 Q4". */
function quarterReadings(text: string): Period[] {
  const before = /^q([1-4])\s+(\S+)$/.exec(text);
  const after = /^(\S+)\s+q([1-4])$/.exec(text);
  const [q, year] = before ? [before[1]!, before[2]!] : after ? [after[2]!, after[1]!] : ['', ''];
  if (!q) return [];
  if (/^\d{4}$/.test(year)) return [code(`${year}-Q${q}`)].filter(isPeriod);
  const split = splitYear(year);
  return split ? [code(`${split.start}-${pad((split.start + 1) % 100)}-Q${q}`)].filter(isPeriod) : [];
}

/** "November 2013", "Nov 2013". */
function monthReadings(text: string): Period[] {
  const m = /^([a-z]+\.?)\s+(\d{4})$/.exec(text);
  const month = m ? monthIndex(m[1]!) : -1;
  return m && month >= 0 ? [code(`${m[2]}-${pad(month + 1)}`)].filter(isPeriod) : [];
}

/** "at 31 March 2014", "31 Mar 2014", "31/03/2014", "2014-03-31". */
function dayReadings(text: string): Period[] {
  const day = text.replace(/^at\s+/, '');
  const words = /^(\d{1,2})\s+([a-z]+\.?)\s+(\d{4})$/.exec(day);
  const slashes = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(day);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  let date: string | undefined;
  if (words && monthIndex(words[2]!) >= 0) date = `${words[3]}-${pad(monthIndex(words[2]!) + 1)}-${pad(Number(words[1]))}`;
  else if (slashes) date = `${slashes[3]}-${pad(Number(slashes[2]))}-${pad(Number(slashes[1]))}`;
  else if (iso) date = day;
  return date ? [code(`AT${date}`)].filter(isPeriod) : [];
}

/** "October to December 2013", "April 2013 to March 2014", "12 months to March 2014": every period of those months. */
function spanReadings(text: string): Period[] {
  const rolling = /^12 months to ([a-z]+\.?)\s+(\d{4})$/.exec(text);
  if (rolling) {
    const month = monthIndex(rolling[1]!);
    return month >= 0 ? [code(`R12-${rolling[2]}-${pad(month + 1)}`)].filter(isPeriod) : [];
  }
  const m = /^([a-z]+\.?)(?:\s+(\d{4}))?\s+to\s+([a-z]+\.?)\s+(\d{4})$/.exec(text);
  if (!m) return [];
  const [from, to] = [monthIndex(m[1]!), monthIndex(m[3]!)];
  if (from < 0 || to < 0) return [];
  const first = Number(m[2] ?? m[4]) * 12 + from;
  const last = Number(m[4]) * 12 + to;
  const months = last - first + 1;
  const [year, month] = [Math.floor(first / 12), (first % 12) + 1];
  const lastCode = `${Math.floor(last / 12)}-${pad((last % 12) + 1)}`;
  if (months === 3 && (month - 1) % 3 === 0) {
    const q = (month - 1) / 3 + 1;
    const fq = month >= 4 ? `${year}-${pad((year + 1) % 100)}-Q${q - 1}` : `${year - 1}-${pad(year % 100)}-Q4`;
    return [code(`${year}-Q${q}`), code(fq)].filter(isPeriod);
  }
  const yearly = (start: number) => (month === 4 ? fy(start) : month === 9 ? ay(start) : month === 1 ? code(`CY${start}`) : undefined);
  if (months === 12) return [yearly(year), code(`R12-${lastCode}`)].filter(isPeriod);
  if (months > 12 && months % 12 === 0 && months <= 120) {
    const [a, b] = [yearly(year), yearly(year + months / 12 - 1)];
    return a && b ? [multiYearPeriod(a, b)].filter(isPeriod) : [];
  }
  return [];
}

/** "2014-15 to 2016-17", "Academic years 2013/14 to 2015/16", "2013 to 2015". */
function rangeReadings(text: string): Period[] {
  const academic = /^academic years\s+/.test(text);
  const m = /^(.+?)\s+to\s+(.+)$/.exec(text.replace(/^academic years\s+/, ''));
  if (!m) return [];
  const [firsts, lasts] = [yearReadings(m[1]!), yearReadings(m[2]!)];
  const ranges: Period[] = [];
  for (const first of firsts) {
    const last = lasts.find((l) => l.type === first.type);
    const range = last && multiYearPeriod(first, last);
    if (range && (!academic || first.type === 'academic-year')) ranges.push(range);
  }
  return ranges;
}

/** Every period a phrase can mean, Baton's own reading first. */
export function periodReadings(phrase: string): Period[] {
  const text = phrase.trim().replace(/\s+/g, ' ').toLowerCase();
  if (text === '') return [];
  const described = /^(.+?)\s*\((.+)\)$/.exec(text);
  if (described) {
    // A label with its months in brackets, "2013-14 Q3 (October to December 2013)": both halves must agree.
    const inner = periodReadings(described[2]!).map((p) => p.code);
    return periodReadings(described[1]!).filter((p) => inner.includes(p.code));
  }
  const readings = [
    code(text),
    ...yearReadings(text),
    ...quarterReadings(text),
    ...monthReadings(text),
    ...dayReadings(text),
    ...spanReadings(text),
    ...rangeReadings(text),
  ].filter(isPeriod);
  return readings.filter((p, i) => readings.findIndex((q) => q.code === p.code) === i);
}

/**
 * Reads a period as a person writes it; where the phrase names periods of several kinds, the first
 * of the `expected` kinds wins (an indicator's period type), else Baton's own reading. Undefined
 * when it names no period (tell them PERIOD_PHRASE_EXAMPLES).
 * @example parsePeriodPhrase('2014-15')?.code // "FY2014-15"
 * @example parsePeriodPhrase('2014-15', ['academic-year'])?.code // "AY2014-15"
 */
export function parsePeriodPhrase(phrase: string, expected: readonly PeriodType[] = []): Period | undefined {
  const readings = periodReadings(phrase);
  for (const type of expected) {
    const match = readings.find((p) => p.type === type);
    if (match) return match;
  }
  return readings[0];
}
