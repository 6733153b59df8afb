import { todayInEngland as today } from '../../core/dates.ts';
import type { MemberActor } from '../../core/policy.ts';
import type { Db } from '../../data/db.ts';
import * as repo from '../../data/repositories/action-progress.ts';
import { updateAction } from '../../data/repositories/actions.ts';
import { ConflictError, found, savedOrConflict, ValidationError } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import { movesNeedAgreement, readAgreement, recordMove } from './rebaseline.ts';
import { editableAction, reportableAction, staleMessage } from './records.ts';
import * as schemas from './schemas.ts';

/** An action's progress: its milestones and the progress updates its owners report each quarter. */
export function createProgressService(db: Db) {
  const tenant = tenantRunner(db);
  return {
    addMilestone: (partnershipId: string, actor: MemberActor, actionId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const action = await editableAction(
          trx,
          partnershipId,
          actor,
          actionId,
          'Only the partnership admin or the priority’s sponsor can add milestones.',
        );
        const form = parseInput(schemas.milestoneSchema, input);
        await repo.insertMilestone(trx, {
          partnership_id: partnershipId,
          action_id: actionId,
          title: form.title,
          due_date: form.dueDate,
          done_on: null,
        });
        await audit({
          action: 'create',
          entityType: 'milestone',
          entityId: actionId,
          summary: `Added milestone “${form.title}” to “${action.title}”`,
          after: form,
        });
      }),

    /**
     * Moves a milestone's due date: freely while the plan is a draft, with a reason and who agreed
     * it once approved (decision 0014). Refused (409) when the date moved since the person read it.
     */
    moveMilestone: (partnershipId: string, actor: MemberActor, actionId: string, milestoneId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const action = await editableAction(
          trx,
          partnershipId,
          actor,
          actionId,
          'Only the partnership admin or the priority’s sponsor can move milestones.',
        );
        const row = await repo.findMilestone(trx, partnershipId, milestoneId);
        const milestone = found(row?.action_id === actionId ? row : undefined, 'No such milestone on this action');
        const form = parseInput(schemas.milestoneMoveSchema, input);
        if (form.was !== milestone.due_date) throw new ConflictError(staleMessage('milestone'));
        if (form.dueDate === milestone.due_date) throw new ValidationError({ dueDate: 'Enter a date different from the current due date' });
        const agreed = movesNeedAgreement(action.planStatus);
        const agreement = agreed ? await readAgreement(trx, partnershipId, input, 'the milestone’s due date') : null;
        await repo.setMilestoneDueDate(trx, partnershipId, milestoneId, form.dueDate, agreed ? undefined : form.dueDate);
        if (agreement) {
          const change = {
            entity_type: 'milestone',
            entity_id: milestoneId,
            field: 'due_date',
            before: milestone.due_date,
            after: form.dueDate,
          } as const;
          await recordMove(trx, partnershipId, actor, change, agreement);
        }
        await audit({
          action: 'update',
          entityType: 'milestone',
          entityId: milestoneId,
          summary: `Moved milestone “${milestone.title}” of “${action.title}” from ${milestone.due_date} to ${form.dueDate}${agreement ? `: ${agreement.reason}` : ''}`,
          before: { dueDate: milestone.due_date },
          after: { dueDate: form.dueDate },
        });
      }),

    /** Records the day a milestone was reached; whoever may report on its action may do it. */
    milestoneDone: (partnershipId: string, actor: MemberActor, actionId: string, milestoneId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const row = await repo.findMilestone(trx, partnershipId, milestoneId);
        const milestone = found(row?.action_id === actionId ? row : undefined, 'No such milestone on this action');
        const action = await reportableAction(
          trx,
          partnershipId,
          actor,
          milestone.action_id,
          'Only those who report on this action can record its milestones.',
        );
        const doneOn = parseInput(schemas.milestoneDoneSchema, input).doneOn ?? today();
        await repo.setMilestoneDone(trx, partnershipId, milestoneId, doneOn);
        await audit({
          action: 'update',
          entityType: 'milestone',
          entityId: milestoneId,
          summary: `Milestone “${milestone.title}” of “${action.title}” reached on ${doneOn}`,
          before: { doneOn: milestone.done_on },
          after: { doneOn },
        });
      }),

    /**
     * Adds a progress update (kept for ever) and sets the action's status, in one transaction that
     * reads the action once: refused if the person may not report on it, or if someone else changed
     * it since they read it.
     */
    addUpdate: (partnershipId: string, actor: MemberActor, actionId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const action = await reportableAction(
          trx,
          partnershipId,
          actor,
          actionId,
          'Only the action’s owner, its lead agency’s contributors, the priority’s sponsor or the partnership admin can report on it.',
        );
        const form = parseInput(schemas.updateSchema, input);
        const completedOn = form.status === 'complete' ? form.completedOn : null;
        savedOrConflict(
          await updateAction(trx, partnershipId, actionId, form.version, { status: form.status, completed_on: completedOn }),
          staleMessage('action'),
        );
        const id = await repo.insertUpdate(trx, {
          partnership_id: partnershipId,
          action_id: actionId,
          period: form.period,
          action_taken: form.actionTaken,
          evidence_of_impact: form.evidenceOfImpact,
          still_to_do: form.stillToDo,
          rag: form.rag,
          author_user_id: actor.userId,
          author: actor.label,
        });
        await audit({
          action: 'create',
          entityType: 'action-update',
          entityId: id,
          summary: `Reported ${form.rag} progress on “${action.title}” for ${form.period}`,
          before: { status: action.status },
          after: { status: form.status, period: form.period, rag: form.rag },
        });
        return id;
      }),
  };
}
