import { sql } from 'kysely';
import type { DbOrTrx } from '../db.ts';

/**
 * A partnership's revision of one kind: 'plans' moves whenever anything the promise tracker shows
 * changes, 'data' whenever anything an indicator page or scorecard shows changes (the
 * plans-revision and data-revision migrations). Read with SQL: the columns belong to the
 * triggers, not to the partnership record the app edits; they need no tenant transaction.
 */
export async function revisionOf(db: DbOrTrx, partnershipId: string, kind: 'plans' | 'data'): Promise<string> {
  const column = kind === 'plans' ? 'plans_revision' : 'data_revision';
  const { rows } = await sql<{
    revision: string;
  }>`SELECT ${sql.ref(column)}::text AS revision FROM partnerships WHERE id = ${partnershipId}`.execute(db);
  return rows[0]?.revision ?? '0';
}

/**
 * Moves every partnership's data revision once, at the end of the national load: every
 * partnership's pages are worked out from national figures, and the per-statement triggers leave
 * the load to do it (the data-revision migration).
 */
export async function moveEveryDataRevision(trx: DbOrTrx): Promise<void> {
  await sql`UPDATE partnerships SET data_revision = data_revision + 1`.execute(trx);
}
