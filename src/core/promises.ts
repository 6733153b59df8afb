import type { ActionStatus, Rag } from './plans.ts';

/**
 * Promises: reporting periods and the promise tracker's judgements. Pure functions over ISO dates
 * (YYYY-MM-DD), which compare correctly as strings.
 */

/** A financial quarter (April to March years), the partnership's reporting period. */
export interface Quarter {
  /** e.g. "2013-14 Q3" */
  code: string;
  /** e.g. "October to December 2013" */
  label: string;
  start: string;
  end: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const QUARTER_CODE = /^(\d{4})-(\d{2}) Q([1-4])$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function quarterFrom(startYear: number, q: number): Quarter {
  // Q1 April-June of startYear … Q4 January-March of startYear + 1.
  const firstMonth = ((q - 1) * 3 + 3) % 12; // 0-based: 3, 6, 9, 0
  const year = q === 4 ? startYear + 1 : startYear;
  const lastMonth = firstMonth + 2;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    code: `${startYear}-${pad((startYear + 1) % 100)} Q${q}`,
    label: `${MONTHS[firstMonth]} to ${MONTHS[lastMonth]} ${year}`,
    start: `${year}-${pad(firstMonth + 1)}-01`,
    end: `${year}-${pad(lastMonth + 1)}-${pad(lastDayOfMonth(year, lastMonth + 1))}`,
  };
}

/**
 * The financial quarter a date falls in.
 * @example quarterOf('2013-11-26').code // "2013-14 Q3"
 */
export function quarterOf(date: string): Quarter {
  if (!isIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 4 ? quarterFrom(year, Math.floor((month - 4) / 3) + 1) : quarterFrom(year - 1, 4);
}

/** Reads a quarter code such as "2015-16 Q4"; undefined when it is not one. */
export function parseQuarter(code: string): Quarter | undefined {
  const m = QUARTER_CODE.exec(code.trim());
  if (!m) return undefined;
  const startYear = Number(m[1]);
  if ((startYear + 1) % 100 !== Number(m[2])) return undefined;
  return quarterFrom(startYear, Number(m[3]));
}

/** The quarter before this one. */
export function previousQuarter(quarter: Quarter): Quarter {
  const d = new Date(`${quarter.start}T00:00:00Z`);
  d.setUTCDate(0);
  return quarterOf(d.toISOString().slice(0, 10));
}

/** The date `days` days after an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** What the tracker needs to know about an action. */
export interface TrackedAction {
  startDate: string | null;
  /** The current due date, after any agreed re-baselining. */
  dueDate: string;
  /** The due date promised when the plan was approved (the same as dueDate unless it was moved). */
  originalDueDate: string;
  status: ActionStatus;
  completedOn: string | null;
  /** The quarters its progress updates report on, e.g. ["2015-16 Q3"]. */
  updatePeriods: readonly string[];
  /** The RAG of its latest update, if it has one. */
  latestRag: Rag | null;
}

/**
 * Which due date a promise is judged by: the one first promised (the default, so moving a date
 * does not erase a broken promise) or the one agreed since.
 */
export type JudgeBy = 'original' | 'current';
export const JUDGE_BY: Record<JudgeBy, string> = { original: 'Original due dates', current: 'Current (moved) due dates' };

/** Whether a promise was kept, as at a date. */
export type PromiseState = 'kept' | 'kept_late' | 'broken' | 'open' | 'dropped';

export interface ActionAssessment {
  /** Past its due date and not complete. */
  overdue: boolean;
  /** Under way but no progress update for the current quarter. */
  unreported: boolean;
  /** Due within the coming days and not complete. */
  dueSoon: boolean;
  /** Whether its due date has come. */
  due: boolean;
  promise: PromiseState;
  /** Its due date was moved after the plan was approved. */
  moved: boolean;
  /** The date it was judged by (see JudgeBy). */
  judgedDue: string;
  /** The action's own RAG: its status and its latest update, the worse of the two. */
  rag: Rag | null;
}

export const DUE_SOON_DAYS = 28;

const RANK: Record<Rag, number> = { green: 0, amber: 1, red: 2 };
const worst = (a: Rag | null, b: Rag | null): Rag | null => (a === null ? b : b === null ? a : RANK[a] >= RANK[b] ? a : b);

export interface AssessOptions {
  /** Which due date to judge by; the original unless asked. */
  judgeBy?: JudgeBy;
  dueSoonDays?: number;
}

/**
 * Judges one action as at a date, by its original due date unless asked to judge by the current
 * one. A completion recorded after that date does not count yet, so a board can look back at the
 * tracker as it stood on a meeting day.
 * @example assessAction({ ...action, originalDueDate: '2015-07-31', dueDate: '2016-03-31' }, '2015-09-30').overdue // true
 */
export function assessAction(action: TrackedAction, asAt: string, options: AssessOptions = {}): ActionAssessment {
  const { judgeBy = 'original', dueSoonDays = DUE_SOON_DAYS } = options;
  const judgedDue = judgeBy === 'original' ? action.originalDueDate : action.dueDate;
  const dropped = action.status === 'dropped';
  const done = action.status === 'complete' && action.completedOn !== null && action.completedOn <= asAt;
  const open = !done && !dropped;
  const started = action.startDate === null || action.startDate <= asAt;
  const due = !dropped && judgedDue <= asAt;
  const overdue = open && judgedDue < asAt;
  const dueSoon = open && judgedDue >= asAt && judgedDue <= addDays(asAt, dueSoonDays);
  const current = quarterOf(asAt).code;
  const unreported = open && started && !action.updatePeriods.includes(current);
  const moved = action.dueDate !== action.originalDueDate;

  let promise: PromiseState;
  if (dropped) promise = 'dropped';
  else if (done) promise = action.completedOn! <= judgedDue ? 'kept' : 'kept_late';
  else promise = overdue ? 'broken' : 'open';

  let rag: Rag | null = null;
  if (open && started) {
    const fromStatus: Rag | null =
      action.status === 'off_track' || overdue
        ? 'red'
        : action.status === 'at_risk'
          ? 'amber'
          : action.status === 'on_track'
            ? 'green'
            : null;
    rag = worst(fromStatus, action.latestRag);
  } else if (done) {
    rag = 'green';
  }
  return { overdue, unreported, dueSoon, due, promise, moved, judgedDue, rag };
}

export interface TrackerSummary {
  actions: number;
  overdue: number;
  unreported: number;
  dueSoon: number;
  /** Actions whose due date has come (dropped ones aside). */
  due: number;
  /** Of those, completed by their due date. */
  kept: number;
  /** kept ÷ due, or null when nothing is due yet. */
  keptShare: number | null;
  /** Actions whose due date was moved after approval (dropped ones aside). */
  moved: number;
}

/** Counts for a set of assessed actions. */
export function summarise(assessments: readonly ActionAssessment[]): TrackerSummary {
  const count = (test: (a: ActionAssessment) => boolean) => assessments.filter(test).length;
  const due = count((a) => a.due);
  const kept = count((a) => a.due && a.promise === 'kept');
  return {
    actions: count((a) => a.promise !== 'dropped'),
    overdue: count((a) => a.overdue),
    unreported: count((a) => a.unreported),
    dueSoon: count((a) => a.dueSoon),
    due,
    kept,
    keptShare: due === 0 ? null : kept / due,
    moved: count((a) => a.moved && a.promise !== 'dropped'),
  };
}

/** The rule a priority's RAG rolls up by, in words for the page that shows it. */
export const ROLL_UP_RULE =
  'Red when any action is overdue, off track or last reported red; amber when any is at risk, last reported amber or has no update this quarter; otherwise green. Complete and dropped actions do not pull it down. No rating until an action is under way.';

/** A priority's RAG from its actions' assessments (see ROLL_UP_RULE). */
export function rollUp(assessments: readonly ActionAssessment[]): Rag | null {
  const live = assessments.filter((a) => a.promise !== 'dropped' && a.rag !== null);
  if (live.length === 0) return null;
  let result: Rag = 'green';
  for (const a of live) {
    result = worst(result, a.unreported ? worst(a.rag, 'amber') : a.rag) ?? result;
  }
  return result;
}

/** How a priority (or a plan) stands by its actions: their counts, and the RAG they roll up to. */
export interface Progress {
  summary: TrackerSummary;
  /** By ROLL_UP_RULE; null until an action is under way, and always while the plan is not tracked. */
  rag: Rag | null;
}

/**
 * The progress of a priority's actions. Only a plan being delivered (approved, published or
 * closed) holds its actions to a RAG; a draft's actions are counted but not rated.
 * @example progressOf(assessments, isLive(plan.status)).rag // "amber"
 */
export function progressOf(assessments: readonly ActionAssessment[], tracked: boolean): Progress {
  return { summary: summarise(assessments), rag: tracked ? rollUp(assessments) : null };
}

/**
 * Whether an action needs attention: overdue, with no update this quarter, or due soon. The
 * tracker shows these first, and a person's home page lists those they report on.
 */
export function needsAttention(assessment: Pick<ActionAssessment, 'overdue' | 'unreported' | 'dueSoon'>): boolean {
  return assessment.overdue || assessment.unreported || assessment.dueSoon;
}

/** Formats a share as a whole percentage, e.g. 0.666 → "67%". */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}
