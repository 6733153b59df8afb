import { todayInEngland as today } from '../../core/dates.ts';
import { isApproved, isLive, planVocabulary } from '../../core/plans.ts';
import type { MemberActor } from '../../core/policy.ts';
import { summarise } from '../../core/promises.ts';
import type { Db } from '../../data/db.ts';
import { listActions } from '../../data/repositories/actions.ts';
import { listAgencies } from '../../data/repositories/agencies.ts';
import { listBoards } from '../../data/repositories/boards.ts';
import { listMembers } from '../../data/repositories/memberships.ts';
import * as repo from '../../data/repositories/plans.ts';
import { listMeasures, listPriorities } from '../../data/repositories/priorities.ts';
import { savedOrConflict, type Actor } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import { assessActionsFor, judgedAt, prioritiesWithProgress } from './assessment.ts';
import { judgeMeasures } from './measure-figures.ts';
import { recordVersion } from './plan-versions.ts';
import { checkReferences, findPlan, staleMessage } from './records.ts';
import * as schemas from './schemas.ts';

const planValues = (form: ReturnType<typeof schemas.planSchema.parse>): repo.PlanValues => ({
  kind: form.kind,
  title: form.title,
  board_id: form.boardId,
  period_start: form.periodStart,
  period_end: form.periodEnd,
  vision: form.vision,
  plan_values: form.values,
  status: form.status,
});

/** A partnership's plans: listing, reading, adding and changing them. */
export function createPlanService(db: Db) {
  const tenant = tenantRunner(db);
  return {
    /** What the plan forms offer: the partnership's boards, agencies and people. */
    choices: (partnershipId: string, actor: Actor) =>
      tenant(partnershipId, actor, async (trx) => ({
        boards: await listBoards(trx, partnershipId),
        agencies: await listAgencies(trx, partnershipId),
        members: await listMembers(trx, partnershipId),
      })),

    listPlans: (partnershipId: string, actor: Actor) => tenant(partnershipId, actor, (trx) => repo.listPlans(trx, partnershipId)),

    getPlan: (partnershipId: string, actor: Actor, planId: string) =>
      tenant(partnershipId, actor, (trx) => findPlan(trx, partnershipId, planId)),

    /** A plan with its priorities, each priority's measures, actions and rolled-up RAG. */
    planPage: (partnershipId: string, actor: MemberActor, planId: string, asAt = today()) =>
      tenant(partnershipId, actor, async (trx) => {
        const plan = await findPlan(trx, partnershipId, planId);
        const priorities = await listPriorities(trx, partnershipId, planId);
        const measures = await judgeMeasures(
          trx,
          partnershipId,
          await listMeasures(
            trx,
            partnershipId,
            priorities.map((p) => p.id),
          ),
          judgedAt(asAt, plan.period_end),
        );
        const actions = assessActionsFor(actor, await listActions(trx, partnershipId, { planId }), asAt);
        const tracked = isLive(plan.status);
        return {
          plan,
          vocabulary: planVocabulary(plan.kind),
          asAt: judgedAt(asAt, plan.period_end),
          tracked,
          summary: summarise(actions.map((a) => a.assessment)),
          priorities: prioritiesWithProgress(priorities, measures, actions, tracked),
        };
      }),

    createPlan: (partnershipId: string, actor: Actor, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const form = parseInput(schemas.planSchema, input);
        await checkReferences(trx, partnershipId, { boardId: form.boardId });
        const plan = await repo.insertPlan(trx, partnershipId, planValues(form));
        await audit({ action: 'create', entityType: 'plan', entityId: plan.id, summary: `Added plan ${plan.title}`, after: form });
        await recordVersion(trx, partnershipId, plan.id, actor, 'Approved');
        return plan;
      }),

    updatePlan: (partnershipId: string, actor: Actor, planId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const { version, ...form } = parseInput(schemas.planEditSchema, input);
        const before = await findPlan(trx, partnershipId, planId);
        await checkReferences(trx, partnershipId, { boardId: form.boardId });
        const saved = savedOrConflict(
          await repo.updatePlan(trx, partnershipId, planId, version, { ...planValues(form), approved_version: before.approved_version }),
          staleMessage('plan', before.updated_at),
        );
        const becameApproved = !isApproved(before.status) && isApproved(form.status);
        await audit({
          action: 'update',
          entityType: 'plan',
          entityId: planId,
          summary: `Changed plan ${saved.title}`,
          before: { title: before.title, status: before.status, vision: before.vision, values: before.plan_values },
          after: form,
        });
        await recordVersion(trx, partnershipId, planId, actor, becameApproved ? 'Approved' : 'Changed');
        return saved;
      }),
  };
}
