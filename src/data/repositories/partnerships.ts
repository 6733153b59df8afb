import type { DbOrTrx } from '../db.ts';
import type { PartnershipRow } from '../schema.ts';

/** Finds a partnership by its URL slug. */
export function findPartnershipBySlug(db: DbOrTrx, slug: string): Promise<PartnershipRow | undefined> {
  return db.selectFrom('partnerships').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Every partnership on this instance, by name. */
export function listPartnerships(db: DbOrTrx): Promise<PartnershipRow[]> {
  return db.selectFrom('partnerships').selectAll().orderBy('name').execute();
}

export async function insertPartnership(
  db: DbOrTrx,
  values: { slug: string; name: string; public_summary?: string; home_area_id?: string | null },
): Promise<PartnershipRow> {
  return db.insertInto('partnerships').values(values).returningAll().executeTakeFirstOrThrow();
}

/** A partnership's geography settings: its home council and which comparators its pages use. */
export interface PartnershipSettings {
  home_area_id: string | null;
  comparator: string;
}

/** The partnership's home council and comparators (it must exist). */
export function partnershipSettings(db: DbOrTrx, partnershipId: string): Promise<PartnershipSettings> {
  return db.selectFrom('partnerships').select(['home_area_id', 'comparator']).where('id', '=', partnershipId).executeTakeFirstOrThrow();
}

/** Sets the partnership's home council and comparators. */
export async function updatePartnershipSettings(db: DbOrTrx, partnershipId: string, settings: PartnershipSettings): Promise<void> {
  await db.updateTable('partnerships').set(settings).where('id', '=', partnershipId).execute();
}
