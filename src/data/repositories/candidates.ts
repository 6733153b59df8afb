import type { Score } from '../../core/candidates.ts';
import type { DbOrTrx } from '../db.ts';
import type { CandidateRow } from '../schema.ts';

/** Choosing priorities: a plan's criteria, its candidate priorities and the scores given. */

export function listCriteria(db: DbOrTrx, partnershipId: string, planId: string) {
  return db
    .selectFrom('plan_criteria')
    .select(['id', 'position', 'text'])
    .where('partnership_id', '=', partnershipId)
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
}

export async function replaceCriteria(db: DbOrTrx, partnershipId: string, planId: string, texts: readonly string[]): Promise<void> {
  await db.deleteFrom('plan_criteria').where('partnership_id', '=', partnershipId).where('plan_id', '=', planId).execute();
  if (texts.length === 0) return;
  await db
    .insertInto('plan_criteria')
    .values(texts.map((text, i) => ({ partnership_id: partnershipId, plan_id: planId, position: i + 1, text })))
    .execute();
}

export function listCandidates(db: DbOrTrx, partnershipId: string, planId: string): Promise<CandidateRow[]> {
  return db
    .selectFrom('candidates')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findCandidate(db: DbOrTrx, partnershipId: string, id: string): Promise<CandidateRow | undefined> {
  return db.selectFrom('candidates').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
}

export async function insertCandidate(
  db: DbOrTrx,
  values: {
    partnership_id: string;
    plan_id: string;
    title: string;
    description: string;
    answers: string[];
    proposed_by_user_id: string | null;
    proposed_by: string;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('candidates')
    .values({ ...values, answers: JSON.stringify(values.answers) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Records the board's decision if the candidate is still at `version`. */
export async function decideCandidate(
  db: DbOrTrx,
  partnershipId: string,
  id: string,
  version: number,
  values: { status: 'agreed' | 'not_agreed'; priority_id: string | null; decision_note: string; decided_by: string },
): Promise<boolean> {
  const row = await db
    .updateTable('candidates')
    .set((eb) => ({ ...values, decided_at: new Date(), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function listScores(db: DbOrTrx, partnershipId: string, candidateIds: readonly string[]): Promise<Score[]> {
  if (candidateIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('candidate_scores')
    .select(['candidate_id as candidateId', 'criterion_id as criterionId', 'user_id as userId', 'score'])
    .where('partnership_id', '=', partnershipId)
    .where('candidate_id', 'in', candidateIds)
    .execute();
}

/** Saves a person's scores for a candidate, replacing any they gave before. */
export async function saveScores(
  db: DbOrTrx,
  partnershipId: string,
  candidateId: string,
  userId: string,
  scores: readonly { criterionId: string; score: number }[],
): Promise<void> {
  await db
    .deleteFrom('candidate_scores')
    .where('partnership_id', '=', partnershipId)
    .where('candidate_id', '=', candidateId)
    .where('user_id', '=', userId)
    .execute();
  if (scores.length === 0) return;
  await db
    .insertInto('candidate_scores')
    .values(
      scores.map((s) => ({
        partnership_id: partnershipId,
        candidate_id: candidateId,
        criterion_id: s.criterionId,
        user_id: userId,
        score: s.score,
      })),
    )
    .execute();
}
