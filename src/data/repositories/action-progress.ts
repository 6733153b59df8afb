import type { Rag } from '../../core/plans.ts';
import type { DbOrTrx } from '../db.ts';
import type { ActionUpdateRow, MilestoneRow } from '../schema.ts';

/** An action's progress: its progress updates (kept for ever) and its milestones. Every query is bound to one partnership. */

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

export function findMilestone(db: DbOrTrx, partnershipId: string, id: string): Promise<MilestoneRow | undefined> {
  return db.selectFrom('milestones').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
}

/** Moves a milestone's due date; `original` too while its plan is a draft (decision 0014). */
export async function setMilestoneDueDate(
  db: DbOrTrx,
  partnershipId: string,
  id: string,
  dueDate: string,
  original?: string,
): Promise<void> {
  await db
    .updateTable('milestones')
    .set(original === undefined ? { due_date: dueDate } : { due_date: dueDate, original_due_date: original })
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .execute();
}

export async function setMilestoneDone(db: DbOrTrx, partnershipId: string, id: string, doneOn: string | null): Promise<void> {
  await db.updateTable('milestones').set({ done_on: doneOn }).where('partnership_id', '=', partnershipId).where('id', '=', id).execute();
}
