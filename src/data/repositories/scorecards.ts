import { sql, type Insertable, type Updateable } from 'kysely';
import type { DbOrTrx } from '../db.ts';
import type { ScorecardRowTable, ScorecardTable } from '../schema.ts';

/** A scorecard's settings as its table's columns (`columns` as JSON). */
export type ScorecardSettings = Pick<
  Insertable<ScorecardTable>,
  'board_id' | 'title' | 'description' | 'columns' | 'previous_periods' | 'as_at' | 'published'
>;

/** A row as it is added to a section: everything but its owner, section and place. */
export type NewScorecardRow = Omit<Insertable<ScorecardRowTable>, 'id' | 'partnership_id' | 'section_id' | 'position'>;

/** What may change in a row once it is placed: how it is rated, its note and its chart. */
export type ScorecardRowChanges = Pick<Updateable<ScorecardRowTable>, 'rag_rule' | 'tolerance' | 'maintained_band' | 'note' | 'chart'>;

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
    .orderBy('id')
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
          'i.title as indicatorTitle',
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
        .orderBy('r.id')
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

/** Adds a scorecard; its id. */
export async function insertScorecard(db: DbOrTrx, partnershipId: string, settings: ScorecardSettings): Promise<string> {
  const { id } = await db
    .insertInto('scorecards')
    .values({ partnership_id: partnershipId, ...settings })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Changes a scorecard's settings if it is still at `version`; false when someone else saved it first. */
export async function updateScorecard(
  db: DbOrTrx,
  partnershipId: string,
  id: string,
  version: number,
  settings: ScorecardSettings,
): Promise<boolean> {
  const result = await db
    .updateTable('scorecards')
    .set((eb) => ({ ...settings, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Adds a section at `position` of a scorecard; its id. */
export async function insertSection(
  db: DbOrTrx,
  partnershipId: string,
  scorecardId: string,
  position: number,
  title: string,
): Promise<string> {
  const { id } = await db
    .insertInto('scorecard_sections')
    .values({ partnership_id: partnershipId, scorecard_id: scorecardId, position, title })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Adds a row at `position` of a section; its id. */
export async function insertRow(
  db: DbOrTrx,
  partnershipId: string,
  sectionId: string,
  position: number,
  row: NewScorecardRow,
): Promise<string> {
  const { id } = await db
    .insertInto('scorecard_rows')
    .values({ partnership_id: partnershipId, section_id: sectionId, position, ...row })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The row of this scorecard, if it has one of that id. */
export function findScorecardRow(
  db: DbOrTrx,
  partnershipId: string,
  scorecardId: string,
  rowId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('scorecard_rows as r')
    .innerJoin('scorecard_sections as s', 's.id', 'r.section_id')
    .select('r.id')
    .where('r.partnership_id', '=', partnershipId)
    .where('r.id', '=', rowId)
    .where('s.scorecard_id', '=', scorecardId)
    .executeTakeFirst();
}

/**
 * Holds the scorecard until the transaction ends, so that two people reordering or removing at
 * once take turns and positions stay a clean sequence.
 */
export function lockScorecard(db: DbOrTrx, partnershipId: string, id: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('scorecards')
    .select('id')
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Moves a section to `position` in its scorecard. */
export async function setSectionPosition(db: DbOrTrx, partnershipId: string, sectionId: string, position: number): Promise<void> {
  await db
    .updateTable('scorecard_sections')
    .set({ position })
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', sectionId)
    .execute();
}

/** Removes a section and, with it, its rows (and their commentary and hand ratings). */
export async function deleteSection(db: DbOrTrx, partnershipId: string, sectionId: string): Promise<void> {
  await db.deleteFrom('scorecard_sections').where('partnership_id', '=', partnershipId).where('id', '=', sectionId).execute();
}

/** Changes how a row is rated, its note and whether it is charted. */
export async function updateRow(db: DbOrTrx, partnershipId: string, rowId: string, changes: ScorecardRowChanges): Promise<void> {
  await db.updateTable('scorecard_rows').set(changes).where('partnership_id', '=', partnershipId).where('id', '=', rowId).execute();
}

/** Moves a row to `position` in its section. */
export async function setRowPosition(db: DbOrTrx, partnershipId: string, rowId: string, position: number): Promise<void> {
  await db.updateTable('scorecard_rows').set({ position }).where('partnership_id', '=', partnershipId).where('id', '=', rowId).execute();
}

/** Chooses whether a row is charted. */
export async function setRowChart(db: DbOrTrx, partnershipId: string, rowId: string, chart: boolean): Promise<void> {
  await db.updateTable('scorecard_rows').set({ chart }).where('partnership_id', '=', partnershipId).where('id', '=', rowId).execute();
}

/** Removes a row from its section. */
export async function deleteRow(db: DbOrTrx, partnershipId: string, rowId: string): Promise<void> {
  await db.deleteFrom('scorecard_rows').where('partnership_id', '=', partnershipId).where('id', '=', rowId).execute();
}
