import { z } from 'zod';
import { priorityRag, standingInWords } from '../../core/measures.ts';
import { isLive, planVocabulary } from '../../core/plans.ts';
import { mayEditPriority, type Person } from '../../core/policy.ts';
import { assessAction, parseQuarter, previousQuarter, quarterOf, type Quarter } from '../../core/promises.ts';
import { draftSponsorReport, latestUpdate, plainText, textOf, trackedAsOf } from '../../core/sponsor-report.ts';
import type { Trx } from '../../data/db.ts';
import { listActions } from '../../data/repositories/actions.ts';
import type { findPlan } from '../../data/repositories/plans.ts';
import { listMeasures, type PriorityItem } from '../../data/repositories/priorities.ts';
import { judgeMeasures } from './measure-figures.ts';
import { listRebaselines } from '../../data/repositories/rebaselines.ts';
import * as reports from '../../data/repositories/sponsor-reports.ts';
import type { SponsorReportRow } from '../../data/schema.ts';
import { savedOrConflict, ValidationError } from '../../services/errors.ts';
import { versionInput } from '../../services/validation.ts';
import { reportMove } from './rebaseline.ts';

/** The sponsor's report to the board: which quarters it may cover, how it is read and drafted, and how it is saved. */

type PlanDates = { period_start: string; period_end: string };
type Plan = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

const MAX_SECTION = 10000;
const section = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) => plainText(v ?? '').trim())
    .pipe(z.string().max(MAX_SECTION, `${label} must be ${MAX_SECTION} characters or fewer`));

/** The sponsor's report form. Version 0 means the person was editing Baton's draft, not a saved report. */
export const sponsorReportSchema = z.object({
  summary: section('The summary of progress').refine((v) => v !== '', 'Enter a summary of progress'),
  exceptions: section('The exceptions'),
  measures: section('The success measures'),
  nextSteps: section('The next steps'),
  rag: z
    .enum(['red', 'amber', 'green', 'none'], { error: 'Choose the rating you give this priority' })
    .transform((v) => (v === 'none' ? null : v)),
  version: versionInput(undefined, 0),
});
export type SponsorReportForm = z.infer<typeof sponsorReportSchema>;

const earliest = (...dates: string[]) => dates.reduce((a, b) => (a < b ? a : b));

/** The quarters a plan can be reported on, newest first: from its start to the quarter it is in today (or its last). */
export function reportQuarters(plan: PlanDates, today: string): Quarter[] {
  const first = quarterOf(plan.period_start);
  const now = earliest(today, plan.period_end);
  const quarters = [quarterOf(now < plan.period_start ? plan.period_start : now)];
  while (quarters.at(-1)!.start > first.start) quarters.push(previousQuarter(quarters.at(-1)!));
  return quarters;
}

/**
 * The quarter a report covers: the one asked for, or by default the latest the plan can be
 * reported on. A period that is not one of the plan's quarters is refused (400), never guessed.
 */
export function chooseQuarter(plan: PlanDates, period: string | undefined, today: string): Quarter {
  const quarters = reportQuarters(plan, today);
  if (period === undefined || period.trim() === '') return quarters[0]!;
  const quarter = parseQuarter(period);
  if (quarter && quarters.some((q) => q.code === quarter.code)) return quarter;
  const range = `${quarters.at(-1)!.code} to ${quarters[0]!.code}`;
  throw new ValidationError({
    period: quarter
      ? `This plan’s reports cover ${range}: choose a quarter in that range`
      : `Choose a quarter written like ${quarters[0]!.code}, from ${range}`,
  });
}

/** What a sponsor's report page, and its Word export, show. */
export async function readSponsorReport(
  trx: Trx,
  c: { partnershipId: string; person: Person; plan: Plan; priority: PriorityItem; period: string | undefined; today: string },
) {
  const { partnershipId, plan, priority } = c;
  const quarter = chooseQuarter(plan, c.period, c.today);
  const asAt = earliest(quarter.end, plan.period_end, c.today);
  const vocabulary = planVocabulary(plan.kind);
  const measures = await judgeMeasures(trx, partnershipId, await listMeasures(trx, partnershipId, [priority.id]), asAt);
  const updates = await reports.listPriorityUpdates(trx, partnershipId, priority.id);
  const listed = await listActions(trx, partnershipId, { priorityId: priority.id });
  const moves = (
    await listRebaselines(
      trx,
      partnershipId,
      listed.map((a) => a.id),
    )
  )
    .filter((m) => m.field === 'due_date')
    .map((m) => ({ ...reportMove(m), actionId: m.entityId }));
  const actions = listed.map((a) => {
    const own = updates.filter((u) => u.actionId === a.id);
    return {
      ...a,
      moves: moves.filter((m) => m.actionId === a.id),
      updates: own,
      latest: latestUpdate(own, quarter.code),
      assessment: assessAction(trackedAsOf(a, own, quarter.code), asAt),
    };
  });
  const draft = draftSponsorReport({
    priority,
    noun: vocabulary.priority,
    quarter,
    asAt,
    measures: measures.map((m) => ({
      text: m.text,
      baseline: m.baseline,
      target: m.target,
      targetDate: m.target_date,
      latest: [standingInWords(m.standing), ...m.moves.map((w) => (/[.!?]$/.test(w) ? w : `${w}.`))].join(' '),
    })),
    actions,
  });
  const saved = (await reports.findSponsorReport(trx, partnershipId, priority.id, quarter.code)) ?? null;
  return {
    plan,
    priority,
    vocabulary,
    quarter,
    quarters: reportQuarters(plan, c.today),
    asAt,
    tracked: isLive(plan.status),
    measures,
    actions,
    draft,
    /** The actions' roll-up weighed with the measures' ratings (core/measures.ts PRIORITY_RAG_RULE). */
    combinedRag: isLive(plan.status)
      ? priorityRag(
          draft.rag,
          measures.map((m) => m.standing),
        )
      : null,
    saved,
    /** What the report says: as saved, or Baton's draft until it is saved. */
    report: saved ? reportText(saved) : { ...draftText(draft.sections), rag: draft.rag, version: 0 },
    mayEdit: mayEditPriority(c.person, priority),
  };
}

const draftText = (s: ReturnType<typeof draftSponsorReport>['sections']) => ({
  summary: textOf(s.summary),
  exceptions: textOf(s.exceptions),
  measures: textOf(s.measures),
  nextSteps: textOf(s.nextSteps),
});

const reportText = (row: SponsorReportRow) => ({
  summary: row.summary,
  exceptions: row.exceptions,
  measures: row.measures,
  nextSteps: row.next_steps,
  rag: row.rag,
  version: row.version,
});

/**
 * Saves a report: the first save for a priority and quarter inserts it, later ones update it,
 * and either is refused if someone else saved since the person read it.
 */
export async function writeSponsorReport(
  trx: Trx,
  c: { partnershipId: string; priorityId: string; period: string; form: SponsorReportForm; updatedBy: string },
): Promise<{ before: ReturnType<typeof reportText> | null; saved: SponsorReportRow }> {
  const { partnershipId, priorityId, period, form } = c;
  const values = {
    summary: form.summary,
    exceptions: form.exceptions,
    measures: form.measures,
    next_steps: form.nextSteps,
    rag: form.rag,
    updated_by: c.updatedBy,
  };
  const before = await reports.findSponsorReport(trx, partnershipId, priorityId, period);
  const who = before ? ` (last saved by ${before.updated_by}, ${before.updated_at.toISOString().slice(0, 16).replace('T', ' ')} UTC)` : '';
  const saved = savedOrConflict(
    form.version === 0
      ? await reports.insertSponsorReport(trx, partnershipId, priorityId, period, values)
      : before && (await reports.updateSponsorReport(trx, partnershipId, before.id, form.version, values)),
    `Someone else saved this report while you were editing it${who}. Your changes have not been saved: they are still in the form, so you can compare them with what is saved now and save again.`,
  );
  return { before: before ? reportText(before) : null, saved };
}
