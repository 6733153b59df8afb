import { sql } from 'kysely';
import type { DbOrTrx } from '../db.ts';

export interface AuditEntry {
  partnershipId: string | null;
  actorUserId: string | null;
  /** Who did it, as people read it: a name and e-mail, or "baton CLI". */
  actor: string;
  action: 'create' | 'update' | 'delete' | 'revoke' | 'sign-off' | 'unlock' | 'import';
  entityType: string;
  entityId: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Records who changed what, from what to what. Call inside the transaction that made the change. */
export async function recordAudit(db: DbOrTrx, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      partnership_id: entry.partnershipId,
      actor_user_id: entry.actorUserId,
      actor: entry.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      summary: entry.summary,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export interface AuditFilter {
  actorUserId?: string | undefined;
  entityType?: string | undefined;
  from?: Date | undefined;
  /** Exclusive upper bound. */
  to?: Date | undefined;
  limit: number;
}

/** A partnership's audit events, newest first. */
export function listAudit(db: DbOrTrx, partnershipId: string, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_events')
    .select([
      sql<string>`id::text`.as('id'),
      'at',
      'actor',
      'actor_user_id',
      'action',
      'entity_type',
      'entity_id',
      'summary',
      'before',
      'after',
    ])
    .where('partnership_id', '=', partnershipId);
  if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** The kinds of thing that have audit entries in a partnership. */
export async function listAuditEntityTypes(db: DbOrTrx, partnershipId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select('entity_type')
    .distinct()
    .where('partnership_id', '=', partnershipId)
    .orderBy('entity_type')
    .execute();
  return rows.map((r) => r.entity_type);
}
