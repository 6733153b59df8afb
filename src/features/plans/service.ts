import { isApproved, isLive, planVocabulary } from '../../core/plans.ts';
import { describeChanges, type PlanSnapshot } from '../../core/plan-versions.ts';
import { mayEditPriority, mayUpdateAction, type MemberActor } from '../../core/policy.ts';
import { assessAction, quarterOf, rollUp, summarise } from '../../core/promises.ts';
import type { Db, Trx } from '../../data/db.ts';
import { listAgencies } from '../../data/repositories/agencies.ts';
import { listBoards } from '../../data/repositories/boards.ts';
import { listMembers } from '../../data/repositories/memberships.ts';
import * as repo from '../../data/repositories/plans.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type Actor } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import * as schemas from './schemas.ts';
import { chooseQuarter, readSponsorReport, sponsorReportSchema, writeSponsorReport } from './sponsor-reports.ts';
import { createTrackerReads, judgedAt, type AssessedAction } from './tracker.ts';
import { todayInEngland as today } from '../../core/dates.ts';

export type { AssessedAction } from './tracker.ts';

/** The signed-in person as the plans feature needs them: who they are, their role and agency. */

/** Plans and promises for one partnership. */
export function createPlansService(db: Db) {
  const tenant = tenantRunner(db);
  const reads = createTrackerReads(db);

  const findPlan = async (trx: Trx, partnershipId: string, id: string) => {
    const plan = await repo.findPlan(trx, partnershipId, id);
    if (!plan) throw new NotFoundError('No such plan in this partnership');
    return plan;
  };
  const findPriority = async (trx: Trx, partnershipId: string, id: string) => {
    const priority = await repo.findPriority(trx, partnershipId, id);
    if (!priority) throw new NotFoundError('No such priority in this partnership');
    return priority;
  };
  const findAction = async (trx: Trx, partnershipId: string, id: string) => {
    const [action] = await repo.listActions(trx, partnershipId, { actionId: id });
    if (!action) throw new NotFoundError('No such action in this partnership');
    return action;
  }; /** A priority, or an action, that this person may change (admin or the priority's own sponsor). */
  const editablePriority = async (trx: Trx, partnershipId: string, actor: MemberActor, id: string, refusal: string) => {
    const priority = await findPriority(trx, partnershipId, id);
    if (!mayEditPriority(actor, priority)) throw new ForbiddenError(refusal);
    return priority;
  };
  const editableAction = async (trx: Trx, partnershipId: string, actor: MemberActor, id: string, refusal: string) => {
    const action = await findAction(trx, partnershipId, id);
    if (!mayEditPriority(actor, action)) throw new ForbiddenError(refusal);
    return action;
  };

  const assess = (person: MemberActor, actions: repo.ActionItem[], asAt: string): AssessedAction[] =>
    actions.map((a) => {
      const at = judgedAt(asAt, a.planEnd);
      return { ...a, asAt: at, assessment: assessAction(a, at), mayUpdate: mayUpdateAction(person, a) };
    });

  /** Checks that the ids a form names belong to this partnership. */
  async function checkReferences(
    trx: Trx,
    partnershipId: string,
    refs: { boardId?: string | null; agencyIds?: (string | null)[]; userIds?: [string, string | null][] },
  ) {
    const errors: Record<string, string> = {};
    if (refs.boardId) {
      const boards = await listBoards(trx, partnershipId);
      if (!boards.some((b) => b.id === refs.boardId)) errors.boardId = 'Choose a board from the list';
    }
    if (refs.agencyIds?.some((id) => id !== null)) {
      const agencies = new Set((await listAgencies(trx, partnershipId)).map((a) => a.id));
      for (const id of refs.agencyIds) if (id !== null && !agencies.has(id)) errors.agencyIds ??= 'Choose agencies from the list';
    }
    if (refs.userIds?.some(([, id]) => id !== null)) {
      const members = new Set((await listMembers(trx, partnershipId)).map((m) => m.userId));
      for (const [field, id] of refs.userIds) if (id !== null && !members.has(id)) errors[field] = 'Choose a person in this partnership';
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
  }

  /**
   * After a change to an approved plan, keeps a new version: what the plan is now and, in
   * words, what changed since the last version. A draft plan keeps no versions.
   */
  async function recordVersion(trx: Trx, partnershipId: string, planId: string, actor: Actor, fallback: string) {
    const plan = await findPlan(trx, partnershipId, planId);
    if (!isApproved(plan.status)) return;
    const now = await repo.readPlanSnapshot(trx, partnershipId, planId);
    const [last] = await repo.listPlanVersions(trx, partnershipId, planId);
    const changes = last ? describeChanges(last.snapshot as PlanSnapshot, now) : [];
    if (last && changes.length === 0) return;
    const number = (last?.number ?? 0) + 1;
    await repo.insertPlanVersion(trx, {
      partnership_id: partnershipId,
      plan_id: planId,
      number,
      summary: last ? changes.join('\n') : fallback,
      snapshot: now,
      created_by: actor.label,
    });
    await trx
      .updateTable('plans')
      .set({ approved_version: number })
      .where('id', '=', planId)
      .where('partnership_id', '=', partnershipId)
      .execute();
  }

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
        const priorities = await repo.listPriorities(trx, partnershipId, planId);
        const measures = await repo.listMeasures(
          trx,
          partnershipId,
          priorities.map((p) => p.id),
        );
        const actions = assess(actor, await repo.listActions(trx, partnershipId, { planId }), asAt);
        const tracked = isLive(plan.status);
        return {
          plan,
          vocabulary: planVocabulary(plan.kind),
          asAt: judgedAt(asAt, plan.period_end),
          tracked,
          summary: summarise(actions.map((a) => a.assessment)),
          priorities: priorities.map((p) => {
            const own = actions.filter((a) => a.priorityId === p.id);
            return {
              ...p,
              measures: measures.filter((m) => m.priority_id === p.id),
              actionCount: own.filter((a) => a.status !== 'dropped').length,
              summary: summarise(own.map((a) => a.assessment)),
              rag: tracked ? rollUp(own.map((a) => a.assessment)) : null,
            };
          }),
        };
      }),

    createPlan: (partnershipId: string, actor: Actor, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const form = parseInput(schemas.planSchema, schemas.foldDateInputs(input, schemas.PLAN_DATES));
        await checkReferences(trx, partnershipId, { boardId: form.boardId });
        const plan = await repo.insertPlan(trx, partnershipId, planValues(form));
        await audit({ action: 'create', entityType: 'plan', entityId: plan.id, summary: `Added plan ${plan.title}`, after: form });
        await recordVersion(trx, partnershipId, plan.id, actor, 'Approved');
        return plan;
      }),

    updatePlan: (partnershipId: string, actor: Actor, planId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const { version, ...form } = parseInput(schemas.planEditSchema, schemas.foldDateInputs(input, schemas.PLAN_DATES));
        const before = await findPlan(trx, partnershipId, planId);
        await checkReferences(trx, partnershipId, { boardId: form.boardId });
        const saved = await repo.updatePlan(trx, partnershipId, planId, version, {
          ...planValues(form),
          approved_version: before.approved_version,
        });
        if (!saved) throw new ConflictError(staleMessage('plan', before.updated_at));
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

    /** The versions of an approved plan, newest first, each with what changed. */
    history: (partnershipId: string, actor: Actor, planId: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const plan = await findPlan(trx, partnershipId, planId);
        const versions = await repo.listPlanVersions(trx, partnershipId, planId);
        return { plan, versions: versions.map((v) => ({ ...v, changes: v.summary.split('\n') })) };
      }),

    addPriority: (partnershipId: string, actor: Actor, planId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const form = parseInput(schemas.prioritySchema, input);
        await findPlan(trx, partnershipId, planId);
        await checkReferences(trx, partnershipId, {
          agencyIds: [form.leadAgencyId, ...form.agencyIds],
          userIds: [['sponsorUserId', form.sponsorUserId]],
        });
        const existing = await repo.listPriorities(trx, partnershipId, planId);
        if (existing.some((p) => p.number === form.number))
          throw new ValidationError({ number: `This plan already has a number ${form.number}` });
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
        const measures = await repo.listMeasures(trx, partnershipId, [priorityId]);
        const actions = assess(actor, await repo.listActions(trx, partnershipId, { priorityId }), asAt);
        return {
          plan,
          priority,
          vocabulary: planVocabulary(plan.kind),
          measures,
          actions,
          asAt: judgedAt(asAt, plan.period_end),
          tracked: isLive(plan.status),
          summary: summarise(actions.map((a) => a.assessment)),
          rag: isLive(plan.status) ? rollUp(actions.map((a) => a.assessment)) : null,
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
        const siblings = await repo.listPriorities(trx, partnershipId, before.planId);
        if (siblings.some((p) => p.number === form.number && p.id !== priorityId)) {
          throw new ValidationError({ number: `This plan already has a number ${form.number}` });
        }
        const saved = await repo.updatePriority(
          trx,
          partnershipId,
          priorityId,
          version,
          priorityValues({ ...form, sponsorUserId }),
          form.agencyIds,
        );
        if (!saved) throw new ConflictError(staleMessage('priority'));
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

    addMeasure: (partnershipId: string, actor: MemberActor, priorityId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const priority = await editablePriority(
          trx,
          partnershipId,
          actor,
          priorityId,
          'Only the partnership admin or this priority’s sponsor can add measures.',
        );
        const form = parseInput(schemas.measureSchema, schemas.foldDateInputs(input, schemas.MEASURE_DATES));
        await repo.insertMeasure(trx, partnershipId, priorityId, {
          text: form.text,
          baseline: form.baseline,
          target: form.target,
          target_date: form.targetDate,
        });
        await audit({
          action: 'create',
          entityType: 'measure',
          entityId: priorityId,
          summary: `Added a success measure to priority ${priority.number}: ${form.text}`,
          after: form,
        });
        await recordVersion(trx, partnershipId, priority.planId, actor, 'Changed');
      }),

    addAction: (partnershipId: string, actor: MemberActor, priorityId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const priority = await editablePriority(
          trx,
          partnershipId,
          actor,
          priorityId,
          'Only the partnership admin or this priority’s sponsor can add actions.',
        );
        const form = parseInput(schemas.actionSchema, schemas.foldDateInputs(input, schemas.ACTION_DATES));
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
        const action = await findAction(trx, partnershipId, actionId);
        const [assessed] = assess(actor, [action], asAt);
        const agencies = await listAgencies(trx, partnershipId);
        return {
          action: assessed!,
          vocabulary: planVocabulary(action.planKind),
          contributingAgencies: agencies.filter((a) => action.contributingAgencyIds.includes(a.id)).map((a) => a.name),
          milestones: await repo.listMilestones(trx, partnershipId, actionId),
          updates: await repo.listUpdates(trx, partnershipId, actionId),
          mayEdit: mayEditPriority(actor, action),
          currentQuarter: quarterOf(assessed!.asAt),
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
        const { version, ...form } = parseInput(schemas.actionEditSchema, schemas.foldDateInputs(input, schemas.ACTION_DATES));
        await checkReferences(trx, partnershipId, {
          agencyIds: [form.leadAgencyId, ...form.agencyIds],
          userIds: [['ownerUserId', form.ownerUserId]],
        });
        if (!(await repo.updateAction(trx, partnershipId, actionId, version, actionValues(form), form.agencyIds))) {
          throw new ConflictError(staleMessage('action'));
        }
        await audit({
          action: 'update',
          entityType: 'action',
          entityId: actionId,
          summary: `Changed action “${form.title}”`,
          before: { title: before.title, dueDate: before.dueDate, status: before.status, owner: before.ownerName },
          after: form,
        });
      }),

    addMilestone: (partnershipId: string, actor: MemberActor, actionId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const action = await editableAction(
          trx,
          partnershipId,
          actor,
          actionId,
          'Only the partnership admin or the priority’s sponsor can add milestones.',
        );
        const form = parseInput(schemas.milestoneSchema, schemas.foldDateInputs(input, schemas.MILESTONE_DATES));
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

    /** Records the day a milestone was reached; whoever may report on its action may do it. */
    milestoneDone: (partnershipId: string, actor: MemberActor, actionId: string, milestoneId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const milestone = await repo.findMilestone(trx, partnershipId, milestoneId);
        if (!milestone || milestone.action_id !== actionId) throw new NotFoundError('No such milestone on this action');
        const action = await findAction(trx, partnershipId, milestone.action_id);
        if (!mayUpdateAction(actor, action)) throw new ForbiddenError('Only those who report on this action can record its milestones.');
        const doneOn =
          parseInput(schemas.milestoneDoneSchema, schemas.foldDateInputs(input, schemas.MILESTONE_DONE_DATES)).doneOn ?? today();
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

    /** Adds a progress update (kept for ever) and sets the action's status, in one transaction. */
    addUpdate: (partnershipId: string, actor: MemberActor, actionId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const action = await findAction(trx, partnershipId, actionId);
        if (!mayUpdateAction(actor, action)) {
          throw new ForbiddenError(
            'Only the action’s owner, its lead agency’s contributors, the priority’s sponsor or the partnership admin can report on it.',
          );
        }
        const form = parseInput(schemas.updateSchema, schemas.foldDateInputs(input, schemas.UPDATE_DATES));
        const completedOn = form.status === 'complete' ? form.completedOn : null;
        if (!(await repo.updateAction(trx, partnershipId, actionId, form.version, { status: form.status, completed_on: completedOn }))) {
          throw new ConflictError(staleMessage('action'));
        }
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

    ...reads,

    /**
     * A priority's report to its board for a quarter (by default the latest it can cover): the saved
     * report or, until one is saved, Baton's draft, with the figures it is drawn from.
     */
    sponsorReport: (partnershipId: string, actor: MemberActor, priorityId: string, period?: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const priority = await findPriority(trx, partnershipId, priorityId);
        const plan = await findPlan(trx, partnershipId, priority.planId);
        return readSponsorReport(trx, { partnershipId, person: actor, plan, priority, period, today: today() });
      }),

    /** Saves a sponsor's report unless someone else saved it first; only the admin or the priority's sponsor may. */
    saveSponsorReport: (partnershipId: string, actor: MemberActor, priorityId: string, period: string | undefined, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const priority = await editablePriority(
          trx,
          partnershipId,
          actor,
          priorityId,
          'Only the partnership admin or this priority’s sponsor can change its report.',
        );
        const plan = await findPlan(trx, partnershipId, priority.planId);
        const quarter = chooseQuarter(plan, period, today());
        const form = parseInput(sponsorReportSchema, input);
        const { before, saved } = await writeSponsorReport(trx, {
          partnershipId,
          priorityId,
          period: quarter.code,
          form,
          updatedBy: actor.label,
        });
        await audit({
          action: before ? 'update' : 'create',
          entityType: 'sponsor-report',
          entityId: saved.id,
          summary: `Saved the sponsor’s report on priority ${priority.number} for ${quarter.code}`,
          before: before ?? undefined,
          after: form,
        });
        return saved;
      }),
  };
}

function staleMessage(noun: string, at?: Date): string {
  const when = at ? ` (last saved ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC)` : '';
  return `Someone else changed this ${noun} while you were editing it${when}. Your changes have not been saved: the form now shows what they saved, so you can make your changes again.`;
}

function priorityValues(form: {
  number: number;
  title: string;
  description: string;
  sponsorUserId: string | null;
  sponsorRole: string;
  leadAgencyId: string | null;
  status: repo.PriorityValues['status'];
}): repo.PriorityValues {
  return {
    number: form.number,
    title: form.title,
    description: form.description,
    sponsor_user_id: form.sponsorUserId,
    sponsor_role: form.sponsorRole,
    lead_agency_id: form.leadAgencyId,
    status: form.status,
  };
}

function actionValues(form: {
  title: string;
  description: string;
  leadAgencyId: string;
  ownerUserId: string | null;
  ownerName: string;
  startDate: string | null;
  dueDate: string;
  status: repo.ActionValues['status'];
  completedOn: string | null;
}): repo.ActionValues {
  return {
    title: form.title,
    description: form.description,
    lead_agency_id: form.leadAgencyId,
    owner_user_id: form.ownerUserId,
    owner_name: form.ownerName,
    start_date: form.startDate,
    due_date: form.dueDate,
    status: form.status,
    completed_on: form.completedOn,
  };
}
