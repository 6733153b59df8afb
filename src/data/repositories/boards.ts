import type { DbOrTrx } from '../db.ts';
import type { BoardRow } from '../schema.ts';
import { updateAtVersion } from './versioned.ts';

export function listBoards(db: DbOrTrx, partnershipId: string): Promise<BoardRow[]> {
  return db.selectFrom('boards').selectAll().where('partnership_id', '=', partnershipId).orderBy('name').execute();
}

export function findBoard(db: DbOrTrx, partnershipId: string, id: string): Promise<BoardRow | undefined> {
  return db.selectFrom('boards').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
}

export function insertBoard(
  db: DbOrTrx,
  values: { partnership_id: string; name: string; kind: string; purpose: string },
): Promise<BoardRow> {
  return db.insertInto('boards').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Saves a board if it is still at `version`; undefined when someone else saved it first. */
export function updateBoard(
  db: DbOrTrx,
  partnershipId: string,
  id: string,
  version: number,
  values: { name: string; kind: string; purpose: string },
): Promise<BoardRow | undefined> {
  return updateAtVersion(db, 'boards', { partnershipId, id, version }, values);
}
