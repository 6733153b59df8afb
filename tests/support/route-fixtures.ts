import { sql } from 'kysely';
import type { TestApp } from './app.ts';
import { TEST_PASSWORD } from './constants.ts';
import type { Ids } from './routes.ts';

/**
 * The records every route of a partnership is reached with (see routes.ts), the API token to
 * revoke left to the caller: its first agency and board, a member who is not its admin, a
 * throwaway person to remove, and a plan, indicator, import, scorecard and pack of its own.
 */
export async function routeFixtures(t: TestApp, slug: string): Promise<Omit<Ids, 'token'>> {
  const partnership = (await t.app.services.partnerships.findBySlug(slug))!;
  const actor = { userId: null, label: 'test' };
  const admin = t.app.services.admin;
  const [agency] = await admin.listAgencies(partnership.id, actor);
  const [board] = await admin.listBoards(partnership.id, actor);
  const members = await admin.listMembers(partnership.id, actor);
  const throwaway = await admin.addMember(partnership.id, actor, {
    name: 'Throwaway Person',
    email: `throwaway@${slug}.example`,
    role: 'viewer',
    password: TEST_PASSWORD,
  });
  return {
    agency: agency!.id,
    board: board!.id,
    member: (members.find((m) => m.role !== 'admin') ?? members[0]!).userId,
    throwaway: throwaway.id,
    ...(await ownPlan(t, partnership.id, agency!.id, members.find((m) => m.role === 'admin')!.userId)),
  };
}

/**
 * A plan, a priority with no sponsor and an action led by an agency no demo contributor belongs
 * to, so that only the partnership admin may change them.
 */
async function ownPlan(t: TestApp, partnershipId: string, agencyId: string, adminId: string) {
  const actor = { userId: adminId, label: 'test', role: 'admin' as const, agencyId: null };
  const plans = t.app.services.plans;
  const plan = await plans.createPlan(partnershipId, actor, {
    kind: 'strategy',
    title: 'Access test plan',
    periodStart: '2020-04-01',
    periodEnd: '2030-03-31',
    status: 'published',
  });
  const priority = await plans.addPriority(partnershipId, actor, plan.id, { number: '1', title: 'Access test priority' });
  const action = await plans.addAction(partnershipId, actor, priority, {
    title: 'Access test action',
    leadAgencyId: agencyId,
    dueDate: '2029-01-01',
  });
  const candidate = await t.app.services.candidates.propose(partnershipId, actor, plan.id, { title: 'Access test candidate' });
  await plans.addMilestone(partnershipId, actor, action, { title: 'Access test milestone', dueDate: '2028-01-01' });
  const milestone = await t.database.db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('baton.partnership_id', ${partnershipId}, true)`.execute(trx);
    return (await trx.selectFrom('milestones').select('id').where('action_id', '=', action).executeTakeFirstOrThrow()).id;
  });
  await plans.addMeasure(partnershipId, actor, priority, { text: 'Access test measure' });
  const measure = await t.database.db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('baton.partnership_id', ${partnershipId}, true)`.execute(trx);
    return (await trx.selectFrom('measures').select('id').where('priority_id', '=', priority).executeTakeFirstOrThrow()).id;
  });
  return { plan: plan.id, priority, action, candidate, milestone, measure, ...(await ownIndicator(t, partnershipId, actor)) };
}

/** An indicator of the partnership's own with a target, and a refused import, to reach their pages. */
async function ownIndicator(t: TestApp, partnershipId: string, actor: { userId: string; label: string }) {
  const { indicators, imports } = t.app.services;
  const indicator = await indicators.create(partnershipId, actor, {
    code: 'access-test',
    title: 'Access test indicator',
    unit: 'count',
    decimals: '0',
    polarity: 'smaller',
    frequency: 'quarterly',
    periodType: 'financial-quarter',
    obaCategory: 'how-much',
  });
  await indicators.addTarget(partnershipId, actor, indicator.code, { areaId: 'E92000001', period: '2029-30-Q1', value: '10' });
  const [target] = (await indicators.indicator(partnershipId, actor, indicator.code)).targets;
  const refused = await imports.upload(partnershipId, actor, {
    kind: 'template',
    filename: 'refused.csv',
    bytes: new TextEncoder().encode('indicator_code\nnope\n'),
  });
  const { scorecards } = t.app.services;
  const scorecard = await scorecards.create(partnershipId, actor, {
    title: 'Access test scorecard',
    previousPeriods: '1',
    columns: ['england', 'rag'],
  });
  await scorecards.addSection(partnershipId, actor, scorecard, { title: 'Access test section' });
  const [section] = (await scorecards.builder(partnershipId, actor, scorecard)).layout;
  for (const code of ['cp-plan-rate', 'cla-rate'])
    await scorecards.addRow(partnershipId, actor, scorecard, { sectionId: section!.id, indicatorCode: code, ragRule: 'england' });
  const [, row] = (await scorecards.builder(partnershipId, actor, scorecard)).layout[0]!.rows;
  await scorecards.addSection(partnershipId, actor, scorecard, { title: 'Access test section to remove' });
  const [, spare] = (await scorecards.builder(partnershipId, actor, scorecard)).layout;
  const pack = await t.app.services.packs.freeze(partnershipId, actor, scorecard, {
    meeting: 'the access test panel',
    presentedOn: '2013-11-26',
  });
  return {
    indicator: indicator.code,
    target: target!.id,
    import: refused,
    scorecard,
    scorecardRow: row!.id,
    scorecardSection: spare!.id,
    pack,
  };
}
