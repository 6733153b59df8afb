import { describe, expect, it } from 'vitest';
import { DIRECTION_LABELS, DIRECTION_SYMBOLS, type Direction } from './judgements.ts';
import { compareExceptions, compareRow, comparePacks, type ChangeKind, type PackRow, type PackSections } from './pack-compare.ts';
import type { Rag } from './plans.ts';

// ---- Test data: the Walsall social worker vacancy rate row, monthly, as two packs showed it -------

const LABELS: Record<string, string> = {
  '2013-09': 'September 2013',
  '2013-10': 'October 2013',
  '2013-11': 'November 2013',
  'AT2013-09-30': 'At 30 September 2013',
  'AT2013-12-31': 'At 31 December 2013',
};

interface RowSpec {
  id?: string;
  code?: string;
  area?: string;
  breakdown?: string;
  /** [period code, figure text], oldest first; the last is the current figure. */
  figures?: [string, string][];
  rag?: Rag | null;
  direction?: Direction | null;
}

function row(spec: RowSpec = {}): PackRow {
  const figures = spec.figures ?? [
    ['2013-10', '22.5%'],
    ['2013-11', '18.6%'],
  ];
  const last = figures.at(-1);
  const direction = spec.direction === undefined ? 'improved' : spec.direction;
  return {
    id: spec.id ?? 'row-vacancy',
    indicator: { code: spec.code ?? 'sw-vacancy-rate-pct', title: 'Social worker vacancy rate' },
    areaName: spec.area ?? 'Walsall',
    breakdown: spec.breakdown ?? '',
    periods: figures.map(([code]) => ({ code, label: LABELS[code] ?? code })),
    figures: figures.map(([, text]) => ({ text })),
    current: last ? { text: last[1], periodCode: last[0], periodLabel: LABELS[last[0]] ?? last[0] } : null,
    direction: direction ? { direction, symbol: DIRECTION_SYMBOLS[direction], label: DIRECTION_LABELS[direction] } : null,
    rag: { rag: spec.rag === undefined ? null : spec.rag },
  };
}

const pack = (...rows: PackRow[]): PackSections => ({ sections: [{ title: 'Workforce', rows }] });

describe('compareRow', () => {
  it.each<[string, RowSpec, RowSpec, string[]]>([
    ['the same row in both packs', {}, {}, []],
    [
      'a revised current figure',
      {},
      {
        figures: [
          ['2013-10', '22.5%'],
          ['2013-11', '19.9%'],
        ],
      },
      ['November 2013 figure revised from 18.6% to 19.9%'],
    ],
    [
      'a revised earlier figure',
      {},
      {
        figures: [
          ['2013-10', '21.0%'],
          ['2013-11', '18.6%'],
        ],
      },
      ['October 2013 figure revised from 22.5% to 21.0%'],
    ],
    [
      'a new figure for a later period',
      {},
      {
        figures: [
          ['2013-10', '22.5%'],
          ['2013-11', '18.6%'],
          ['2013-12', '17.0%'],
        ],
      },
      ['New figure for 2013-12: 17.0%, after 18.6% for November 2013'],
    ],
    [
      'a new figure, and the earlier pack’s current figure revised',
      {},
      {
        figures: [
          ['2013-11', '19.9%'],
          ['2013-12', '17.0%'],
        ],
      },
      ['New figure for 2013-12: 17.0%, after 18.6% for November 2013', 'November 2013 figure revised from 18.6% to 19.9%'],
    ],
    [
      'a first figure',
      { figures: [], direction: null },
      { figures: [['2013-11', '18.6%']], direction: null },
      ['New figure for November 2013: 18.6%, where there was none'],
    ],
    [
      'a figure no longer shown',
      { figures: [['2013-11', '18.6%']], direction: null },
      { figures: [], direction: null },
      ['No figure now, where there was 18.6% for November 2013'],
    ],
    [
      'a new count at a later point in time',
      { figures: [['AT2013-09-30', '412']] },
      {
        figures: [
          ['AT2013-09-30', '412'],
          ['AT2013-12-31', '398'],
        ],
      },
      ['New figure at 31 December 2013: 398, after 412 at 30 September 2013'],
    ],
    [
      'a first count at a point in time',
      { figures: [], direction: null },
      { figures: [['AT2013-12-31', '398']], direction: null },
      ['New figure at 31 December 2013: 398, where there was none'],
    ],
    [
      'a count no longer shown',
      { figures: [['AT2013-12-31', '398']], direction: null },
      { figures: [], direction: null },
      ['No figure now, where there was 398 at 31 December 2013'],
    ],
    [
      'a figure replaced by a marker',
      { figures: [['2013-11', '18.6%']] },
      { figures: [['2013-11', 'c']] },
      ['November 2013 figure revised from 18.6% to c'],
    ],
    ['a RAG rating changed', { rag: 'amber' }, { rag: 'red' }, ['RAG rating changed from Amber – close to Red – off track']],
    ['a row rated for the first time', { rag: null }, { rag: 'green' }, ['RAG rating changed from Not rated to Green – on track']],
    [
      'a direction of travel changed',
      { direction: 'improved' },
      { direction: 'deteriorated' },
      ['Direction of travel changed from ▲ Improved to ▼ Deteriorated'],
    ],
    [
      'a direction of travel lost',
      { direction: 'maintained' },
      { direction: null },
      ['Direction of travel changed from ► Maintained to no comparison'],
    ],
  ])('%s', (_case, earlier, later, expected) => {
    expect(compareRow(row(earlier), row(later)).map((c) => c.text)).toEqual(expected);
  });
});

describe('comparePacks', () => {
  const kinds = (comparison: ReturnType<typeof comparePacks>) => comparison.rows.map((r) => r.changes.map((c) => c.kind));

  it.each<[string, PackSections, PackSections, ChangeKind[][]]>([
    [
      'pairs rows by id',
      pack(row({ id: 'a' }), row({ id: 'b', code: 'other' })),
      pack(row({ id: 'b', code: 'other' }), row({ id: 'a' })),
      [[], []],
    ],
    [
      'pairs rows of different scorecards by indicator, area and breakdown',
      pack(row({ id: 'a' })),
      pack(row({ id: 'z', figures: [['2013-11', '19.9%']] })),
      [['revised']],
    ],
    ['keeps areas apart', pack(row({ id: 'a', area: 'Walsall' })), pack(row({ id: 'z', area: 'England' })), [['added'], ['removed']]],
    ['keeps breakdowns apart', pack(row({ id: 'a' })), pack(row({ id: 'z', breakdown: 'Agency staff' })), [['added'], ['removed']]],
    ['pairs a repeated indicator once each', pack(row({ id: 'a' }), row({ id: 'b' })), pack(row({ id: 'y' }), row({ id: 'z' })), [[], []]],
    ['reports an added row', pack(), pack(row()), [['added']]],
    ['reports a removed row', pack(row()), pack(), [['removed']]],
  ])('%s', (_case, earlier, later, expected) => {
    expect(kinds(comparePacks(earlier, later))).toEqual(expected);
  });

  it('says what each pack showed for the row', () => {
    const [compared] = comparePacks(pack(row()), pack(row({ figures: [['2013-11', '19.9%']] }))).rows;
    expect(compared).toMatchObject({ earlier: '18.6% (November 2013)', later: '19.9% (November 2013)', section: 'Workforce' });
  });

  it('counts rows by kind of change, each row once per kind', () => {
    const earlier = pack(row({ id: 'a' }), row({ id: 'b', code: 'b' }), row({ id: 'c', code: 'c' }));
    const later = pack(
      row({
        id: 'a',
        figures: [
          ['2013-10', '21.0%'],
          ['2013-11', '19.9%'],
        ],
        rag: 'red',
      }),
      row({ id: 'b', code: 'b' }),
      row({ id: 'd', code: 'd' }),
    );
    expect(comparePacks(earlier, later).counts).toEqual({
      added: 1,
      removed: 1,
      moved: 0,
      revised: 1,
      rag: 1,
      direction: 0,
      exception: 0,
      commentary: 0,
      unchanged: 1,
    });
  });

  it('reports a row’s commentary changing between the packs’ exception reports', () => {
    const commentary = { story: 'Agency staff left.', whatWorks: '', nextSteps: 'Recruit.', who: 'Head of service', byWhen: null };
    const earlier = { ...pack(row({ id: 'a' })), exceptions: [{ rowId: 'a', commentary }] };
    const later = {
      ...pack(row({ id: 'a' })),
      exceptions: [{ rowId: 'a', commentary: { ...commentary, nextSteps: 'Recruit and retain.' } }],
    };
    const compared = comparePacks(earlier, later);
    expect(compared.rows[0]!.changes).toEqual([{ kind: 'commentary', text: 'Commentary changed: what we will do' }]);
    expect(compared.counts.commentary).toBe(1);
  });
});

describe('compareExceptions', () => {
  const note = {
    story: 'Agency staff left.',
    whatWorks: 'Mentoring.',
    nextSteps: 'Recruit.',
    who: 'Head of service',
    byWhen: '2014-03-31',
  };
  it.each<[string, Parameters<typeof compareExceptions>[0], Parameters<typeof compareExceptions>[1], string[]]>([
    ['nothing when the row is in neither report', undefined, undefined, []],
    ['a row coming into the report', undefined, { commentary: null }, ['exception: Now in the exception report']],
    ['a row coming in with commentary', undefined, { commentary: note }, ['exception: Now in the exception report, with commentary']],
    ['a row leaving the report', { commentary: note }, undefined, ['exception: No longer in the exception report']],
    ['nothing when neither pack had commentary', { commentary: null }, { commentary: null }, []],
    ['commentary written', { commentary: null }, { commentary: note }, ['commentary: Commentary written']],
    [
      'commentary gone (a new period, none yet)',
      { commentary: note },
      { commentary: null },
      ['commentary: No commentary yet, where the earlier pack had some'],
    ],
    ['nothing when the commentary is the same', { commentary: note }, { commentary: { ...note } }, []],
    [
      'one part changed',
      { commentary: note },
      { commentary: { ...note, byWhen: '2014-06-30' } },
      ['commentary: Commentary changed: by when'],
    ],
    [
      'several parts changed, named in the report’s order',
      { commentary: note },
      { commentary: { ...note, who: 'Director', story: 'More leavers.', nextSteps: 'Pay.' } },
      ['commentary: Commentary changed: the story behind the curve, what we will do and who'],
    ],
  ])('%s', (_case, before, after, expected) => {
    expect(compareExceptions(before, after).map((c) => `${c.kind}: ${c.text}`)).toEqual(expected);
  });
});
