import { describe, expect, it } from 'vitest';
import { describeChanges, type PlanSnapshot } from './plan-versions.ts';

const base: PlanSnapshot = {
  title: 'Plan 2013-16',
  status: 'approved',
  periodStart: '2013-04-01',
  periodEnd: '2016-03-31',
  vision: 'Better together',
  values: ['Children first'],
  priorities: [
    {
      number: 1,
      title: 'Best start',
      description: '',
      sponsor: 'DCS',
      leadAgency: 'Council',
      status: 'active',
      measures: ['Fewer re-referrals'],
    },
  ],
};
const priority = base.priorities[0]!;

describe('describeChanges', () => {
  it.each<[string, Partial<PlanSnapshot>, string[]]>([
    ['nothing', {}, []],
    ['the status', { status: 'published' }, ['Plan status changed from “approved” to “published”']],
    ['a value', { values: ['Children first', 'Listen'] }, ['Value added: “Listen”']],
    ['a removed value', { values: [] }, ['Value removed: “Children first”']],
    [
      'a new priority',
      { priorities: [priority, { ...priority, number: 2, title: 'Healthy weight' }] },
      ['Priority 2 added: “Healthy weight”'],
    ],
    ['a removed priority', { priorities: [] }, ['Priority 1 removed: “Best start”']],
    ['a sponsor', { priorities: [{ ...priority, sponsor: 'DPH' }] }, ['Priority 1 sponsor changed from “DCS” to “DPH”']],
    [
      'a measure swapped',
      { priorities: [{ ...priority, measures: ['More early help'] }] },
      ['Priority 1 measure added: “More early help”', 'Priority 1 measure removed: “Fewer re-referrals”'],
    ],
  ])('describes %s', (_name, change, expected) => {
    expect(describeChanges(base, { ...base, ...change })).toEqual(expected);
  });

  it('shortens long text', () => {
    const [line] = describeChanges(base, { ...base, vision: 'x'.repeat(200) });
    expect(line!.length).toBeLessThan(200);
    expect(line).toContain('…');
  });
});
