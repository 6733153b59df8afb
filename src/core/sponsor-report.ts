import type { ActionStatus, Rag } from './plans.ts';
import { percent, rollUp, summarise, type ActionAssessment, type Quarter, type TrackedAction } from './promises.ts';
import { dateInWords } from './dates.ts';

/**
 * The sponsor's report to the board: Baton drafts it from the promise tracker, as plain-text
 * paragraphs the sponsor then edits. Pure functions; quarter codes ("2015-16 Q4") sort as strings.
 */

/** A progress update as the report reads it. */
export interface ReportedUpdate {
  period: string;
  stillToDo: string;
  rag: Rag;
}

/** An action as the report reads it, judged as at the report's date. */
export interface ReportAction {
  title: string;
  leadAgencyName: string;
  dueDate: string;
  /** The due date first promised; the same as dueDate unless it was moved. */
  originalDueDate: string;
  /** Its agreed moves of due date, oldest first. */
  moves: readonly ReportMove[];
  status: ActionStatus;
  completedOn: string | null;
  assessment: ActionAssessment;
  /** Its progress updates, newest first; those for later quarters are ignored. */
  updates: readonly ReportedUpdate[];
}

/** An agreed move of an action's due date, as the report tells it. */
export interface ReportMove {
  from: string;
  to: string;
  reason: string;
  /** Who agreed it, in words: "the sponsor", "the Children's Trust Board at its meeting on 26 November 2013". */
  agreedBy: string;
  /** The day it was recorded in Baton. */
  recordedOn: string;
}

export interface ReportMeasure {
  text: string;
  baseline: string;
  target: string;
  targetDate: string | null;
  /** Its latest figure and rating in a sentence (core/measures.ts standingInWords), for a measure linked to an indicator. */
  latest?: string;
}

export interface ReportInput {
  priority: { number: number; title: string };
  /** What the plan calls a priority ("priority", or "theme" in an improvement plan). */
  noun?: string;
  quarter: Quarter;
  /** The date the actions were judged at: the quarter's end, or sooner if the plan or today comes first. */
  asAt: string;
  measures: readonly ReportMeasure[];
  actions: readonly ReportAction[];
}

export interface ProgressCounts {
  /** Actions not dropped. */
  actions: number;
  complete: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  notStarted: number;
  overdue: number;
  dropped: number;
  /** Actions whose due date was moved after approval (dropped ones aside). */
  moved: number;
  /** Actions whose due date has come, and of those, completed on time. */
  due: number;
  kept: number;
  keptShare: number | null;
}

export interface ReportException {
  title: string;
  leadAgencyName: string;
  dueDate: string;
  originalDueDate: string;
  /** Its moves of due date in words, oldest first. */
  moves: string[];
  /** Why it is an exception, in words: "overdue", "off track", "last reported red", "no update for 2015-16 Q4". */
  reasons: string[];
  /** Its latest "what we still need to do", if it has one. */
  stillToDo: string | null;
}

/** The four sections a sponsor edits, each as paragraphs of plain text. */
export interface ReportSections {
  summary: string[];
  exceptions: string[];
  measures: string[];
  nextSteps: string[];
}

export interface SponsorReportDraft {
  /** The priority's RAG by Baton's roll-up of its actions (ROLL_UP_RULE). */
  rag: Rag | null;
  counts: ProgressCounts;
  exceptions: ReportException[];
  /** Titles of the actions completed within the quarter. */
  highlights: string[];
  sections: ReportSections;
}

/** A RAG rating as a word, never a colour alone. */
export function ragWords(rag: Rag | null): string {
  return rag === 'red' ? 'Red' : rag === 'amber' ? 'Amber' : rag === 'green' ? 'Green' : 'Not rated';
}

/** The latest update reported for the quarter or before it: the highest period, the newest among equals. */
export function latestUpdate<U extends ReportedUpdate>(updates: readonly U[], period: string): U | null {
  let latest: U | null = null;
  for (const u of updates) if (u.period <= period && (latest === null || u.period > latest.period)) latest = u;
  return latest;
}

/**
 * What the tracker knew about an action at the end of a quarter: only the updates reported for
 * that quarter or before. (Its status is today's: Baton does not keep past statuses.)
 * @example assessAction(trackedAsOf(action, updates, '2014-15 Q2'), '2014-09-30')
 */
export function trackedAsOf(action: TrackedAction, updates: readonly ReportedUpdate[], period: string): TrackedAction {
  const known = updates.filter((u) => u.period <= period);
  return { ...action, updatePeriods: [...new Set(known.map((u) => u.period))], latestRag: latestUpdate(known, period)?.rag ?? null };
}

const isDone = (a: ReportAction) => a.assessment.promise === 'kept' || a.assessment.promise === 'kept_late';
const isOpen = (a: ReportAction) => !isDone(a) && a.assessment.promise !== 'dropped';

/**
 * Counts a priority's actions by where they stand. An action whose completion falls after the
 * report's date counts as on track, as it then was.
 */
export function countProgress(actions: readonly ReportAction[]): ProgressCounts {
  const live = actions.filter((a) => a.assessment.promise !== 'dropped');
  const open = live.filter(isOpen);
  const withStatus = (...statuses: ActionStatus[]) => open.filter((a) => statuses.includes(a.status)).length;
  const { due, kept, keptShare, moved } = summarise(actions.map((a) => a.assessment));
  return {
    actions: live.length,
    complete: live.filter(isDone).length,
    onTrack: withStatus('on_track', 'complete'),
    atRisk: withStatus('at_risk'),
    offTrack: withStatus('off_track'),
    notStarted: withStatus('not_started'),
    overdue: live.filter((a) => a.assessment.overdue).length,
    dropped: actions.length - live.length,
    moved,
    due,
    kept,
    keptShare,
  };
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** A move of due date in words: "moved from 31 July 2015 to 31 March 2016 on 2 October 2015, agreed by the sponsor. Reason given: …". */
export function moveWords(m: ReportMove): string {
  return `moved from ${dateInWords(m.from)} to ${dateInWords(m.to)} on ${dateInWords(m.recordedOn)}, agreed by ${m.agreedBy}. Reason given: ${sentence(m.reason.trim())}`;
}

/**
 * Why an action is an exception, in words; none when it is not one. An action under way is one
 * when overdue (by its original date), off track, last reported red or unreported; any action
 * not dropped is one while open after a move of its due date, and when the move was recorded in
 * the quarter or since (a report drafted late tells of every move known when it is drafted).
 */
function reasonsFor(a: ReportAction, quarter: Quarter): string[] {
  const moves = a.moves;
  const movedNow = moves.some((m) => m.recordedOn >= quarter.start);
  const moved = a.assessment.promise !== 'dropped' && moves.length > 0 && (movedNow || isOpen(a)) ? 'due date moved' : '';
  if (!isOpen(a)) return moved ? [moved] : [];
  return [
    a.assessment.overdue ? (a.assessment.judgedDue !== a.dueDate ? 'overdue against its original due date' : 'overdue') : '',
    moved,
    a.status === 'off_track' ? 'off track' : '',
    latestUpdate(a.updates, quarter.code)?.rag === 'red' ? 'last reported red' : '',
    a.assessment.unreported ? `no update for ${quarter.code}` : '',
  ].filter(Boolean);
}

/** The actions under way that a board should hear about: overdue, off track, last reported red or unreported. */
export function findExceptions(actions: readonly ReportAction[], quarter: Quarter): ReportException[] {
  return actions.flatMap((a) => {
    const reasons = reasonsFor(a, quarter);
    if (reasons.length === 0) return [];
    const stillToDo = latestUpdate(a.updates, quarter.code)?.stillToDo || null;
    const moves = a.moves.map(moveWords);
    return [
      {
        title: a.title,
        leadAgencyName: a.leadAgencyName,
        dueDate: a.dueDate,
        originalDueDate: a.originalDueDate,
        moves,
        reasons,
        stillToDo,
      },
    ];
  });
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function summaryParagraphs(input: ReportInput, rag: Rag | null, c: ProgressCounts, highlights: readonly ReportAction[]): string[] {
  const { quarter, asAt } = input;
  const noun = input.noun ?? 'priority';
  const standing = [
    [c.complete, 'complete'],
    [c.onTrack, 'on track'],
    [c.atRisk, 'at risk'],
    [c.offTrack, 'off track'],
    [c.notStarted, 'not started'],
  ] as const;
  const parts = standing.filter(([n]) => n > 0).map(([n, words]) => `${n} ${words}`);
  const paragraphs = [
    `As at ${dateInWords(asAt)} (${quarter.code}, ${quarter.label}), Baton rates this ${noun} ${ragWords(rag)} from the progress of its actions.`,
    c.actions === 0
      ? `This ${noun} has no actions.`
      : `Of its ${count(c.actions, 'action', 'actions')}, ${parts.join(', ')}. ${c.overdue === 0 ? 'None is overdue.' : `${c.overdue} ${c.overdue === 1 ? 'is' : 'are'} overdue.`}`,
    c.due === 0
      ? `No action was due by ${dateInWords(asAt)}.`
      : `${c.kept} of the ${count(c.due, 'action', 'actions')} due by ${dateInWords(asAt)} ${c.kept === 1 ? 'was' : 'were'} completed on time (${percent(c.keptShare)}).`,
  ];
  if (c.moved > 0)
    paragraphs.push(
      `${count(c.moved, 'action has had its', 'actions have had their')} due date moved since the plan was approved; ${c.moved === 1 ? 'it is' : 'they are'} judged by the date first promised and listed under exceptions.`,
    );
  if (c.dropped > 0)
    paragraphs.push(`${count(c.dropped, 'action was', 'actions were')} dropped and ${c.dropped === 1 ? 'is' : 'are'} not counted.`);
  if (highlights.length === 0) paragraphs.push(`No action was completed in ${quarter.code}.`);
  for (const a of highlights) {
    const late = a.assessment.promise === 'kept_late' ? `, after its due date of ${dateInWords(a.assessment.judgedDue)}` : '';
    paragraphs.push(`Completed in ${quarter.code}: ${a.title} (${a.leadAgencyName}), on ${dateInWords(a.completedOn!)}${late}.`);
  }
  return paragraphs;
}

function exceptionParagraphs(exceptions: readonly ReportException[]): string[] {
  if (exceptions.length === 0) return ['No exceptions: every action under way is on time, reported this quarter and not rated red.'];
  return exceptions.map((e) => {
    const next = e.stillToDo ? `What we still need to do: ${e.stillToDo}` : 'No progress update has been given yet.';
    const due =
      e.originalDueDate === e.dueDate
        ? `due ${dateInWords(e.dueDate)}`
        : `due ${dateInWords(e.dueDate)}, first promised for ${dateInWords(e.originalDueDate)}`;
    const moves = e.moves.map((m) => ` Due date ${m}`).join('');
    return `${e.title} (${e.leadAgencyName}, ${due}): ${e.reasons.join('; ')}.${moves} ${next}`;
  });
}

function measureParagraphs(measures: readonly ReportMeasure[], noun: string): string[] {
  if (measures.length === 0) return [`No success measures have been set for this ${noun}.`];
  return measures.map((m) => {
    const by = m.targetDate ? ` by ${dateInWords(m.targetDate)}` : '';
    const target = m.target ? `Target: ${sentence(m.target + by)}` : by ? `Target date: ${dateInWords(m.targetDate!)}.` : '';
    return [sentence(m.text), m.baseline ? `Baseline: ${sentence(m.baseline)}` : '', target, m.latest ?? ''].filter(Boolean).join(' ');
  });
}

function nextStepParagraphs(actions: readonly ReportAction[], quarter: Quarter, exceptions: number): string[] {
  const open = actions.filter((a) => isOpen(a) && reasonsFor(a, quarter).length === 0);
  if (open.length === 0) return [exceptions > 0 ? 'Every open action is listed under exceptions.' : 'No actions are open.'];
  return open.map((a) => {
    const next = latestUpdate(a.updates, quarter.code)?.stillToDo;
    return `${a.title} (${a.leadAgencyName}, due ${dateInWords(a.dueDate)}): ${next || 'no next step reported yet.'}`;
  });
}

/**
 * Drafts a sponsor's report for a priority and quarter: the summary of progress with the actions
 * completed in the quarter, the exceptions, the success measures and the next steps.
 * @example draftSponsorReport({ priority, quarter: parseQuarter('2015-16 Q4')!, asAt: '2016-03-31', measures, actions }).sections.summary[0]
 */
export function draftSponsorReport(input: ReportInput): SponsorReportDraft {
  const { actions, quarter } = input;
  const rag = rollUp(actions.map((a) => a.assessment));
  const counts = countProgress(actions);
  const exceptions = findExceptions(actions, quarter);
  const highlights = actions.filter((a) => isDone(a) && a.completedOn! >= quarter.start && a.completedOn! <= quarter.end);
  return {
    rag,
    counts,
    exceptions,
    highlights: highlights.map((a) => a.title),
    sections: {
      summary: summaryParagraphs(input, rag, counts, highlights),
      exceptions: exceptionParagraphs(exceptions),
      measures: measureParagraphs(input.measures, input.noun ?? 'priority'),
      nextSteps: nextStepParagraphs(actions, quarter, exceptions.length),
    },
  };
}

/**
 * Text from a person made safe to store and to write into a Word document: line endings made
 * "\n", and control characters and code points XML cannot carry removed.
 */
export function plainText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/(?![\t\n])[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu, '');
}

/** Splits text into paragraphs at blank lines. */
export function paragraphsOf(text: string): string[] {
  return plainText(text)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Joins paragraphs into text for a textarea, a blank line between each. */
export const textOf = (paragraphs: readonly string[]): string => paragraphs.join('\n\n');
