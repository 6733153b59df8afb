import type { DbOrTrx } from '../db.ts';

/** A partnership's own comparator group and the names of its councils, by name. */
export interface ComparatorGroup {
  id: string;
  name: string;
  areas: string[];
}

/** The partnership's comparator groups by name, each with its councils' names in order. */
export async function listComparatorGroups(db: DbOrTrx, partnershipId: string): Promise<ComparatorGroup[]> {
  const rows = await db
    .selectFrom('comparator_groups as g')
    .leftJoin('comparator_group_areas as ga', 'ga.group_id', 'g.id')
    .leftJoin('areas as a', 'a.id', 'ga.area_id')
    .select(['g.id', 'g.name', 'a.name as areaName'])
    .where('g.partnership_id', '=', partnershipId)
    .orderBy('g.name')
    .orderBy('a.name')
    .execute();
  const byGroup = new Map<string, ComparatorGroup>();
  for (const row of rows) {
    const group = byGroup.get(row.id) ?? { id: row.id, name: row.name, areas: [] };
    if (row.areaName) group.areas.push(row.areaName);
    byGroup.set(row.id, group);
  }
  return [...byGroup.values()];
}

/** The ids of the partnership's comparator groups. */
export async function comparatorGroupIds(db: DbOrTrx, partnershipId: string): Promise<string[]> {
  const rows = await db.selectFrom('comparator_groups').select('id').where('partnership_id', '=', partnershipId).execute();
  return rows.map((r) => r.id);
}

/** The partnership's comparator group of this name. */
export function findComparatorGroupByName(db: DbOrTrx, partnershipId: string, name: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('comparator_groups')
    .select('id')
    .where('partnership_id', '=', partnershipId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** Adds a comparator group of these councils; its id. */
export async function insertComparatorGroup(db: DbOrTrx, partnershipId: string, name: string, areaIds: readonly string[]): Promise<string> {
  const { id } = await db
    .insertInto('comparator_groups')
    .values({ partnership_id: partnershipId, name })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('comparator_group_areas')
    .values(areaIds.map((area_id) => ({ partnership_id: partnershipId, group_id: id, area_id })))
    .execute();
  return id;
}
