import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { parseNationalData, writeNationalData } from '../src/intake/national-load.ts';
import { revisionOf } from '../src/data/repositories/revisions.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';
import { unzip } from './support/zip.ts';
import { todayInEngland } from '../src/core/dates.ts';
import { joinFigures, scorecardRowOf, textOf } from './support/html.ts';

const Q3_2013 = 'Children’s Scrutiny Board scorecard, Q3 2013';

/** The Q3 2013 scorecard's rows and the direction of travel its paper printed (seed 003, appendix 4). */
const SEED_ARROWS = [
  { row: 'ia-10-days-pct', current: '46.0%', direction: 'Deteriorated' },
  { row: 'ca-35-days-pct', current: '82.6%', direction: 'Improved' },
  { row: 'cp-repeat-2yrs-pct', current: '10.4%', direction: 'Maintained' },
  { row: 'lac-long-term-stability-pct', current: '55.8%', direction: 'Deteriorated' },
  { row: 'adoption-days', current: '533', direction: 'Improved' },
  { row: 'yo-first-time-entrants-rate', current: '222', direction: 'Improved' },
  { row: 'yo-reoffending-rate', current: '0.88', direction: 'Deteriorated' },
  { row: 'sw-vacancy-rate-pct', current: '18.6%', direction: 'Improved' },
  { row: 'sw-sickness-days', current: '13.2', direction: 'Improved' },
];

describe.each(DIALECTS)('scorecards (%s)', (dialect) => {
  let t: TestApp;
  let analyst: Client;
  let viewer: Client;
  let q3: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    analyst = await t.signedIn('analyst@walsall.example');
    viewer = await t.signedIn('viewer@walsall.example');
    const list = await viewer.get('/p/walsall/scorecards');
    q3 = new RegExp(`href="(/p/walsall/scorecards/[0-9a-f-]{36})">${Q3_2013}`).exec(list.body)![1]!;
  });
  afterAll(() => t.close());

  /** The bundled national data, parsed once (loading it again changes no figure). */
  const bundle = parseNationalData();

  /** The HTML of one scorecard row, its figures whole (tests/support/html.ts). */
  const rowOf = (body: string, code: string) => joinFigures(scorecardRowOf(body, code));

  it.each(SEED_ARROWS)('shows $row at $current, $direction, as the seed’s paper did', async ({ row, current, direction }) => {
    const page = await viewer.get(q3);
    expect(page.statusCode).toBe(200);
    expect(rowOf(page.body, row)).toContain(current);
    expect(rowOf(page.body, row)).toContain(direction);
  });

  it('compares a row with England’s last published figure when the row’s own year has none, and rates it', async () => {
    const row = rowOf((await viewer.get(q3)).body, 'ia-10-days-pct');
    expect(textOf(row)).toContain('75.5%(2012-13)');
    expect(row).toContain('govuk-tag--red');
  });

  it('shows the figures known at an earlier date on request', async () => {
    const row = rowOf((await viewer.get(`${q3}?asAt=2013-10-31`)).body, 'sw-vacancy-rate-pct');
    expect(row).toContain('22.5%');
  });

  it('reads the date from day, month and year boxes as from a link’s ?asAt=', async () => {
    const link = await viewer.get(`${q3}?asAt=2013-10-31`);
    const boxes = await viewer.get(`${q3}?asAt-day=31&asAt-month=10&asAt-year=2013`);
    const named = await viewer.get(`${q3}?asAt-day=31&asAt-month=Oct&asAt-year=2013`);
    const later = await viewer.get(`${q3}?asAt=2013-12-31`);
    expect(boxes.statusCode).toBe(200);
    expect(rowOf(boxes.body, 'sw-vacancy-rate-pct')).toEqual(rowOf(link.body, 'sw-vacancy-rate-pct'));
    expect(rowOf(named.body, 'sw-vacancy-rate-pct')).toEqual(rowOf(link.body, 'sw-vacancy-rate-pct'));
    expect(rowOf(later.body, 'sw-vacancy-rate-pct')).not.toEqual(rowOf(link.body, 'sw-vacancy-rate-pct'));
    expect((await viewer.get(`${q3}/exceptions?asAt-day=31&asAt-month=12&asAt-year=2013`)).statusCode).toBe(200);
  });

  it.each([
    { query: 'asAt-day=31&asAt-month=2&asAt-year=2014', message: 'Date must be a real date' },
    { query: 'asAt-day=31&asAt-month=&asAt-year=2013', message: 'Date must include a month' },
    { query: 'asAt=2013-02-30', message: 'Date must be a real date' },
  ])('shows the scorecard with its error summary for a wrong date, $query', async ({ query, message }) => {
    const res = await viewer.get(`${q3}?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain(message);
    expect(rowOf(res.body, 'sw-vacancy-rate-pct')).not.toBe('');
  });

  it('lets an analyst build a scorecard: create, add a section and rows, move and remove a row', async () => {
    const created = await analyst.post('/p/walsall/scorecards', {
      title: 'Test scorecard',
      previousPeriods: '2',
      columns: ['england', 'direction', 'rag'],
    });
    expect(created.statusCode).toBe(303);
    const edit = created.headers.location as string;
    const base = edit.replace(/\/edit\?.*$/, '');
    expect((await analyst.post(`${base}/sections`, { title: 'Front door' })).statusCode).toBe(303);
    const builder = await analyst.get(`${base}/edit`);
    const sectionId = /name="sectionId"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(builder.body)![1]!;
    for (const code of ['cin-referral-rate', 'cin-rereferral-12m-pct']) {
      expect((await analyst.post(`${base}/rows`, { sectionId, indicatorCode: code, ragRule: 'england', tolerance: '1' })).statusCode).toBe(
        303,
      );
    }
    const rows = [...(await analyst.get(`${base}/edit`)).body.matchAll(/id="row-([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(rows).toHaveLength(2);
    expect((await analyst.post(`${base}/rows/${rows[1]}/move`, { direction: 'up' })).statusCode).toBe(303);
    const moved = [...(await analyst.get(`${base}/edit`)).body.matchAll(/id="row-([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(moved).toEqual([rows[1], rows[0]]);
    expect((await analyst.post(`${base}/rows/${rows[0]}/remove`, {})).statusCode).toBe(303);
    const page = await viewer.get(base);
    expect(page.body).toContain('Re-referrals within 12 months');
    expect(page.body).not.toContain('data-qa="row-cin-referral-rate"');
  });

  describe('the builder (issue 13)', () => {
    const ROW_ID = /id="row-([0-9a-f-]{36})"/g;
    const SECTION_ID = /id="section-([0-9a-f-]{36})" data-qa="builder-section"/g;
    const idsOf = (body: string, pattern: RegExp) => [...body.matchAll(pattern)].map((m) => m[1]!);
    /** The builder's HTML of one row, from its id to the end of its summary-list row. */
    const builderRow = (body: string, id: string) => new RegExp(`id="row-${id}"[\\s\\S]*?</dd>\\s*</div>`).exec(body)?.[0] ?? '';

    /** A new scorecard with the sections named, each given the rows' indicator codes; its URL. */
    const scorecardWith = async (title: string, sections: Record<string, string[]>) => {
      const created = await analyst.post('/p/walsall/scorecards', { title, previousPeriods: '1' });
      const base = (created.headers.location as string).replace(/\/edit\?.*$/, '');
      for (const name of Object.keys(sections)) await analyst.post(`${base}/sections`, { title: name });
      const sectionIds = idsOf((await analyst.get(`${base}/edit`)).body, SECTION_ID);
      for (const [n, codes] of Object.values(sections).entries())
        for (const code of codes)
          await analyst.post(`${base}/rows`, { sectionId: sectionIds[n]!, indicatorCode: code, ragRule: 'england', tolerance: '1' });
      return base;
    };

    it('lists each row by its indicator’s title, with its code as a hint', async () => {
      const builder = (await analyst.get(`${q3}/edit`)).body;
      expect(builder).toMatch(
        /<dt class="govuk-summary-list__key">\s*Initial assessments completed within 10 working days\s*<span[^>]*app-secondary[^>]*>ia-10-days-pct</,
      );
      expect(builder).not.toMatch(/<td class="govuk-table__cell">ia-10-days-pct/);
    });

    it('offers the indicators in a plain, grouped select that the script enhances and a form without script still sends', async () => {
      const builder = (await analyst.get(`${q3}/edit`)).body;
      expect(builder).toMatch(/<select class="govuk-select[^"]*" id="indicatorCode" name="indicatorCode"[^>]*data-app-picker>/);
      expect(builder).toContain('<optgroup label="The national library">');
      expect(builder).toContain('<option value="cp-plan-rate" data-hint="cp-plan-rate">');
      const base = await scorecardWith('Picker test', { Front: [] });
      const [sectionId] = idsOf((await analyst.get(`${base}/edit`)).body, SECTION_ID);
      const added = await analyst.post(`${base}/rows`, { sectionId: sectionId!, indicatorCode: 'cp-plan-rate', ragRule: 'none' });
      expect(added.statusCode).toBe(303);
      expect((await analyst.get(`${base}/edit`)).body).toContain('Child protection plans');
    });

    it('lets an analyst change a row’s rule, tolerance, maintained band and note, audited', async () => {
      const base = await scorecardWith('Row change test', { Front: ['cin-referral-rate'] });
      const [row] = idsOf((await analyst.get(`${base}/edit`)).body, ROW_ID);
      const form = await analyst.get(`${base}/rows/${row}/edit`);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('<h1 class="govuk-heading-l">Change Referrals to children&#39;s social care');
      expect(form.body).toMatch(/id="tolerance" name="tolerance" type="text" value="1"/);
      const saved = await analyst.post(`${base}/rows/${row}/edit`, {
        ragRule: 'target',
        tolerance: '2.5',
        maintainedBand: '0.5',
        note: 'Counted at the month’s end',
      });
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe(`${base}/edit?notice=changed#row-${row}`);
      const changed = builderRow((await analyst.get(`${base}/edit`)).body, row!);
      expect(changed).toContain('Against the target, with a tolerance, amber within 2.5');
      expect(changed).toContain('Note: Counted at the month’s end');
      expect((await analyst.get(`${base}/rows/${row}/edit`)).body).toMatch(
        /id="maintainedBand" name="maintainedBand" type="text" value="0.5"/,
      );
      const audit = (await (await t.signedIn('admin@walsall.example')).get('/p/walsall/admin/audit')).body;
      expect(audit).toContain('Changed how Referrals to children&#39;s social care');
    });

    it.each<{ name: string; form: Record<string, string>; message: string }>([
      { name: 'a negative tolerance', form: { ragRule: 'england', tolerance: '-1' }, message: 'The tolerance must be a number, 0 or more' },
      {
        name: 'a tolerance in words',
        form: { ragRule: 'england', tolerance: 'two' },
        message: 'The tolerance must be a number, 0 or more',
      },
      { name: 'an unknown rule', form: { ragRule: 'sometimes' }, message: 'Choose how the row is rated' },
      { name: 'no rule', form: { tolerance: '1' }, message: 'Choose how the row is rated' },
      {
        name: 'a formula for a note',
        form: { ragRule: 'england', note: '=HYPERLINK("http://x")' },
        message: 'The note must not start with = + - or @',
      },
    ])('refuses a row change with $name, with the error summary, and changes nothing', async ({ form, message }) => {
      const base = await scorecardWith(`Refused change ${message}`, { Front: ['cin-referral-rate'] });
      const before = (await analyst.get(`${base}/edit`)).body;
      const [row] = idsOf(before, ROW_ID);
      const refused = await analyst.post(`${base}/rows/${row}/edit`, form);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('govuk-error-summary');
      expect(refused.body).toContain(message);
      expect(builderRow((await analyst.get(`${base}/edit`)).body, row!)).toBe(builderRow(before, row!));
    });

    it('answers 404 for changing a row of another scorecard', async () => {
      const other = await scorecardWith('Another scorecard', { Front: ['cin-referral-rate'] });
      const [row] = idsOf((await analyst.get(`${other}/edit`)).body, ROW_ID);
      expect((await analyst.get(`${q3}/rows/${row}/edit`)).statusCode).toBe(404);
      expect((await analyst.post(`${q3}/rows/${row}/edit`, { ragRule: 'none' })).statusCode).toBe(404);
      expect((await analyst.get(`${q3}/rows/${row}/remove`)).statusCode).toBe(404);
    });

    it('moves sections up and down with plain forms, and an end section no further', async () => {
      const base = await scorecardWith('Section order test', { First: [], Second: [], Third: [] });
      const [first, second, third] = idsOf((await analyst.get(`${base}/edit`)).body, SECTION_ID);
      const moved = await analyst.post(`${base}/sections/${third}/move`, { direction: 'up' });
      expect(moved.statusCode).toBe(303);
      expect(moved.headers.location).toBe(`${base}/edit?notice=section-moved#section-${third}`);
      expect(idsOf((await analyst.get(`${base}/edit`)).body, SECTION_ID)).toEqual([first, third, second]);
      expect((await analyst.post(`${base}/sections/${first}/move`, { direction: 'up' })).statusCode).toBe(303);
      expect((await analyst.post(`${base}/sections/${first}/move`, { direction: 'sideways' })).statusCode).toBe(303);
      expect((await analyst.post(`${base}/sections/${first}/move`, { direction: 'down' })).statusCode).toBe(303);
      expect(idsOf((await analyst.get(`${base}/edit`)).body, SECTION_ID)).toEqual([third, first, second]);
      const read = (await viewer.get(`${base}?asAt=2014-03-31`)).body;
      expect(read.indexOf('Third')).toBeLessThan(read.indexOf('First'));
    });

    it('moves rows within their section, keeping the others in order', async () => {
      const base = await scorecardWith('Row order test', { Front: ['cin-referral-rate', 'cin-rereferral-12m-pct', 'cp-plan-rate'] });
      const [a, b, c] = idsOf((await analyst.get(`${base}/edit`)).body, ROW_ID);
      expect((await analyst.post(`${base}/rows/${a}/move`, { direction: 'down' })).statusCode).toBe(303);
      expect((await analyst.post(`${base}/rows/${a}/move`, { direction: 'down' })).statusCode).toBe(303);
      expect((await analyst.post(`${base}/rows/${a}/move`, { direction: 'down' })).statusCode).toBe(303);
      expect(idsOf((await analyst.get(`${base}/edit`)).body, ROW_ID)).toEqual([b, c, a]);
    });

    it('asks before removing a row, with a warning button, and removes it only when confirmed', async () => {
      const base = await scorecardWith('Removal test', { Front: ['cin-referral-rate', 'cp-plan-rate'] });
      const builder = (await analyst.get(`${base}/edit`)).body;
      const [row, kept] = idsOf(builder, ROW_ID);
      expect(builder).not.toContain('govuk-button--warning');
      expect(builderRow(builder, row!)).toContain(`href="${base}/rows/${row}/remove">Remove<span class="govuk-visually-hidden"> Referrals`);
      const confirm = await analyst.get(`${base}/rows/${row}/remove`);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('Are you sure you want to remove Referrals to children&#39;s social care');
      expect(confirm.body).toContain('from Removal test?');
      expect(confirm.body).toMatch(/<button[^>]*class="govuk-button govuk-button--warning"[^>]*>\s*Yes, remove it/);
      expect(idsOf((await analyst.get(`${base}/edit`)).body, ROW_ID)).toEqual([row, kept]);
      const removed = await analyst.post(`${base}/rows/${row}/remove`, {});
      expect(removed.headers.location).toBe(`${base}/edit?notice=removed`);
      expect(idsOf((await analyst.get(`${base}/edit`)).body, ROW_ID)).toEqual([kept]);
      expect((await analyst.post(`${base}/rows/${row}/remove`, {})).statusCode).toBe(303);
      expect((await analyst.get(`${base}/rows/${row}/remove`)).statusCode).toBe(404);
    });

    it('asks before removing a section, saying how many rows go with it', async () => {
      const base = await scorecardWith('Section removal test', { Front: ['cin-referral-rate', 'cp-plan-rate'], Back: [] });
      const [front, back] = idsOf((await analyst.get(`${base}/edit`)).body, SECTION_ID);
      const confirm = await analyst.get(`${base}/sections/${front}/remove`);
      expect(confirm.body).toContain('Are you sure you want to remove the section Front from Section removal test?');
      expect(confirm.body).toContain('Its 2 rows go with it');
      expect((await analyst.post(`${base}/sections/${front}/remove`, {})).headers.location).toBe(`${base}/edit?notice=section-removed`);
      const after = (await analyst.get(`${base}/edit`)).body;
      expect(idsOf(after, SECTION_ID)).toEqual([back]);
      expect(idsOf(after, ROW_ID)).toEqual([]);
      expect((await viewer.get(`${base}/sections/${back}/remove`)).statusCode).toBe(403);
    });
  });

  it.each<{ name: string; form: Record<string, string>; message: string }>([
    { name: 'no title', form: { title: '', previousPeriods: '2' }, message: 'Enter a title' },
    { name: 'too many earlier periods', form: { title: 'X', previousPeriods: '9' }, message: 'Show between 0 and 5 earlier periods' },
    {
      name: 'a date that does not exist',
      form: { title: 'X', previousPeriods: '2', 'asAt-day': '31', 'asAt-month': '11', 'asAt-year': '2013' },
      message: 'Date the figures are read at must be a real date',
    },
    {
      name: 'a date without its year',
      form: { title: 'X', previousPeriods: '2', 'asAt-day': '30', 'asAt-month': '11', 'asAt-year': '' },
      message: 'Date the figures are read at must include a year',
    },
    {
      name: 'an unknown column',
      form: { title: 'X', previousPeriods: '2', columns: 'sparkline' },
      message: 'Choose columns from the list',
    },
  ])('refuses a scorecard with $name, showing the error summary', async ({ form, message }) => {
    const res = await analyst.post('/p/walsall/scorecards', form);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain(message);
  });

  it('refuses a row for an unknown indicator or area, naming the field', async () => {
    const builder = await analyst.get(`${q3}/edit`);
    const sectionId = /name="sectionId"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(builder.body)![1]!;
    const unknown = await analyst.post(`${q3}/rows`, { sectionId, indicatorCode: 'no-such', ragRule: 'none' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('There is no indicator with the code no-such');
    const area = await analyst.post(`${q3}/rows`, { sectionId, indicatorCode: 'cla-rate', areaCode: 'E99999999', ragRule: 'none' });
    expect(area.statusCode).toBe(400);
    expect(area.body).toContain('There is no area with the code E99999999');
  });

  it('refuses a stale change to a scorecard’s settings with 409', async () => {
    const res = await analyst.post(q3, { title: 'Renamed', previousPeriods: '2', version: '0' });
    expect(res.statusCode).toBe(409);
  });

  it('keeps Walsall’s scorecards from Birmingham', async () => {
    const birmingham = await t.signedIn('admin@birmingham.example');
    expect((await birmingham.get(q3.replace('/walsall/', '/birmingham/'))).statusCode).toBe(404);
  });

  it.each([
    { format: 'csv', type: 'text/csv', starts: 'section,' },
    { format: 'xlsx', type: 'spreadsheetml', starts: 'PK' },
    { format: 'docx', type: 'wordprocessingml', starts: 'PK' },
    { format: 'pdf', type: 'application/pdf', starts: '%PDF' },
  ])('exports the Q3 2013 scorecard as $format', async ({ format, type, starts }) => {
    const res = await viewer.get(`${q3}/export.${format}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(type);
    expect(res.headers['content-disposition']).toContain(`.${format}"`);
    expect(res.rawPayload.subarray(0, starts.length).toString('latin1')).toBe(starts);
  });

  it('says so instead of sending an empty file when a scorecard has no figures', async () => {
    const created = await analyst.post('/p/walsall/scorecards', { title: 'Empty scorecard', previousPeriods: '2' });
    const base = (created.headers.location as string).replace(/\/edit\?.*$/, '');
    for (const format of ['csv', 'xlsx', 'docx', 'pdf']) {
      const res = await viewer.get(`${base}/export.${format}`);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toContain('notice=empty');
    }
    expect((await viewer.get(`${base}?notice=empty`)).body).toContain('This scorecard has no figures to export yet.');
  });

  it('answers 404 for an export format it does not make', async () => {
    expect((await viewer.get(`${q3}/export.odt`)).statusCode).toBe(404);
  });

  it('gathers the red and deteriorating rows into the exception report, and keeps every version of their commentary', async () => {
    const report = await viewer.get(`${q3}/exceptions`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Initial assessments completed within 10 working days');
    expect(report.body).not.toContain('Core assessments completed within 35 working days');
    const rowId =
      /id="row-([0-9a-f-]{36})" aria-labelledby="row-[0-9a-f-]{36}-title" data-qa="exception">\s*<span class="govuk-caption-m">Assessments/.exec(
        report.body,
      )![1]!;
    const contributor = await t.signedIn('contributor@walsall.example');
    const first = {
      period: 'FY2013-14',
      story: 'A backlog of 448 assessments built up over the summer.',
      nextSteps: 'Re-organise the duty rota.',
      who: 'Head of Safeguarding',
      'byWhen-day': '31',
      'byWhen-month': '1',
      'byWhen-year': '2014',
    };
    expect((await contributor.post(`${q3}/rows/${rowId}/commentary`, first)).statusCode).toBe(303);
    expect(
      (await contributor.post(`${q3}/rows/${rowId}/commentary`, { ...first, story: 'The backlog is down to 22 (22 November 2013).' }))
        .statusCode,
    ).toBe(303);
    const after = await viewer.get(`${q3}/exceptions`);
    expect(after.body).toContain('The backlog is down to 22 (22 November 2013).');
    expect(after.body).toContain('1 earlier version kept');
  });

  it.each<{ name: string; form: Record<string, string>; message: string }>([
    { name: 'nothing said', form: { period: 'FY2013-14' }, message: 'Tell the story behind the curve, or what we will do' },
    {
      name: 'a date in words',
      form: { period: 'FY2013-14', story: 'x', byWhen: 'soon' },
      message: 'Date it will be done by must be a real date',
    },
    {
      name: 'a date without its month',
      form: { period: 'FY2013-14', story: 'x', 'byWhen-day': '31', 'byWhen-month': '', 'byWhen-year': '2014' },
      message: 'Date it will be done by must include a month',
    },
    { name: 'a formula', form: { period: 'FY2013-14', story: '=HYPERLINK("http://x")' }, message: 'must not start with = + - or @' },
  ])('refuses commentary with $name, showing the error summary', async ({ form, message }) => {
    const report = await analyst.get(`${q3}/exceptions`);
    const rowId = /id="row-([0-9a-f-]{36})"/.exec(report.body)![1]!;
    const res = await analyst.post(`${q3}/rows/${rowId}/commentary`, form);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain(message);
  });

  it('lets no viewer write commentary', async () => {
    const report = await viewer.get(`${q3}/exceptions`);
    const rowId = /id="row-([0-9a-f-]{36})"/.exec(report.body)![1]!;
    expect((await viewer.post(`${q3}/rows/${rowId}/commentary`, { period: 'FY2013-14', story: 'x' })).statusCode).toBe(403);
  });

  it('lets an analyst rate a row by hand with a reason, audited, and go back to the rule', async () => {
    const row = /data-qa="row-cp-plan-rate"[\s\S]*?override=([0-9a-f-]{36})/.exec((await analyst.get(q3)).body)![1]!;
    const refused = await analyst.post(`${q3}/rows/${row}/rag`, { period: 'AT2013-11-30', rag: 'amber', reason: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Give the reason for rating it by hand');
    const saved = await analyst.post(`${q3}/rows/${row}/rag`, {
      period: 'AT2013-11-30',
      rag: 'amber',
      reason: 'Above the income-deprivation expected level of 281',
    });
    expect(saved.statusCode).toBe(303);
    const rated = rowOf((await viewer.get(q3)).body, 'cp-plan-rate');
    expect(rated).toContain('govuk-tag--orange');
    expect(rated).toContain('Rated by hand:');
    const audit = await (await t.signedIn('admin@walsall.example')).get('/p/walsall/admin/audit');
    expect(audit.body).toContain('Rated a scorecard row amber by hand');
    expect(
      (await analyst.post(`${q3}/rows/${row}/rag`, { period: 'AT2013-11-30', rag: '', reason: 'Back to the rule after review' }))
        .statusCode,
    ).toBe(303);
    expect(rowOf((await viewer.get(q3)).body, 'cp-plan-rate')).not.toContain('Rated by hand:');
  });

  it('gives Birmingham the scorecard for its 2015 measures, from the published statistics', async () => {
    const birmingham = await t.signedIn('admin@birmingham.example');
    const list = await birmingham.get('/p/birmingham/scorecards');
    const card = /href="(\/p\/birmingham\/scorecards\/[0-9a-f-]{36})">What will excellence/.exec(list.body)?.[1];
    expect(list.body).toContain('What will excellence');
    const page = await birmingham.get(card!);
    expect(page.statusCode).toBe(200);
    expect(rowOf(page.body, 'lait-inf-mort')).toMatch(/\d+\.\d/);
    expect(page.body).toContain('More children living healthier lifestyles');
  });

  it('charts a row on demand in an accessible figure with the same figures in a table', async () => {
    const row = /data-qa="row-sw-vacancy-rate-pct"[\s\S]*?chart=([0-9a-f-]{36})/.exec((await viewer.get(q3)).body)![1]!;
    const page = await viewer.get(`${q3}?chart=${row}`);
    // The chart's link lands on its heading, then the figure and the table.
    expect(page.body).toMatch(
      /<div class="app-row-chart" id="chart">\s*<h2[^>]*>[^<]*<\/h2>\s*<figure class="app-figure" data-qa="row-chart">\s*<svg[^>]*role="img"/,
    );
    expect(page.body).toContain('href="/p/walsall/indicators/sw-vacancy-rate-pct?area=E08000030">indicator’s page</a>');
    expect(/data-qa="row-chart-table"[\s\S]*?<\/table>/.exec(page.body)?.[0]).toContain('18.6%');
  });
  it('shows a figure saved after the scorecard was read at once: the kept reading moves with the data', async () => {
    // As at today: a figure recorded today is known only from today (decision 0015).
    const december = `${q3}?asAt=${todayInEngland()}`;
    expect(rowOf((await viewer.get(december)).body, 'eh-rate')).toContain('267.5');
    // The analyst is from Children's Services, which reports early help.
    const saved = await analyst.post('/p/walsall/figures', {
      period: '2013-12',
      'eh-rate-value': '275.3',
      'eh-rate-status': 'provisional',
    });
    expect(saved.statusCode).toBe(303);
    expect(rowOf((await viewer.get(december)).body, 'eh-rate')).toContain('275.3');
  });

  it('links each row and its current figure to the indicator’s page for the row’s area and period', async () => {
    const row = rowOf((await viewer.get(q3)).body, 'cp-plan-rate');
    const links = [...row.matchAll(/href="(\/p\/walsall\/indicators\/[^"]+)"/g)].map(([, href]) => href!.replaceAll('&amp;', '&'));
    expect(links).toEqual([
      '/p/walsall/indicators/cp-plan-rate?area=E08000030',
      '/p/walsall/indicators/cp-plan-rate?area=E08000030&period=AT2013-11-30#benchmarks',
    ]);
    for (const link of links) {
      const page = await viewer.get(link.replace(/#.*/, ''));
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('data-qa="unknown-area"');
    }
  });

  it('shows only an analyst the links to rate by hand, though everyone reads the same kept reading', async () => {
    const rateLink = /Change rating<span class="govuk-visually-hidden"> of /;
    expect((await viewer.get(q3)).body).not.toMatch(rateLink);
    expect((await analyst.get(q3)).body).toMatch(rateLink);
    expect((await viewer.get(q3)).body).not.toMatch(rateLink);
  });

  it('moves every partnership’s data revision exactly once when the national figures are loaded', async () => {
    const { db } = t.database;
    const ids = (await db.selectFrom('partnerships').select('id').orderBy('slug').execute()).map((p) => p.id);
    const before = await Promise.all(ids.map((id) => revisionOf(db, id, 'data')));
    await writeNationalData(db, bundle);
    const after = await Promise.all(ids.map((id) => revisionOf(db, id, 'data')));
    expect(ids.length).toBeGreaterThan(1);
    after.forEach((revision, n) => expect(Number(revision)).toBe(Number(before[n]) + 1));
  });

  it('raises the revisions before each statement, so a writer locks its partnership before any row of its own', async () => {
    const { rows } = await sql<{ trigger_name: string; action_timing: string }>`
      SELECT DISTINCT trigger_name, action_timing FROM information_schema.triggers
      WHERE trigger_name LIKE '%\_revision' ESCAPE '\\' AND event_object_table <> 'partnerships'`.execute(t.database.db);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.action_timing !== 'BEFORE')).toEqual([]);
  });

  describe('charts for selected areas', () => {
    /** The selected charts on a page, by title. */
    const chartsOn = (body: string) =>
      [
        ...body.matchAll(
          /<div class="app-row-chart" id="chart-[0-9a-f-]{36}">\s*<h3[^>]*>[^<]*<\/h3>\s*<figure class="app-figure" data-qa="selected-chart">/g,
        ),
      ].length;
    const rowId = (body: string, code: string) => /chart=([0-9a-f-]{36})/.exec(rowOf(body, code))![1]!;

    it('charts the rows the Q3 2013 paper charted, each beside England with a table of the same figures', async () => {
      const page = (await viewer.get(q3)).body;
      expect(page).toContain('<h2 class="govuk-heading-m" id="charts">Charts for selected areas</h2>');
      expect(chartsOn(page)).toBe(3);
      const assessments = page.slice(page.indexOf('id="charts"'));
      const first = /<h3[^>]*>([^<]*)<\/h3>\s*<figure[^>]*>\s*<svg[^>]*role="img"[\s\S]*?<\/figure>\s*(<table[\s\S]*?<\/table>)/.exec(
        assessments,
      )!;
      expect(first[1]).toBe('Initial assessments completed within 10 working days, Walsall');
      expect(first[2]).toMatch(/64\.9%[\s\S]*75\.5%[\s\S]*46\.0%/);
    });

    it('lets an analyst choose a row for charting and stop, audited; a viewer may not', async () => {
      const vacancies = rowId((await viewer.get(q3)).body, 'sw-vacancy-rate-pct');
      expect((await viewer.post(`${q3}/rows/${vacancies}/chart`, { chart: 'yes' })).statusCode).toBe(403);
      const chosen = await analyst.post(`${q3}/rows/${vacancies}/chart`, { chart: 'yes' });
      expect(chosen.statusCode).toBe(303);
      expect(chosen.headers.location).toBe(`${q3}/edit?notice=charted#row-${vacancies}`);
      expect(chartsOn((await viewer.get(q3)).body)).toBe(4);
      expect((await analyst.get(`${q3}/edit`)).body).toMatch(new RegExp(`id="row-${vacancies}"[\\s\\S]*?data-qa="charted">Yes<`));
      expect((await analyst.post(`${q3}/rows/${vacancies}/chart`, { chart: 'no' })).statusCode).toBe(303);
      expect(chartsOn((await viewer.get(q3)).body)).toBe(3);
      const audit = (await (await t.signedIn('admin@walsall.example')).get('/p/walsall/admin/audit')).body;
      expect(audit).toContain('Chose to chart a scorecard row in the paper');
      expect(audit).toContain('Stopped charting a scorecard row in the paper');
    });

    it('answers 404 for charting a row that is not in the scorecard, and changes nothing', async () => {
      const before = chartsOn((await viewer.get(q3)).body);
      for (const row of ['00000000-0000-4000-8000-000000000000', 'not-a-row']) {
        const res = await analyst.post(`${q3}/rows/${row}/chart`, { chart: 'yes' });
        expect(res.statusCode).toBe(404);
      }
      expect(chartsOn((await viewer.get(q3)).body)).toBe(before);
    });

    it('puts them in the Word paper as images with alt text', async () => {
      const files = unzip((await viewer.get(`${q3}/export.docx`)).rawPayload);
      expect([...files.keys()].filter((name) => name.startsWith('word/media/'))).toHaveLength(3);
      expect(files.get('word/document.xml')!.toString('utf8')).toContain(
        'descr="Line chart of Initial assessments completed within 10 working days, Walsall.',
      );
    });
  });
});
