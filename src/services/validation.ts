import { z } from 'zod';
import { dateInWords } from '../core/dates.ts';
import { isFormulaText } from '../core/text.ts';
import { ValidationError } from './errors.ts';

/**
 * Parses input with a zod schema, or throws a ValidationError whose fields name the inputs
 * that were wrong (the first message per field, as a GOV.UK error summary shows them).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    fields[key] ??= issue.message;
  }
  throw new ValidationError(fields);
}

/**
 * A number as a form sends it (text) or as JSON does, parsed by `schema` (a `z.coerce.number()`):
 * anything else is refused with the schema's message rather than coerced (`true` would be 1).
 */
export function numberInput<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (v === undefined || typeof v === 'number' || typeof v === 'string' ? v : Number.NaN), schema);
}

/**
 * The version of a record a change was made from (optimistic locking; see decision 0005), as a
 * form or JSON sends it: a whole number a PostgreSQL integer holds, or the change is refused.
 */
export function versionInput(message = 'The form is out of date: reload the page', least = 1) {
  return numberInput(z.coerce.number({ error: message }).int(message).min(least, message).max(2_147_483_647, message));
}

const capitalised = (label: string) => `${label[0]!.toUpperCase()}${label.slice(1)}`;

/**
 * Text a person must give, trimmed: "Enter <label>" when blank, at most `max` characters.
 * @example requiredText('a title', 200) // "Enter a title", "A title must be 200 characters or fewer"
 */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capitalised(label)} must be ${max} characters or fewer`);
}

/** Text a person may leave out ('' then), trimmed, at most `max` characters; `label` begins its message. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${capitalised(label)} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v ?? '');
}

/** Optional text that is also refused when a spreadsheet would run it as a formula (core/text.ts). */
export function optionalPlainText(label: string, max: number) {
  return optionalText(label, max).refine((v) => !isFormulaText(v), `${capitalised(label)} must not start with = + - or @`);
}

/** The three boxes of a GOV.UK date input, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}
export type DatePart = keyof DateParts;

/**
 * What a date input sent: its three boxes, or one date written whole (an API body, a link's
 * `?asAt=2013-12-31`); undefined when it sent nothing.
 */
export type DateValue = string | DateParts | undefined;

/** What else a date must be: may it be left empty (then null), and the first and last days allowed (ISO). */
export interface DateRules {
  optional?: boolean;
  min?: string;
  max?: string;
}

/** A date input read: the date (ISO, or null when an optional date is left empty), or the message and the boxes to mark. */
export type DateReading = { date: string | null; error?: undefined } | { date?: undefined; error: string; parts: DatePart[] };

const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const isParts = (v: unknown): v is DateParts => v !== null && typeof v === 'object' && !Array.isArray(v) && 'day' in v;

/** 1 to 31, leading zeros and ordinals ("1st", "03") allowed. */
function dayOf(text: string): number | undefined {
  const m = /^0*(\d{1,2})(?:st|nd|rd|th)?$/i.exec(text);
  const day = m ? Number(m[1]) : 0;
  return day >= 1 && day <= 31 ? day : undefined;
}

/** 1 to 12, or the month's name or its abbreviation ("Nov", "sept", "November"), in any case. */
function monthOf(text: string): number | undefined {
  const m = /^0*(\d{1,2})$/.exec(text);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? Number(m[1]) : undefined;
  const word = text.toLowerCase().replace(/\.$/, '');
  const index = word.length >= 3 ? MONTH_NAMES.findIndex((name) => name.startsWith(word)) : -1;
  return index >= 0 ? index + 1 : undefined;
}

/** The ISO date of a day, month and year, when they make a real date. */
function isoOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return year >= 1000 && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

const wordsOf = (text: string) =>
  text
    .trim()
    .split(/[\s/.,-]+/)
    .filter(Boolean);

/**
 * A whole date written in one box, as people type or paste it: 2013-11-26, 26/11/2013,
 * 26-11-2013, 26.11.2013, 26 11 2013, 26 November 2013, 26th Nov 2013. Undefined otherwise.
 * @example dateOfText('26/11/2013') // '2013-11-26'
 */
export function dateOfText(text: string): string | undefined {
  const words = wordsOf(text);
  if (words.length !== 3) return undefined;
  const [a, b, c] = words as [string, string, string];
  const isoOrder = /^\d{4}$/.test(a);
  const [dayText, monthText, yearText] = isoOrder ? [c, b, a] : [a, b, c];
  if (!/^\d{4}$/.test(yearText)) return undefined;
  const day = dayOf(dayText);
  const month = monthOf(monthText);
  return day && month ? isoOf(Number(yearText), month, day) : undefined;
}

/** The words "[the] date of the meeting" begin a sentence with, as GOV.UK writes them ("Date of the meeting must…"). */
const subjectOf = (label: string) => capitalised(label.replace(/^the /i, ''));
const listed = (parts: DatePart[]) => parts.join(' and ');

/** The date a whole-date text makes, within the rules. */
function readWhole(text: string, label: string, rules: DateRules): DateReading {
  const date = dateOfText(text);
  return date ? withinRules(date, label, rules) : { error: `${subjectOf(label)} must be a real date`, parts: [...DATE_PARTS] };
}

function withinRules(date: string, label: string, rules: DateRules): DateReading {
  const all = [...DATE_PARTS];
  if (rules.min && date < rules.min)
    return { error: `${subjectOf(label)} must be the same as or after ${dateInWords(rules.min)}`, parts: all };
  if (rules.max && date > rules.max)
    return { error: `${subjectOf(label)} must be the same as or before ${dateInWords(rules.max)}`, parts: all };
  return { date };
}

/**
 * Reads a date as a person gave it, the GOV.UK way (design-system.service.gov.uk/components/date-input):
 * spaces trimmed, leading zeros and month names accepted, a whole date typed or pasted into the
 * day box accepted, and otherwise the first of: "Enter <label>", "<Label> must include a month"
 * (the boxes left empty), "<Label> must be a real date", "<Label> must include a year with 4 numbers",
 * then the rules' earliest and latest days. `parts` are the boxes the message is about.
 *
 * @example readDate({ day: '26', month: 'Nov', year: '2013' }, 'the date of the meeting') // { date: '2013-11-26' }
 */
export function readDate(value: unknown, label: string, rules: DateRules = {}): DateReading {
  const all = [...DATE_PARTS];
  if (value === undefined || value === null) value = '';
  if (typeof value === 'string' && value.trim() !== '') return readWhole(value, label, rules);
  if (typeof value !== 'string' && !isParts(value)) return { error: `${subjectOf(label)} must be a real date`, parts: all };
  const parts = typeof value === 'string' ? { day: '', month: '', year: '' } : value;
  const text = (part: DatePart) => (typeof parts[part] === 'string' ? parts[part].trim() : '');
  const [day, month, year] = DATE_PARTS.map(text) as [string, string, string];
  if (!day && !month && !year) return rules.optional ? { date: null } : { error: `Enter ${label}`, parts: all };
  if (day && !month && !year && wordsOf(day).length === 3) return readWhole(day, label, rules);
  const missing = DATE_PARTS.filter((part) => !text(part));
  if (missing.length) return { error: `${subjectOf(label)} must include a ${listed(missing)}`, parts: missing };
  const d = dayOf(day);
  const m = monthOf(month);
  const wrong = [...(d ? [] : ['day' as const]), ...(m ? [] : ['month' as const]), ...(/^\d+$/.test(year) ? [] : ['year' as const])];
  if (wrong.length) return { error: `${subjectOf(label)} must be a real date`, parts: wrong };
  if (year.length !== 4) return { error: `${subjectOf(label)} must include a year with 4 numbers`, parts: ['year'] };
  const iso = isoOf(Number(year), m!, d!);
  return iso ? withinRules(iso, label, rules) : { error: `${subjectOf(label)} must be a real date`, parts: all };
}

/**
 * What a form body or a query string sent for the date input `name`: its boxes `name-day`,
 * `name-month` and `name-year` when any was filled in, otherwise `name` itself (an API body, a link).
 */
export function dateValueOf(source: unknown, name: string): DateValue {
  const fields = (source !== null && typeof source === 'object' ? source : {}) as Record<string, unknown>;
  const box = (part: DatePart) => fields[`${name}-${part}`];
  const sentBoxes = DATE_PARTS.some((part) => typeof box(part) === 'string' && (box(part) as string).trim() !== '');
  if (sentBoxes)
    return Object.fromEntries(DATE_PARTS.map((part) => [part, typeof box(part) === 'string' ? box(part) : ''])) as unknown as DateParts;
  const whole = fields[name];
  return typeof whole === 'string' || isParts(whole) ? whole : undefined;
}

/**
 * Reads the date input `name` of a form body or query string (see `dateValueOf`, `readDate`).
 * @example readDateInput({ 'presentedOn-day': '26/11/2013' }, 'presentedOn', 'the date of the meeting') // { date: '2013-11-26' }
 */
export function readDateInput(source: unknown, name: string, label: string, rules: DateRules = {}): DateReading {
  return readDate(dateValueOf(source, name), label, rules);
}

/**
 * The boxes of a date input to mark with an error, from what was typed: those the parser's message
 * is about, or all three when the date as a whole is wrong (an end before its start).
 */
export function datePartsInError(value: unknown, label = 'the date'): DatePart[] {
  const reading = readDate(value, label);
  return reading.error === undefined ? [...DATE_PARTS] : reading.parts;
}

/**
 * Puts each date input's boxes (`name-day`, `-month`, `-year`) into `name` as one value, so a
 * zod object sees one field per date (`requiredDate`, `optionalDate`). Wrap a form's schema in it.
 *
 * @example withDateInputs(['presentedOn'], z.object({ presentedOn: requiredDate('the date of the meeting') }))
 */
export function withDateInputs<S extends z.ZodType>(names: readonly string[], schema: S) {
  return z.preprocess((input) => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
    const body: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    for (const name of names) {
      body[name] = dateValueOf(input, name);
      for (const part of DATE_PARTS) delete body[`${name}-${part}`];
    }
    return body;
  }, schema);
}

// `.optional()` lets the field be missing from the body: it is then read as empty, not refused by zod.
const dateField = (label: string, rules: DateRules) =>
  z
    .unknown()
    .optional()
    .transform((value, ctx) => {
      const reading = readDate(value, label, rules);
      if (reading.error === undefined) return reading.date;
      ctx.addIssue({ code: 'custom', message: reading.error, input: value });
      return z.NEVER;
    });

/**
 * A date a person must give, as a date input's boxes (see `withDateInputs`) or written whole: ISO.
 * @example requiredDate('the date of the meeting') // "Enter the date of the meeting", "Date of the meeting must be a real date"
 */
export function requiredDate(label: string, rules: Omit<DateRules, 'optional'> = {}) {
  return dateField(label, rules).pipe(z.string());
}

/** A date a person may leave out: ISO, or null when left empty. */
export function optionalDate(label: string, rules: Omit<DateRules, 'optional'> = {}) {
  return dateField(label, { ...rules, optional: true });
}
