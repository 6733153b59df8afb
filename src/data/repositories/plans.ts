import { sql } from 'kysely';
import type { PlanKind, PlanStatus } from '../../core/plans.ts';
import type { DbOrTrx } from '../db.ts';
import type { PlanRow } from '../schema.ts';

/**
 * Plans: the plan itself and the version it is approved at. Its priorities (with their measures),
 * its actions (with their milestones and progress updates) and its versions have repositories of
 * their own. Every query is bound to one partnership.
 */

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

/**
 * Records the version an approved plan is now at. Not a person's edit, so it leaves the plan's
 * own `version` (optimistic locking) alone.
 */
export async function setApprovedVersion(db: DbOrTrx, partnershipId: string, id: string, number: number): Promise<void> {
  await db
    .updateTable('plans')
    .set({ approved_version: number })
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .execute();
}
