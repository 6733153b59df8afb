import { DEFAULT_CRITERIA, rankCandidates } from '../../core/candidates.ts';
import type { Db, Trx } from '../../data/db.ts';
import * as repo from '../../data/repositories/candidates.ts';
import * as plans from '../../data/repositories/plans.ts';
import * as priorities from '../../data/repositories/priorities.ts';
import { ConflictError, found, savedOrConflict, ValidationError, type Actor } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import * as schemas from './schemas.ts';

/** Choosing a plan's priorities: proposals answering the board's questions, scores, and the board's decision. */
export function createCandidatesService(db: Db) {
  const tenant = tenantRunner(db);

  const findPlan = async (trx: Trx, partnershipId: string, planId: string) =>
    found(await plans.findPlan(trx, partnershipId, planId), 'No such plan in this partnership');
  const findCandidate = async (trx: Trx, partnershipId: string, id: string) =>
    found(await repo.findCandidate(trx, partnershipId, id), 'No such candidate priority in this partnership');
  /** A plan's criteria; the board's four default ones until someone sets others. */
  const criteriaOf = async (trx: Trx, partnershipId: string, planId: string) => {
    const criteria = await repo.listCriteria(trx, partnershipId, planId);
    if (criteria.length) return criteria;
    await repo.replaceCriteria(trx, partnershipId, planId, DEFAULT_CRITERIA);
    return repo.listCriteria(trx, partnershipId, planId);
  };

  return {
    /** The candidates for a plan, ranked, with the criteria and how the board decided. */
    board: (partnershipId: string, actor: Actor, planId: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const plan = await findPlan(trx, partnershipId, planId);
        const criteria = await criteriaOf(trx, partnershipId, planId);
        const candidates = await repo.listCandidates(trx, partnershipId, planId);
        const scores = await repo.listScores(
          trx,
          partnershipId,
          candidates.map((c) => c.id),
        );
        const ranked = rankCandidates(
          candidates.map((c) => c.id),
          criteria.map((c) => c.id),
          scores,
        );
        const byId = new Map(candidates.map((c) => [c.id, c]));
        return {
          plan,
          criteria,
          scored: scores.length > 0,
          ranked: ranked.map((r) => ({
            ...r,
            candidate: byId.get(r.candidateId)!,
            mine: scores.some((s) => s.candidateId === r.candidateId && s.userId === actor.userId),
          })),
        };
      }),

    propose: (partnershipId: string, actor: Actor, planId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const plan = await findPlan(trx, partnershipId, planId);
        const form = parseInput(schemas.candidateSchema, input);
        const id = await repo.insertCandidate(trx, {
          partnership_id: partnershipId,
          plan_id: plan.id,
          title: form.title,
          description: form.description,
          answers: schemas.answersOf(form),
          proposed_by_user_id: actor.userId,
          proposed_by: actor.label,
        });
        await audit({
          action: 'create',
          entityType: 'candidate',
          entityId: id,
          summary: `Proposed “${form.title}” as a priority for ${plan.title}`,
          after: form,
        });
        return id;
      }),

    /** A candidate with its answers, everyone's scores per criterion, and the person's own. */
    candidate: (partnershipId: string, actor: Actor, id: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const candidate = await findCandidate(trx, partnershipId, id);
        const plan = await findPlan(trx, partnershipId, candidate.plan_id);
        const criteria = await criteriaOf(trx, partnershipId, plan.id);
        const scores = await repo.listScores(trx, partnershipId, [id]);
        const [ranking] = rankCandidates(
          [id],
          criteria.map((c) => c.id),
          scores,
        );
        const mine = Object.fromEntries(
          scores.filter((s) => s.userId === actor.userId).map((s) => [`score-${s.criterionId}`, String(s.score)]),
        );
        return { plan, candidate, criteria, ranking: ranking!, mine };
      }),

    /** Saves the person's scores for a candidate against every criterion (replacing earlier ones). */
    score: (partnershipId: string, actor: Actor, id: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const candidate = await findCandidate(trx, partnershipId, id);
        if (candidate.status !== 'proposed')
          throw new ValidationError({ form: 'The board has already decided on this candidate, so it can no longer be scored.' });
        const criteria = await criteriaOf(trx, partnershipId, candidate.plan_id);
        const form = parseInput(schemas.scoresSchema(criteria.map((c) => c.id)), input) as Record<string, number>;
        const scores = criteria.map((c) => ({ criterionId: c.id, score: form[`score-${c.id}`]! }));
        await repo.saveScores(trx, partnershipId, id, actor.userId!, scores);
        await audit({
          action: 'update',
          entityType: 'candidate',
          entityId: id,
          summary: `Scored “${candidate.title}”: ${scores.map((s) => s.score).join(', ')}`,
          after: scores,
        });
      }),

    /** Sets the criteria a plan's candidates are scored against, while nobody has scored yet. */
    setCriteria: (partnershipId: string, actor: Actor, planId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const plan = await findPlan(trx, partnershipId, planId);
        const { criteria } = parseInput(schemas.criteriaSchema, input);
        const candidates = await repo.listCandidates(trx, partnershipId, planId);
        const scores = await repo.listScores(
          trx,
          partnershipId,
          candidates.map((c) => c.id),
        );
        if (scores.length)
          throw new ValidationError({ criteria: 'Candidates have already been scored against these criteria, so they cannot change.' });
        const before = (await criteriaOf(trx, partnershipId, planId)).map((c) => c.text);
        await repo.replaceCriteria(trx, partnershipId, planId, criteria);
        await audit({
          action: 'update',
          entityType: 'criteria',
          entityId: planId,
          summary: `Set the criteria for choosing ${plan.title}’s priorities`,
          before,
          after: criteria,
        });
      }),

    /**
     * Records the board's decision. An agreed candidate becomes the plan's next priority (or the
     * number given); the candidate keeps a link to it, so how each priority was chosen stays on record.
     */
    decide: (partnershipId: string, actor: Actor, id: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const candidate = await findCandidate(trx, partnershipId, id);
        if (candidate.status !== 'proposed') throw new ConflictError('The board’s decision on this candidate is already recorded.');
        const form = parseInput(schemas.decisionSchema, input);
        let priorityId: string | null = null;
        if (form.decision === 'agreed') {
          const existing = await priorities.listPriorities(trx, partnershipId, candidate.plan_id);
          const number = form.number ?? Math.max(0, ...existing.map((p) => p.number)) + 1;
          if (existing.some((p) => p.number === number)) throw new ValidationError({ number: `The plan already has a priority ${number}` });
          priorityId = await priorities.insertPriority(
            trx,
            partnershipId,
            candidate.plan_id,
            {
              number,
              title: candidate.title,
              description: candidate.description,
              sponsor_user_id: null,
              sponsor_role: '',
              lead_agency_id: null,
              status: 'active',
            },
            [],
          );
        }
        savedOrConflict(
          await repo.decideCandidate(trx, partnershipId, id, form.version, {
            status: form.decision,
            priority_id: priorityId,
            decision_note: form.note,
            decided_by: actor.label,
          }),
        );
        await audit({
          action: 'update',
          entityType: 'candidate',
          entityId: id,
          summary: `${form.decision === 'agreed' ? 'Agreed' : 'Did not agree'} “${candidate.title}” as a priority`,
          after: { ...form, priorityId },
        });
        return priorityId;
      }),
  };
}
