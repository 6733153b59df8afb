import { z } from 'zod';
import { ACTION_STATUSES, PLAN_KINDS, PLAN_STATUSES, PRIORITY_STATUSES, RAGS } from '../../core/plans.ts';
import { isIsoDate, parseQuarter } from '../../core/promises.ts';
import { queryChoice, queryDate, queryDateInput, queryId, queryNotice, queryPage, queryText } from '../../web/query.ts';
import {
  numberInput,
  optionalDate,
  optionalText,
  requiredDate,
  requiredText as text,
  versionInput,
  withDateInputs,
} from '../../services/validation.ts';
import { checkMeasureLink, measureLinkFields } from './measure-schemas.ts';

const version = versionInput();

const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.uuid({ error: message }).nullable())
    .optional()
    .transform((v) => v ?? null);

/** Checkboxes arrive as nothing, one string or several. */
const idList = (message: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''))
    .pipe(z.array(z.uuid({ error: message })));

/** A textarea sends one value a line; an API body may send the values as an array. */
const lines = z
  .union([z.string(), z.array(z.string())], { error: 'List the values, one a line' })
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? '').split(/\r?\n/)).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(300, 'Each value must be 300 characters or fewer')).max(20, 'List at most 20 values'));

export const PLAN_DATES = ['periodStart', 'periodEnd'] as const;
export const planSchema = withDateInputs(
  PLAN_DATES,
  z
    .object({
      kind: z.enum(Object.keys(PLAN_KINDS) as [keyof typeof PLAN_KINDS], { error: 'Choose the kind of plan' }),
      title: text('a title', 200),
      boardId: optionalId('Choose a board from the list'),
      periodStart: requiredDate('the date the plan starts'),
      periodEnd: requiredDate('the date the plan ends'),
      vision: optionalText('The vision', 2000),
      values: lines,
      status: z.enum(Object.keys(PLAN_STATUSES) as [keyof typeof PLAN_STATUSES], { error: 'Choose a status' }),
    })
    .refine((p) => !isIsoDate(p.periodStart) || !isIsoDate(p.periodEnd) || p.periodEnd >= p.periodStart, {
      path: ['periodEnd'],
      message: 'The end date must be on or after the start date',
    }),
);
export const planEditSchema = planSchema.and(z.object({ version }));

export const prioritySchema = z.object({
  number: numberInput(
    z.coerce
      .number({ error: 'Enter the priority’s number' })
      .int('Enter a whole number')
      .min(1, 'Number must be 1 or more')
      .max(99, 'Number must be 99 or less'),
  ),
  title: text('a title', 300),
  description: optionalText('The description', 3000),
  sponsorUserId: optionalId('Choose a sponsor from the list'),
  sponsorRole: optionalText('The sponsor’s role', 200),
  leadAgencyId: optionalId('Choose a lead agency from the list'),
  agencyIds: idList('Choose contributing agencies from the list'),
  status: z.enum(Object.keys(PRIORITY_STATUSES) as [keyof typeof PRIORITY_STATUSES], { error: 'Choose a status' }).default('active'),
});
export const priorityEditSchema = prioritySchema.and(z.object({ version }));

export const MEASURE_DATES = ['targetDate'] as const;
export const measureSchema = withDateInputs(
  MEASURE_DATES,
  z
    .object({
      text: text('the measure', 500),
      baseline: optionalText('The baseline', 200),
      target: optionalText('The target', 200),
      targetDate: optionalDate('the target date'),
      ...measureLinkFields,
    })
    .superRefine(checkMeasureLink),
);
export const measureEditSchema = measureSchema.and(z.object({ version }));

export const ACTION_DATES = ['startDate', 'dueDate', 'completedOn'] as const;
export const actionSchema = withDateInputs(
  ACTION_DATES,
  z
    .object({
      title: text('a title', 300),
      description: optionalText('The description', 3000),
      leadAgencyId: z
        .string({ error: 'Choose the lead agency' })
        .trim()
        .min(1, 'Choose the lead agency')
        .pipe(z.uuid({ error: 'Choose the lead agency from the list' })),
      ownerUserId: optionalId('Choose an owner from the list'),
      ownerName: optionalText('The owner’s name', 200),
      agencyIds: idList('Choose contributing agencies from the list'),
      startDate: optionalDate('the start date'),
      dueDate: requiredDate('the due date'),
      status: z.enum(Object.keys(ACTION_STATUSES) as [keyof typeof ACTION_STATUSES], { error: 'Choose a status' }).default('not_started'),
      completedOn: optionalDate('the completion date'),
    })
    .refine((a) => !a.startDate || !isIsoDate(a.dueDate) || a.dueDate >= a.startDate, {
      path: ['dueDate'],
      message: 'The due date must be on or after the start date',
    })
    .refine((a) => a.status !== 'complete' || a.completedOn !== null, {
      path: ['completedOn'],
      message: 'Enter the date the action was completed',
    })
    .transform((a) => ({ ...a, completedOn: a.status === 'complete' ? a.completedOn : null })),
);
export const actionEditSchema = actionSchema.and(z.object({ version }));

export const UPDATE_DATES = ['completedOn'] as const;
export const updateSchema = withDateInputs(
  UPDATE_DATES,
  z
    .object({
      period: z
        .string({ error: 'Choose the quarter this update reports on' })
        .trim()
        .refine((v) => parseQuarter(v) !== undefined, 'Choose the quarter this update reports on'),
      actionTaken: text('the action taken', 5000),
      evidenceOfImpact: optionalText('The evidence of impact', 5000),
      stillToDo: optionalText('What we still need to do', 5000),
      rag: z.enum(Object.keys(RAGS) as [keyof typeof RAGS], { error: 'Choose red, amber or green' }),
      status: z.enum(Object.keys(ACTION_STATUSES) as [keyof typeof ACTION_STATUSES], { error: 'Choose the action’s status' }),
      completedOn: optionalDate('the completion date'),
      version,
    })
    .refine((u) => u.status !== 'complete' || u.completedOn !== null, {
      path: ['completedOn'],
      message: 'Enter the date the action was completed',
    }),
);

export const MILESTONE_DATES = ['dueDate'] as const;
export const milestoneSchema = withDateInputs(
  MILESTONE_DATES,
  z.object({
    title: text('the milestone', 300),
    dueDate: requiredDate('the date it is due'),
  }),
);

/** A milestone's new due date, with the date the person saw (a stale one is refused, 409). */
export const milestoneMoveSchema = withDateInputs(
  MILESTONE_DATES,
  z.object({
    dueDate: requiredDate('the new due date'),
    was: z.string({ error: 'The form is out of date: open it again' }).trim(),
  }),
);

export const MILESTONE_DONE_DATES = ['doneOn'] as const;
/** The day a milestone was reached: today unless another day is given. */
export const milestoneDoneSchema = withDateInputs(MILESTONE_DONE_DATES, z.object({ doneOn: optionalDate('the date it was reached') }));

/** The query string of a plan, priority or action page: the date promises are judged at. */
export const asAtQuery = { asAt: queryDate, notice: queryNotice };

/**
 * What the tracker can list (by default the actions that need attention), filtered and a page at a
 * time; a wrong "as at" date is shown on the page (`queryErrors`), not refused.
 */
export const trackerQuery = {
  ...asAtQuery,
  asAt: queryDateInput('the date'),
  plan: queryId,
  board: queryId,
  agency: queryId,
  show: queryChoice(['attention', 'overdue', 'unreported', 'due-soon', 'moved', 'all']),
  /** Which due dates promises are judged by: the original ones unless `judge=current`. */
  judge: queryChoice(['original', 'current']),
  page: queryPage,
};

/** A sponsor report's quarter (`?period=2015-16 Q4`; its latest when not sent). */
export const reportQuery = { period: queryText(40), notice: queryNotice };
