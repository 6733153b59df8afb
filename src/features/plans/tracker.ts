import { todayInEngland as today } from '../../core/dates.ts';
import { isLive, planVocabulary, type PlanStatus } from '../../core/plans.ts';
import { mayUpdateAction, type MemberActor } from '../../core/policy.ts';
import { needsAttention, summarise, type JudgeBy } from '../../core/promises.ts';
import { withTenant, type Db } from '../../data/db.ts';
import { listActions, type ActionFilter } from '../../data/repositories/actions.ts';
import { listAgencies } from '../../data/repositories/agencies.ts';
import { listBoards } from '../../data/repositories/boards.ts';
import { listPlans, type PlanListItem } from '../../data/repositories/plans.ts';
import { listMeasures, listPriorities } from '../../data/repositories/priorities.ts';
import { revisionOf } from '../../data/repositories/revisions.ts';
import { RevisionCache } from '../../services/revision-cache.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { assessActions, judgedAt, prioritiesWithProgress, type AssessedAction } from './assessment.ts';
import { judgeMeasures, publicMeasures } from './measure-figures.ts';

// What the promise tracker, a person's home page and the public site read of a partnership's
// plans: worked out from every action in scope, the tracker's part kept per plans revision.

/** Plans which hold agencies to their promises: approved, published or closed. */
const LIVE: PlanStatus[] = ['approved', 'published', 'closed'];

/** How many tracker views (partnership, revision, filter, date) a server keeps worked out. */
const TRACKER_CACHE_SIZE = 64;

interface TrackerData {
  actions: Omit<AssessedAction, 'mayUpdate'>[];
  summary: ReturnType<typeof summarise>;
  plans: PlanListItem[];
  boards: Awaited<ReturnType<typeof listBoards>>;
  agencies: Awaited<ReturnType<typeof listAgencies>>;
}

/** The tracker, what a person owes and the published plans, for the plans service to hand out. */
export function createTrackerReads(db: Db) {
  const trackerCache = new RevisionCache<TrackerData>(TRACKER_CACHE_SIZE);
  const tenant = tenantRunner(db);

  /**
   * What everyone sees of the promise tracker: every action of the live plans in scope, judged as
   * at a date (each plan no later than its end), with the counts a board looks at. Worked out once
   * per revision of the partnership's plans (see the plans-revision migration) and shared, frozen:
   * the same object while the plans stand, so a page rendered from it can be kept by it
   * (web/views.ts). The revision lives on the partnership row, which needs no tenant transaction;
   * a page that read it with the session (web/tenant.ts) gives it.
   */
  const trackerReading = async (
    partnershipId: string,
    actor: MemberActor,
    filter: Omit<ActionFilter, 'planStatuses' | 'actionId'>,
    asAt = today(),
    plansRevision?: string,
    judgeBy: JudgeBy = 'original',
  ): Promise<TrackerData> => {
    const revision = plansRevision ?? (await revisionOf(db, partnershipId, 'plans'));
    const key = [partnershipId, revision, asAt, filter.planId, filter.boardId, filter.agencyId, filter.priorityId, judgeBy];
    return trackerCache.get(key, () =>
      tenant(partnershipId, actor, async (trx) => {
        const actions = assessActions(await listActions(trx, partnershipId, { ...filter, planStatuses: LIVE }), asAt, judgeBy);
        return {
          actions,
          summary: summarise(actions.map((a) => a.assessment)),
          plans: await listPlans(trx, partnershipId, LIVE),
          boards: await listBoards(trx, partnershipId),
          agencies: await listAgencies(trx, partnershipId),
        };
      }),
    );
  };

  /** The promise tracker as one person reads it: the shared part, and what they may do with each action. */
  const tracker = async (
    partnershipId: string,
    actor: MemberActor,
    filter: Omit<ActionFilter, 'planStatuses' | 'actionId'>,
    asAt = today(),
  ) => {
    const shared = await trackerReading(partnershipId, actor, filter, asAt);
    return { ...shared, actions: shared.actions.map((a): AssessedAction => ({ ...a, mayUpdate: mayUpdateAction(actor, a) })) };
  };

  return {
    tracker,
    trackerReading,

    /** What a person owes: actions they may report on that are overdue, unreported or due soon. */
    owedBy: async (partnershipId: string, actor: MemberActor, asAt = today()) => {
      if (actor.role === 'admin') return [];
      const { actions } = await tracker(partnershipId, actor, {}, asAt);
      return actions.filter((a) => a.planStatus !== 'closed' && a.mayUpdate && needsAttention(a.assessment));
    },

    /** A partnership's published plans with their priorities' progress, for the public site. */
    publishedPlans: (partnershipId: string) =>
      withTenant(db, { partnershipId }, async (trx) => {
        const plans = await listPlans(trx, partnershipId, ['published']);
        return Promise.all(
          plans.map(async (plan) => {
            const priorities = await listPriorities(trx, partnershipId, plan.id);
            const asAt = judgedAt(today(), plan.period_end);
            const measures = await judgeMeasures(
              trx,
              partnershipId,
              await listMeasures(
                trx,
                partnershipId,
                priorities.map((p) => p.id),
              ),
              asAt,
            );
            const actions = assessActions(await listActions(trx, partnershipId, { planId: plan.id }), asAt);
            return {
              plan,
              asAt,
              vocabulary: planVocabulary(plan.kind),
              summary: summarise(actions.map((a) => a.assessment)),
              priorities: prioritiesWithProgress(priorities, publicMeasures(measures), actions, isLive(plan.status)),
            };
          }),
        );
      }),
  };
}
