import { todayInEngland as today } from '../../core/dates.ts';
import { planVocabulary } from '../../core/plans.ts';
import { mayEditPriority, type MemberActor } from '../../core/policy.ts';
import { quarterOf } from '../../core/promises.ts';
import type { Db } from '../../data/db.ts';
import { listMilestones, listUpdates } from '../../data/repositories/action-progress.ts';
import * as repo from '../../data/repositories/actions.ts';
import { listAgencies } from '../../data/repositories/agencies.ts';
import { savedOrConflict } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import { assessActionsFor } from './assessment.ts';
import { checkReferences, editableAction, editablePriority, findAction, staleMessage } from './records.ts';
import * as schemas from './schemas.ts';

type ActionForm = Omit<ReturnType<typeof schemas.actionSchema.parse>, 'agencyIds'>;

const actionValues = (form: ActionForm): repo.ActionValues => ({
  title: form.title,
  description: form.description,
  lead_agency_id: form.leadAgencyId,
  owner_user_id: form.ownerUserId,
  owner_name: form.ownerName,
  start_date: form.startDate,
  due_date: form.dueDate,
  status: form.status,
  completed_on: form.completedOn,
});

/** A priority's delivery actions: adding, reading and changing them. Their progress is in progress-service.ts. */
export function createActionService(db: Db) {
  const tenant = tenantRunner(db);
  return {
    addAction: (partnershipId: string, actor: MemberActor, priorityId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const priority = await editablePriority(
          trx,
          partnershipId,
          actor,
          priorityId,
          'Only the partnership admin or this priority’s sponsor can add actions.',
        );
        const form = parseInput(schemas.actionSchema, input);
        await checkReferences(trx, partnershipId, {
          agencyIds: [form.leadAgencyId, ...form.agencyIds],
          userIds: [['ownerUserId', form.ownerUserId]],
        });
        const id = await repo.insertAction(trx, partnershipId, priorityId, actionValues(form), form.agencyIds);
        await audit({
          action: 'create',
          entityType: 'action',
          entityId: id,
          summary: `Added action “${form.title}” to priority ${priority.number}`,
          after: form,
        });
        return id;
      }),

    /** An action with its milestones and progress updates, and what the person may do with it. */
    actionPage: (partnershipId: string, actor: MemberActor, actionId: string, asAt = today()) =>
      tenant(partnershipId, actor, async (trx) => {
        const [action] = assessActionsFor(actor, [await findAction(trx, partnershipId, actionId)], asAt);
        const agencies = await listAgencies(trx, partnershipId);
        return {
          action: action!,
          vocabulary: planVocabulary(action!.planKind),
          contributingAgencies: agencies.filter((a) => action!.contributingAgencyIds.includes(a.id)).map((a) => a.name),
          milestones: await listMilestones(trx, partnershipId, actionId),
          updates: await listUpdates(trx, partnershipId, actionId),
          mayEdit: mayEditPriority(actor, action!),
          currentQuarter: quarterOf(action!.asAt),
        };
      }),

    updateAction: (partnershipId: string, actor: MemberActor, actionId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const before = await editableAction(
          trx,
          partnershipId,
          actor,
          actionId,
          'Only the partnership admin or the priority’s sponsor can change this action.',
        );
        const { version, ...form } = parseInput(schemas.actionEditSchema, input);
        await checkReferences(trx, partnershipId, {
          agencyIds: [form.leadAgencyId, ...form.agencyIds],
          userIds: [['ownerUserId', form.ownerUserId]],
        });
        savedOrConflict(
          await repo.updateAction(trx, partnershipId, actionId, version, actionValues(form), form.agencyIds),
          staleMessage('action'),
        );
        await audit({
          action: 'update',
          entityType: 'action',
          entityId: actionId,
          summary: `Changed action “${form.title}”`,
          before: { title: before.title, dueDate: before.dueDate, status: before.status, owner: before.ownerName },
          after: form,
        });
      }),
  };
}
