import type { Kysely } from 'kysely';
import { createRevisionTriggers, dropRevisionTriggers } from './revisions.ts';
import { WATCHED } from './2026-11-23T1700-plans-revision.ts';

/**
 * The plans revision's triggers fire before the statement, as the data revision's do: a writer
 * then takes its partnership's row lock before any row of its own, so two writers never wait on
 * each other in opposite orders.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await dropRevisionTriggers(db, 'plans', WATCHED);
  await createRevisionTriggers(db, 'plans', WATCHED, 'BEFORE');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropRevisionTriggers(db, 'plans', WATCHED);
  await createRevisionTriggers(db, 'plans', WATCHED, 'AFTER');
}
