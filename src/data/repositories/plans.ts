import { sql } from 'kysely';
import type { PlanSnapshot } from '../../core/plan-versions.ts';
import type { ActionStatus, PlanKind, PlanStatus, PriorityStatus, Rag } from '../../core/plans.ts';
import type { DbOrTrx } from '../db.ts';
import type { ActionUpdateRow, MeasureRow, MilestoneRow, PlanRow } from '../schema.ts';

/** Plans, priorities, measures, actions and progress updates; every query is bound to one partnership. */

export interface PlanListItem extends PlanRow {
  boardName: string | null;
  priorityCount: number;
}

export function listPlans(db: DbOrTrx, partnershipId: string, statuses?: readonly PlanStatus[]): Promise<PlanListItem[]> {
  let query = db
    .selectFrom('plans as p')
    .leftJoin('boards as b', 'b.id', 'p.board_id')
    .selectAll('p')
    .select('b.name as boardName')
    .select((eb) =>
      eb
        .selectFrom('priorities as pr')
        .whereRef('pr.plan_id', '=', 'p.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('priorityCount'),
    )
    .where('p.partnership_id', '=', partnershipId);
  if (statuses) query = query.where('p.status', 'in', statuses);
  return query.orderBy('p.period_start', 'desc').orderBy('p.title').execute() as Promise<PlanListItem[]>;
}

export function findPlan(db: DbOrTrx, partnershipId: string, id: string): Promise<(PlanRow & { boardName: string | null }) | undefined> {
  return db
    .selectFrom('plans as p')
    .leftJoin('boards as b', 'b.id', 'p.board_id')
    .selectAll('p')
    .select('b.name as boardName')
    .where('p.partnership_id', '=', partnershipId)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export interface PlanValues {
  kind: PlanKind;
  title: string;
  board_id: string | null;
  period_start: string;
  period_end: string;
  vision: string;
  plan_values: string[];
  status: PlanStatus;
}

export function insertPlan(db: DbOrTrx, partnershipId: string, values: PlanValues & { approved_version?: number }): Promise<PlanRow> {
  return db
    .insertInto('plans')
    .values({ ...values, partnership_id: partnershipId, plan_values: JSON.stringify(values.plan_values) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Saves a plan if it is still at `version`; undefined when someone else saved it first. */
export function updatePlan(
  db: DbOrTrx,
  partnershipId: string,
  id: string,
  version: number,
  values: PlanValues & { approved_version: number },
): Promise<PlanRow | undefined> {
  return db
    .updateTable('plans')
    .set((eb) => ({ ...values, plan_values: JSON.stringify(values.plan_values), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function insertPlanVersion(
  db: DbOrTrx,
  values: { partnership_id: string; plan_id: string; number: number; summary: string; snapshot: unknown; created_by: string },
): Promise<void> {
  await db
    .insertInto('plan_versions')
    .values({ ...values, snapshot: JSON.stringify(values.snapshot) })
    .execute();
}

export function listPlanVersions(db: DbOrTrx, partnershipId: string, planId: string) {
  return db
    .selectFrom('plan_versions')
    .select(['number', 'summary', 'snapshot', 'created_by', 'created_at'])
    .where('partnership_id', '=', partnershipId)
    .where('plan_id', '=', planId)
    .orderBy('number', 'desc')
    .execute();
}

export interface PriorityItem {
  id: string;
  planId: string;
  number: number;
  title: string;
  description: string;
  sponsorUserId: string | null;
  sponsorName: string | null;
  sponsorRole: string;
  leadAgencyId: string | null;
  leadAgencyName: string | null;
  status: PriorityStatus;
  version: number;
  contributingAgencyIds: string[];
}

function priorityQuery(db: DbOrTrx, partnershipId: string) {
  return db
    .selectFrom('priorities as pr')
    .leftJoin('users as u', 'u.id', 'pr.sponsor_user_id')
    .leftJoin('agencies as a', 'a.id', 'pr.lead_agency_id')
    .select([
      'pr.id',
      'pr.plan_id as planId',
      'pr.number',
      'pr.title',
      'pr.description',
      'pr.sponsor_user_id as sponsorUserId',
      'u.name as sponsorName',
      'pr.sponsor_role as sponsorRole',
      'pr.lead_agency_id as leadAgencyId',
      'a.name as leadAgencyName',
      'pr.status',
      'pr.version',
    ])
    .select((eb) =>
      eb
        .selectFrom('priority_agencies as pa')
        .whereRef('pa.priority_id', '=', 'pr.id')
        .select(sql<string[]>`coalesce(array_agg(pa.agency_id::text), '{}')`.as('ids'))
        .as('contributingAgencyIds'),
    )
    .where('pr.partnership_id', '=', partnershipId);
}

export function listPriorities(db: DbOrTrx, partnershipId: string, planId: string): Promise<PriorityItem[]> {
  return priorityQuery(db, partnershipId).where('pr.plan_id', '=', planId).orderBy('pr.number').execute() as Promise<PriorityItem[]>;
}

export function findPriority(db: DbOrTrx, partnershipId: string, id: string): Promise<PriorityItem | undefined> {
  return priorityQuery(db, partnershipId).where('pr.id', '=', id).executeTakeFirst() as Promise<PriorityItem | undefined>;
}

export interface PriorityValues {
  number: number;
  title: string;
  description: string;
  sponsor_user_id: string | null;
  sponsor_role: string;
  lead_agency_id: string | null;
  status: PriorityStatus;
}

export async function insertPriority(
  db: DbOrTrx,
  partnershipId: string,
  planId: string,
  values: PriorityValues,
  contributingAgencyIds: readonly string[],
): Promise<string> {
  const { id } = await db
    .insertInto('priorities')
    .values({ ...values, partnership_id: partnershipId, plan_id: planId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addAgencyLinks(db, 'priority', partnershipId, id, contributingAgencyIds);
  return id;
}

export async function updatePriority(
  db: DbOrTrx,
  partnershipId: string,
  id: string,
  version: number,
  values: PriorityValues,
  contributingAgencyIds: readonly string[],
): Promise<boolean> {
  const row = await db
    .updateTable('priorities')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  if (!row) return false;
  await replaceAgencyLinks(db, 'priority', partnershipId, id, contributingAgencyIds);
  return true;
}

export function listMeasures(db: DbOrTrx, partnershipId: string, priorityIds: readonly string[]): Promise<MeasureRow[]> {
  if (priorityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('measures')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .where('priority_id', 'in', priorityIds)
    .orderBy('priority_id')
    .orderBy('position')
    .execute();
}

export async function insertMeasure(db: DbOrTrx, partnershipId: string, priorityId: string, values: MeasureValues): Promise<void> {
  await insertMeasures(db, partnershipId, priorityId, [values]);
}

export type MeasureValues = { text: string; baseline: string; target: string; target_date: string | null };

/** Adds measures after those a priority has, in the order given, in one statement. */
export async function insertMeasures(
  db: DbOrTrx,
  partnershipId: string,
  priorityId: string,
  values: readonly MeasureValues[],
): Promise<void> {
  if (values.length === 0) return;
  const last = sql<number>`(SELECT coalesce(max(position), 0) FROM measures WHERE priority_id = ${priorityId})`;
  await db
    .insertInto('measures')
    .values(
      values.map((v, i) => ({ ...v, partnership_id: partnershipId, priority_id: priorityId, position: sql<number>`${last} + ${i + 1}` })),
    )
    .execute();
}

/** An action with what the tracker and the pages need about its priority, plan and progress. */
export interface ActionItem {
  id: string;
  priorityId: string;
  priorityNumber: number;
  priorityTitle: string;
  sponsorUserId: string | null;
  planId: string;
  planTitle: string;
  planKind: PlanKind;
  planStatus: PlanStatus;
  planEnd: string;
  boardId: string | null;
  title: string;
  description: string;
  leadAgencyId: string;
  leadAgencyName: string;
  ownerUserId: string | null;
  ownerName: string;
  startDate: string | null;
  dueDate: string;
  status: ActionStatus;
  completedOn: string | null;
  version: number;
  contributingAgencyIds: string[];
  updatePeriods: string[];
  latestRag: Rag | null;
  latestUpdateAt: Date | null;
}

export interface ActionFilter {
  planId?: string;
  priorityId?: string;
  boardId?: string;
  /** Actions this agency leads or contributes to. */
  agencyId?: string;
  actionId?: string;
  planStatuses?: readonly PlanStatus[];
}

/**
 * The actions matching a filter, in plan (newest first), priority, due date and title order.
 * The rows travel as one JSON document: the tracker reads hundreds of actions at a time, and
 * decoding them field by field cost more than the query.
 */
export async function listActions(db: DbOrTrx, partnershipId: string, filter: ActionFilter = {}): Promise<ActionItem[]> {
  let query = db
    .selectFrom('actions as ac')
    .innerJoin('priorities as pr', 'pr.id', 'ac.priority_id')
    .innerJoin('plans as p', 'p.id', 'pr.plan_id')
    .innerJoin('agencies as a', 'a.id', 'ac.lead_agency_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('action_agencies')
          .where('partnership_id', '=', partnershipId)
          .groupBy('action_id')
          .select(['action_id', sql<string[]>`array_agg(agency_id::text)`.as('ids')])
          .as('links'),
      (join) => join.onRef('links.action_id', '=', 'ac.id'),
    )
    .select([
      'ac.id',
      'ac.priority_id as priorityId',
      'pr.number as priorityNumber',
      'pr.title as priorityTitle',
      'pr.sponsor_user_id as sponsorUserId',
      'p.id as planId',
      'p.title as planTitle',
      'p.kind as planKind',
      'p.status as planStatus',
      'p.period_end as planEnd',
      'p.board_id as boardId',
      'ac.title',
      'ac.description',
      'ac.lead_agency_id as leadAgencyId',
      'a.name as leadAgencyName',
      'ac.owner_user_id as ownerUserId',
      'ac.owner_name as ownerName',
      'ac.start_date as startDate',
      'ac.due_date as dueDate',
      'ac.status',
      'ac.completed_on as completedOn',
      'ac.version',
      'ac.reported_periods as updatePeriods',
      'ac.latest_rag as latestRag',
      'ac.latest_update_at as latestUpdateAt',
      'p.period_start as planStart',
    ])
    // One grouped pass over the links instead of a subquery per action.
    .select(sql<string[]>`coalesce(links.ids, '{}')`.as('contributingAgencyIds'))
    .where('ac.partnership_id', '=', partnershipId);
  if (filter.planId) query = query.where('p.id', '=', filter.planId);
  if (filter.priorityId) query = query.where('ac.priority_id', '=', filter.priorityId);
  if (filter.boardId) query = query.where('p.board_id', '=', filter.boardId);
  if (filter.actionId) query = query.where('ac.id', '=', filter.actionId);
  if (filter.planStatuses) query = query.where('p.status', 'in', filter.planStatuses);
  if (filter.agencyId) {
    const agencyId = filter.agencyId;
    query = query.where((eb) =>
      eb.or([
        eb('ac.lead_agency_id', '=', agencyId),
        eb.exists(
          eb
            .selectFrom('action_agencies as aa')
            .whereRef('aa.action_id', '=', 'ac.id')
            .where('aa.agency_id', '=', agencyId)
            .select('aa.agency_id'),
        ),
      ]),
    );
  }
  const { rows } = await sql<{ rows: (Omit<ActionItem, 'latestUpdateAt'> & { planStart: string; latestUpdateAt: string | null })[] }>`
    SELECT coalesce(json_agg(t), '[]') AS rows FROM (${query}) AS t`.execute(db);
  const raw = rows[0]!.rows;
  raw.sort(
    (a, b) =>
      b.planStart.localeCompare(a.planStart) ||
      a.priorityNumber - b.priorityNumber ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.title.localeCompare(b.title),
  );
  return raw.map(({ planStart: _planStart, latestUpdateAt, ...a }) => ({
    ...a,
    latestUpdateAt: latestUpdateAt === null ? null : new Date(latestUpdateAt),
  }));
}

export interface ActionValues {
  title: string;
  description: string;
  lead_agency_id: string;
  owner_user_id: string | null;
  owner_name: string;
  start_date: string | null;
  due_date: string;
  status: ActionStatus;
  completed_on: string | null;
}

export async function insertAction(
  db: DbOrTrx,
  partnershipId: string,
  priorityId: string,
  values: ActionValues,
  contributingAgencyIds: readonly string[],
): Promise<string> {
  const { id } = await db
    .insertInto('actions')
    .values({ ...values, partnership_id: partnershipId, priority_id: priorityId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addAgencyLinks(db, 'action', partnershipId, id, contributingAgencyIds);
  return id;
}

export async function updateAction(
  db: DbOrTrx,
  partnershipId: string,
  id: string,
  version: number,
  values: Partial<ActionValues>,
  contributingAgencyIds?: readonly string[],
): Promise<boolean> {
  const row = await db
    .updateTable('actions')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  if (!row) return false;
  if (contributingAgencyIds) await replaceAgencyLinks(db, 'action', partnershipId, id, contributingAgencyIds);
  return true;
}

export function listUpdates(db: DbOrTrx, partnershipId: string, actionId: string): Promise<ActionUpdateRow[]> {
  return db
    .selectFrom('action_updates')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .where('action_id', '=', actionId)
    .orderBy('created_at', 'desc')
    .execute();
}

export type UpdateValues = {
  partnership_id: string;
  action_id: string;
  period: string;
  action_taken: string;
  evidence_of_impact: string;
  still_to_do: string;
  rag: Rag;
  author_user_id: string | null;
  author: string;
  created_at?: string;
};

export async function insertUpdate(db: DbOrTrx, values: UpdateValues): Promise<string> {
  const { id } = await db.insertInto('action_updates').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Adds progress updates in one statement (the action-progress trigger sums each action's up once). */
export async function insertUpdates(db: DbOrTrx, values: readonly UpdateValues[]): Promise<void> {
  if (values.length) await db.insertInto('action_updates').values(values).execute();
}

export function listMilestones(db: DbOrTrx, partnershipId: string, actionId: string): Promise<MilestoneRow[]> {
  return db
    .selectFrom('milestones')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .where('action_id', '=', actionId)
    .orderBy('due_date')
    .execute();
}

export type MilestoneValues = { partnership_id: string; action_id: string; title: string; due_date: string; done_on: string | null };

export async function insertMilestone(db: DbOrTrx, values: MilestoneValues): Promise<void> {
  await insertMilestones(db, [values]);
}

/** Adds milestones in one statement. */
export async function insertMilestones(db: DbOrTrx, values: readonly MilestoneValues[]): Promise<void> {
  if (values.length) await db.insertInto('milestones').values(values).execute();
}

/** A plan as it stands, with its priorities and their measures: what a plan version keeps. */
export async function readPlanSnapshot(db: DbOrTrx, partnershipId: string, planId: string): Promise<PlanSnapshot> {
  const plan = await findPlan(db, partnershipId, planId);
  if (!plan) throw new Error(`No plan ${planId}`);
  const priorities = await listPriorities(db, partnershipId, planId);
  const measures = await listMeasures(
    db,
    partnershipId,
    priorities.map((p) => p.id),
  );
  return {
    title: plan.title,
    status: plan.status,
    periodStart: plan.period_start,
    periodEnd: plan.period_end,
    vision: plan.vision,
    values: plan.plan_values,
    priorities: priorities.map((p) => ({
      number: p.number,
      title: p.title,
      description: p.description,
      sponsor: [p.sponsorRole, p.sponsorName].filter(Boolean).join(': '),
      leadAgency: p.leadAgencyName ?? '',
      status: p.status,
      measures: measures.filter((m) => m.priority_id === p.id).map((m) => m.text),
    })),
  };
}

export function findMilestone(db: DbOrTrx, partnershipId: string, id: string): Promise<MilestoneRow | undefined> {
  return db.selectFrom('milestones').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
}

export async function setMilestoneDone(db: DbOrTrx, partnershipId: string, id: string, doneOn: string | null): Promise<void> {
  await db.updateTable('milestones').set({ done_on: doneOn }).where('partnership_id', '=', partnershipId).where('id', '=', id).execute();
}

/** Makes these the contributing agencies of a priority or an action. */
async function replaceAgencyLinks(
  db: DbOrTrx,
  owner: 'priority' | 'action',
  partnershipId: string,
  ownerId: string,
  agencyIds: readonly string[],
): Promise<void> {
  const table = owner === 'priority' ? 'priority_agencies' : 'action_agencies';
  const column = owner === 'priority' ? 'priority_id' : 'action_id';
  await sql`DELETE FROM ${sql.table(table)} WHERE partnership_id = ${partnershipId} AND ${sql.ref(column)} = ${ownerId}`.execute(db);
  await addAgencyLinks(db, owner, partnershipId, ownerId, agencyIds);
}

/** Links a new priority or action to the agencies contributing to it (it has none yet). */
async function addAgencyLinks(
  db: DbOrTrx,
  owner: 'priority' | 'action',
  partnershipId: string,
  ownerId: string,
  agencyIds: readonly string[],
): Promise<void> {
  if (agencyIds.length === 0) return;
  const table = owner === 'priority' ? 'priority_agencies' : 'action_agencies';
  const column = owner === 'priority' ? 'priority_id' : 'action_id';
  const rows = agencyIds.map((agencyId) => sql`(${partnershipId}, ${ownerId}, ${agencyId})`);
  await sql`INSERT INTO ${sql.table(table)} (partnership_id, ${sql.ref(column)}, agency_id) VALUES ${sql.join(rows)}`.execute(db);
}
