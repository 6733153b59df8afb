import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DbOrTrx } from '../db.ts';
import type { AgencyRow, BoardRow } from '../schema.ts';

/** JSON carries timestamps as text; this turns them back into dates. */
function withDates<T extends { created_at: string; updated_at: string }>(
  row: T,
): Omit<T, 'created_at' | 'updated_at'> & { created_at: Date; updated_at: Date } {
  return { ...row, created_at: new Date(row.created_at), updated_at: new Date(row.updated_at) };
}

/**
 * A partnership's boards and agencies, each by name, in one statement: the home page, the public
 * page and the API lists all need both, and on the embedded database each statement costs more
 * than the rows it reads.
 */
export async function listBoardsAndAgencies(db: DbOrTrx, partnershipId: string): Promise<{ boards: BoardRow[]; agencies: AgencyRow[] }> {
  const row = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(eb.selectFrom('boards').selectAll().where('partnership_id', '=', partnershipId).orderBy('name')).as('boards'),
      jsonArrayFrom(eb.selectFrom('agencies').selectAll().where('partnership_id', '=', partnershipId).orderBy('name')).as('agencies'),
    ])
    .executeTakeFirstOrThrow();
  return { boards: row.boards.map(withDates), agencies: row.agencies.map(withDates) };
}
