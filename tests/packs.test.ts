import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/data/db.ts';
import { createPacksService, FrozenPackError, type PacksService } from '../src/features/packs/service.ts';
import { NotFoundError, ValidationError, type Actor } from '../src/services/errors.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';
import { unzip } from './support/zip.ts';
import { joinFigures } from './support/html.ts';

/** Test data: the demo Walsall scorecard, the panel it went to, and a later revision of one of its figures. */
const Q3_2013 = 'Children’s Scrutiny Board scorecard, Q3 2013';
const NOVEMBER = { meeting: 'the Scrutiny and Performance Panel', presentedOn: '2013-11-26' };
const JANUARY = { meeting: 'the Scrutiny and Performance Panel (January)', presentedOn: '2014-01-21' };
const REVISED_VACANCY_RATE = { indicator_code: 'sw-vacancy-rate-pct', area_code: 'E08000030', period: '2013-11', value: '19.9' };
const FIRST_STORY = 'A backlog of 448 assessments built up over the summer.';
const LATER_STORY = 'The backlog is down to 22.';

describe.each(DIALECTS)('board packs (%s)', (dialect) => {
  let t: TestApp;
  let packs: PacksService;
  let analyst: Client;
  let viewer: Client;
  let walsall: string;
  let actor: Actor;
  let q3: string;
  let november: string;
  let january: string;

  /** The HTML of one scorecard (or comparison) row. */
  const rowOf = (body: string, qa: string) => joinFigures(new RegExp(`data-qa="${qa}"[\\s\\S]*?</tr>`).exec(body)?.[0] ?? '');
  const vacancyRate = (snapshot: Awaited<ReturnType<PacksService['pack']>>['pack']['snapshot']) =>
    snapshot.sections.flatMap((s) => s.rows).find((r) => r.indicator.code === 'sw-vacancy-rate-pct')?.current?.text;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    packs = createPacksService(t.database.db, t.app.services.exceptions);
    analyst = await t.signedIn('analyst@walsall.example');
    viewer = await t.signedIn('viewer@walsall.example');
    walsall = (await t.app.services.partnerships.findBySlug('walsall'))!.id;
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'analyst@walsall.example')
      .executeTakeFirstOrThrow();
    actor = { userId: user.id, label: 'Packs test <analyst@walsall.example>' };
    const list = await analyst.get('/p/walsall/scorecards');
    q3 = new RegExp(`href="/p/walsall/scorecards/([0-9a-f-]{36})">${Q3_2013}`).exec(list.body)![1]!;

    // The owner explains a red row, the pack is frozen for November's panel, then the story moves
    // on and a figure the pack shows is revised, and a second pack is frozen for January's.
    const { exceptions, indicators } = t.app.services;
    const [exception] = (await exceptions.report(walsall, actor, q3)).exceptions;
    const commentary = { period: exception!.row.current!.periodCode, story: FIRST_STORY };
    await exceptions.comment(walsall, actor, q3, exception!.row.id, commentary);
    november = await packs.freeze(walsall, actor, q3, NOVEMBER);
    await exceptions.comment(walsall, actor, q3, exception!.row.id, { ...commentary, story: LATER_STORY });
    await indicators.recordFigures(walsall, actor, [REVISED_VACANCY_RATE], 'packs test');
    january = await packs.freeze(walsall, actor, q3, JANUARY);
  });
  afterAll(() => t.close());

  describe('the service', () => {
    it('titles a pack by the scorecard, the meeting and its date, with the scorecard’s own date for the figures', async () => {
      const { pack } = await packs.pack(walsall, actor, november);
      expect(pack).toMatchObject({
        title: `${Q3_2013} as presented to the Scrutiny and Performance Panel, 26 November 2013`,
        presentedOn: '2013-11-26',
        asAt: '2013-11-30',
      });
    });

    it('keeps the figure the board was shown after the figure is revised', async () => {
      expect(vacancyRate((await packs.pack(walsall, actor, november)).pack.snapshot)).toBe('18.6%');
      expect(vacancyRate((await packs.pack(walsall, actor, january)).pack.snapshot)).toBe('19.9%');
    });

    it('keeps the exception report’s commentary as it was when the pack was frozen', async () => {
      const { exceptions } = await packs.pack(walsall, actor, november);
      expect(exceptions[0]!.commentary?.story).toBe(FIRST_STORY);
    });

    it('says what was revised between two packs, reading the earlier meeting’s pack first', async () => {
      const { comparison, earlier } = await packs.compare(walsall, actor, january, november);
      const vacancy = comparison.rows.find((r) => r.indicator.code === 'sw-vacancy-rate-pct');
      expect(earlier.id).toBe(november);
      expect(vacancy?.changes.map((c) => c.text)).toEqual(['November 2013 figure revised from 18.6% to 19.9%']);
      expect(comparison.counts).toMatchObject({ revised: 1, moved: 0, added: 0, removed: 0 });
    });

    it('lists packs by board, the newest meeting first', async () => {
      const { groups } = await packs.list(walsall, actor);
      expect(groups.map((g) => g.board?.name)).toEqual(['Children’s Services Scrutiny and Performance Panel']);
      expect(groups[0]!.packs.map((p) => p.id)).toEqual([january, november]);
    });

    it('records who froze each pack in the audit log', async () => {
      const events = await withTenant(t.database.db, { partnershipId: walsall }, (trx) =>
        trx.selectFrom('audit_events').select(['entity_id', 'actor_user_id']).where('entity_type', '=', 'board_pack').execute(),
      );
      expect(events).toEqual(expect.arrayContaining([{ entity_id: november, actor_user_id: actor.userId }]));
    });

    it.each([
      { name: 'nothing', body: {}, fields: ['meeting', 'presentedOn'] },
      { name: 'a date that does not exist', body: { meeting: 'Panel', presentedOn: '2013-02-30' }, fields: ['presentedOn'] },
      { name: 'a date in words that does not exist', body: { ...NOVEMBER, asAt: '31 November 2013' }, fields: ['asAt'] },
    ])('refuses to freeze $name', async ({ body, fields }) => {
      const refused = await packs.freeze(walsall, actor, q3, body).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ValidationError);
      expect(Object.keys((refused as ValidationError).fields)).toEqual(fields);
    });

    it('refuses any change to a pack, and changes nothing', async () => {
      const before = await packs.pack(walsall, actor, november);
      await expect(packs.refuseChange(walsall, actor, november)).rejects.toThrow(FrozenPackError);
      expect(await packs.pack(walsall, actor, november)).toEqual(before);
    });

    it('has the database refuse a direct change to a pack’s snapshot or title', async () => {
      const db = t.database.db;
      await expect(
        withTenant(db, { partnershipId: walsall }, (trx) =>
          sql`UPDATE board_packs SET snapshot = '{}'::jsonb WHERE id = ${november}`.execute(trx),
        ),
      ).rejects.toThrow('A board pack is frozen and cannot be changed');
      await expect(
        withTenant(db, { partnershipId: walsall }, (trx) =>
          trx.updateTable('board_packs').set({ title: 'Changed' }).where('id', '=', november).execute(),
        ),
      ).rejects.toThrow('A board pack is frozen and cannot be changed');
      expect(vacancyRate((await packs.pack(walsall, actor, november)).pack.snapshot)).toBe('18.6%');
    });

    it('keeps Walsall’s packs from Birmingham', async () => {
      const birmingham = (await t.app.services.partnerships.findBySlug('birmingham'))!.id;
      await expect(packs.pack(birmingham, actor, november)).rejects.toThrow(NotFoundError);
      expect((await packs.list(birmingham, actor)).groups).toEqual([]);
    });
  });

  // These need the routes wired into the app (registerPackRoutes in src/web/app.ts).
  describe('the pages', () => {
    it('lists the packs under their board for everyone', async () => {
      const page = await viewer.get('/p/walsall/packs');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Children’s Services Scrutiny and Performance Panel</caption>');
      expect(page.body).toContain(`href="/p/walsall/packs/${november}"`);
    });

    it('shows a pack as presented, while the live scorecard shows the revised figure', async () => {
      const pack = await viewer.get(`/p/walsall/packs/${november}`);
      expect(pack.statusCode).toBe(200);
      expect(pack.body).toContain('As presented to the Scrutiny and Performance Panel, 26 November 2013');
      expect(rowOf(pack.body, 'row-sw-vacancy-rate-pct')).toContain('18.6%');
      expect(rowOf(pack.body, 'row-sw-vacancy-rate-pct')).toContain('Improved');
      expect(rowOf((await viewer.get(`/p/walsall/scorecards/${q3}`)).body, 'row-sw-vacancy-rate-pct')).toContain('19.9%');
    });

    it('keeps the charts for selected areas the board was shown, on the page and as images in the Word paper', async () => {
      const pack = (await viewer.get(`/p/walsall/packs/${november}`)).body;
      expect(pack).toContain('Charts for selected areas');
      expect([...pack.matchAll(/data-qa="selected-chart"/g)]).toHaveLength(3);
      const files = unzip((await viewer.get(`/p/walsall/packs/${november}/export.docx`)).rawPayload);
      expect([...files.keys()].filter((name) => name.startsWith('word/media/'))).toHaveLength(3);
    });

    it('puts the exception report with its commentary as frozen in the pack’s Word paper', async () => {
      const paper = unzip((await viewer.get(`/p/walsall/packs/${november}/export.docx`)).rawPayload);
      const document = paper.get('word/document.xml')!.toString('utf8');
      expect(document).toContain('>Exception report<');
      expect(document).toContain(FIRST_STORY);
      expect(document).not.toContain(LATER_STORY);
    });

    it('compares two packs: what was revised', async () => {
      const page = await viewer.get(`/p/walsall/packs/compare?a=${november}&b=${january}`);
      expect(page.statusCode).toBe(200);
      expect(rowOf(page.body, 'change-sw-vacancy-rate-pct')).toContain('revised from 18.6% to 19.9%');
    });

    it('compares two packs: whose exception commentary changed', async () => {
      const page = await viewer.get(`/p/walsall/packs/compare?a=${november}&b=${january}`);
      const { exceptions } = (await packs.pack(walsall, actor, january)).pack.snapshot;
      const row = (await packs.pack(walsall, actor, january)).pack.snapshot.sections
        .flatMap((s) => s.rows)
        .find((r) => r.id === exceptions.find((e) => e.commentary)!.rowId)!;
      expect(rowOf(page.body, `change-${row.indicator.code}`)).toContain('Commentary changed: the story behind the curve');
      expect(page.body).toContain('commentary written or changed: 1');
    });

    it('asks for both packs when a comparison lacks one', async () => {
      const page = await viewer.get(`/p/walsall/packs/compare?a=${november}&b=`);
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('govuk-error-summary');
      expect(page.body).toContain('Choose the second pack');
    });

    /** The freeze form's date input for the meeting's date, as a browser sends its three boxes. */
    const meetingDate = (day: string, month = '', year = '') => ({
      'presentedOn-day': day,
      'presentedOn-month': month,
      'presentedOn-year': year,
      'asAt-day': '',
      'asAt-month': '',
      'asAt-year': '',
    });

    it('shows the freeze page’s dates as day, month and year boxes', async () => {
      const page = await analyst.get(`/p/walsall/scorecards/${q3}/freeze`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('name="presentedOn-day"');
      expect(page.body).toContain('name="asAt-year"');
      expect(page.body).not.toContain('YYYY-MM-DD');
    });

    it.each([
      { name: 'day, month and year boxes', form: meetingDate('3', '2', '2014'), title: '3 February 2014' },
      { name: 'a month name', form: meetingDate('04', 'Feb', '2014'), title: '4 February 2014' },
      { name: 'a whole date typed into the day box', form: meetingDate('26/11/2013'), title: '26 November 2013' },
      { name: 'an ISO date written whole, as before', form: { presentedOn: '2014-02-05' }, title: '5 February 2014' },
    ])('lets an analyst freeze a scorecard from its freeze page, the meeting’s date given as $name', async ({ form, title }) => {
      const frozen = await analyst.post(`/p/walsall/scorecards/${q3}/packs`, { meeting: 'the Corporate Parenting Board', ...form });
      expect(frozen.statusCode).toBe(303);
      const pack = await viewer.get(String(frozen.headers.location));
      expect(pack.body).toContain('Pack frozen');
      expect(pack.body).toContain(`${Q3_2013} as presented to the Corporate Parenting Board, ${title}`);
    });

    it.each([
      {
        name: 'no meeting',
        form: { meeting: '', ...meetingDate('3', '2', '2014') },
        message: 'Enter the meeting the pack was presented to',
      },
      { name: 'no date', form: { meeting: 'Panel', ...meetingDate('') }, message: 'Enter the date of the meeting' },
      {
        name: 'a date without its month',
        form: { meeting: 'Panel', ...meetingDate('26', '', '2013') },
        message: 'Date of the meeting must include a month',
      },
      {
        name: 'a date that does not exist',
        form: { meeting: 'Panel', ...meetingDate('30', '2', '2014') },
        message: 'Date of the meeting must be a real date',
      },
      {
        name: 'a two-figure year',
        form: { meeting: 'Panel', ...meetingDate('26', '11', '13') },
        message: 'Date of the meeting must include a year with 4 numbers',
      },
      {
        name: 'an ISO date that does not exist',
        form: { meeting: 'Panel', presentedOn: '2014-02-30' },
        message: 'Date of the meeting must be a real date',
      },
    ] as { name: string; form: Record<string, string>; message: string }[])(
      'shows the error summary and freezes nothing given $name',
      async ({ form, message }) => {
        const before = (await packs.list(walsall, actor)).groups.flatMap((g) => g.packs).length;
        const res = await analyst.post(`/p/walsall/scorecards/${q3}/packs`, form);
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('govuk-error-summary');
        expect(res.body).toContain(message);
        expect((await packs.list(walsall, actor)).groups.flatMap((g) => g.packs)).toHaveLength(before);
      },
    );

    it('marks only the box left empty, and keeps what was typed', async () => {
      const res = await analyst.post(`/p/walsall/scorecards/${q3}/packs`, { meeting: 'Panel', ...meetingDate('26', '', '2013') });
      expect(res.body).toContain('href="#presentedOn"');
      expect(res.body).toMatch(
        /class="govuk-input govuk-date-input__input govuk-input--error govuk-input--width-2" id="presentedOn-month"/,
      );
      expect(res.body).toMatch(
        /class="govuk-input govuk-date-input__input govuk-input--width-2" id="presentedOn" name="presentedOn-day" type="text" value="26"/,
      );
    });

    it('lets no viewer freeze a scorecard', async () => {
      expect((await viewer.post(`/p/walsall/scorecards/${q3}/packs`, NOVEMBER)).statusCode).toBe(403);
    });

    it.each(['', '/edit'])('refuses a change posted to the pack%s with 409, and changes nothing', async (path) => {
      const before = await packs.pack(walsall, actor, november);
      const res = await analyst.post(`/p/walsall/packs/${november}${path}`, { title: 'Changed', meeting: 'Another meeting' });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('A board pack is frozen and cannot be changed');
      expect(await packs.pack(walsall, actor, november)).toEqual(before);
    });

    it.each([
      { format: 'csv', type: 'text/csv', starts: 'section,' },
      { format: 'xlsx', type: 'spreadsheetml', starts: 'PK' },
      { format: 'docx', type: 'wordprocessingml', starts: 'PK' },
      { format: 'pdf', type: 'application/pdf', starts: '%PDF' },
    ])('exports a pack as $format, named by its meeting', async ({ format, type, starts }) => {
      const res = await viewer.get(`/p/walsall/packs/${november}/export.${format}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(type);
      expect(res.headers['content-disposition']).toContain(`filename="board-pack-2013-11-26-the-scrutiny-and-performance-panel.${format}"`);
      expect(res.rawPayload.subarray(0, starts.length).toString('latin1')).toBe(starts);
    });

    it.each(['docx', 'xlsx'])('says in the %s file that the pack is as presented', async (format) => {
      const res = await viewer.get(`/p/walsall/packs/${november}/export.${format}`);
      const text = [...unzip(res.rawPayload).values()].map((file) => file.toString('utf8')).join('');
      expect(text).toContain('As presented to the Scrutiny and Performance Panel, 26 November 2013');
    });

    it('keeps Walsall’s packs from Birmingham', async () => {
      const birmingham = await t.signedIn('admin@birmingham.example');
      expect((await birmingham.get(`/p/birmingham/packs/${november}`)).statusCode).toBe(404);
      expect((await birmingham.get(`/p/walsall/packs/${november}`)).statusCode).toBe(404);
    });
  });
});
