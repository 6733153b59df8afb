import { todayInEngland as today } from '../../core/dates.ts';
import { isLive, planVocabulary } from '../../core/plans.ts';
import { mayEditPriority, type MemberActor } from '../../core/policy.ts';
import { priorityRag } from '../../core/measures.ts';
import { progressOf } from '../../core/promises.ts';
import type { Db, Trx } from '../../data/db.ts';
import { listActions } from '../../data/repositories/actions.ts';
import * as repo from '../../data/repositories/priorities.ts';
import { savedOrConflict, ValidationError, type Actor } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import { assessActionsFor, judgedAt } from './assessment.ts';
import { judgeMeasures } from './measure-figures.ts';
import { recordVersion } from './plan-versions.ts';
import { checkReferences, editablePriority, findPlan, findPriority, staleMessage } from './records.ts';
import * as schemas from './schemas.ts';

type PriorityForm = Omit<ReturnType<typeof schemas.prioritySchema.parse>, 'agencyIds'>;

const priorityValues = (form: PriorityForm): repo.PriorityValues => ({
  number: form.number,
  title: form.title,
  description: form.description,
  sponsor_user_id: form.sponsorUserId,
  sponsor_role: form.sponsorRole,
  lead_agency_id: form.leadAgencyId,
  status: form.status,
});

/** A plan's priorities are numbered once each. */
async function checkNumberFree(trx: Trx, partnershipId: string, planId: string, number: number, priorityId?: string) {
  const siblings = await repo.listPriorities(trx, partnershipId, planId);
  if (siblings.some((p) => p.number === number && p.id !== priorityId)) {
    throw new ValidationError({ number: `This plan already has a number ${number}` });
  }
}

/** A plan's priorities (themes); their success measures are measure-service.ts's. */
export function createPriorityService(db: Db) {
  const tenant = tenantRunner(db);
  return {
    addPriority: (partnershipId: string, actor: Actor, planId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const form = parseInput(schemas.prioritySchema, input);
        await findPlan(trx, partnershipId, planId);
        await checkReferences(trx, partnershipId, {
          agencyIds: [form.leadAgencyId, ...form.agencyIds],
          userIds: [['sponsorUserId', form.sponsorUserId]],
        });
        await checkNumberFree(trx, partnershipId, planId, form.number);
        const id = await repo.insertPriority(trx, partnershipId, planId, priorityValues(form), form.agencyIds);
        await audit({
          action: 'create',
          entityType: 'priority',
          entityId: id,
          summary: `Added priority ${form.number}: ${form.title}`,
          after: form,
        });
        await recordVersion(trx, partnershipId, planId, actor, 'Changed');
        return id;
      }),

    /** A priority with its plan, measures and assessed actions, and what the person may do with it. */
    priorityPage: (partnershipId: string, actor: MemberActor, priorityId: string, asAt = today()) =>
      tenant(partnershipId, actor, async (trx) => {
        const priority = await findPriority(trx, partnershipId, priorityId);
        const plan = await findPlan(trx, partnershipId, priority.planId);
        const actions = assessActionsFor(actor, await listActions(trx, partnershipId, { priorityId }), asAt);
        const at = judgedAt(asAt, plan.period_end);
        const measures = await judgeMeasures(trx, partnershipId, await repo.listMeasures(trx, partnershipId, [priorityId]), at);
        const progress = progressOf(
          actions.map((a) => a.assessment),
          isLive(plan.status),
        );
        return {
          plan,
          priority,
          vocabulary: planVocabulary(plan.kind),
          measures,
          actions,
          asAt: at,
          tracked: isLive(plan.status),
          ...progress,
          /** The actions' roll-up alone; `rag` also weighs the measures (core/measures.ts). */
          actionsRag: progress.rag,
          rag: !isLive(plan.status)
            ? null
            : priorityRag(
                progress.rag,
                measures.map((m) => m.standing),
              ),
          mayEdit: mayEditPriority(actor, priority),
        };
      }),

    updatePriority: (partnershipId: string, actor: MemberActor, priorityId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const before = await editablePriority(
          trx,
          partnershipId,
          actor,
          priorityId,
          'Only the partnership admin or this priority’s sponsor can change it.',
        );
        const { version, ...form } = parseInput(schemas.priorityEditSchema, input);
        // A sponsor may not hand the priority to someone else; only an admin chooses sponsors.
        const sponsorUserId = actor.role === 'admin' ? form.sponsorUserId : before.sponsorUserId;
        await checkReferences(trx, partnershipId, {
          agencyIds: [form.leadAgencyId, ...form.agencyIds],
          userIds: [['sponsorUserId', sponsorUserId]],
        });
        await checkNumberFree(trx, partnershipId, before.planId, form.number, priorityId);
        savedOrConflict(
          await repo.updatePriority(trx, partnershipId, priorityId, version, priorityValues({ ...form, sponsorUserId }), form.agencyIds),
          staleMessage('priority'),
        );
        await audit({
          action: 'update',
          entityType: 'priority',
          entityId: priorityId,
          summary: `Changed priority ${form.number}: ${form.title}`,
          before: {
            number: before.number,
            title: before.title,
            description: before.description,
            sponsorRole: before.sponsorRole,
            status: before.status,
          },
          after: { ...form, sponsorUserId },
        });
        await recordVersion(trx, partnershipId, before.planId, actor, 'Changed');
      }),
  };
}
