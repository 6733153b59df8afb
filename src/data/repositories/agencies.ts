import type { DbOrTrx } from '../db.ts';
import type { AgencyRow } from '../schema.ts';
import { updateAtVersion } from './versioned.ts';

export function listAgencies(db: DbOrTrx, partnershipId: string): Promise<AgencyRow[]> {
  return db.selectFrom('agencies').selectAll().where('partnership_id', '=', partnershipId).orderBy('name').execute();
}

export function findAgency(db: DbOrTrx, partnershipId: string, id: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
}

export function insertAgency(db: DbOrTrx, values: { partnership_id: string; name: string; sector: string }): Promise<AgencyRow> {
  return db.insertInto('agencies').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Saves an agency if it is still at `version`; undefined when someone else saved it first. */
export function updateAgency(
  db: DbOrTrx,
  partnershipId: string,
  id: string,
  version: number,
  values: { name: string; sector: string },
): Promise<AgencyRow | undefined> {
  return updateAtVersion(db, 'agencies', { partnershipId, id, version }, values);
}
