import type { z } from 'zod';
import type { Trx } from '../../data/db.ts';
import { found, savedOrConflict, ValidationError, type Actor } from '../../services/errors.ts';
import type { Tenant } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';

/** How one kind of named partnership record (an agency, a board) is stored. */
export interface NamedRecordStore<Row extends { id: string; name: string }, Form extends { name: string }> {
  /** The record's name in messages and the audit log, e.g. "agency". */
  noun: string;
  createSchema: z.ZodType<Form>;
  editSchema: z.ZodType<Form & { version: number }>;
  list(trx: Trx, partnershipId: string): Promise<Row[]>;
  find(trx: Trx, partnershipId: string, id: string): Promise<Row | undefined>;
  insert(trx: Trx, values: Form & { partnership_id: string }): Promise<Row>;
  update(trx: Trx, partnershipId: string, id: string, version: number, values: Form): Promise<Row | undefined>;
  /** What the audit log keeps as "before". */
  snapshot(row: Row): Record<string, unknown>;
}

/**
 * List, read, add and change (with a version check) one kind of named record, each change
 * audited in its transaction and names unique within the partnership.
 */
export function namedRecordOperations<Row extends { id: string; name: string }, Form extends { name: string }>(
  tenant: Tenant,
  store: NamedRecordStore<Row, Form>,
) {
  const { noun } = store;
  const duplicate = `A${/^[aeiou]/.test(noun) ? 'n' : ''} ${noun} with this name already exists`;
  const refuseDuplicate = async (trx: Trx, partnershipId: string, name: string, ownId?: string) => {
    const rows = await store.list(trx, partnershipId);
    if (rows.some((r) => r.name.toLowerCase() === name.toLowerCase() && r.id !== ownId)) throw new ValidationError({ name: duplicate });
  };
  const find = async (trx: Trx, partnershipId: string, id: string) =>
    found(await store.find(trx, partnershipId, id), `No such ${noun} in this partnership`);

  return {
    list: (partnershipId: string, actor: Actor) => tenant(partnershipId, actor, (trx) => store.list(trx, partnershipId)),

    get: (partnershipId: string, actor: Actor, id: string) => tenant(partnershipId, actor, (trx) => find(trx, partnershipId, id)),

    create: (partnershipId: string, actor: Actor, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const form = parseInput(store.createSchema, input);
        await refuseDuplicate(trx, partnershipId, form.name);
        const row = await store.insert(trx, { ...form, partnership_id: partnershipId });
        await audit({ action: 'create', entityType: noun, entityId: row.id, summary: `Added ${noun} ${row.name}`, after: form });
        return row;
      }),

    update: (partnershipId: string, actor: Actor, id: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const { version, ...form } = parseInput(store.editSchema, input);
        const before = await find(trx, partnershipId, id);
        await refuseDuplicate(trx, partnershipId, form.name, id);
        const row = savedOrConflict(await store.update(trx, partnershipId, id, version, form as unknown as Form));
        await audit({
          action: 'update',
          entityType: noun,
          entityId: id,
          summary: `Changed ${noun} ${row.name}`,
          before: store.snapshot(before),
          after: form,
        });
        return row;
      }),
  };
}
