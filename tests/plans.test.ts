import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/data/db.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';

describe.each(DIALECTS)('plans and promises (%s)', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let sponsor: Client;
  let contributor: Client;
  let walsall: string;
  let birminghamAdmin: string;

  /** Reads the database as the walsall partnership, outside the app. */
  const read = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.database.db, { partnershipId: walsall }, work);
  const agencyId = (name: string) =>
    read((trx) => trx.selectFrom('agencies').select('id').where('name', '=', name).executeTakeFirstOrThrow()).then((r) => r.id);
  const livePlan = () => read((trx) => trx.selectFrom('plans').selectAll().where('title', 'like', '%2013-16%').executeTakeFirstOrThrow());
  const actionOf = async (agency: string, same: boolean) => {
    const plan = await livePlan();
    const lead = await agencyId(agency);
    return read((trx) =>
      trx
        .selectFrom('actions as a')
        .innerJoin('priorities as p', 'p.id', 'a.priority_id')
        .selectAll('a')
        .where('p.plan_id', '=', plan.id)
        .where('a.lead_agency_id', same ? '=' : '<>', lead)
        .where('a.status', 'not in', ['complete', 'dropped'])
        .orderBy('a.due_date')
        .executeTakeFirstOrThrow(),
    );
  };
  const countUpdates = () => read(async (trx) => (await trx.selectFrom('action_updates').select('id').execute()).length);
  const update = (version: number, over: Record<string, string> = {}) => ({
    period: '2015-16 Q4',
    actionTaken: 'Ran joint missing-from-home return interviews with the police.',
    evidenceOfImpact: 'Repeat missing episodes fell from 41 to 29.',
    stillToDo: 'Extend to children placed out of borough.',
    rag: 'amber',
    status: 'at_risk',
    version: String(version),
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    walsall = (await t.app.services.partnerships.findBySlug('walsall'))!.id;
    birminghamAdmin = (
      await t.database.db.selectFrom('users').select('id').where('email', '=', 'admin@birmingham.example').executeTakeFirstOrThrow()
    ).id;
    admin = await t.signedIn('admin@walsall.example');
    sponsor = await t.signedIn('sponsor@walsall.example');
    contributor = await t.signedIn('contributor@walsall.example');
  });
  afterAll(() => t.close());

  it('lists the plans and shows a plan with its priorities, sponsors and promise counts', async () => {
    const list = await admin.get('/p/walsall/plans');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('2013-16');
    const plan = await livePlan();
    const page = await admin.get(`/p/walsall/plans/${plan.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Director of Public Health');
    expect(page.body).toMatch(/promises kept/);
  });

  it('lets a contributor report progress on their own agency’s action, keeping every update', async () => {
    const action = await actionOf('West Midlands Police', true);
    const before = await countUpdates();
    const res = await contributor.post(`/p/walsall/actions/${action.id}/updates`, update(action.version));
    expect(res.statusCode).toBe(303);
    expect(await countUpdates()).toBe(before + 1);
    const page = await contributor.get(`/p/walsall/actions/${action.id}`);
    expect(page.body).toContain('Repeat missing episodes fell from 41 to 29.');
    const saved = await read((trx) =>
      trx.selectFrom('actions').select(['status', 'version']).where('id', '=', action.id).executeTakeFirstOrThrow(),
    );
    expect(saved).toEqual({ status: 'at_risk', version: action.version + 1 });
  });

  it('lists on a contributor’s home what they owe, and nothing on a viewer’s', async () => {
    const home = await contributor.get('/p/walsall');
    expect(home.body).toContain('What you owe');
    expect(home.body).toContain('data-qa="owed"');
    const police = await agencyId('West Midlands Police');
    const owed = [...home.body.matchAll(/\/p\/walsall\/actions\/([0-9a-f-]{36})#report/g)].map((m) => m[1]!);
    expect(owed.length).toBeGreaterThan(0);
    const leads = await read((trx) => trx.selectFrom('actions').select('lead_agency_id').where('id', 'in', owed).execute());
    expect(leads.every((l) => l.lead_agency_id === police)).toBe(true);
    const viewer = await t.signedIn('viewer@walsall.example');
    expect((await viewer.get('/p/walsall')).body).not.toContain('What you owe');
  });

  it('refuses a contributor’s update on another agency’s action and writes nothing', async () => {
    const action = await actionOf('West Midlands Police', false);
    const before = await countUpdates();
    const res = await contributor.post(`/p/walsall/actions/${action.id}/updates`, update(action.version));
    expect(res.statusCode).toBe(403);
    expect(await countUpdates()).toBe(before);
  });

  it('refuses a second update made from a stale page, keeping what the person wrote', async () => {
    const action = await actionOf('West Midlands Police', true);
    const first = await contributor.post(
      `/p/walsall/actions/${action.id}/updates`,
      update(action.version, { status: 'on_track', rag: 'green' }),
    );
    expect(first.statusCode).toBe(303);
    const before = await countUpdates();
    const second = await admin.post(`/p/walsall/actions/${action.id}/updates`, update(action.version, { actionTaken: 'My stale words' }));
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Someone else reported on this action');
    expect(second.body).toContain('My stale words');
    expect(await countUpdates()).toBe(before);
  });

  it('shows field errors for an update with no text, no rating and an impossible date', async () => {
    const action = await actionOf('West Midlands Police', true);
    const res = await contributor.post(`/p/walsall/actions/${action.id}/updates`, {
      ...update(action.version, { actionTaken: '', rag: '', status: 'complete' }),
      'completedOn-day': '31',
      'completedOn-month': '2',
      'completedOn-year': '2016',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('href="#actionTaken"');
    expect(res.body).toContain('href="#rag"');
    expect(res.body).toContain('Completion date must be a real date');
  });

  it('lets a sponsor change their own priority, and keeps a new plan version saying what changed', async () => {
    const plan = await livePlan();
    const own = await read((trx) =>
      trx
        .selectFrom('priorities')
        .selectAll()
        .where('plan_id', '=', plan.id)
        .where('sponsor_user_id', 'is not', null)
        .executeTakeFirstOrThrow(),
    );
    const res = await sponsor.post(`/p/walsall/priorities/${own.id}/edit`, {
      number: String(own.number),
      title: `${own.title} (revised)`,
      description: own.description,
      sponsorRole: own.sponsor_role,
      leadAgencyId: own.lead_agency_id ?? '',
      status: 'active',
      version: String(own.version),
    });
    expect(res.statusCode).toBe(303);
    const history = await admin.get(`/p/walsall/plans/${plan.id}/history`);
    expect(history.body).toContain(`Priority ${own.number} title changed`);
    expect(history.body).toContain('Version 2');

    const other = await read((trx) =>
      trx
        .selectFrom('priorities')
        .selectAll()
        .where('plan_id', '=', plan.id)
        .where('sponsor_user_id', 'is', null)
        .executeTakeFirstOrThrow(),
    );
    const refused = await sponsor.post(`/p/walsall/priorities/${other.id}/edit`, {
      number: String(other.number),
      title: 'Hijacked',
      status: 'active',
      version: String(other.version),
    });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses an action due before it starts, with no title, owned by someone from another partnership', async () => {
    const plan = await livePlan();
    const priority = await read((trx) =>
      trx.selectFrom('priorities').select('id').where('plan_id', '=', plan.id).executeTakeFirstOrThrow(),
    );
    const police = await agencyId('West Midlands Police');
    const before = await read(async (trx) => (await trx.selectFrom('actions').select('id').execute()).length);
    const res = await admin.post(`/p/walsall/priorities/${priority.id}/actions`, {
      title: '',
      leadAgencyId: police,
      ownerUserId: birminghamAdmin,
      'startDate-day': '1',
      'startDate-month': '6',
      'startDate-year': '2015',
      'dueDate-day': '1',
      'dueDate-month': '5',
      'dueDate-year': '2015',
      status: 'not_started',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter a title');
    expect(res.body).toContain('The due date must be on or after the start date');
    const after = await read(async (trx) => (await trx.selectFrom('actions').select('id').execute()).length);
    expect(after).toBe(before);

    const stranger = await admin.post(`/p/walsall/priorities/${priority.id}/actions`, {
      title: 'A real action',
      leadAgencyId: police,
      ownerUserId: birminghamAdmin,
      'dueDate-day': '1',
      'dueDate-month': '5',
      'dueDate-year': '2015',
      status: 'not_started',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('Choose a person in this partnership');
  });

  it('keeps an action’s contributing agencies, replacing them when they change', async () => {
    const plan = await livePlan();
    const priority = await read((trx) =>
      trx.selectFrom('priorities').select('id').where('plan_id', '=', plan.id).executeTakeFirstOrThrow(),
    );
    const [police, housing, college] = await Promise.all([
      agencyId('West Midlands Police'),
      agencyId('Walsall Housing Group'),
      agencyId('Walsall College'),
    ]);
    const form = (agency: string, version?: number) => ({
      title: 'Joint visits to families in temporary housing',
      leadAgencyId: police,
      agencyIds: agency,
      'dueDate-day': '1',
      'dueDate-month': '3',
      'dueDate-year': '2016',
      status: 'on_track',
      ...(version ? { version: String(version) } : {}),
    });
    const created = await admin.post(`/p/walsall/priorities/${priority.id}/actions`, form(housing));
    expect(created.statusCode).toBe(303);
    const actionId = String(created.headers.location).split('/')[4]!.split('?')[0]!;
    const links = () => read((trx) => trx.selectFrom('action_agencies').select('agency_id').where('action_id', '=', actionId).execute());
    expect(await links()).toEqual([{ agency_id: housing }]);
    expect((await admin.get(`/p/walsall/actions/${actionId}`)).body).toContain('Walsall Housing Group');
    expect((await admin.post(`/p/walsall/actions/${actionId}/edit`, form(college, 1))).statusCode).toBe(303);
    expect(await links()).toEqual([{ agency_id: college }]);
  });

  it('refuses a stale edit of an action and shows what is saved now', async () => {
    const action = await actionOf('Walsall Council Children’s Services', true);
    const form = (title: string) => ({
      title,
      leadAgencyId: action.lead_agency_id,
      'dueDate-day': action.due_date.slice(8),
      'dueDate-month': action.due_date.slice(5, 7),
      'dueDate-year': action.due_date.slice(0, 4),
      status: action.status,
      version: String(action.version),
    });
    expect((await admin.post(`/p/walsall/actions/${action.id}/edit`, form('First editor’s title'))).statusCode).toBe(303);
    const stale = await admin.post(`/p/walsall/actions/${action.id}/edit`, form('Second editor’s title'));
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('What is saved now');
    expect(stale.body).toContain('First editor’s title');
    expect(stale.body).toContain('Second editor’s title');
  });

  it('versions a plan only once it is approved', async () => {
    const form = (status: string, version?: number) => ({
      kind: 'safeguarding',
      title: 'Safeguarding Board Business Plan 2016-17',
      boardId: '',
      'periodStart-day': '1',
      'periodStart-month': '4',
      'periodStart-year': '2016',
      'periodEnd-day': '31',
      'periodEnd-month': '3',
      'periodEnd-year': '2017',
      vision: 'Every child safe.',
      values: 'Listen to children\nAct early',
      status,
      ...(version ? { version: String(version) } : {}),
    });
    const created = await admin.post('/p/walsall/plans', form('draft'));
    expect(created.statusCode).toBe(303);
    const planId = String(created.headers.location).split('/')[4]!.split('?')[0]!;
    expect((await admin.get(`/p/walsall/plans/${planId}/history`)).body).toContain('has not been approved yet');
    expect((await admin.post(`/p/walsall/plans/${planId}/edit`, form('approved', 1))).statusCode).toBe(303);
    expect(
      (await admin.post(`/p/walsall/plans/${planId}/edit`, { ...form('published', 2), vision: 'Every child safe and heard.' })).statusCode,
    ).toBe(303);
    const history = (await admin.get(`/p/walsall/plans/${planId}/history`)).body;
    expect(history).toContain('Version 1');
    expect(history).toContain('Plan vision changed from “Every child safe.” to “Every child safe and heard.”');
    expect(history).toContain('Plan status changed from “approved” to “published”');
  });

  it('tracks promises: overdue, unreported and kept, each plan judged no later than its end', async () => {
    const res = await admin.get('/p/walsall/tracker');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/promises kept \(\d+ of \d+ due\)/);
    const overdue = await admin.get('/p/walsall/tracker?show=overdue');
    expect(overdue.body).toContain('Overdue');
    expect(overdue.body).not.toContain('>Kept<');
    const bad = await admin.get('/p/walsall/tracker?plan=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('‘plan’: Choose from the list');
  });

  it('reads the tracker’s date from day, month and year boxes as from a link’s ?asAt=', async () => {
    const link = await admin.get('/p/walsall/tracker?show=all&asAt=2014-03-31');
    const boxes = await admin.get('/p/walsall/tracker?show=all&asAt-day=31&asAt-month=3&asAt-year=2014');
    const kept = (body: string) => /promises kept \(\d+ of \d+ due\)/.exec(body)?.[0];
    expect(boxes.statusCode).toBe(200);
    expect(kept(boxes.body)).toBeDefined();
    expect(kept(boxes.body)).toBe(kept(link.body));
    expect(kept(boxes.body)).not.toBe(kept((await admin.get('/p/walsall/tracker?show=all&asAt=2016-03-31')).body));
  });

  it.each([
    { query: 'asAt=not-a-date', message: 'Date must be a real date' },
    { query: 'asAt-day=31&asAt-month=2&asAt-year=2014', message: 'Date must be a real date' },
    { query: 'asAt-day=&asAt-month=3&asAt-year=2014', message: 'Date must include a day' },
  ])('shows the tracker with its error summary for a wrong date, $query', async ({ query, message }) => {
    const res = await admin.get(`/p/walsall/tracker?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain(message);
    expect(res.body).toMatch(/promises kept \(\d+ of \d+ due\)/);
  });

  it('publishes the published plans to anyone, with a one-page priorities card, and nothing else', async () => {
    const visitor = t.client();
    const page = await visitor.get('/public/walsall/plan');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Better Together for Children');
    expect(page.body).toContain('How we are doing, as at 31 March 2016');
    expect(page.body).not.toContain('Helen Morris');
    expect(page.body).not.toContain('2009-10 to 2011-12');
    const plan = await livePlan();
    const card = await visitor.get(`/public/walsall/plan/${plan.id}/card`);
    expect(card.statusCode).toBe(200);
    expect(card.body).toContain('Reducing the impact of child poverty');
    const closed = await read((trx) => trx.selectFrom('plans').select('id').where('status', '=', 'closed').executeTakeFirstOrThrow());
    expect((await visitor.get(`/public/walsall/plan/${closed.id}/card`)).statusCode).toBe(404);
    expect((await visitor.get(`/public/birmingham/plan/${plan.id}/card`)).statusCode).toBe(404);
    expect((await visitor.get('/public/walsall/plan/not-an-id/card')).statusCode).toBe(404);
    expect((await visitor.get('/public/walsall')).body).toContain('/public/walsall/plan');
  });

  it('keeps each action’s progress summary in step with its updates, whatever order they arrive in', async () => {
    const action = await actionOf('Walsall Council Children’s Services', true);
    const summary = () =>
      read((trx) =>
        trx
          .selectFrom('actions')
          .select(['reported_periods', 'latest_rag', 'latest_update_at'])
          .where('id', '=', action.id)
          .executeTakeFirstOrThrow(),
      );
    const add = (period: string, rag: 'red' | 'amber' | 'green', at: string) =>
      read((trx) =>
        trx
          .insertInto('action_updates')
          .values({ partnership_id: walsall, action_id: action.id, period, action_taken: 'x', rag, author: 'test', created_at: at })
          .execute(),
      );
    await add('2030-31 Q2', 'red', '2030-09-30T12:00:00Z');
    await add('2030-31 Q1', 'green', '2030-06-30T12:00:00Z'); // older, arriving later
    const after = await summary();
    expect(after.reported_periods).toEqual(expect.arrayContaining(['2030-31 Q1', '2030-31 Q2']));
    expect(after.latest_rag).toBe('red');
    expect(new Date(after.latest_update_at!).toISOString()).toBe('2030-09-30T12:00:00.000Z');
  });

  it('shows a change on the tracker at once, though the tracker keeps its figures between changes', async () => {
    const plan = await livePlan();
    const url = `/p/walsall/tracker?show=all&plan=${plan.id}`;
    const action = await actionOf('West Midlands Police', true);
    const kept = (body: string) => Number(/(\d+) of \d+ due\)/.exec(body)![1]);
    const before = kept((await admin.get(url)).body);
    expect(kept((await admin.get(url)).body)).toBe(before);
    const done = await contributor.post(`/p/walsall/actions/${action.id}/updates`, {
      ...update(action.version, { status: 'complete', rag: 'green' }),
      'completedOn-day': String(Number(action.due_date.slice(8))),
      'completedOn-month': String(Number(action.due_date.slice(5, 7))),
      'completedOn-year': action.due_date.slice(0, 4),
    });
    expect(done.statusCode).toBe(303);
    expect(kept((await admin.get(url)).body)).toBe(before + 1);
  });

  it('lets the sponsor add milestones to their delivery plan and the lead agency record them reached', async () => {
    const plan = await livePlan();
    const own = await read((trx) =>
      trx
        .selectFrom('actions as a')
        .innerJoin('priorities as p', 'p.id', 'a.priority_id')
        .select('a.id')
        .where('p.plan_id', '=', plan.id)
        .where('p.sponsor_user_id', 'is not', null)
        .executeTakeFirstOrThrow(),
    );
    const missing = await sponsor.post(`/p/walsall/actions/${own.id}/milestones`, { title: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter the milestone');
    expect(missing.body).toContain('Enter the date it is due');
    const added = await sponsor.post(`/p/walsall/actions/${own.id}/milestones`, {
      title: 'Healthy-weight lead named in every school',
      'dueDate-day': '31',
      'dueDate-month': '12',
      'dueDate-year': '2015',
    });
    expect(added.statusCode).toBe(303);
    expect(
      (
        await contributor.post(`/p/walsall/actions/${own.id}/milestones`, {
          title: 'Not mine',
          'dueDate-day': '1',
          'dueDate-month': '1',
          'dueDate-year': '2016',
        })
      ).statusCode,
    ).toBe(403);

    const police = await actionOf('West Midlands Police', true);
    const milestone = await read((trx) =>
      trx
        .insertInto('milestones')
        .values({ partnership_id: walsall, action_id: police.id, title: 'Pilot in the town centre', due_date: '2015-06-30', done_on: null })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    expect((await contributor.post(`/p/walsall/actions/${own.id}/milestones/${milestone.id}/done`, {})).statusCode).toBe(404);
    expect((await contributor.post(`/p/walsall/actions/${police.id}/milestones/${milestone.id}/done`, {})).statusCode).toBe(303);
    const done = await read((trx) =>
      trx.selectFrom('milestones').select('done_on').where('id', '=', milestone.id).executeTakeFirstOrThrow(),
    );
    expect(done.done_on).toBe(new Date().toISOString().slice(0, 10));
  });

  it('lists what needs attention by default, everything on request, fifty to a page', async () => {
    const attention = await admin.get('/p/walsall/tracker');
    const views = /data-qa="tracker-views"[\s\S]*?<\/nav>/.exec(attention.body)![0];
    expect(views).toMatch(
      /href="\/p\/walsall\/tracker\?show=attention" aria-current="page">Needing attention <span class="app-views__count">\d+<\/span>/,
    );
    const everyAction = Number(/show=all">Every action <span class="app-views__count">(\d+)</.exec(views)![1]);
    const all = await admin.get('/p/walsall/tracker?show=all&page=999');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain(`Every action: ${everyAction} actions`);
  });

  it('shows each action in one row with its latest update, and the filters in use as tags that remove them', async () => {
    const plan = await livePlan();
    const action = await actionOf('West Midlands Police', true);
    await contributor.post(`/p/walsall/actions/${action.id}/updates`, update(action.version, { rag: 'amber' }));
    const res = await admin.get(`/p/walsall/tracker?show=all&plan=${plan.id}&asAt=2030-12-31`);
    expect(res.statusCode).toBe(200);
    const row = /data-qa="tracker-row">[\s\S]*?<\/tr>/g;
    const rows = res.body.match(row) ?? [];
    const mine = rows.find((r) => r.includes(`/actions/${action.id}"`))!;
    expect(mine).toMatch(/data-qa="latest-update">[\s\S]*govuk-tag--orange[\s\S]*Amber/);
    // The date the tracker judges by is said once, above the table, not on every row.
    expect(rows.filter((r) => r.includes('judged as at')).length).toBeLessThan(rows.length);
    const tags = /data-qa="active-filters"[\s\S]*?<\/ul>/.exec(res.body)![0];
    expect(tags).toContain(`Plan: ${plan.title}`);
    expect(tags).toContain('As at: 31 December 2030');
    // Each tag links to the same view without that one filter.
    expect(tags).toContain(`href="/p/walsall/tracker?show=all&amp;asAt=2030-12-31"`);
    expect(tags).toContain(`href="/p/walsall/tracker?plan=${plan.id}&amp;show=all"`);
    expect((await admin.get('/p/walsall/tracker')).body).not.toContain('data-qa="active-filters"');
  });

  it('hides another partnership’s plans, priorities and actions behind 404', async () => {
    const other = await t.signedIn('admin@birmingham.example');
    const plan = await livePlan();
    const action = await actionOf('West Midlands Police', true);
    expect((await other.get(`/p/birmingham/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await other.get(`/p/birmingham/actions/${action.id}`)).statusCode).toBe(404);
    expect((await other.post(`/p/birmingham/actions/${action.id}/updates`, update(action.version))).statusCode).toBe(404);
  });
});
