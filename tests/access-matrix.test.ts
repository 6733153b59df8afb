import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser } from '../src/data/db.ts';
import { issueApiToken } from '../src/features/auth/service.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';
import { TEST_PASSWORD } from './support/constants.ts';

/**
 * Every route × every role × both partnerships. Each route names, independently of the policy
 * module, the roles allowed to use it and what an allowed request answers.
 */
type Ids = {
  agency: string;
  board: string;
  member: string;
  throwaway: string;
  token: string;
  plan: string;
  priority: string;
  action: string;
  candidate: string;
  milestone: string;
  indicator: string;
  target: string;
  import: string;
  scorecard: string;
  scorecardRow: string;
  pack: string;
};
/** Board members: those who propose and score candidate priorities. */
const BOARD = ['admin', 'sponsor', 'member'] as const;
/** Performance analysts: the indicator library, imports and sign-off. */
const ANALYSTS = ['admin', 'analyst'] as const;
/** Those who enter the figures their agency owes. */
const ENTERERS = ['admin', 'analyst', 'contributor'] as const;
interface Route {
  method: 'GET' | 'POST' | 'PUT';
  path: (slug: string, ids: Ids) => string;
  allowed: 'everyone' | 'admin' | readonly string[];
  /** What an allowed request gets (POSTs are sent empty, so forms answer 400). */
  ok: number;
}

const HTML_ROUTES: Route[] = [
  { method: 'GET', path: (s) => `/p/${s}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/admin/people`, allowed: 'admin', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/admin/people/new`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/admin/people`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/admin/people/${i.member}`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/admin/people/${i.member}`, allowed: 'admin', ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/admin/people/${i.throwaway}/remove`, allowed: 'admin', ok: 303 },
  { method: 'GET', path: (s) => `/p/${s}/admin/agencies`, allowed: 'admin', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/admin/agencies/new`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/admin/agencies`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/admin/agencies/${i.agency}`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/admin/agencies/${i.agency}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/admin/boards`, allowed: 'admin', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/admin/boards/new`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/admin/boards`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/admin/boards/${i.board}`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/admin/boards/${i.board}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/admin/audit`, allowed: 'admin', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/admin/audit.csv`, allowed: 'admin', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/plans`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/plans/new`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/plans`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/plans/${i.plan}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/plans/${i.plan}/edit`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/plans/${i.plan}/edit`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/plans/${i.plan}/history`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/plans/${i.plan}/priorities/new`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/plans/${i.plan}/priorities`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/priorities/${i.priority}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/priorities/${i.priority}/edit`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/priorities/${i.priority}/edit`, allowed: 'admin', ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/priorities/${i.priority}/measures`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/priorities/${i.priority}/actions/new`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/priorities/${i.priority}/actions`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/priorities/${i.priority}/report`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/priorities/${i.priority}/report`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/priorities/${i.priority}/report.docx`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/actions/${i.action}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/actions/${i.action}/edit`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/actions/${i.action}/edit`, allowed: 'admin', ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/actions/${i.action}/updates`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/tracker`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/actions/${i.action}/milestones`, allowed: 'admin', ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/actions/${i.action}/milestones/${i.milestone}/done`, allowed: 'admin', ok: 303 },
  { method: 'GET', path: (s, i) => `/p/${s}/plans/${i.plan}/candidates`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/plans/${i.plan}/criteria`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/plans/${i.plan}/candidates/new`, allowed: BOARD, ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/plans/${i.plan}/candidates`, allowed: BOARD, ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/candidates/${i.candidate}`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/candidates/${i.candidate}/scores`, allowed: BOARD, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/candidates/${i.candidate}/decision`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/indicators`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/indicators/new`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/indicators`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/indicators/cp-plan-rate`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/indicators/cp-plan-rate/data.csv`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/indicators/${i.indicator}/edit`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/indicators/${i.indicator}`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/indicators/${i.indicator}/targets`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/indicators/${i.indicator}/targets/${i.target}/delete`, allowed: ANALYSTS, ok: 303 },
  { method: 'GET', path: (s) => `/p/${s}/imports`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/imports`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/imports/template.csv`, allowed: ANALYSTS, ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/imports/template.xlsx`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/imports/mappings`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/imports/${i.import}`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/imports/${i.import}/confirm`, allowed: ANALYSTS, ok: 409 },
  { method: 'GET', path: (s, i) => `/p/${s}/imports/${i.import}/issues.csv`, allowed: ANALYSTS, ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/figures`, allowed: ENTERERS, ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/figures?period=2013-11`, allowed: ENTERERS, ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/figures`, allowed: ENTERERS, ok: 400 },
  { method: 'POST', path: (s) => `/p/${s}/figures/sign-off`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s) => `/p/${s}/figures/unlock`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/scorecards`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/scorecards`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/edit`, allowed: ANALYSTS, ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/export.csv`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/exceptions`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows/${i.scorecardRow}/rag`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows/${i.scorecardRow}/commentary`, allowed: ENTERERS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/sections`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows/${i.scorecardRow}/move`, allowed: ANALYSTS, ok: 303 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows/${i.scorecardRow}/chart`, allowed: ANALYSTS, ok: 303 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows/${i.scorecardRow}/delete`, allowed: ANALYSTS, ok: 303 },
  { method: 'GET', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/freeze`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/packs`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/packs`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/packs/compare?a=${i.pack}&b=${i.pack}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/packs/${i.pack}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/packs/${i.pack}/export.csv`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/packs/${i.pack}`, allowed: ANALYSTS, ok: 409 },
  { method: 'POST', path: (s, i) => `/p/${s}/packs/${i.pack}/edit`, allowed: ANALYSTS, ok: 409 },
  { method: 'GET', path: (s) => `/p/${s}/areas`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/areas/settings`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s) => `/p/${s}/areas/localities`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s) => `/p/${s}/areas/groups`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/account/tokens`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/account/tokens`, allowed: 'everyone', ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/account/tokens/${i.token}/revoke`, allowed: 'everyone', ok: 303 },
];

const API_ROUTES: Route[] = [
  { method: 'GET', path: (s) => `/api/v1/p/${s}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/agencies`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/api/v1/p/${s}/agencies`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/agencies/${i.agency}`, allowed: 'everyone', ok: 200 },
  { method: 'PUT', path: (s, i) => `/api/v1/p/${s}/agencies/${i.agency}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/boards`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/api/v1/p/${s}/boards`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/boards/${i.board}`, allowed: 'everyone', ok: 200 },
  { method: 'PUT', path: (s, i) => `/api/v1/p/${s}/boards/${i.board}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/plans`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/api/v1/p/${s}/plans`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/plans/${i.plan}`, allowed: 'everyone', ok: 200 },
  { method: 'PUT', path: (s, i) => `/api/v1/p/${s}/plans/${i.plan}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/plans/${i.plan}/priorities`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/api/v1/p/${s}/plans/${i.plan}/priorities`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/priorities/${i.priority}`, allowed: 'everyone', ok: 200 },
  { method: 'PUT', path: (s, i) => `/api/v1/p/${s}/priorities/${i.priority}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/priorities/${i.priority}/actions`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/api/v1/p/${s}/priorities/${i.priority}/actions`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/actions/${i.action}`, allowed: 'everyone', ok: 200 },
  { method: 'PUT', path: (s, i) => `/api/v1/p/${s}/actions/${i.action}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/actions/${i.action}/updates`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/api/v1/p/${s}/actions/${i.action}/updates`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/indicators`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/api/v1/p/${s}/indicators`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/indicators/cp-plan-rate`, allowed: 'everyone', ok: 200 },
  { method: 'PUT', path: (s, i) => `/api/v1/p/${s}/indicators/${i.indicator}`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/indicators/cp-plan-rate/observations`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/api/v1/p/${s}/indicators/cp-plan-rate/observations`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/indicators/cp-plan-rate/targets`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/api/v1/p/${s}/indicators/cp-plan-rate/targets`, allowed: ANALYSTS, ok: 400 },
];

const PEOPLE = [
  { email: 'admin@walsall.example', home: 'walsall', role: 'admin' },
  { email: 'analyst@walsall.example', home: 'walsall', role: 'analyst' },
  { email: 'sponsor@walsall.example', home: 'walsall', role: 'sponsor' },
  { email: 'contributor@walsall.example', home: 'walsall', role: 'contributor' },
  { email: 'member@walsall.example', home: 'walsall', role: 'member' },
  { email: 'viewer@walsall.example', home: 'walsall', role: 'viewer' },
  { email: 'admin@birmingham.example', home: 'birmingham', role: 'admin' },
] as const;
const PARTNERSHIPS = ['walsall', 'birmingham'] as const;

function expected(route: Route, person: (typeof PEOPLE)[number], slug: string): number {
  if (person.home !== slug) return 404;
  const allowed =
    route.allowed === 'everyone' || person.role === 'admin' || (Array.isArray(route.allowed) && route.allowed.includes(person.role));
  return allowed ? route.ok : 403;
}

const PLACEHOLDERS: Ids = {
  agency: ':agency',
  board: ':board',
  member: ':member',
  throwaway: ':throwaway',
  token: ':token',
  plan: ':plan',
  priority: ':priority',
  action: ':action',
  candidate: ':candidate',
  milestone: ':milestone',
  indicator: ':indicator',
  target: ':target',
  import: ':import',
  scorecard: ':scorecard',
  scorecardRow: ':scorecardRow',
  pack: ':pack',
};

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
  return { plan: plan.id, priority, action, candidate, milestone, ...(await ownIndicator(t, partnershipId, actor)) };
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
  const pack = await t.app.services.packs.freeze(partnershipId, actor, scorecard, {
    meeting: 'the access test panel',
    presentedOn: '2013-11-26',
  });
  return { indicator: indicator.code, target: target!.id, import: refused, scorecard, scorecardRow: row!.id, pack };
}

const cases = (routes: Route[]) =>
  routes.flatMap((route) =>
    PARTNERSHIPS.flatMap((slug) =>
      PEOPLE.map((person) => ({
        name: `${route.method} ${route.path(slug, PLACEHOLDERS)} as ${person.role} of ${person.home}`,
        route,
        person,
        slug,
        status: expected(route, person, slug),
      })),
    ),
  );

describe.each(DIALECTS)('access to every route (%s)', (dialect) => {
  let t: TestApp;
  const ids: Record<string, Ids> = {};
  const clients = new Map<string, Client>();
  const tokens = new Map<string, { token: string; id: string }>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { db } = t.database;
    for (const slug of PARTNERSHIPS) {
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
      ids[slug] = {
        agency: agency!.id,
        board: board!.id,
        member: (members.find((m) => m.role !== 'admin') ?? members[0]!).userId,
        throwaway: throwaway.id,
        token: '',
        ...(await ownPlan(t, partnership.id, agency!.id, members.find((m) => m.role === 'admin')!.userId)),
      };
    }
    for (const person of PEOPLE) {
      clients.set(person.email, await t.signedIn(person.email));
      const member = await findUserId(t, person.email);
      tokens.set(person.email, await withUser(db, member, async (trx) => issueApiToken(trx, member, `matrix ${person.email}`)));
      tokens.set(`${person.email}#revocable`, await withUser(db, member, async (trx) => issueApiToken(trx, member, 'to revoke')));
    }
  });
  afterAll(() => t.close());

  const idsFor = (slug: string, email: string): Ids => ({ ...ids[slug]!, token: tokens.get(`${email}#revocable`)!.id });

  it.each(cases(HTML_ROUTES))('$name → $status', async ({ route, person, slug, status }) => {
    const client = clients.get(person.email)!;
    const url = route.path(slug, idsFor(slug, person.email));
    const res = route.method === 'GET' ? await client.get(url) : await client.post(url, {});
    expect(res.statusCode).toBe(status);
  });

  it.each(cases(API_ROUTES))('$name → $status', async ({ route, person, slug, status }) => {
    const url = route.path(slug, idsFor(slug, person.email));
    const res = await t.app.inject({
      method: route.method,
      url,
      headers: { authorization: `Bearer ${tokens.get(person.email)!.token}` },
      ...(route.method === 'GET' ? {} : { payload: {} }),
    });
    expect(res.statusCode).toBe(status);
    if (status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it.each(HTML_ROUTES.filter((r) => r.method === 'GET'))('signed out, $method $path is sent to sign in', async (route) => {
    const res = await t.client().get(route.path('walsall', ids.walsall!));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/sign-in\?next=/);
  });

  it.each(API_ROUTES)('without a token, $method $path answers 401', async (route) => {
    const res = await t.app.inject({ method: route.method, url: route.path('walsall', ids.walsall!) });
    expect(res.statusCode).toBe(401);
  });

  it('a revoked token is refused', async () => {
    const userId = await findUserId(t, 'member@walsall.example');
    const actor = { userId, label: 'member' };
    const issued = await t.app.services.account.createToken(actor, { name: 'short-lived' });
    await t.app.services.account.revokeToken(actor, issued.id);
    const token = issued.token;
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(401);
  });
});

async function findUserId(t: TestApp, email: string): Promise<string> {
  const row = await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}
