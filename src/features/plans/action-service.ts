import { todayInEngland as today } from '../../core/dates.ts';
import { planVocabulary } from '../../core/plans.ts';
import { mayEditPriority, type MemberActor } from '../../core/policy.ts';
import { quarterOf } from '../../core/promises.ts';
import type { Db } from '../../data/db.ts';
import { listMilestones, listUpdates } from '../../data/repositories/action-progress.ts';
import { listRebaselines } from '../../data/repositories/rebaselines.ts';
import * as repo from '../../data/repositories/actions.ts';
import { listAgencies } from '../../data/repositories/agencies.ts';
import { savedOrConflict } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import { assessActionsFor } from './assessment.ts';
import { movesNeedAgreement, readAgreement, recordMove } from './rebaseline.ts';
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
        const milestones = await listMilestones(trx, partnershipId, actionId);
        return {
          action: action!,
          vocabulary: planVocabulary(action!.planKind),
          contributingAgencies: agencies.filter((a) => action!.contributingAgencyIds.includes(a.id)).map((a) => a.name),
          milestones,
          updates: await listUpdates(trx, partnershipId, actionId),
          /** Every agreed move of its due date and its milestones', oldest first. */
          moves: await listRebaselines(trx, partnershipId, [actionId, ...milestones.map((m) => m.id)]),
          movesNeedAgreement: movesNeedAgreement(action!.planStatus),
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
        // A draft's dates are not yet promised; an approved plan's move only with an agreement.
        const agreed = movesNeedAgreement(before.planStatus);
        const moving = form.dueDate !== before.dueDate;
        const agreement = agreed && moving ? await readAgreement(trx, partnershipId, input, 'the due date') : null;
        const values = agreed ? actionValues(form) : { ...actionValues(form), original_due_date: form.dueDate };
        savedOrConflict(await repo.updateAction(trx, partnershipId, actionId, version, values, form.agencyIds), staleMessage('action'));
        if (agreement) {
          const change = {
            entity_type: 'action',
            entity_id: actionId,
            field: 'due_date',
            before: before.dueDate,
            after: form.dueDate,
          } as const;
          await recordMove(trx, partnershipId, actor, change, agreement);
        }
        await audit({
          action: 'update',
          entityType: 'action',
          entityId: actionId,
          summary: agreement
            ? `Changed action “${form.title}”, moving its due date from ${before.dueDate} to ${form.dueDate}: ${agreement.reason}`
            : `Changed action “${form.title}”`,
          before: { title: before.title, dueDate: before.dueDate, status: before.status, owner: before.ownerName },
          after: form,
        });
      }),
  };
}
