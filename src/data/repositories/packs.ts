import { sql } from 'kysely';
import type { DbOrTrx } from '../db.ts';

/** A board pack as lists show it (without its snapshot). */
export interface BoardPackSummary {
  id: string;
  title: string;
  meeting: string;
  presentedOn: string;
  asAt: string;
  scorecardId: string | null;
  boardId: string | null;
  boardName: string | null;
  /** The scorecard's title as it was frozen. */
  scorecardTitle: string;
  createdAt: Date;
}

const SUMMARY = [
  'p.id',
  'p.title',
  'p.meeting',
  'p.presented_on as presentedOn',
  'p.as_at as asAt',
  'p.scorecard_id as scorecardId',
  'p.board_id as boardId',
  'b.name as boardName',
  'p.created_at as createdAt',
  sql<string>`p.snapshot -> 'scorecard' ->> 'title'`.as('scorecardTitle'),
] as const;

/**
 * A partnership's packs, newest meeting first, optionally of one board.
 * @example await listPacks(trx, partnershipId) // [{ title: '… as presented to …', presentedOn: '2013-11-26', … }]
 */
export function listPacks(db: DbOrTrx, partnershipId: string, boardId?: string): Promise<BoardPackSummary[]> {
  let query = db
    .selectFrom('board_packs as p')
    .leftJoin('boards as b', 'b.id', 'p.board_id')
    .select(SUMMARY)
    .where('p.partnership_id', '=', partnershipId);
  if (boardId) query = query.where('p.board_id', '=', boardId);
  return query.orderBy('p.presented_on', 'desc').orderBy('p.created_at', 'desc').execute();
}

/** One pack with its snapshot (the JSON the pack was frozen with). */
export function findPack(db: DbOrTrx, partnershipId: string, id: string) {
  return db
    .selectFrom('board_packs as p')
    .leftJoin('boards as b', 'b.id', 'p.board_id')
    .select([...SUMMARY, 'p.snapshot', 'p.created_by as createdBy'])
    .where('p.partnership_id', '=', partnershipId)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Stores a frozen pack; the database refuses any later change to it. */
export async function insertPack(
  db: DbOrTrx,
  values: {
    partnershipId: string;
    scorecardId: string;
    boardId: string | null;
    title: string;
    meeting: string;
    presentedOn: string;
    asAt: string;
    snapshot: unknown;
    createdBy: string | null;
  },
): Promise<string> {
  const saved = await db
    .insertInto('board_packs')
    .values({
      partnership_id: values.partnershipId,
      scorecard_id: values.scorecardId,
      board_id: values.boardId,
      title: values.title,
      meeting: values.meeting,
      presented_on: values.presentedOn,
      as_at: values.asAt,
      snapshot: JSON.stringify(values.snapshot),
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return saved.id;
}
