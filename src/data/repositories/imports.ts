import type { Insertable } from 'kysely';
import type { DfeMapping, ImportIssue } from '../../core/indicators.ts';
import type { DbOrTrx } from '../db.ts';
import type { ImportRow, ImportSummary, ImportTable } from '../schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An import as lists show it (without the file). */
export type ImportListing = Omit<ImportRow, 'content' | 'issues'> & { issue_count: number };

export async function listImports(db: DbOrTrx, partnershipId: string, limit: number): Promise<ImportListing[]> {
  const rows = await db
    .selectFrom('imports')
    .select([
      'id',
      'partnership_id',
      'kind',
      'mapping_ref',
      'filename',
      'byte_size',
      'sha256',
      'status',
      'row_count',
      'summary',
      'created_by',
      'created_at',
      'imported_at',
    ])
    .select((eb) => eb.fn<number>('jsonb_array_length', ['issues']).as('issue_count'))
    .where('partnership_id', '=', partnershipId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows;
}

export function findImport(db: DbOrTrx, partnershipId: string, id: string): Promise<ImportRow | undefined> {
  if (!UUID.test(id)) return Promise.resolve(undefined);
  return db.selectFrom('imports').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
}

export async function insertImport(trx: DbOrTrx, row: Insertable<ImportTable>): Promise<string> {
  const { id } = await trx.insertInto('imports').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Records how an import ended; its file is no longer kept. */
export async function finishImport(
  trx: DbOrTrx,
  partnershipId: string,
  id: string,
  status: 'imported' | 'refused',
  issues: readonly ImportIssue[],
  summary: ImportSummary,
): Promise<void> {
  await trx
    .updateTable('imports')
    .set({
      status,
      issues: JSON.stringify(issues),
      summary: JSON.stringify(summary),
      content: null,
      imported_at: status === 'imported' ? new Date() : null,
    })
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .execute();
}

export function listMappings(db: DbOrTrx, partnershipId: string) {
  return db
    .selectFrom('dfe_mappings')
    .select(['id', 'name', 'mapping', 'updated_at'])
    .where('partnership_id', '=', partnershipId)
    .orderBy('name')
    .execute();
}

/** A saved mapping by id or by name. */
export function findMapping(
  db: DbOrTrx,
  partnershipId: string,
  idOrName: string,
): Promise<{ id: string; mapping: DfeMapping } | undefined> {
  return db
    .selectFrom('dfe_mappings')
    .select(['id', 'mapping'])
    .where('partnership_id', '=', partnershipId)
    .where((eb) => (UUID.test(idOrName) ? eb('id', '=', idOrName) : eb('name', '=', idOrName)))
    .executeTakeFirst();
}

export async function upsertMapping(trx: DbOrTrx, partnershipId: string, name: string, mapping: DfeMapping): Promise<string> {
  const json = JSON.stringify(mapping);
  const { id } = await trx
    .insertInto('dfe_mappings')
    .values({ partnership_id: partnershipId, name, mapping: json })
    .onConflict((oc) => oc.columns(['partnership_id', 'name']).doUpdateSet({ mapping: json, updated_at: new Date() }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
