import { datePartsInError, type DatePart, type DateParts } from '../services/validation.ts';

/** What `appDateInput` (views/components/date-input.njk) is given about the date it shows. */
export interface DateInputParams {
  name: string;
  /** The date: ISO, or the boxes as the person typed them after an error. */
  value?: unknown;
  /** A form's values: the boxes `name-day`, `-month`, `-year` as sent, else `name` (ISO). */
  values?: Record<string, unknown>;
  errorMessage?: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The date a date input shows, from its `value`, else from the form's `values`. */
function shownValue({ name, value, values }: DateInputParams): unknown {
  if (value !== undefined && value !== null && value !== '') return value;
  if (!values) return undefined;
  const sentBoxes = (['day', 'month', 'year'] as const).some((part) => values[`${name}-${part}`] !== undefined);
  return sentBoxes
    ? { day: text(values[`${name}-day`]), month: text(values[`${name}-month`]), year: text(values[`${name}-year`]) }
    : values[name];
}

/**
 * The three boxes of a date input as the page shows them: an ISO date split (26, 11, 2013), the
 * boxes as typed, or text that is no date in the day box; and, when it shows an error, the boxes
 * to mark (those the message is about, or all three).
 */
export function dateInputBoxes(params: DateInputParams): DateParts & { marked: Record<DatePart, boolean> } {
  const value = shownValue(params);
  const iso = typeof value === 'string' ? ISO.exec(value.trim()) : null;
  const boxes: DateParts = iso
    ? { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1]! }
    : value !== null && typeof value === 'object'
      ? { day: text((value as DateParts).day), month: text((value as DateParts).month), year: text((value as DateParts).year) }
      : { day: text(value), month: '', year: '' };
  const wrong = params.errorMessage ? datePartsInError(value) : [];
  return { ...boxes, marked: { day: wrong.includes('day'), month: wrong.includes('month'), year: wrong.includes('year') } };
}
