import { sql, type Selectable } from 'kysely';
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

/** A partnership indicator's collection as the figures-owed rule needs it. */
export interface IndicatorCollection {
  indicatorId: string;
  /** The day it was added, in England (YYYY-MM-DD). */
  addedOn: string;
  /** Codes of the periods with a figure held for the home council, whole population. */
  held: string[];
}

/**
 * Every partnership indicator with the periods it holds a figure for in the partnership's home
 * council (whole population, the partnership's own figures), in one statement.
 */
export async function indicatorCollections(db: DbOrTrx, partnershipId: string, homeAreaId: string | null): Promise<IndicatorCollection[]> {
  const { rows } = await sql<IndicatorCollection>`
    SELECT i.id AS "indicatorId", to_char(i.created_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "addedOn",
           coalesce(array_agg(o.period_code ORDER BY o.period_end) FILTER (WHERE o.period_code IS NOT NULL), '{}') AS held
    FROM indicators i
    LEFT JOIN observations o ON o.indicator_id = i.id AND o.partnership_id = i.partnership_id
      AND o.area_id = ${homeAreaId}::uuid AND o.breakdown = ''
    WHERE i.partnership_id = ${partnershipId}::uuid
    GROUP BY i.id`.execute(db);
  return rows;
}
