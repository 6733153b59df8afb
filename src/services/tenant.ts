import { withTenant, type Db, type Trx } from '../data/db.ts';
import { recordAudit, type AuditEntry } from '../data/repositories/audit.ts';
import type { Actor } from './errors.ts';

/** Records an audit entry in the unit of work's own transaction, as its partnership and actor. */
export type Audit = (entry: Omit<AuditEntry, 'partnershipId' | 'actorUserId' | 'actor'>) => Promise<void>;

/** Runs one unit of work inside a partnership, in one transaction, with an audit recorder. */
export type Tenant = <T>(partnershipId: string, actor: Actor, work: (trx: Trx, audit: Audit) => Promise<T>) => Promise<T>;

/**
 * How every service works inside a partnership: one transaction bound to it (row-level security
 * applies), and every change audited in that same transaction.
 */
export function tenantRunner(db: Db): Tenant {
  return (partnershipId, actor, work) =>
    withTenant(db, { partnershipId, userId: actor.userId ?? undefined }, (trx) =>
      work(trx, (entry) => recordAudit(trx, { ...entry, partnershipId, actorUserId: actor.userId, actor: actor.label })),
    );
}
