import type { Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../db.ts';
import type { Database } from '../schema.ts';

/** The tenant tables whose rows carry a `version` and are saved with optimistic locking (decision 0005). */
export type VersionedTable = 'agencies' | 'boards' | 'sponsor_reports' | 'actions' | 'priorities' | 'measures';

/**
 * Optimistic locking's one statement: saves `values` on the partnership's row `id` only if it is
 * still at `version`, moving `version` on by one and stamping `updated_at`; undefined when someone
 * else saved it first (the service turns that into a ConflictError with savedOrConflict).
 */
export function updateAtVersion<T extends VersionedTable>(
  db: DbOrTrx,
  table: T,
  row: { partnershipId: string; id: string; version: number },
  values: Updateable<Database[T]>,
): Promise<Selectable<Database[T]> | undefined> {
  // Kysely cannot follow a table chosen by a type parameter, so the statement is typed as one of
  // them ('agencies'): every VersionedTable has the four columns it names.
  return db
    .updateTable(table as 'agencies')
    .set((eb) => ({ ...(values as Updateable<Database['agencies']>), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('partnership_id', '=', row.partnershipId)
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returningAll()
    .executeTakeFirst() as Promise<Selectable<Database[T]> | undefined>;
}
