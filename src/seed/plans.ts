import { DEFAULT_CRITERIA } from '../core/candidates.ts';
import { isApproved } from '../core/plans.ts';
import { quarterOf } from '../core/promises.ts';
import type { Trx } from '../data/db.ts';
import { listAgencies } from '../data/repositories/agencies.ts';
import { recordAudit } from '../data/repositories/audit.ts';
import { listBoards } from '../data/repositories/boards.ts';
import { listMembers } from '../data/repositories/memberships.ts';
import { listCriteria, replaceCriteria } from '../data/repositories/candidates.ts';
import * as repo from '../data/repositories/plans.ts';
import * as actionRepo from '../data/repositories/actions.ts';
import * as planVersions from '../data/repositories/plan-versions.ts';
import * as priorities from '../data/repositories/priorities.ts';
import * as progress from '../data/repositories/action-progress.ts';
import { CLI_ACTOR } from '../services/errors.ts';
import { DEMO_PLANS, type DemoPlan } from './plans-data.ts';

/** Loads the demo plans of one partnership (see plans-data.ts), in the transaction given. */
export async function seedDemoPlans(trx: Trx, partnershipId: string, slug: string): Promise<void> {
  const plans = DEMO_PLANS.filter((p) => p.partnership === slug);
  if (plans.length === 0) return;
  const lookup = <T extends { name: string; id: string }>(rows: T[], what: string) => {
    const byName = new Map(rows.map((r) => [r.name, r.id]));
    return (name: string) => {
      const id = byName.get(name);
      if (!id) throw new Error(`Demo plans name an unknown ${what}: ${name}`);
      return id;
    };
  };
  const agencyId = lookup(await listAgencies(trx, partnershipId), 'agency');
  const boardId = lookup(await listBoards(trx, partnershipId), 'board');
  const members = await listMembers(trx, partnershipId);
  const userId = (email: string | undefined) => (email ? (members.find((m) => m.email === email)?.userId ?? null) : null);
  const author = (email: string | undefined, fallback: string) => {
    const m = email ? members.find((x) => x.email === email) : undefined;
    return m ? `${m.name} <${m.email}>` : fallback;
  };

  for (const demo of plans) {
    const plan = await repo.insertPlan(trx, partnershipId, planValues(demo, boardId(demo.board)));
    let actions = 0;
    // A plan's milestones and progress updates go in at the end, one statement each.
    const milestones: progress.MilestoneValues[] = [];
    const updates: progress.UpdateValues[] = [];
    for (const p of demo.priorities) {
      const priorityId = await priorities.insertPriority(
        trx,
        partnershipId,
        plan.id,
        {
          number: p.number,
          title: p.title,
          description: p.description,
          sponsor_user_id: userId(p.sponsorEmail),
          sponsor_role: p.sponsorRole,
          lead_agency_id: agencyId(p.leadAgency),
          status: 'active',
        },
        p.contributingAgencies.map(agencyId),
      );
      if (demo.chosenOn) await recordChoice(trx, partnershipId, plan.id, priorityId, p, demo.chosenOn, demo.board);
      await priorities.insertMeasures(
        trx,
        partnershipId,
        priorityId,
        p.measures.map((m) => ({ text: m.text, baseline: m.baseline ?? '', target: m.target ?? '', target_date: m.targetDate ?? null })),
      );
      for (const a of p.actions) {
        const actionId = await actionRepo.insertAction(
          trx,
          partnershipId,
          priorityId,
          {
            title: a.title,
            description: '',
            lead_agency_id: agencyId(a.leadAgency),
            owner_user_id: userId(a.ownerEmail),
            owner_name: a.ownerName,
            start_date: a.start,
            due_date: a.due,
            status: a.status,
            completed_on: a.status === 'complete' ? (a.completedOn ?? a.due) : null,
          },
          a.contributingAgencies.map(agencyId),
        );
        actions++;
        for (const m of a.milestones) {
          milestones.push({
            partnership_id: partnershipId,
            action_id: actionId,
            title: m.title,
            due_date: m.due,
            done_on: m.doneOn ?? null,
          });
        }
        for (const u of a.updates) {
          updates.push({
            partnership_id: partnershipId,
            action_id: actionId,
            period: u.period || quarterOf(u.on).code,
            action_taken: u.actionTaken,
            evidence_of_impact: u.evidenceOfImpact,
            still_to_do: u.stillToDo,
            rag: u.rag,
            author_user_id: userId(a.ownerEmail),
            author: author(a.ownerEmail, a.ownerName || 'Imported from the partnership’s records'),
            created_at: `${u.on}T12:00:00Z`,
          });
        }
      }
    }
    await progress.insertMilestones(trx, milestones);
    await progress.insertUpdates(trx, updates);
    if (isApproved(demo.status)) {
      await planVersions.insertPlanVersion(trx, {
        partnership_id: partnershipId,
        plan_id: plan.id,
        number: 1,
        summary: `Approved (${demo.source})`,
        snapshot: await planVersions.readPlanSnapshot(trx, partnershipId, plan.id),
        created_by: CLI_ACTOR.label,
      });
      await trx.updateTable('plans').set({ approved_version: 1 }).where('id', '=', plan.id).execute();
    }
    await recordAudit(trx, {
      partnershipId,
      actorUserId: null,
      actor: CLI_ACTOR.label,
      action: 'create',
      entityType: 'plan',
      entityId: plan.id,
      summary: `Loaded the demo plan ${demo.title}: ${demo.priorities.length} priorities, ${actions} actions, ${updates.length} progress updates`,
    });
  }
}

/**
 * How a priority was chosen, when the seed says: Walsall's board debated draft priorities from
 * its members against four criteria and agreed eight (seed 000). The seed names the proposers'
 * roles and the day, not their scores, so the demo records the decision without inventing marks.
 */
async function recordChoice(
  trx: Trx,
  partnershipId: string,
  planId: string,
  priorityId: string,
  priority: DemoPlan['priorities'][number],
  chosenOn: string,
  board: string,
) {
  if ((await listCriteria(trx, partnershipId, planId)).length === 0) await replaceCriteria(trx, partnershipId, planId, DEFAULT_CRITERIA);
  await trx
    .insertInto('candidates')
    .values({
      partnership_id: partnershipId,
      plan_id: planId,
      title: priority.title,
      description: priority.description,
      answers: JSON.stringify([]),
      proposed_by_user_id: null,
      proposed_by: priority.sponsorRole || board,
      status: 'agreed',
      priority_id: priorityId,
      decision_note: `Agreed by the ${board} after debating the draft priorities against its four criteria.`,
      decided_by: board,
      decided_at: `${chosenOn}T17:00:00Z`,
      created_at: `${chosenOn}T09:00:00Z`,
    })
    .execute();
}

function planValues(demo: DemoPlan, board: string): repo.PlanValues {
  return {
    kind: demo.kind,
    title: demo.title,
    board_id: board,
    period_start: demo.periodStart,
    period_end: demo.periodEnd,
    vision: demo.vision,
    plan_values: demo.values,
    status: demo.status,
  };
}
