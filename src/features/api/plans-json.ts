import type { Rag } from '../../core/plans.ts';
import type { TrackerSummary } from '../../core/promises.ts';
import type { PlanListItem } from '../../data/repositories/plans.ts';
import type { PriorityItem } from '../../data/repositories/priorities.ts';
import type { ActionUpdateRow, MilestoneRow, PlanRow } from '../../data/schema.ts';
import type { JudgedMeasure } from '../plans/measure-figures.ts';
import type { AssessedAction } from '../plans/service.ts';

/**
 * Plans and promises as the API shows them. A record's fields carry the names its PUT body
 * takes, so a client can read a record, change it and send it back whole.
 */

/** A plan as the list shows it. */
export function planSummaryJson(p: PlanListItem) {
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    boardId: p.board_id,
    boardName: p.boardName,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    status: p.status,
    approvedVersion: p.approved_version,
    priorityCount: p.priorityCount,
    version: p.version,
    updatedAt: p.updated_at,
  };
}

export function planJson(p: PlanRow & { boardName: string | null }) {
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    boardId: p.board_id,
    boardName: p.boardName,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    vision: p.vision,
    values: p.plan_values,
    status: p.status,
    approvedVersion: p.approved_version,
    version: p.version,
    updatedAt: p.updated_at,
  };
}

/** A success measure: what the plan says, what it is linked to, and its latest figure judged (core/measures.ts). */
export const measureJson = (m: JudgedMeasure) => ({
  id: m.id,
  priorityId: m.priority_id,
  text: m.text,
  baseline: m.baseline,
  target: m.target,
  targetDate: m.target_date,
  indicatorId: m.indicator_id,
  indicatorCode: m.indicator?.code ?? null,
  areaId: m.area_id,
  breakdown: m.breakdown,
  baselineValue: m.baseline_value,
  baselinePeriod: m.baseline_period,
  targetValue: m.target_value,
  tolerance: m.tolerance,
  trajectory: m.trajectory,
  latest: m.standing.latest && {
    value: m.standing.latest.value,
    text: m.standing.latest.text,
    period: m.standing.latest.periodCode,
    periodLabel: m.standing.latest.periodLabel,
  },
  direction: m.standing.direction && { direction: m.standing.direction.direction, words: m.standing.direction.words },
  rag: m.standing.rag,
  reason: m.standing.reason,
  figure: m.standing.kind,
  version: m.version,
});

/** A priority with its success measures and, for a live plan, how its actions stand. */
export function priorityJson(p: PriorityItem & { measures: JudgedMeasure[]; summary: TrackerSummary; rag: Rag | null }) {
  return {
    id: p.id,
    planId: p.planId,
    number: p.number,
    title: p.title,
    description: p.description,
    sponsorUserId: p.sponsorUserId,
    sponsorName: p.sponsorName,
    sponsorRole: p.sponsorRole,
    leadAgencyId: p.leadAgencyId,
    leadAgencyName: p.leadAgencyName,
    agencyIds: p.contributingAgencyIds,
    status: p.status,
    measures: p.measures.map(measureJson),
    rag: p.rag,
    summary: p.summary,
    version: p.version,
  };
}

/** An action with the service's judgement of it (overdue, unreported, due soon, promise kept). */
export function actionJson(a: AssessedAction) {
  return {
    id: a.id,
    planId: a.planId,
    priorityId: a.priorityId,
    title: a.title,
    description: a.description,
    leadAgencyId: a.leadAgencyId,
    leadAgencyName: a.leadAgencyName,
    ownerUserId: a.ownerUserId,
    ownerName: a.ownerName,
    agencyIds: a.contributingAgencyIds,
    startDate: a.startDate,
    dueDate: a.dueDate,
    originalDueDate: a.originalDueDate,
    status: a.status,
    completedOn: a.completedOn,
    latestRag: a.latestRag,
    latestUpdateAt: a.latestUpdateAt,
    assessment: { asAt: a.asAt, ...a.assessment },
    mayUpdate: a.mayUpdate,
    version: a.version,
  };
}

export const milestoneJson = (m: MilestoneRow) => ({ id: m.id, title: m.title, dueDate: m.due_date, doneOn: m.done_on });

/** A progress update: kept for ever, never changed. */
export function updateJson(u: ActionUpdateRow) {
  return {
    id: u.id,
    period: u.period,
    actionTaken: u.action_taken,
    evidenceOfImpact: u.evidence_of_impact,
    stillToDo: u.still_to_do,
    rag: u.rag,
    author: u.author,
    createdAt: u.created_at,
  };
}

/**
 * An API body with its `null` fields left out: in JSON, null means "none", which the schemas
 * (written for forms, where an empty field is absent or '') take as a field not sent.
 */
export function withoutNulls(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
}
