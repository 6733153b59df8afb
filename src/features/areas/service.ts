import { z } from 'zod';
import type { Db, Trx } from '../../data/db.ts';
import { comparatorAreas, listAreas } from '../../data/repositories/areas.ts';
import type { AreaRow } from '../../data/schema.ts';
import { ValidationError, type Actor } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';

const localitySchema = z.object({
  code: z
    .string({ error: 'Enter a code' })
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, 'The code must be letters, digits and hyphens, up to 40 characters, such as walsall-north'),
  name: z.string({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(200, 'The name must be 200 characters or fewer'),
});

const groupSchema = z.object({
  name: z.string({ error: 'Name the group' }).trim().min(1, 'Name the group').max(100, 'The name must be 100 characters or fewer'),
  areas: z.string({ error: 'List the councils in the group' }).trim().min(1, 'List the councils in the group'),
});

/**
 * A partnership's geography: its home council, which comparators its pages use (DfE's 2025 or 2021
 * statistical neighbours, or a group of its own), and its own localities.
 */
export function createAreasService(db: Db) {
  const tenant = tenantRunner(db);
  const councils = (areas: readonly AreaRow[]) => areas.filter((a) => a.level === 'la');

  const settingsOf = (trx: Trx, partnershipId: string) =>
    trx.selectFrom('partnerships').select(['home_area_id', 'comparator']).where('id', '=', partnershipId).executeTakeFirstOrThrow();

  return {
    overview: (partnershipId: string, actor: Actor) =>
      tenant(partnershipId, actor, async (trx) => {
        const areas = await listAreas(trx);
        const groups = await trx
          .selectFrom('comparator_groups as g')
          .leftJoin('comparator_group_areas as ga', 'ga.group_id', 'g.id')
          .leftJoin('areas as a', 'a.id', 'ga.area_id')
          .select(['g.id', 'g.name', 'a.name as areaName'])
          .orderBy('g.name')
          .orderBy('a.name')
          .execute();
        const byGroup = new Map<string, { id: string; name: string; areas: string[] }>();
        for (const row of groups) {
          const group = byGroup.get(row.id) ?? { id: row.id, name: row.name, areas: [] };
          if (row.areaName) group.areas.push(row.areaName);
          byGroup.set(row.id, group);
        }
        const settings = await settingsOf(trx, partnershipId);
        const comparators = settings.home_area_id ? await comparatorAreas(trx, settings.comparator, settings.home_area_id) : [];
        return {
          settings,
          comparators,
          councils: councils(areas),
          localities: areas.filter((a) => a.level === 'locality'),
          groups: [...byGroup.values()],
        };
      }),

    saveSettings: (partnershipId: string, actor: Actor, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const input = (body ?? {}) as Record<string, unknown>;
        const areas = await listAreas(trx);
        const home = councils(areas).find((a) => a.id === input.homeArea);
        if (!home) throw new ValidationError({ homeArea: 'Choose the partnership’s council' });
        const comparator = String(input.comparator ?? '');
        const groups = await trx.selectFrom('comparator_groups').select('id').execute();
        if (!['sn2025', 'sn2021'].includes(comparator) && !groups.some((g) => `group:${g.id}` === comparator)) {
          throw new ValidationError({ comparator: 'Choose which councils to compare with' });
        }
        const before = await settingsOf(trx, partnershipId);
        await trx.updateTable('partnerships').set({ home_area_id: home.id, comparator }).where('id', '=', partnershipId).execute();
        await audit({
          action: 'update',
          entityType: 'partnership',
          entityId: partnershipId,
          summary: `Set the home council to ${home.name} and comparators to ${comparator}`,
          before,
          after: { home_area_id: home.id, comparator },
        });
      }),

    addLocality: (partnershipId: string, actor: Actor, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const input = parseInput(localitySchema, body);
        const areas = await listAreas(trx);
        if (areas.some((a) => a.code.toLowerCase() === input.code.toLowerCase() || a.old_code === input.code)) {
          throw new ValidationError({ code: 'That code is already used by another area; choose another' });
        }
        const { home_area_id } = await settingsOf(trx, partnershipId);
        const home = areas.find((a) => a.id === home_area_id);
        const row = await trx
          .insertInto('areas')
          .values({
            partnership_id: partnershipId,
            code: input.code,
            name: input.name,
            level: 'locality',
            region_code: home?.region_code ?? null,
            parent_code: home?.code ?? null,
            old_code: null,
            last_year: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit({
          action: 'create',
          entityType: 'locality',
          entityId: row.id,
          summary: `Added the locality ${input.name} (${input.code})`,
          after: input,
        });
      }),

    addGroup: (partnershipId: string, actor: Actor, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const input = parseInput(groupSchema, body);
        const all = councils(await listAreas(trx));
        const wanted = input.areas
          .split(/[\n;]+/)
          .map((t) => t.trim())
          .filter(Boolean);
        const unknown = wanted.filter(
          (w) => !all.some((a) => a.code === w.toUpperCase() || a.old_code === w || a.name.toLowerCase() === w.toLowerCase()),
        );
        if (unknown.length)
          throw new ValidationError({
            areas: `Baton does not know ${unknown
              .slice(0, 5)
              .map((u) => `“${u}”`)
              .join(', ')}; give council names, ONS codes or DfE codes`,
          });
        const members = [
          ...new Set(
            wanted.map(
              (w) => all.find((a) => a.code === w.toUpperCase() || a.old_code === w || a.name.toLowerCase() === w.toLowerCase())!.id,
            ),
          ),
        ];
        if (members.length < 2) throw new ValidationError({ areas: 'A comparator group needs at least two councils' });
        if (await trx.selectFrom('comparator_groups').select('id').where('name', '=', input.name).executeTakeFirst())
          throw new ValidationError({ name: 'A group with this name already exists' });
        const group = await trx
          .insertInto('comparator_groups')
          .values({ partnership_id: partnershipId, name: input.name })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('comparator_group_areas')
          .values(members.map((area_id) => ({ partnership_id: partnershipId, group_id: group.id, area_id })))
          .execute();
        await audit({
          action: 'create',
          entityType: 'comparator_group',
          entityId: group.id,
          summary: `Created the comparator group ${input.name} of ${members.length} councils`,
          after: { name: input.name, areas: wanted },
        });
      }),
  };
}
