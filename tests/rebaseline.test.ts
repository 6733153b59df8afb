import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/data/db.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';

/** Text as the pages print it (Nunjucks escapes these). */
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Re-baselining (issue 14, decision 0014): a promised date moves only with a reason and who agreed it. */
describe.each(DIALECTS)('moving a promised date (%s)', (dialect) => {
  let t: TestApp;
  let sponsor: Client;
  let admin: Client;
  let walsall: string;
  let adminToken: string;

  const read = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.database.db, { partnershipId: walsall }, work);
  /** The sponsor's open actions in the approved 2013-16 plan, earliest due first. */
  const sponsorsActions = async () => {
    const sponsorId = (
      await t.database.db.selectFrom('users').select('id').where('email', '=', 'sponsor@walsall.example').executeTakeFirstOrThrow()
    ).id;
    return read((trx) =>
      trx
        .selectFrom('actions as a')
        .innerJoin('priorities as p', 'p.id', 'a.priority_id')
        .innerJoin('plans as pl', 'pl.id', 'p.plan_id')
        .selectAll('a')
        .select(['pl.status as planStatus', 'pl.period_end as planEnd'])
        .where('p.sponsor_user_id', '=', sponsorId)
        .where('pl.title', 'like', '%2013-16%')
        .where('a.status', 'not in', ['complete', 'dropped'])
        .orderBy('a.due_date')
        .execute(),
    );
  };
  /** Every open action of the approved 2013-16 plan not led by the sponsor's priorities, earliest due first. */
  const othersActions = async () => {
    const mine = new Set((await sponsorsActions()).map((a) => a.id));
    const all = await read((trx) =>
      trx
        .selectFrom('actions as a')
        .innerJoin('priorities as p', 'p.id', 'a.priority_id')
        .innerJoin('plans as pl', 'pl.id', 'p.plan_id')
        .selectAll('a')
        .select(['pl.period_end as planEnd'])
        .where('pl.title', 'like', '%2013-16%')
        .where('a.status', 'not in', ['complete', 'dropped'])
        .orderBy('a.due_date')
        .orderBy('a.id')
        .execute(),
    );
    return all.filter((a) => !mine.has(a.id));
  };
  const actionRow = (id: string) => read((trx) => trx.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  const moves = (id: string) => read((trx) => trx.selectFrom('rebaselines').selectAll().where('entity_id', '=', id).execute());
  const boardId = (name: string) =>
    read((trx) => trx.selectFrom('boards').select('id').where('name', 'like', name).executeTakeFirstOrThrow()).then((b) => b.id);
  const dateBoxes = (name: string, iso: string) => ({
    [`${name}-day`]: iso.slice(8),
    [`${name}-month`]: iso.slice(5, 7),
    [`${name}-year`]: iso.slice(0, 4),
  });
  const editForm = (
    a: { title: string; lead_agency_id: string; status: string; version: number },
    due: string,
    over: Record<string, string> = {},
  ) => ({
    title: a.title,
    leadAgencyId: a.lead_agency_id,
    status: a.status,
    version: String(a.version),
    ...dateBoxes('dueDate', due),
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    walsall = (await t.app.services.partnerships.findBySlug('walsall'))!.id;
    sponsor = await t.signedIn('sponsor@walsall.example');
    admin = await t.signedIn('admin@walsall.example');
    const user = await t.database.db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', 'admin@walsall.example')
      .executeTakeFirstOrThrow();
    adminToken = (await t.app.services.account.createToken({ userId: user.id, label: user.name }, { name: 'rebaseline test' })).token;
  });
  afterAll(() => t.close());

  it('refuses to move an approved plan’s due date without a reason and who agreed it, writing nothing', async () => {
    const [action] = await sponsorsActions();
    expect(action!.planStatus).not.toBe('draft');
    const res = await sponsor.post(`/p/walsall/actions/${action!.id}/edit`, editForm(action!, action!.planEnd));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The plan is approved: enter why the due date is moving');
    expect(res.body).toContain('Choose who agreed to move the due date');
    expect(res.body).toContain('href="#moveReason"');
    expect((await actionRow(action!.id)).due_date).toBe(action!.due_date);
    expect(await moves(action!.id)).toEqual([]);
  });

  it('asks for the board and a past meeting when a board agreed it, and a board of this partnership', async () => {
    const [action] = await sponsorsActions();
    const noBoard = await sponsor.post(
      `/p/walsall/actions/${action!.id}/edit`,
      editForm(action!, action!.planEnd, { moveReason: 'Agreed at the board', agreedBy: 'board' }),
    );
    expect(noBoard.statusCode).toBe(400);
    expect(noBoard.body).toContain('Choose the board that agreed it');
    expect(noBoard.body).toContain('Enter the date of the meeting');
    // A board no partnership of this person's has (another partnership's boards are behind its row-level security).
    const stranger = { id: crypto.randomUUID() };
    const future = await sponsor.post(
      `/p/walsall/actions/${action!.id}/edit`,
      editForm(action!, action!.planEnd, {
        moveReason: 'Agreed at the board',
        agreedBy: 'board',
        agreedBoardId: stranger.id,
        ...dateBoxes('agreedMeetingOn', '2099-01-01'),
      }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Choose one of the partnership’s boards');
    expect(future.body).toContain('The date of the meeting must be today or in the past');
    expect(await moves(action!.id)).toEqual([]);
  });

  it('moves it with a reason, keeps the date first promised and still judges by it unless asked', async () => {
    const [action] = await sponsorsActions();
    const reason = 'The new provider started late after the contract was re-let.';
    const res = await sponsor.post(
      `/p/walsall/actions/${action!.id}/edit`,
      editForm(action!, action!.planEnd, { moveReason: reason, agreedBy: 'sponsor' }),
    );
    expect(res.statusCode).toBe(303);
    const saved = await actionRow(action!.id);
    expect(saved).toMatchObject({ due_date: action!.planEnd, original_due_date: action!.due_date });
    expect(await moves(action!.id)).toMatchObject([
      { field: 'due_date', before: action!.due_date, after: action!.planEnd, reason, agreed_by: 'sponsor', board_id: null },
    ]);

    const page = await sponsor.get(`/p/walsall/actions/${action!.id}`);
    expect(page.body).toContain(`because: ${reason}`);
    expect(page.body).toContain('Judged by the date first promised');
    expect(page.body).toContain('data-qa="moves"');

    // The tracker, as at the plan's end: overdue against the original, not against the moved date.
    const tracker = (query: string) => sponsor.get(`/p/walsall/tracker?agency=${action!.lead_agency_id}&asAt=${action!.planEnd}&${query}`);
    const original = await tracker('show=overdue');
    expect(original.body).toContain(escaped(action!.title));
    expect(original.body).toContain('data-qa="first-promised"');
    const current = await tracker('show=overdue&judge=current');
    expect(current.body).toContain('Judged by: Current (moved) due dates');
    expect(current.body).not.toContain(escaped(action!.title));
    expect((await tracker('show=moved&judge=current')).body).toContain(escaped(action!.title));
  });

  it('reports the move as an exception in the sponsor’s report and its Word file', async () => {
    const [action] = (await sponsorsActions()).filter((a) => a.due_date !== a.original_due_date);
    const priority = action!.priority_id;
    const report = await sponsor.get(`/p/walsall/priorities/${priority}/report?period=2015-16 Q4`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('due date moved');
    expect(report.body).toContain('first promised for');
    expect(report.body).not.toContain('None is overdue');
    const word = await sponsor.get(`/p/walsall/priorities/${priority}/report.docx?period=2015-16 Q4`);
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-type']).toContain('officedocument');
  });

  it('refuses a stale move (409) and keeps no record of it', async () => {
    const [, second] = await sponsorsActions();
    const stale = { ...second!, version: second!.version - 1 };
    const bumped = await sponsor.post(
      `/p/walsall/actions/${second!.id}/edit`,
      editForm(second!, second!.due_date, { title: `${second!.title} (renamed)` }),
    );
    expect(bumped.statusCode).toBe(303);
    const res = await sponsor.post(
      `/p/walsall/actions/${second!.id}/edit`,
      editForm({ ...stale, version: second!.version }, second!.planEnd, { moveReason: 'Late start', agreedBy: 'sponsor' }),
    );
    expect(res.statusCode).toBe(409);
    expect(await moves(second!.id)).toEqual([]);
    expect((await actionRow(second!.id)).due_date).toBe(second!.due_date);
  });

  it('records a board’s agreement at a meeting', async () => {
    const [third] = await othersActions();
    const board = await boardId('%Partnership%');
    const res = await admin.post(
      `/p/walsall/actions/${third!.id}/edit`,
      editForm(third!, third!.planEnd, {
        moveReason: 'Waiting for the joint commissioning review.',
        agreedBy: 'board',
        agreedBoardId: board,
        ...dateBoxes('agreedMeetingOn', '2015-11-26'),
      }),
    );
    expect(res.statusCode).toBe(303);
    expect(await moves(third!.id)).toMatchObject([{ agreed_by: 'board', board_id: board, meeting_on: '2015-11-26' }]);
    expect((await admin.get(`/p/walsall/actions/${third!.id}`)).body).toContain('meeting on 26 November 2015');
  });

  it('moves a milestone only with an agreement, refusing a stale date (409)', async () => {
    const [action] = await sponsorsActions();
    const added = await sponsor.post(`/p/walsall/actions/${action!.id}/milestones`, {
      title: 'Provider appointed',
      ...dateBoxes('dueDate', '2015-06-30'),
    });
    expect(added.statusCode).toBe(303);
    const milestone = await read((trx) =>
      trx
        .selectFrom('milestones')
        .selectAll()
        .where('action_id', '=', action!.id)
        .where('title', '=', 'Provider appointed')
        .executeTakeFirstOrThrow(),
    );
    const url = `/p/walsall/actions/${action!.id}/milestones/${milestone.id}/move`;
    expect((await sponsor.get(url)).statusCode).toBe(200);
    const bare = await sponsor.post(url, { was: '2015-06-30', ...dateBoxes('dueDate', '2015-09-30') });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('enter why the milestone’s due date is moving');
    const stale = await sponsor.post(url, {
      was: '2015-05-31',
      moveReason: 'Late',
      agreedBy: 'sponsor',
      ...dateBoxes('dueDate', '2015-09-30'),
    });
    expect(stale.statusCode).toBe(409);
    const ok = await sponsor.post(url, {
      was: '2015-06-30',
      moveReason: 'The tender was re-run.',
      agreedBy: 'sponsor',
      ...dateBoxes('dueDate', '2015-09-30'),
    });
    expect(ok.statusCode).toBe(303);
    expect(
      await read((trx) =>
        trx.selectFrom('milestones').select(['due_date', 'original_due_date']).where('id', '=', milestone.id).executeTakeFirstOrThrow(),
      ),
    ).toEqual({
      due_date: '2015-09-30',
      original_due_date: '2015-06-30',
    });
    expect(await moves(milestone.id)).toMatchObject([{ entity_type: 'milestone', before: '2015-06-30', after: '2015-09-30' }]);
    expect((await admin.get(url)).statusCode).toBe(200);
  });

  it('moves a draft plan’s dates freely: they are not yet promised', async () => {
    const created = await admin.post('/p/walsall/plans', {
      kind: 'strategy',
      title: 'Early help strategy (draft)',
      status: 'draft',
      ...dateBoxes('periodStart', '2026-04-01'),
      ...dateBoxes('periodEnd', '2029-03-31'),
    });
    expect(created.statusCode).toBe(303);
    const planId = String(created.headers.location).split('/')[4]!.split('?')[0]!;
    const lead = (await read((trx) => trx.selectFrom('agencies').select('id').executeTakeFirstOrThrow())).id;
    const priority = await admin.post(`/p/walsall/plans/${planId}/priorities`, { number: '1', title: 'Early help', leadAgencyId: lead });
    expect(priority.statusCode).toBe(303);
    const priorityId = String(priority.headers.location).split('/')[4]!.split('?')[0]!.split('#')[0]!;
    const action = await admin.post(`/p/walsall/priorities/${priorityId}/actions`, {
      title: 'Map the early help offer',
      leadAgencyId: lead,
      status: 'not_started',
      ...dateBoxes('dueDate', '2026-09-30'),
    });
    const actionId = String(action.headers.location).split('/')[4]!.split('?')[0]!;
    const row = await actionRow(actionId);
    const moved = await admin.post(`/p/walsall/actions/${actionId}/edit`, editForm(row, '2026-12-31'));
    expect(moved.statusCode).toBe(303);
    expect(await actionRow(actionId)).toMatchObject({ due_date: '2026-12-31', original_due_date: '2026-12-31' });
    expect(await moves(actionId)).toEqual([]);
  });

  it('answers the API with problem+json when a move has no reason, and with both dates when it has', async () => {
    const [, fourth] = await othersActions();
    const put = (payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/p/walsall/actions/${fourth!.id}`,
        headers: { authorization: `Bearer ${adminToken}` },
        payload,
      });
    const body = {
      title: fourth!.title,
      leadAgencyId: fourth!.lead_agency_id,
      status: fourth!.status,
      dueDate: fourth!.planEnd,
      version: fourth!.version,
    };
    const refused = await put(body);
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toContain('moveReason');
    const ok = await put({ ...body, moveReason: 'Agreed with the sponsor after the Ofsted visit.', agreedBy: 'sponsor' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      dueDate: fourth!.planEnd,
      originalDueDate: fourth!.due_date,
      assessment: { moved: true, judgedDue: fourth!.due_date },
    });
  });
});
