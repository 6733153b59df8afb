import type { PlanSnapshot } from '../../core/plan-versions.ts';
import type { DbOrTrx } from '../db.ts';
import { listMeasures, listPriorities } from './priorities.ts';

/** The versions of an approved plan: what it was at each, and what changed. Bound to one partnership. */

export async function insertPlanVersion(
  db: DbOrTrx,
  values: { partnership_id: string; plan_id: string; number: number; summary: string; snapshot: unknown; created_by: string },
): Promise<void> {
  await db
    .insertInto('plan_versions')
    .values({ ...values, snapshot: JSON.stringify(values.snapshot) })
    .execute();
}

/** A plan's versions, newest first. */
export function listPlanVersions(db: DbOrTrx, partnershipId: string, planId: string) {
  return db
    .selectFrom('plan_versions')
    .select(['number', 'summary', 'snapshot', 'created_by', 'created_at'])
    .where('partnership_id', '=', partnershipId)
    .where('plan_id', '=', planId)
    .orderBy('number', 'desc')
    .execute();
}

/** A plan as it stands, with its priorities and their measures: what a plan version keeps. */
export async function readPlanSnapshot(db: DbOrTrx, partnershipId: string, planId: string): Promise<PlanSnapshot> {
  const plan = await db
    .selectFrom('plans')
    .select(['title', 'status', 'period_start', 'period_end', 'vision', 'plan_values'])
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw new Error(`No plan ${planId}`);
  const priorities = await listPriorities(db, partnershipId, planId);
  const measures = await listMeasures(
    db,
    partnershipId,
    priorities.map((p) => p.id),
  );
  return {
    title: plan.title,
    status: plan.status,
    periodStart: plan.period_start,
    periodEnd: plan.period_end,
    vision: plan.vision,
    values: plan.plan_values,
    priorities: priorities.map((p) => ({
      number: p.number,
      title: p.title,
      description: p.description,
      sponsor: [p.sponsorRole, p.sponsorName].filter(Boolean).join(': '),
      leadAgency: p.leadAgencyName ?? '',
      status: p.status,
      measures: measures.filter((m) => m.priority_id === p.id).map((m) => m.text),
    })),
  };
}
