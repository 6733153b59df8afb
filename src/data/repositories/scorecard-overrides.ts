import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../db.ts';
import type { ScorecardRagOverrideTable } from '../schema.ts';

/** A manual rating as it is saved: everything but its owner, id and time. */
export type NewRagOverride = Omit<Insertable<ScorecardRagOverrideTable>, 'id' | 'partnership_id' | 'created_at'>;

/** A manual rating of a row for a period, as the scorecard reads it. */
export type RagOverride = Pick<
  Selectable<ScorecardRagOverrideTable>,
  'row_id' | 'period_code' | 'rag' | 'reason' | 'author_label' | 'created_at'
>;

/** Every manual rating of these rows, newest first. */
export function listRagOverrides(db: DbOrTrx, partnershipId: string, rowIds: readonly string[]): Promise<RagOverride[]> {
  if (rowIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('scorecard_rag_overrides')
    .select(['row_id', 'period_code', 'rag', 'reason', 'author_label', 'created_at'])
    .where('partnership_id', '=', partnershipId)
    .where('row_id', 'in', rowIds)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Records a manual rating of a row for a period (a null rating returns it to the rule's). */
export async function insertRagOverride(db: DbOrTrx, partnershipId: string, override: NewRagOverride): Promise<void> {
  await db
    .insertInto('scorecard_rag_overrides')
    .values({ partnership_id: partnershipId, ...override })
    .execute();
}
