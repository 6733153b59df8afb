import type { DbOrTrx } from '../db.ts';
import type { RebaselineTable } from '../schema.ts';

/** Agreed moves of promised dates and targets (decision 0014). Every query is bound to one partnership. */

export type RebaselineValues = Omit<RebaselineTable, 'id' | 'partnership_id' | 'recorded_at'>;

/** A move as pages and reports read it, with the board that agreed it named. */
export interface Rebaseline {
  id: string;
  entityType: RebaselineTable['entity_type'];
  entityId: string;
  field: RebaselineTable['field'];
  before: string;
  after: string;
  reason: string;
  agreedBy: RebaselineTable['agreed_by'];
  boardName: string | null;
  meetingOn: string | null;
  recordedByLabel: string;
  recordedAt: Date;
}

export async function insertRebaseline(db: DbOrTrx, partnershipId: string, values: RebaselineValues): Promise<string> {
  const { id } = await db
    .insertInto('rebaselines')
    .values({ ...values, partnership_id: partnershipId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The moves of these records (actions, milestones, measures), oldest first. */
export async function listRebaselines(db: DbOrTrx, partnershipId: string, entityIds: readonly string[]): Promise<Rebaseline[]> {
  if (entityIds.length === 0) return [];
  const rows = await db
    .selectFrom('rebaselines as r')
    .leftJoin('boards as b', 'b.id', 'r.board_id')
    .select([
      'r.id',
      'r.entity_type as entityType',
      'r.entity_id as entityId',
      'r.field',
      'r.before',
      'r.after',
      'r.reason',
      'r.agreed_by as agreedBy',
      'b.name as boardName',
      'r.meeting_on as meetingOn',
      'r.recorded_by_label as recordedByLabel',
      'r.recorded_at as recordedAt',
    ])
    .where('r.partnership_id', '=', partnershipId)
    .where('r.entity_id', 'in', entityIds)
    .orderBy('r.recorded_at')
    .orderBy('r.id')
    .execute();
  return rows;
}
