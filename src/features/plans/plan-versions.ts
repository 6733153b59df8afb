import { isApproved } from '../../core/plans.ts';
import { describeChanges, type PlanSnapshot } from '../../core/plan-versions.ts';
import type { Db, Trx } from '../../data/db.ts';
import { setApprovedVersion } from '../../data/repositories/plans.ts';
import * as versions from '../../data/repositories/plan-versions.ts';
import type { Actor } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { findPlan } from './records.ts';

/**
 * After a change to an approved plan, keeps a new version: what the plan is now and, in words,
 * what changed since the last version. A draft plan keeps no versions.
 */
export async function recordVersion(trx: Trx, partnershipId: string, planId: string, actor: Actor, fallback: string): Promise<void> {
  const plan = await findPlan(trx, partnershipId, planId);
  if (!isApproved(plan.status)) return;
  const now = await versions.readPlanSnapshot(trx, partnershipId, planId);
  const [last] = await versions.listPlanVersions(trx, partnershipId, planId);
  const changes = last ? describeChanges(last.snapshot as PlanSnapshot, now) : [];
  if (last && changes.length === 0) return;
  const number = (last?.number ?? 0) + 1;
  await versions.insertPlanVersion(trx, {
    partnership_id: partnershipId,
    plan_id: planId,
    number,
    summary: last ? changes.join('\n') : fallback,
    snapshot: now,
    created_by: actor.label,
  });
  await setApprovedVersion(trx, partnershipId, planId, number);
}

/** A plan's versions, for the plans service. */
export function createPlanVersionService(db: Db) {
  const tenant = tenantRunner(db);
  return {
    /** The versions of an approved plan, newest first, each with what changed. */
    history: (partnershipId: string, actor: Actor, planId: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const plan = await findPlan(trx, partnershipId, planId);
        const list = await versions.listPlanVersions(trx, partnershipId, planId);
        return { plan, versions: list.map((v) => ({ ...v, changes: v.summary.split('\n') })) };
      }),
  };
}
