import { z } from 'zod';
import type { Db } from '../../data/db.ts';
import { comparatorAreas, insertLocality, listAreas } from '../../data/repositories/areas.ts';
import {
  comparatorGroupIds,
  findComparatorGroupByName,
  insertComparatorGroup,
  listComparatorGroups,
} from '../../data/repositories/comparator-groups.ts';
import { partnershipSettings, updatePartnershipSettings } from '../../data/repositories/partnerships.ts';
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

  return {
    overview: (partnershipId: string, actor: Actor) =>
      tenant(partnershipId, actor, async (trx) => {
        const areas = await listAreas(trx);
        const groups = await listComparatorGroups(trx, partnershipId);
        const settings = await partnershipSettings(trx, partnershipId);
        const comparators = settings.home_area_id ? await comparatorAreas(trx, settings.comparator, settings.home_area_id) : [];
        return {
          settings,
          comparators,
          councils: councils(areas),
          localities: areas.filter((a) => a.level === 'locality'),
          groups,
        };
      }),

    saveSettings: (partnershipId: string, actor: Actor, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const input = (body ?? {}) as Record<string, unknown>;
        const areas = await listAreas(trx);
        const home = councils(areas).find((a) => a.id === input.homeArea);
        if (!home) throw new ValidationError({ homeArea: 'Choose the partnership’s council' });
        const comparator = String(input.comparator ?? '');
        const groups = await comparatorGroupIds(trx, partnershipId);
        if (!['sn2025', 'sn2021'].includes(comparator) && !groups.some((id) => `group:${id}` === comparator)) {
          throw new ValidationError({ comparator: 'Choose which councils to compare with' });
        }
        const before = await partnershipSettings(trx, partnershipId);
        await updatePartnershipSettings(trx, partnershipId, { home_area_id: home.id, comparator });
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
        const { home_area_id } = await partnershipSettings(trx, partnershipId);
        const home = areas.find((a) => a.id === home_area_id);
        const id = await insertLocality(trx, partnershipId, {
          code: input.code,
          name: input.name,
          regionCode: home?.region_code ?? null,
          parentCode: home?.code ?? null,
        });
        await audit({
          action: 'create',
          entityType: 'locality',
          entityId: id,
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
        if (await findComparatorGroupByName(trx, partnershipId, input.name))
          throw new ValidationError({ name: 'A group with this name already exists' });
        const groupId = await insertComparatorGroup(trx, partnershipId, input.name, members);
        await audit({
          action: 'create',
          entityType: 'comparator_group',
          entityId: groupId,
          summary: `Created the comparator group ${input.name} of ${members.length} councils`,
          after: { name: input.name, areas: wanted },
        });
      }),
  };
}
