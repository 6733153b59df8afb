import { describe, expect, it } from 'vitest';
import { rankCandidates, type Score } from './candidates.ts';

const s = (candidateId: string, criterionId: string, userId: string, score: number): Score => ({ candidateId, criterionId, userId, score });

describe('rankCandidates', () => {
  it('ranks by the sum of criterion means, highest first', () => {
    const ranked = rankCandidates(
      ['weight', 'cse', 'poverty'],
      ['c1', 'c2'],
      [
        s('weight', 'c1', 'u1', 3),
        s('weight', 'c2', 'u1', 3),
        s('cse', 'c1', 'u1', 5),
        s('cse', 'c2', 'u1', 4),
        s('poverty', 'c1', 'u1', 2),
        s('poverty', 'c2', 'u1', 2),
      ],
    );
    expect(ranked.map((r) => [r.candidateId, r.total, r.rank])).toEqual([
      ['cse', 9, 1],
      ['weight', 6, 2],
      ['poverty', 4, 3],
    ]);
  });

  it('averages several people’s marks per criterion and counts the people', () => {
    const [only] = rankCandidates(
      ['a'],
      ['c1', 'c2'],
      [s('a', 'c1', 'u1', 5), s('a', 'c1', 'u2', 2), s('a', 'c2', 'u1', 4), s('a', 'c2', 'u2', 4)],
    );
    expect(only).toMatchObject({ means: { c1: 3.5, c2: 4 }, total: 7.5, scorers: 2, rank: 1 });
  });

  it('gives equal totals the same rank and skips the next', () => {
    const ranked = rankCandidates(
      ['a', 'b', 'c', 'd'],
      ['c1'],
      [s('a', 'c1', 'u', 4), s('b', 'c1', 'u', 5), s('c', 'c1', 'u', 4), s('d', 'c1', 'u', 1)],
    );
    expect(ranked.map((r) => [r.candidateId, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('puts unscored candidates last, unranked, in the order they were proposed', () => {
    const ranked = rankCandidates(['x', 'y', 'z'], ['c1'], [s('z', 'c1', 'u', 1)]);
    expect(ranked.map((r) => [r.candidateId, r.rank, r.total])).toEqual([
      ['z', 1, 1],
      ['x', null, null],
      ['y', null, null],
    ]);
  });

  it('counts a criterion nobody scored as nothing', () => {
    const [r] = rankCandidates(['a'], ['c1', 'c2'], [s('a', 'c1', 'u', 5)]);
    expect(r).toMatchObject({ means: { c1: 5, c2: null }, total: 5 });
  });

  it('has nothing to rank without candidates', () => {
    expect(rankCandidates([], ['c1'], [])).toEqual([]);
  });
});
