import { sql } from 'kysely';
import type { DbOrTrx } from '../db.ts';

export function listScorecards(db: DbOrTrx, partnershipId: string) {
  return db
    .selectFrom('scorecards as s')
    .leftJoin('boards as b', 'b.id', 's.board_id')
    .select(['s.id', 's.title', 's.description', 's.as_at', 's.updated_at', 'b.name as boardName'])
    .select((eb) =>
      eb
        .selectFrom('scorecard_rows as r')
        .innerJoin('scorecard_sections as x', 'x.id', 'r.section_id')
        .whereRef('x.scorecard_id', '=', 's.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('rowCount'),
    )
    .where('s.partnership_id', '=', partnershipId)
    .orderBy('s.title')
    .execute();
}

export function findScorecard(db: DbOrTrx, partnershipId: string, id: string) {
  return db
    .selectFrom('scorecards as s')
    .leftJoin('boards as b', 'b.id', 's.board_id')
    .selectAll('s')
    .select('b.name as boardName')
    .where('s.partnership_id', '=', partnershipId)
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** A scorecard's sections and rows in order, each row with its indicator and area. */
export async function scorecardLayout(db: DbOrTrx, partnershipId: string, scorecardId: string) {
  const sections = await db
    .selectFrom('scorecard_sections')
    .select(['id', 'title', 'position'])
    .where('partnership_id', '=', partnershipId)
    .where('scorecard_id', '=', scorecardId)
    .orderBy('position')
    .execute();
  const rows = sections.length
    ? await db
        .selectFrom('scorecard_rows as r')
        .innerJoin('indicators as i', 'i.id', 'r.indicator_id')
        .leftJoin('areas as a', 'a.id', 'r.area_id')
        .select([
          'r.id',
          'r.section_id as sectionId',
          'r.position',
          'r.indicator_id as indicatorId',
          'i.code as indicatorCode',
          'r.area_id as areaId',
          'a.name as areaName',
          'r.breakdown',
          'r.rag_rule as ragRule',
          'r.tolerance',
          'r.maintained_band as maintainedBand',
          'r.note',
          'r.chart',
        ])
        .where('r.partnership_id', '=', partnershipId)
        .where(
          'r.section_id',
          'in',
          sections.map((s) => s.id),
        )
        .orderBy('r.position')
        .execute()
    : [];
  return sections.map((s) => ({ ...s, rows: rows.filter((r) => r.sectionId === s.id) }));
}

export type LayoutRow = Awaited<ReturnType<typeof scorecardLayout>>[number]['rows'][number];

/** The next position at the end of a list. */
export async function nextPosition(
  db: DbOrTrx,
  table: 'scorecard_sections' | 'scorecard_rows',
  column: 'scorecard_id' | 'section_id',
  parentId: string,
): Promise<number> {
  const { rows } = await sql<{
    n: number | null;
  }>`SELECT max(position) AS n FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${parentId}::uuid`.execute(db);
  return (rows[0]?.n ?? 0) + 1;
}
