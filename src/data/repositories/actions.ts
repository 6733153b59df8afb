import { sql } from 'kysely';
import type { ActionStatus, PlanKind, PlanStatus, Rag } from '../../core/plans.ts';
import type { DbOrTrx } from '../db.ts';
import type { ActionRow } from '../schema.ts';
import { addAgencyLinks, replaceAgencyLinks } from './agency-links.ts';
import { updateAtVersion } from './versioned.ts';

/** Delivery actions: the promises a priority's agencies made. Every query is bound to one partnership. */

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
  /** The due date promised when the plan was approved (decision 0014). */
  originalDueDate: string;
  status: ActionStatus;
  completedOn: string | null;
  version: number;
  contributingAgencyIds: string[];
  updatePeriods: string[];
  latestRag: Rag | null;
  latestUpdateAt: Date | null;
  /** The first line of the latest update's "action taken", for the tracker's row. */
  latestUpdateText: string | null;
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
    // The latest update's first line, in one pass over the partnership's updates.
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('action_updates')
          .where('partnership_id', '=', partnershipId)
          .distinctOn('action_id')
          .orderBy('action_id')
          .orderBy('created_at', 'desc')
          .select(['action_id', sql<string>`split_part(btrim(action_taken), E'\\n', 1)`.as('first_line')])
          .as('latest'),
      (join) => join.onRef('latest.action_id', '=', 'ac.id'),
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
      'ac.original_due_date as originalDueDate',
      'ac.status',
      'ac.completed_on as completedOn',
      'ac.version',
      'ac.reported_periods as updatePeriods',
      'ac.latest_rag as latestRag',
      'ac.latest_update_at as latestUpdateAt',
      'latest.first_line as latestUpdateText',
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

/** One action, with what the pages need about its priority, plan and progress. */
export async function findAction(db: DbOrTrx, partnershipId: string, id: string): Promise<ActionItem | undefined> {
  const [action] = await listActions(db, partnershipId, { actionId: id });
  return action;
}

export interface ActionValues {
  title: string;
  description: string;
  lead_agency_id: string;
  owner_user_id: string | null;
  owner_name: string;
  start_date: string | null;
  due_date: string;
  /** Set with due_date while the plan is a draft; kept when a due date is moved after approval. */
  original_due_date?: string;
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

/**
 * Saves an action (and, when given, its contributing agencies) if it is still at `version`;
 * undefined when someone else saved it first.
 */
export async function updateAction(
  db: DbOrTrx,
  partnershipId: string,
  id: string,
  version: number,
  values: Partial<ActionValues>,
  contributingAgencyIds?: readonly string[],
): Promise<ActionRow | undefined> {
  const row = await updateAtVersion(db, 'actions', { partnershipId, id, version }, values);
  if (row && contributingAgencyIds) await replaceAgencyLinks(db, 'action', partnershipId, id, contributingAgencyIds);
  return row;
}
