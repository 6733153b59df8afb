import { describe, expect, it } from 'vitest';
import type { ActionStatus, Rag } from './plans.ts';
import { assessAction, parseQuarter } from './promises.ts';
import {
  countProgress,
  draftSponsorReport,
  findExceptions,
  latestUpdate,
  paragraphsOf,
  plainText,
  ragWords,
  trackedAsOf,
  type ReportAction,
  type ReportMove,
  type ReportedUpdate,
} from './sponsor-report.ts';

const Q4 = parseQuarter('2015-16 Q4')!;
const AS_AT = '2016-03-31';

const update = (period: string, rag: Rag, stillToDo = ''): ReportedUpdate => ({ period, rag, stillToDo });

/** A test action judged as at the end of 2015-16 Q4, with only the updates reported by then. */
function testAction(over: {
  title?: string;
  status: ActionStatus;
  dueDate?: string;
  originalDueDate?: string;
  moves?: readonly ReportMove[];
  startDate?: string | null;
  completedOn?: string | null;
  updates?: readonly ReportedUpdate[];
}): ReportAction {
  const dueDate = over.dueDate ?? '2016-06-30';
  const tracked = {
    startDate: over.startDate ?? '2014-04-01',
    dueDate,
    originalDueDate: over.originalDueDate ?? dueDate,
    status: over.status,
    completedOn: over.completedOn ?? null,
    updatePeriods: [],
    latestRag: null,
  };
  const updates = over.updates ?? [];
  return {
    title: over.title ?? 'Test action',
    leadAgencyName: 'Test agency',
    dueDate: tracked.dueDate,
    originalDueDate: tracked.originalDueDate,
    moves: over.moves ?? [],
    status: over.status,
    completedOn: tracked.completedOn,
    assessment: assessAction(trackedAsOf(tracked, updates, Q4.code), AS_AT),
    updates,
  };
}

describe('ragWords', () => {
  it.each([
    ['red', 'Red'],
    ['amber', 'Amber'],
    ['green', 'Green'],
    [null, 'Not rated'],
  ] as const)('%s is written %s', (rag, words) => {
    expect(ragWords(rag)).toBe(words);
  });
});

describe('latestUpdate', () => {
  const updates = [update('2016-17 Q1', 'red', 'later'), update('2015-16 Q3', 'amber', 'newer'), update('2015-16 Q3', 'green', 'older')];
  it.each([
    ['2015-16 Q4', 'newer'],
    ['2016-17 Q1', 'later'],
    ['2015-16 Q2', null],
  ])('for %s is %j', (period, stillToDo) => {
    expect(latestUpdate(updates, period)?.stillToDo ?? null).toBe(stillToDo);
  });
});

describe('trackedAsOf', () => {
  const action = {
    startDate: null,
    dueDate: '2016-06-30',
    originalDueDate: '2016-06-30',
    status: 'on_track' as const,
    completedOn: null,
    updatePeriods: ['x'],
    latestRag: 'green' as const,
  };
  it.each([
    ['2015-16 Q4', ['2015-16 Q4', '2015-16 Q2'], 'red'],
    ['2015-16 Q3', ['2015-16 Q2'], 'amber'],
    ['2015-16 Q1', [], null],
  ])('as at %s knows only the updates reported by then', (period, periods, rag) => {
    const updates = [update('2016-17 Q1', 'green'), update('2015-16 Q4', 'red'), update('2015-16 Q2', 'amber')];
    expect(trackedAsOf(action, updates, period)).toMatchObject({ updatePeriods: periods, latestRag: rag });
  });
});

describe('countProgress', () => {
  it.each([
    ['complete on time', { status: 'complete', dueDate: '2015-03-31', completedOn: '2015-03-20' }, { complete: 1, kept: 1, due: 1 }],
    ['complete late', { status: 'complete', dueDate: '2015-03-31', completedOn: '2015-04-20' }, { complete: 1, kept: 0, due: 1 }],
    ['completed after the report', { status: 'complete', completedOn: '2016-05-01' }, { complete: 0, onTrack: 1 }],
    ['on track', { status: 'on_track' }, { onTrack: 1 }],
    ['at risk', { status: 'at_risk' }, { atRisk: 1 }],
    ['off track and overdue', { status: 'off_track', dueDate: '2015-07-31' }, { offTrack: 1, overdue: 1, due: 1 }],
    ['not started', { status: 'not_started', startDate: '2016-06-01' }, { notStarted: 1 }],
    ['dropped', { status: 'dropped' }, { actions: 0, dropped: 1 }],
  ] as const)('counts an action %s', (_name, over, expected) => {
    const zero = {
      actions: 1,
      complete: 0,
      onTrack: 0,
      atRisk: 0,
      offTrack: 0,
      notStarted: 0,
      overdue: 0,
      dropped: 0,
      moved: 0,
      due: 0,
      kept: 0,
    };
    expect(countProgress([testAction(over)])).toMatchObject({ ...zero, ...expected });
  });
});

describe('findExceptions', () => {
  it.each([
    ['overdue', { status: 'on_track', dueDate: '2016-01-31', updates: [update('2015-16 Q4', 'green')] }, ['overdue']],
    ['off track', { status: 'off_track', updates: [update('2015-16 Q4', 'amber')] }, ['off track']],
    ['last reported red', { status: 'on_track', updates: [update('2015-16 Q4', 'red')] }, ['last reported red']],
    ['unreported', { status: 'on_track', updates: [update('2015-16 Q3', 'green')] }, ['no update for 2015-16 Q4']],
    [
      'all four',
      { status: 'off_track', dueDate: '2015-07-31', updates: [update('2015-16 Q2', 'red')] },
      ['overdue', 'off track', 'last reported red', 'no update for 2015-16 Q4'],
    ],
    ['reported green this quarter', { status: 'on_track', updates: [update('2015-16 Q4', 'green')] }, []],
    ['red, but complete', { status: 'complete', completedOn: '2016-02-01', updates: [update('2015-16 Q4', 'red')] }, []],
    ['red, but dropped', { status: 'dropped', updates: [update('2015-16 Q3', 'red')] }, []],
    ['not started yet', { status: 'not_started', startDate: '2016-05-01' }, []],
  ] as const)('%s', (_name, over, reasons) => {
    expect(findExceptions([testAction(over)], Q4).flatMap((e) => e.reasons)).toEqual(reasons);
  });

  // The tester's case: an overdue action moved from 31 July 2015 to 31 March 2016 by its sponsor.
  const move: ReportMove = {
    from: '2015-07-31',
    to: '2016-06-30',
    reason: 'The schools’ contract was re-let.',
    agreedBy: 'the sponsor',
    recordedOn: '2016-02-02',
  };
  const moved = { originalDueDate: '2015-07-31', dueDate: '2016-06-30', moves: [move] };
  it.each([
    [
      'moved and open: overdue by its original date',
      { status: 'on_track', ...moved, updates: [update('2015-16 Q4', 'green')] },
      ['overdue against its original due date', 'due date moved'],
    ],
    ['moved in the quarter and complete', { status: 'complete', completedOn: '2016-03-01', ...moved }, ['due date moved']],
    [
      'moved in an earlier quarter and complete',
      { status: 'complete', completedOn: '2016-03-01', ...moved, moves: [{ ...move, recordedOn: '2015-11-02' }] },
      [],
    ],
    [
      'moved after the quarter: told in a report drafted since',
      { status: 'complete', completedOn: '2016-03-01', ...moved, moves: [{ ...move, recordedOn: '2016-04-02' }] },
      ['due date moved'],
    ],
    ['moved, then dropped', { status: 'dropped', ...moved }, []],
  ] as const)('%s', (_name, over, reasons) => {
    expect(findExceptions([testAction(over)], Q4).flatMap((e) => e.reasons)).toEqual(reasons);
  });

  it('tells each move, with who agreed it and why', () => {
    const report = draftSponsorReport({
      priority: { number: 2, title: 'Healthy weight' },
      quarter: Q4,
      asAt: AS_AT,
      measures: [],
      actions: [
        testAction({
          title: 'Sign up every school',
          status: 'on_track',
          ...moved,
          updates: [update('2015-16 Q4', 'green', 'Sign the last two.')],
        }),
      ],
    });
    expect(report.sections.exceptions).toEqual([
      'Sign up every school (Test agency, due 30 June 2016, first promised for 31 July 2015): overdue against its original due date; due date moved. Due date moved from 31 July 2015 to 30 June 2016 on 2 February 2016, agreed by the sponsor. Reason given: The schools’ contract was re-let. What we still need to do: Sign the last two.',
    ]);
    expect(report.sections.summary).toContain(
      '1 action has had its due date moved since the plan was approved; it is judged by the date first promised and listed under exceptions.',
    );
    expect(report.counts).toMatchObject({ overdue: 1, moved: 1 });
  });

  it('carries the latest “what we still need to do”, or null', () => {
    const withNext = testAction({ status: 'off_track', updates: [update('2015-16 Q4', 'red', 'Meet the six schools.')] });
    const without = testAction({ status: 'off_track' });
    expect(findExceptions([withNext, without], Q4).map((e) => e.stillToDo)).toEqual(['Meet the six schools.', null]);
  });
});

describe('draftSponsorReport', () => {
  const actions = [
    testAction({ title: 'Launch the weight service', status: 'complete', dueDate: '2016-03-31', completedOn: '2016-02-10' }),
    testAction({
      title: 'Sign up every school',
      status: 'off_track',
      dueDate: '2015-07-31',
      updates: [update('2015-16 Q2', 'red', 'Raise the remaining schools with their trusts.')],
    }),
    testAction({ title: 'Win Baby Friendly accreditation', status: 'on_track', updates: [update('2015-16 Q4', 'green', 'Pass Stage 3.')] }),
    testAction({ title: 'GP pathway', status: 'dropped' }),
  ];
  const draft = draftSponsorReport({
    priority: { number: 2, title: 'Healthy weight' },
    quarter: Q4,
    asAt: AS_AT,
    measures: [
      { text: 'Year 6 children overweight or obese', baseline: '37.3%', target: 'Below 35.5%', targetDate: '2016-03-31' },
      { text: 'Mothers starting to breastfeed.', baseline: '', target: '', targetDate: null },
    ],
    actions,
  });

  it('rates the priority by the roll-up rule', () => {
    expect(draft.rag).toBe('red');
  });

  it('summarises progress, the promises kept and what was completed in the quarter', () => {
    expect(draft.sections.summary).toEqual([
      'As at 31 March 2016 (2015-16 Q4, January to March 2016), Baton rates this priority Red from the progress of its actions.',
      'Of its 3 actions, 1 complete, 1 on track, 1 off track. 1 is overdue.',
      '1 of the 2 actions due by 31 March 2016 was completed on time (50%).',
      '1 action was dropped and is not counted.',
      'Completed in 2015-16 Q4: Launch the weight service (Test agency), on 10 February 2016.',
    ]);
    expect(draft.highlights).toEqual(['Launch the weight service']);
  });

  it('lists the exceptions with their next step', () => {
    expect(draft.sections.exceptions).toEqual([
      'Sign up every school (Test agency, due 31 July 2015): overdue; off track; last reported red; no update for 2015-16 Q4. What we still need to do: Raise the remaining schools with their trusts.',
    ]);
  });

  it('states each measure with its baseline and target', () => {
    expect(draft.sections.measures).toEqual([
      'Year 6 children overweight or obese. Baseline: 37.3%. Target: Below 35.5% by 31 March 2016.',
      'Mothers starting to breastfeed.',
    ]);
  });

  it('takes the next steps from the other open actions', () => {
    expect(draft.sections.nextSteps).toEqual(['Win Baby Friendly accreditation (Test agency, due 30 June 2016): Pass Stage 3.']);
  });

  it('says so when there is nothing to report', () => {
    const empty = draftSponsorReport({
      priority: { number: 1, title: 'Empty' },
      noun: 'theme',
      quarter: Q4,
      asAt: AS_AT,
      measures: [],
      actions: [],
    });
    expect(empty.rag).toBeNull();
    expect(empty.sections).toEqual({
      summary: [
        'As at 31 March 2016 (2015-16 Q4, January to March 2016), Baton rates this theme Not rated from the progress of its actions.',
        'This theme has no actions.',
        'No action was due by 31 March 2016.',
        'No action was completed in 2015-16 Q4.',
      ],
      exceptions: ['No exceptions: every action under way is on time, reported this quarter and not rated red.'],
      measures: ['No success measures have been set for this theme.'],
      nextSteps: ['No actions are open.'],
    });
  });
});

describe('plainText', () => {
  it.each([
    ['line endings', 'a\r\nb\rc', 'a\nb\nc'],
    ['control characters', 'a\u0000b\u0007c\u001bd\u007f', 'abcd'],
    ['tabs and new lines stay', 'a\tb\nc', 'a\tb\nc'],
    ['characters XML cannot carry', 'a\uFFFEb\uD800c', 'abc'],
    ['lone surrogates', '\uDC00a\uD83D', 'a'],
    ['C1 control characters', 'a\u0085b\u009Fc', 'abc'],
    ['letters, quotes and emoji stay', 'Sponsor’s “report” 👍 <w:t>&', 'Sponsor’s “report” 👍 <w:t>&'],
  ])('%s', (_name, input, expected) => {
    expect(plainText(input)).toBe(expected);
  });
});

describe('paragraphsOf', () => {
  it.each([
    ['one\n\ntwo', ['one', 'two']],
    ['one\nstill one\n \n\ntwo\n', ['one\nstill one', 'two']],
    ['', []],
  ])('%j', (text, paragraphs) => {
    expect(paragraphsOf(text)).toEqual(paragraphs);
  });
});
