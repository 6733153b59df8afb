import { describe, expect, it } from 'vitest';
import type { ActionStatus, Rag } from './plans.ts';
import {
  addDays,
  assessAction,
  isIsoDate,
  needsAttention,
  parseQuarter,
  previousQuarter,
  progressOf,
  quarterOf,
  rollUp,
  summarise,
  type TrackedAction,
} from './promises.ts';

describe('quarterOf', () => {
  it.each([
    ['2013-04-01', '2013-14 Q1', 'April to June 2013', '2013-04-01', '2013-06-30'],
    ['2013-06-30', '2013-14 Q1', 'April to June 2013', '2013-04-01', '2013-06-30'],
    ['2013-07-01', '2013-14 Q2', 'July to September 2013', '2013-07-01', '2013-09-30'],
    ['2013-11-26', '2013-14 Q3', 'October to December 2013', '2013-10-01', '2013-12-31'],
    ['2014-01-01', '2013-14 Q4', 'January to March 2014', '2014-01-01', '2014-03-31'],
    ['2016-02-29', '2015-16 Q4', 'January to March 2016', '2016-01-01', '2016-03-31'],
    ['1999-12-31', '1999-00 Q3', 'October to December 1999', '1999-10-01', '1999-12-31'],
  ])('%s is in %s', (date, code, label, start, end) => {
    expect(quarterOf(date)).toEqual({ code, label, start, end });
  });

  it.each(['2013-02-30', '2013-13-01', '26/11/2013', ''])('refuses %j', (date) => {
    expect(() => quarterOf(date)).toThrow(RangeError);
  });
});

describe('parseQuarter', () => {
  it.each([
    ['2015-16 Q4', '2016-01-01'],
    ['2013-14 Q1', '2013-04-01'],
    [' 2014-15 Q2 ', '2014-07-01'],
  ])('reads %j', (code, start) => {
    expect(parseQuarter(code)?.start).toBe(start);
  });

  it.each(['2015-17 Q4', '2015-16 Q5', '2015/16 Q4', 'Q4', ''])('refuses %j', (code) => {
    expect(parseQuarter(code)).toBeUndefined();
  });

  it('round-trips with quarterOf', () => {
    for (let d = '2012-01-01'; d < '2017-01-01'; d = addDays(d, 17)) {
      const q = quarterOf(d);
      expect(parseQuarter(q.code)).toEqual(q);
      expect(d >= q.start && d <= q.end).toBe(true);
    }
  });
});

describe('previousQuarter', () => {
  it.each([
    ['2013-14 Q1', '2012-13 Q4'],
    ['2013-14 Q4', '2013-14 Q3'],
    ['2013-14 Q2', '2013-14 Q1'],
  ])('before %s comes %s', (code, previous) => {
    expect(previousQuarter(parseQuarter(code)!).code).toBe(previous);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2016-02-29', true],
    ['2015-02-29', false],
    ['2015-2-28', false],
    ['2015-12-31', true],
  ])('%s → %s', (value, ok) => expect(isIsoDate(value)).toBe(ok));
});

/** Test data: an action whose original due date is its due date unless the case says otherwise. */
const action = (over: Partial<TrackedAction> = {}): TrackedAction => {
  const dueDate = over.dueDate ?? '2014-03-31';
  return {
    startDate: '2013-04-01',
    dueDate,
    originalDueDate: dueDate,
    status: 'on_track',
    completedOn: null,
    updatePeriods: [],
    latestRag: null,
    ...over,
  };
};

describe('assessAction', () => {
  const asAt = '2014-02-10'; // 2013-14 Q4
  it.each<[string, Partial<TrackedAction>, Record<string, unknown>]>([
    [
      'on track, reported this quarter',
      { updatePeriods: ['2013-14 Q4'], latestRag: 'green' },
      { overdue: false, unreported: false, promise: 'open', rag: 'green' },
    ],
    ['on track, last reported last quarter', { updatePeriods: ['2013-14 Q3'] }, { unreported: true, rag: 'green' }],
    [
      'past due and not complete',
      { dueDate: '2014-01-31', updatePeriods: ['2013-14 Q4'] },
      { overdue: true, due: true, promise: 'broken', rag: 'red' },
    ],
    ['due today is not overdue', { dueDate: asAt }, { overdue: false, due: true, dueSoon: true, promise: 'open' }],
    ['due within four weeks', { dueDate: '2014-03-07' }, { dueSoon: true, due: false }],
    ['due in five weeks', { dueDate: '2014-03-20' }, { dueSoon: false }],
    [
      'complete on time',
      { status: 'complete', completedOn: '2014-01-15', dueDate: '2014-01-31' },
      { promise: 'kept', due: true, overdue: false, unreported: false, rag: 'green' },
    ],
    [
      'complete late',
      { status: 'complete', completedOn: '2014-02-05', dueDate: '2014-01-31' },
      { promise: 'kept_late', due: true, overdue: false },
    ],
    [
      'completed after the as-at date counts as open then',
      { status: 'complete', completedOn: '2014-03-01', dueDate: '2014-01-31' },
      { promise: 'broken', overdue: true },
    ],
    [
      'dropped',
      { status: 'dropped', dueDate: '2013-12-31' },
      { promise: 'dropped', due: false, overdue: false, unreported: false, rag: null },
    ],
    ['not started yet', { startDate: '2014-06-01', status: 'not_started' }, { unreported: false, rag: null, promise: 'open' }],
    ['at risk and reported red', { status: 'at_risk', updatePeriods: ['2013-14 Q4'], latestRag: 'red' }, { rag: 'red' }],
    ['on track but reported amber', { status: 'on_track', updatePeriods: ['2013-14 Q4'], latestRag: 'amber' }, { rag: 'amber' }],
    ['off track', { status: 'off_track' }, { rag: 'red' }],
  ])('%s', (_name, over, expected) => {
    expect(assessAction(action(over), asAt)).toMatchObject(expected);
  });
});

describe('assessAction with a moved due date', () => {
  // The tester's case: due 31 July 2015, moved to 31 March 2016.
  const moved = { originalDueDate: '2015-07-31', dueDate: '2016-03-31', updatePeriods: ['2015-16 Q2'] };
  it.each<[string, Partial<TrackedAction>, string, 'original' | 'current' | undefined, Record<string, unknown>]>([
    [
      'open past the original date is overdue, by default',
      moved,
      '2015-09-30',
      undefined,
      { overdue: true, promise: 'broken', moved: true, judgedDue: '2015-07-31', rag: 'red' },
    ],
    [
      'open past the original date, judged by the current one',
      moved,
      '2015-09-30',
      'current',
      { overdue: false, promise: 'open', judgedDue: '2016-03-31' },
    ],
    ['open past the original, judged by the original, asked for', moved, '2015-09-30', 'original', { overdue: true, due: true }],
    [
      'complete by the moved date is kept late against the original',
      { ...moved, status: 'complete', completedOn: '2016-02-01' },
      '2016-06-30',
      undefined,
      { promise: 'kept_late', overdue: false },
    ],
    [
      'complete by the moved date is kept against the current',
      { ...moved, status: 'complete', completedOn: '2016-02-01' },
      '2016-06-30',
      'current',
      { promise: 'kept' },
    ],
    ['due soon by the original date', { originalDueDate: '2015-08-10', dueDate: '2016-03-31' }, '2015-07-31', undefined, { dueSoon: true }],
    [
      'not due soon by the current date',
      { originalDueDate: '2015-08-10', dueDate: '2016-03-31' },
      '2015-07-31',
      'current',
      { dueSoon: false },
    ],
    ['an action never moved', { dueDate: '2015-07-31' }, '2015-09-30', undefined, { moved: false, overdue: true }],
    [
      'an action moved earlier, judged by the original',
      { originalDueDate: '2016-03-31', dueDate: '2015-07-31' },
      '2015-09-30',
      undefined,
      { moved: true, overdue: false },
    ],
    [
      'an action moved earlier, judged by the current',
      { originalDueDate: '2016-03-31', dueDate: '2015-07-31' },
      '2015-09-30',
      'current',
      { overdue: true },
    ],
  ])('%s', (_name, over, asAt, judgeBy, expected) => {
    expect(assessAction(action(over), asAt, { judgeBy })).toMatchObject(expected);
  });

  it('counts moved actions, dropped ones aside', () => {
    const asAt = '2015-09-30';
    const summary = summarise([
      assessAction(action(moved), asAt),
      assessAction(action({ ...moved, status: 'dropped' }), asAt),
      assessAction(action({ dueDate: '2016-01-31' }), asAt),
    ]);
    expect(summary).toMatchObject({ actions: 2, moved: 1, overdue: 1 });
  });
});

describe('rollUp', () => {
  const asAt = '2014-02-10';
  const assess = (status: ActionStatus, rag: Rag | null, over: Partial<TrackedAction> = {}) =>
    assessAction(action({ status, latestRag: rag, updatePeriods: ['2013-14 Q4'], ...over }), asAt);
  it.each([
    ['nothing under way', [], null],
    ['all on track and reported', [assess('on_track', 'green'), assess('complete', null, { completedOn: '2014-01-01' })], 'green'],
    ['one at risk', [assess('on_track', 'green'), assess('at_risk', 'amber')], 'amber'],
    ['one unreported', [assess('on_track', 'green'), assess('on_track', 'green', { updatePeriods: [] })], 'amber'],
    ['one overdue', [assess('on_track', 'green'), assess('on_track', 'green', { dueDate: '2014-01-01' })], 'red'],
    ['one off track', [assess('off_track', 'amber'), assess('on_track', 'green')], 'red'],
    ['dropped actions do not count', [assess('dropped', 'red'), assess('on_track', 'green')], 'green'],
    ['only not started', [assess('not_started', null, { startDate: '2014-06-01' })], null],
  ])('%s → %s', (_name, assessments, expected) => {
    expect(rollUp(assessments)).toBe(expected);
  });
});

describe('progressOf', () => {
  const asAt = '2014-02-10';
  const reported = (status: ActionStatus, rag: Rag | null, over: Partial<TrackedAction> = {}) =>
    assessAction(action({ status, latestRag: rag, updatePeriods: ['2013-14 Q4'], ...over }), asAt);
  const atRisk = [reported('on_track', 'green'), reported('at_risk', 'amber')];
  it.each([
    ['a tracked plan rolls its actions up', atRisk, true, 'amber'],
    ['a plan not yet tracked has no rating', atRisk, false, null],
    ['a tracked plan with nothing under way has no rating', [], true, null],
  ])('%s', (_name, assessments, tracked, rag) => {
    expect(progressOf(assessments, tracked)).toEqual({ summary: summarise(assessments), rag });
  });
});

describe('needsAttention', () => {
  const calm = { overdue: false, unreported: false, dueSoon: false };
  it.each([
    ['nothing to flag', calm, false],
    ['overdue', { ...calm, overdue: true }, true],
    ['no update this quarter', { ...calm, unreported: true }, true],
    ['due soon', { ...calm, dueSoon: true }, true],
    ['overdue and unreported', { ...calm, overdue: true, unreported: true }, true],
  ])('%s → %s', (_name, assessment, expected) => {
    expect(needsAttention(assessment)).toBe(expected);
  });

  it.each<[string, Partial<TrackedAction>, boolean]>([
    ['reported this quarter, due next year', { updatePeriods: ['2013-14 Q4'], dueDate: '2015-03-31' }, false],
    ['reported this quarter, due in two weeks', { updatePeriods: ['2013-14 Q4'], dueDate: '2014-02-24' }, true],
    ['not reported this quarter', { updatePeriods: ['2013-14 Q3'], dueDate: '2015-03-31' }, true],
    ['complete', { status: 'complete', completedOn: '2014-01-15', dueDate: '2014-01-31' }, false],
    ['dropped', { status: 'dropped', dueDate: '2013-12-31' }, false],
    ['not started yet, due later', { startDate: '2014-06-01', status: 'not_started', dueDate: '2015-03-31' }, false],
  ])('an action %s → %s', (_name, over, expected) => {
    expect(needsAttention(assessAction(action(over), '2014-02-10'))).toBe(expected);
  });
});

describe('summarise', () => {
  it('counts promises kept as a share of those due', () => {
    const asAt = '2014-02-10';
    const summary = summarise([
      assessAction(action({ status: 'complete', completedOn: '2013-12-01', dueDate: '2013-12-31' }), asAt),
      assessAction(action({ status: 'complete', completedOn: '2014-01-20', dueDate: '2013-12-31' }), asAt),
      assessAction(action({ dueDate: '2014-01-31' }), asAt),
      assessAction(action({ dueDate: '2014-03-01' }), asAt),
      assessAction(action({ status: 'dropped', dueDate: '2013-10-01' }), asAt),
    ]);
    expect(summary).toEqual({ actions: 4, overdue: 1, unreported: 2, dueSoon: 1, due: 3, kept: 1, keptShare: 1 / 3, moved: 0 });
  });

  it('has no share when nothing is due', () => {
    expect(summarise([assessAction(action({ dueDate: '2015-01-01' }), '2014-02-10')]).keptShare).toBeNull();
  });
});
