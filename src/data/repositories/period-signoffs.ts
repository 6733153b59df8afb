import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../db.ts';
import type { PeriodSignoffTable } from '../schema.ts';

/** A period's sign-off: when, and by whom (null once their account is gone). */
export interface Signoff {
  signed_at: Date;
  name: string | null;
}

/** The partnership's sign-off of a period, if it is signed off. */
export function findSignoff(db: DbOrTrx, partnershipId: string, periodCode: string): Promise<Signoff | undefined> {
  return db
    .selectFrom('period_signoffs as s')
    .leftJoin('users as u', 'u.id', 's.signed_by')
    .select(['s.signed_at', 'u.name'])
    .where('s.partnership_id', '=', partnershipId)
    .where('s.period_code', '=', periodCode)
    .executeTakeFirst();
}

/** The codes of every period the partnership has signed off. */
export async function signedOffPeriods(db: DbOrTrx, partnershipId: string): Promise<string[]> {
  const rows = await db.selectFrom('period_signoffs').select('period_code').where('partnership_id', '=', partnershipId).execute();
  return rows.map((r) => r.period_code);
}

/** Signs a period off; false when it was already signed off. */
export async function insertSignoff(db: DbOrTrx, partnershipId: string, periodCode: string, signedBy: string | null): Promise<boolean> {
  const inserted = await db
    .insertInto('period_signoffs')
    .values({ partnership_id: partnershipId, period_code: periodCode, signed_by: signedBy })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes a period's sign-off; the sign-off removed, if there was one. */
export function deleteSignoff(db: DbOrTrx, partnershipId: string, periodCode: string): Promise<Selectable<PeriodSignoffTable> | undefined> {
  return db
    .deleteFrom('period_signoffs')
    .where('partnership_id', '=', partnershipId)
    .where('period_code', '=', periodCode)
    .returningAll()
    .executeTakeFirst();
}
