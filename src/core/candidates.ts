/**
 * Choosing priorities (seed 000): board members propose candidate priorities, answering the
 * board's questions, and score each against the board's criteria; the board then agrees which
 * become priorities.
 */

/** The questions each proposer answers (Walsall's Children and Young People's Plan 2013-16). */
export const CANDIDATE_QUESTIONS = [
  'Where are the greatest risks to the children and young people you come into contact with?',
  'What is the data telling us?',
  'Who are the most vulnerable groups of children in this aspect?',
  'What are the “wicked” issues that can only be solved by a more coordinated, shared approach?',
  'Which outcomes for children are in greatest need of improvement?',
  'How could partners help your service improve faster or for longer?',
  'Which partner agencies could add most value to the work of your service here?',
  'Are others outside the area doing better in this? What can we learn from them?',
] as const;

/** The board's criteria, by default the four Walsall's board used in March 2013. */
export const DEFAULT_CRITERIA = [
  'Does it address the needs of one of the most vulnerable groups of children and young people?',
  'Is there a real need for improvement in this area?',
  'Does it really demand partnership working, and will partnership working significantly improve the outcome?',
  'Can success be demonstrated through robust evidence?',
] as const;

/** Scores run from 1 (not at all) to 5 (completely). */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const SCORE_LABELS: Record<number, string> = { 1: 'Not at all', 2: 'A little', 3: 'Partly', 4: 'Mostly', 5: 'Completely' };

export interface Score {
  candidateId: string;
  criterionId: string;
  userId: string;
  score: number;
}

export interface RankedCandidate {
  candidateId: string;
  /** Mean score per criterion id, or null when nobody scored it on that criterion. */
  means: Record<string, number | null>;
  /** Sum of the criterion means: the ranking figure. Null when nobody has scored. */
  total: number | null;
  /** How many people scored it (on any criterion). */
  scorers: number;
  /** 1 for the highest total; equal totals share a rank (1, 2, 2, 4). Null when unscored. */
  rank: number | null;
}

/**
 * Ranks candidates by the sum of their mean scores across the criteria. A criterion nobody
 * scored counts as nothing, so a half-scored candidate does not outrank a fully scored one by
 * accident of missing marks being ignored. Unscored candidates come last, unranked.
 * @example rankCandidates(['a','b'], ['c1'], scores)[0].candidateId // the best-scored
 */
export function rankCandidates(
  candidateIds: readonly string[],
  criterionIds: readonly string[],
  scores: readonly Score[],
): RankedCandidate[] {
  const rows = candidateIds.map((candidateId) => {
    const own = scores.filter((s) => s.candidateId === candidateId);
    const means: Record<string, number | null> = {};
    for (const criterionId of criterionIds) {
      const marks = own.filter((s) => s.criterionId === criterionId).map((s) => s.score);
      means[criterionId] = marks.length ? marks.reduce((a, b) => a + b, 0) / marks.length : null;
    }
    const scored = Object.values(means).filter((m): m is number => m !== null);
    const total = scored.length ? scored.reduce((a, b) => a + b, 0) : null;
    return { candidateId, means, total, scorers: new Set(own.map((s) => s.userId)).size, rank: null as number | null };
  });
  const proposed = new Map(candidateIds.map((id, i) => [id, i]));
  // Highest total first; unscored last; ties in the order they were proposed (NaN || … falls through).
  rows.sort((a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity) || proposed.get(a.candidateId)! - proposed.get(b.candidateId)!);
  rows.forEach((row, i) => {
    if (row.total === null) return;
    const previous = rows[i - 1];
    row.rank = previous && previous.total !== null && Math.abs(previous.total - row.total) < 1e-9 ? previous.rank : i + 1;
  });
  return rows;
}
