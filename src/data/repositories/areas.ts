import { sql } from 'kysely';
import type { DbOrTrx } from '../db.ts';
import type { AreaLevel, AreaRow } from '../schema.ts';

/** A national area as the loader writes it. */
export interface NationalArea {
  code: string;
  oldCode: string | null;
  name: string;
  level: Exclude<AreaLevel, 'locality'>;
  regionCode: string | null;
  laType: string;
  lastYear: number | null;
}

/** Every area this connection may see: England, regions, councils and (inside a partnership) its localities. */
export function listAreas(db: DbOrTrx): Promise<AreaRow[]> {
  return db.selectFrom('areas').selectAll().orderBy('level').orderBy('name').execute();
}

/** The national areas' ids (England, regions, councils) by their ONS code. */
export async function nationalAreaIds(db: DbOrTrx): Promise<Map<string, string>> {
  const rows = await db.selectFrom('areas').select(['id', 'code']).where('partnership_id', 'is', null).execute();
  return new Map(rows.map((a) => [a.code, a.id]));
}

/** The links of a DfE statistical-neighbour list: each council's neighbours, closest first. */
export function neighbourLinks(db: DbOrTrx, set: 'sn2021' | 'sn2025'): Promise<{ area_id: string; neighbour_id: string }[]> {
  return db
    .selectFrom('area_neighbours')
    .select(['area_id', 'neighbour_id'])
    .where('set_code', '=', set)
    .orderBy('area_id')
    .orderBy('position')
    .execute();
}

export function findAreaById(db: DbOrTrx, id: string): Promise<AreaRow | undefined> {
  return db.selectFrom('areas').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The area a code names: an ONS code (E08000030), an old DfE code (335) or one of the
 * partnership's locality codes.
 */
export function findAreaByCode(db: DbOrTrx, code: string): Promise<AreaRow | undefined> {
  const trimmed = code.trim();
  return db
    .selectFrom('areas')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', trimmed.toUpperCase()), eb('code', '=', trimmed), eb('old_code', '=', trimmed)]))
    .orderBy('partnership_id', 'asc')
    .executeTakeFirst();
}

/** A partnership's own locality as it is added: its code and name, and its council's region and code. */
export interface NewLocality {
  code: string;
  name: string;
  regionCode: string | null;
  parentCode: string | null;
}

/** Adds one of the partnership's own localities; its id. */
export async function insertLocality(db: DbOrTrx, partnershipId: string, locality: NewLocality): Promise<string> {
  const { id } = await db
    .insertInto('areas')
    .values({
      partnership_id: partnershipId,
      code: locality.code,
      name: locality.name,
      level: 'locality',
      region_code: locality.regionCode,
      parent_code: locality.parentCode,
      old_code: null,
      last_year: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Adds or updates national areas by code (the caller has set the national-load flag). */
export async function upsertNationalAreas(trx: DbOrTrx, areas: readonly NationalArea[]): Promise<void> {
  if (areas.length === 0) return;
  await sql`
    INSERT INTO areas (partnership_id, code, old_code, name, level, region_code, la_type, last_year)
    SELECT NULL, x.code, x."oldCode", x.name, x.level, x."regionCode", x."laType", x."lastYear"
    FROM jsonb_to_recordset(${JSON.stringify(areas)}::jsonb)
      AS x(code text, "oldCode" text, name text, level text, "regionCode" text, "laType" text, "lastYear" integer)
    ON CONFLICT (coalesce(partnership_id, '00000000-0000-0000-0000-000000000000'::uuid), code) DO UPDATE
      SET old_code = excluded.old_code, name = excluded.name, level = excluded.level,
          region_code = excluded.region_code, la_type = excluded.la_type, last_year = excluded.last_year
      WHERE (areas.old_code, areas.name, areas.level, areas.region_code, areas.la_type, areas.last_year)
        IS DISTINCT FROM (excluded.old_code, excluded.name, excluded.level, excluded.region_code, excluded.la_type, excluded.last_year)`.execute(
    trx,
  );
}

export interface NeighbourLink {
  set: 'sn2021' | 'sn2025';
  areaCode: string;
  neighbourCode: string;
  position: number;
  closeness: string;
}

/** Replaces a statistical-neighbour list whole. */
export async function replaceNeighbours(trx: DbOrTrx, set: 'sn2021' | 'sn2025', links: readonly NeighbourLink[]): Promise<void> {
  await trx.deleteFrom('area_neighbours').where('set_code', '=', set).execute();
  if (links.length === 0) return;
  await sql`
    INSERT INTO area_neighbours (set_code, area_id, neighbour_id, position, closeness)
    SELECT ${set}, a.id, n.id, x.position, x.closeness
    FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS x("areaCode" text, "neighbourCode" text, position integer, closeness text)
    JOIN areas a ON a.code = x."areaCode" AND a.partnership_id IS NULL
    JOIN areas n ON n.code = x."neighbourCode" AND n.partnership_id IS NULL`.execute(trx);
}

/** A council's comparators in order: a DfE statistical-neighbour list, or a partnership's own group. */
export async function comparatorAreas(db: DbOrTrx, comparator: string, areaId: string): Promise<(AreaRow & { closeness: string })[]> {
  if (comparator.startsWith('group:')) {
    return db
      .selectFrom('comparator_group_areas as g')
      .innerJoin('areas', 'areas.id', 'g.area_id')
      .selectAll('areas')
      .select(sql<string>`''`.as('closeness'))
      .where('g.group_id', '=', comparator.slice('group:'.length))
      .where('areas.id', '<>', areaId)
      .orderBy('areas.name')
      .execute();
  }
  return db
    .selectFrom('area_neighbours as n')
    .innerJoin('areas', 'areas.id', 'n.neighbour_id')
    .selectAll('areas')
    .select('n.closeness')
    .where('n.set_code', '=', comparator === 'sn2021' ? 'sn2021' : 'sn2025')
    .where('n.area_id', '=', areaId)
    .orderBy('n.position')
    .execute();
}
