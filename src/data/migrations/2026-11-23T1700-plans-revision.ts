import type { Kysely } from 'kysely';
import { createRevision, dropRevision } from './revisions.ts';

/** Every table whose rows the promise tracker shows. */
export const WATCHED = [
  'plans',
  'priorities',
  'priority_agencies',
  'measures',
  'actions',
  'action_agencies',
  'milestones',
  'action_updates',
  'agencies',
  'boards',
] as const;

/**
 * A per-partnership revision number, raised in the same transaction as any change to its plans,
 * actions, updates, agencies or boards. A web server may keep what it worked out from those rows
 * for as long as the revision stands: any instance's write raises it, so no instance serves
 * stale figures.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // As first written; 2026-11-23T2300-plans-revision-before moves the triggers before the statement.
  await createRevision(db, 'plans', WATCHED, { timing: 'AFTER' });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropRevision(db, 'plans', WATCHED);
}
