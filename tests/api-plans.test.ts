import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/data/db.ts';
import { createTestApp, DIALECTS, type TestApp } from './support/app.ts';

const PLAN_2013_16 = 'Better Together for Children: Children and Young People’s Plan 2013-16';
const BIRMINGHAM_PLAN = 'Towards Excellence: Birmingham Children and Young People’s Plan 2012-15';

describe.each(DIALECTS)('the plans and promises API (%s)', (dialect) => {
  let t: TestApp;
  const tokens = new Map<string, string>();

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, as: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/p/walsall${url}`, headers: { authorization: `Bearer ${tokens.get(as)}` }, payload });

  /** Reads the database as a partnership, outside the app. */
  const read = async <T>(slug: string, work: Parameters<typeof withTenant<T>>[2]) => {
    const partnership = (await t.app.services.partnerships.findBySlug(slug))!;
    return withTenant(t.database.db, { partnershipId: partnership.id }, work);
  };
  const planId = (slug: string, title: string) =>
    read(slug, (trx) => trx.selectFrom('plans').select('id').where('title', '=', title).executeTakeFirstOrThrow()).then((r) => r.id);
  const priorityOf = (slug: string, plan: string, number: number) =>
    read(slug, (trx) =>
      trx.selectFrom('priorities').select('id').where('plan_id', '=', plan).where('number', '=', number).executeTakeFirstOrThrow(),
    ).then((r) => r.id);
  /** An open action of the 2013-16 plan led by West Midlands Police (`same`) or by another agency. */
  const policeAction = async (same: boolean) => {
    const plan = await planId('walsall', PLAN_2013_16);
    return read('walsall', (trx) =>
      trx
        .selectFrom('actions as a')
        .innerJoin('priorities as p', 'p.id', 'a.priority_id')
        .innerJoin('agencies as ag', 'ag.id', 'a.lead_agency_id')
        .select(['a.id', 'a.version'])
        .where('p.plan_id', '=', plan)
        .where('ag.name', same ? '=' : '<>', 'West Midlands Police')
        .where('a.status', 'not in', ['complete', 'dropped'])
        .orderBy('a.due_date')
        .executeTakeFirstOrThrow(),
    );
  };
  const progress = (version: number, over: Record<string, unknown> = {}) => ({
    period: '2015-16 Q4',
    actionTaken: 'Ran joint return interviews with the police.',
    evidenceOfImpact: 'Repeat missing episodes fell from 41 to 29.',
    stillToDo: 'Extend to children placed out of borough.',
    rag: 'amber',
    status: 'at_risk',
    version,
    ...over,
  });
  const newPlan = { kind: 'strategy', title: 'Early Help Strategy 2026-29', periodStart: '2026-04-01', periodEnd: '2029-03-31' };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const email of ['admin', 'sponsor', 'contributor', 'member', 'viewer'].map((role) => `${role}@walsall.example`)) {
      const user = await t.database.db.selectFrom('users').select(['id', 'name']).where('email', '=', email).executeTakeFirstOrThrow();
      const { token } = await t.app.services.account.createToken({ userId: user.id, label: user.name }, { name: 'plans api test' });
      tokens.set(email.split('@')[0]!, token);
    }
  });
  afterAll(() => t.close());

  it('lists the plans and reads one with its vision, values, status and versions', async () => {
    const list = await api('GET', '/plans', 'viewer');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ title: PLAN_2013_16, status: 'published', version: expect.any(Number) }),
    );

    const plan = await api('GET', `/plans/${await planId('walsall', PLAN_2013_16)}`, 'viewer');
    expect(plan.json()).toMatchObject({
      title: PLAN_2013_16,
      kind: 'cypp',
      status: 'published',
      periodStart: '2013-04-01',
      approvedVersion: expect.any(Number),
      version: expect.any(Number),
    });
    expect(plan.json().vision).not.toBe('');
    expect(plan.json().values.length).toBeGreaterThan(0);
  });

  it('reads a plan’s priorities, a priority’s measures and its actions as the tracker judges them', async () => {
    const plan = await planId('walsall', PLAN_2013_16);
    const priorities = await api('GET', `/plans/${plan}/priorities`, 'viewer');
    expect(priorities.json().items[0]).toMatchObject({ number: 1, planId: plan, summary: { actions: expect.any(Number) } });

    const priority = await priorityOf('walsall', plan, 3);
    const one = await api('GET', `/priorities/${priority}`, 'viewer');
    expect(one.json()).toMatchObject({ number: 3, version: expect.any(Number) });
    expect(one.json().measures[0]).toMatchObject({ text: expect.any(String), targetDate: '2016-03-31' });

    const actions = await api('GET', `/priorities/${priority}/actions?asAt=2016-03-31`, 'viewer');
    expect(actions.json().items[0]).toMatchObject({
      dueDate: '2014-03-31',
      status: 'complete',
      version: expect.any(Number),
      assessment: { asAt: '2016-03-31', overdue: false, unreported: false, dueSoon: false, promise: 'kept' },
    });
  });

  it('answers 400 problem+json to an "as at" date that is not a real date', async () => {
    const plan = await planId('walsall', PLAN_2013_16);
    const res = await api('GET', `/plans/${plan}/priorities?asAt=2016-02-30`, 'viewer');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: { asAt: expect.any(String) } });
  });

  it('adds a plan for an admin, with dates as YYYY-MM-DD and values as a list, answering 201 with its address', async () => {
    const res = await api('POST', '/plans', 'admin', {
      ...newPlan,
      boardId: null,
      values: ['Child first', 'Think family'],
      status: 'draft',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ...newPlan, values: ['Child first', 'Think family'], approvedVersion: 0, version: 1 });
    expect(res.headers.location).toBe(`/api/v1/p/walsall/plans/${res.json().id}`);
    const again = await t.app.inject({ url: String(res.headers.location), headers: { authorization: `Bearer ${tokens.get('viewer')}` } });
    expect(again.json()).toEqual(res.json());
  });

  it('refuses a viewer adding a plan with 403 problem+json', async () => {
    const res = await api('POST', '/plans', 'viewer', { ...newPlan, status: 'draft' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('changes a plan with the version it read, and refuses a stale version with 409 problem+json', async () => {
    const created = (await api('POST', '/plans', 'admin', { ...newPlan, status: 'draft' })).json();
    const changed = await api('PUT', `/plans/${created.id}`, 'admin', { ...newPlan, status: 'consultation', version: created.version });
    expect(changed.json()).toMatchObject({ status: 'consultation', version: created.version + 1 });

    const stale = await api('PUT', `/plans/${created.id}`, 'admin', { ...newPlan, status: 'approved', version: created.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect((await api('GET', `/plans/${created.id}`, 'admin')).json()).toMatchObject({ status: 'consultation' });
  });

  it('adds a priority and an action for an admin, and changes the action with its version', async () => {
    const plan = (await api('POST', '/plans', 'admin', { ...newPlan, status: 'draft' })).json();
    const priority = await api('POST', `/plans/${plan.id}/priorities`, 'admin', { number: 1, title: 'Help early', sponsorUserId: null });
    expect(priority.statusCode).toBe(201);
    expect(priority.headers.location).toBe(`/api/v1/p/walsall/priorities/${priority.json().id}`);
    expect(priority.json()).toMatchObject({ number: 1, title: 'Help early', status: 'active', measures: [], version: 1 });

    const police = await read('walsall', (trx) =>
      trx.selectFrom('agencies').select('id').where('name', '=', 'West Midlands Police').executeTakeFirstOrThrow(),
    );
    const body = { title: 'Train every officer in early help', leadAgencyId: police.id, dueDate: '2027-03-31', startDate: null };
    const action = await api('POST', `/priorities/${priority.json().id}/actions`, 'admin', body);
    expect(action.statusCode).toBe(201);
    expect(action.json()).toMatchObject({ ...body, status: 'not_started', milestones: [], version: 1 });

    const done = { ...body, status: 'complete', completedOn: '2027-02-01', version: 1 };
    expect((await api('PUT', `/actions/${action.json().id}`, 'admin', done)).json()).toMatchObject({ status: 'complete', version: 2 });
    expect((await api('PUT', `/actions/${action.json().id}`, 'admin', done)).statusCode).toBe(409);
  });

  it('lets a sponsor change their own priority but not someone else’s', async () => {
    const plan = await planId('walsall', PLAN_2013_16);
    const own = (await api('GET', `/priorities/${await priorityOf('walsall', plan, 2)}`, 'sponsor')).json();
    const changed = await api('PUT', `/priorities/${own.id}`, 'sponsor', { ...own, title: 'Helping children keep a healthy weight' });
    expect(changed.json()).toMatchObject({ title: 'Helping children keep a healthy weight', version: own.version + 1 });

    const other = (await api('GET', `/priorities/${await priorityOf('walsall', plan, 3)}`, 'sponsor')).json();
    const refused = await api('PUT', `/priorities/${other.id}`, 'sponsor', { ...other, title: 'Not mine' });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('takes a contributor’s progress update on their own agency’s action, answering 201 with the new version', async () => {
    const action = await policeAction(true);
    const res = await api('POST', `/actions/${action.id}/updates`, 'contributor', progress(action.version));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      update: { period: '2015-16 Q4', evidenceOfImpact: 'Repeat missing episodes fell from 41 to 29.', rag: 'amber' },
      action: { id: action.id, status: 'at_risk', version: action.version + 1 },
    });
    const updates = await api('GET', `/actions/${action.id}/updates`, 'viewer');
    expect(updates.json().items[0]).toEqual(res.json().update);
  });

  it('refuses a contributor’s update on another agency’s action with 403 problem+json', async () => {
    const action = await policeAction(false);
    const res = await api('POST', `/actions/${action.id}/updates`, 'contributor', progress(action.version));
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses an update sent with a stale version with 409 problem+json', async () => {
    const action = await policeAction(true);
    const first = await api('POST', `/actions/${action.id}/updates`, 'contributor', progress(action.version, { status: 'on_track' }));
    expect(first.statusCode).toBe(201);
    const stale = await api('POST', `/actions/${action.id}/updates`, 'admin', progress(action.version));
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ status: 409 });
  });

  it('names each invalid field of a bad update in a 400 problem+json', async () => {
    const action = await policeAction(true);
    const bad = progress(action.version, { actionTaken: '', rag: 'purple', status: 'complete', completedOn: '2016-02-30' });
    const res = await api('POST', `/actions/${action.id}/updates`, 'contributor', bad);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 400,
      errors: { actionTaken: 'Enter the action taken', rag: 'Choose red, amber or green', completedOn: expect.any(String) },
    });
  });

  it('answers 404 problem+json for another partnership’s plan, priority and action', async () => {
    const plan = await planId('birmingham', BIRMINGHAM_PLAN);
    const priority = await priorityOf('birmingham', plan, 1);
    const action = await read('birmingham', (trx) =>
      trx.selectFrom('actions').select('id').where('priority_id', '=', priority).executeTakeFirstOrThrow(),
    );
    const responses = [
      await api('GET', `/plans/${plan}`, 'admin'),
      await api('GET', `/plans/${plan}/priorities`, 'admin'),
      await api('GET', `/priorities/${priority}`, 'admin'),
      await api('GET', `/actions/${action.id}/updates`, 'admin'),
      await api('PUT', `/actions/${action.id}`, 'admin', {}),
      await api('POST', `/actions/${action.id}/updates`, 'admin', progress(1)),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(responses[0]!.headers['content-type']).toContain('application/problem+json');
  });

  it('describes plans, priorities, actions and updates in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/p/{slug}/plans',
        '/api/v1/p/{slug}/plans/{id}',
        '/api/v1/p/{slug}/plans/{id}/priorities',
        '/api/v1/p/{slug}/priorities/{id}',
        '/api/v1/p/{slug}/priorities/{id}/actions',
        '/api/v1/p/{slug}/actions/{id}',
        '/api/v1/p/{slug}/actions/{id}/updates',
      ]),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Plan', 'PlanInputWithVersion', 'Priority', 'Action', 'ActionInputWithVersion', 'ProgressUpdateInput']),
    );
    expect(doc.paths['/api/v1/p/{slug}/actions/{id}/updates'].post.responses).toHaveProperty('409');
  });
});
