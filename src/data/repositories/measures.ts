import type { DbOrTrx } from '../db.ts';
import type { MeasureRow } from '../schema.ts';
import type { MeasureValues } from './priorities.ts';
import { updateAtVersion } from './versioned.ts';

/** One success measure at a time (a priority's list is read and added to in priorities.ts). */

export function findMeasure(db: DbOrTrx, partnershipId: string, id: string): Promise<MeasureRow | undefined> {
  return db.selectFrom('measures').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
}

/** Saves a measure if it is still at `version`; undefined when someone else saved it first. */
export function updateMeasure(
  db: DbOrTrx,
  partnershipId: string,
  id: string,
  version: number,
  values: MeasureValues,
): Promise<MeasureRow | undefined> {
  return updateAtVersion(db, 'measures', { partnershipId, id, version }, values);
}
