import type { Frequency } from './indicators.ts';
import { multiYearPeriod, parsePeriod, periodOf, type Period, type PeriodType } from './periods.ts';
import { addDays } from './promises.ts';

/**
 * Figures owed: which periods of an indicator an agency should have supplied by now and has not.
 * An indicator's collection schedule is how often it is reported (its frequency), the kind of
 * period a figure covers (its period type, the kind the imports accept) and how many days after a
 * period ends its figure is due (docs/decisions/0016-figures-owed.md).
 */

/** The frequencies that fit each kind of period, the usual one first. Irregular fits any kind and owes nothing. */
export const FREQUENCIES_FOR: Record<PeriodType, readonly Frequency[]> = {
  month: ['monthly', 'irregular'],
  'calendar-quarter': ['quarterly', 'irregular'],
  'financial-quarter': ['quarterly', 'irregular'],
  'financial-year': ['annual', 'irregular'],
  'academic-year': ['annual', 'irregular'],
  'calendar-year': ['annual', 'irregular'],
  'rolling-12-months': ['monthly', 'quarterly', 'annual', 'irregular'],
  'multi-year': ['annual', 'irregular'],
  point: ['monthly', 'quarterly', 'termly', 'annual', 'irregular'],
};

/** Whether an indicator reported `frequency` can be counted by periods of `type` (no "Monthly" financial years). */
export const frequencyFits = (type: PeriodType, frequency: Frequency) => FREQUENCIES_FOR[type].includes(frequency);

/** Days after a period ends that its figure is due, when the form leaves it blank. */
export const DEFAULT_DUE_DAYS: Record<Frequency, number> = { monthly: 20, quarterly: 30, termly: 30, annual: 60, irregular: 30 };
export const MAX_DUE_DAYS = 366;

/** Months from one period to the next on the schedule; undefined where there is no fixed step (termly, irregular). */
const STEP: Partial<Record<Frequency, number>> = { monthly: 1, quarterly: 3, annual: 12 };

export interface CollectionSchedule {
  periodType: PeriodType;
  frequency: Frequency;
  /** Days after the period ends; null when the indicator is not collected on a schedule. */
  dueDays: number | null;
}

export interface OwedPeriod {
  period: Period;
  /** The day the figure was due, YYYY-MM-DD. */
  dueOn: string;
  /** Whole days since it was due (0 on the day). */
  daysOverdue: number;
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthStart = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
const lastDayOf = (index: number) => addDays(monthStart(index + 1), -1);
const daysFrom = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * The period `months` months after `period`, of the same kind: for a rolling 12 months the one
 * ending that much later; for a day, the same day of the month (the month's last day stays the last day).
 */
export function periodAfter(period: Period, months: number): Period | undefined {
  if (period.type === 'point') {
    const target = monthIndex(period.end) + months;
    if (period.end === lastDayOf(monthIndex(period.end))) return parsePeriod(`AT${lastDayOf(target)}`);
    const day = Math.min(Number(period.end.slice(8, 10)), Number(lastDayOf(target).slice(8, 10)));
    return parsePeriod(`AT${monthStart(target).slice(0, 8)}${String(day).padStart(2, '0')}`);
  }
  if (period.type === 'multi-year') {
    const [first, last] = period.code.split('_').map((code) => parsePeriod(code));
    const [a, b] = [first && periodAfter(first, months), last && periodAfter(last, months)];
    return a && b ? multiYearPeriod(a, b) : undefined;
  }
  if (period.type === 'rolling-12-months') return periodOf(period.type, monthStart(monthIndex(period.end) + months));
  return periodOf(period.type, monthStart(monthIndex(period.start) + months));
}

/** The period after `period` on an indicator's schedule (a year on where the frequency gives no step). */
export const nextOnSchedule = (schedule: Pick<CollectionSchedule, 'frequency'>, period: Period) =>
  periodAfter(period, STEP[schedule.frequency] ?? 12);

/** The first period of a kind ending on or after a date: where a new indicator's collection starts. */
export function firstPeriodFrom(type: Exclude<PeriodType, 'multi-year'>, date: string): Period | undefined {
  if (type === 'point') return parsePeriod(`AT${lastDayOf(monthIndex(date))}`);
  return periodOf(type, date);
}

/** How many periods the rule looks at for one indicator at most (a monthly figure for 100 years). */
const MAX_PERIODS = 1_200;

/**
 * The periods of an indicator that are due and missing as at `today`, most overdue first: every
 * period on its schedule from its first figure held (or, with none held, from the first period
 * ending on or after the day it was added) whose due date has come and for which no figure is held.
 * Nothing is owed for an indicator with no schedule (no due days, or a termly or irregular frequency).
 * @example figuresOwed({ periodType: 'financial-year', frequency: 'annual', dueDays: 60 }, ['FY2012-13'], '2014-06-01', '2012-01-01')
 *   // [{ period: FY2013-14, dueOn: '2014-05-30', daysOverdue: 2 }]
 */
export function figuresOwed(schedule: CollectionSchedule, held: readonly string[], today: string, addedOn: string): OwedPeriod[] {
  const step = STEP[schedule.frequency];
  if (schedule.dueDays === null || step === undefined || !frequencyFits(schedule.periodType, schedule.frequency)) return [];
  const heldPeriods = held
    .map((code) => parsePeriod(code))
    .filter((p): p is Period => p?.type === schedule.periodType)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const first = heldPeriods[0] ?? (schedule.periodType === 'multi-year' ? undefined : firstPeriodFrom(schedule.periodType, addedOn));
  const codes = new Set(heldPeriods.map((p) => p.code));
  const owed: OwedPeriod[] = [];
  let period = first;
  for (let i = 0; period && i < MAX_PERIODS; i++, period = periodAfter(period, step)) {
    const dueOn = addDays(period.end, schedule.dueDays);
    if (dueOn > today) break;
    if (!codes.has(period.code)) owed.push({ period, dueOn, daysOverdue: daysFrom(dueOn, today) });
  }
  return owed;
}
