import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { withTenant, type Db } from '../src/data/db.ts';
import { createPublicScorecardsService, publicScorecardCsv, registerPublicScorecardRoutes } from '../src/features/public/scorecards.ts';
import { DEFAULT_SUPPRESSION } from '../src/core/suppression.ts';
import { buildApp } from '../src/app/app.ts';
import { DIALECTS, openTestDatabase, type Dialect } from './support/app.ts';
import { cellOf, scorecardRowOf, textOf } from './support/html.ts';

const Q3_2013 = 'Children’s Scrutiny Board scorecard, Q3 2013';
const ACTOR = { userId: null, label: 'test' };
const WALSALL = 'E08000030';

/** The app, with the public scorecard routes registered here until app.ts registers them itself. */
async function publicApp(dialect: Dialect): Promise<{ app: FastifyInstance; db: Db }> {
  const database = await openTestDatabase(dialect);
  const config = loadConfig({ NODE_ENV: 'test', BATON_DATA_DIR: '/nonexistent' });
  const app = await buildApp({ config, database, secret: randomBytes(32).toString('hex') });
  if (!app.hasRoute({ method: 'GET', url: '/public/:slug/scorecards' }))
    registerPublicScorecardRoutes(app, createPublicScorecardsService(database.db, app.services.scorecards));
  await app.ready();
  return { app, db: database.db };
}

/** Test data: partnership indicators with small counts, a small-numerator percentage and a breakdown that adds up. */
const TEST_INDICATORS = [
  { code: 'private-fostering-count', title: 'Children in private fostering arrangements', unit: 'count', decimals: '0' },
  { code: 'pf-visits-pct', title: 'Private fostering visits on time', unit: 'percentage', decimals: '1' },
  { code: 'pf-notifications', title: 'Private fostering notifications', unit: 'count', decimals: '0' },
];
const TEST_FIGURES = [
  { indicator_code: 'private-fostering-count', period: 'FY2012-13', value: '9' },
  { indicator_code: 'private-fostering-count', period: 'FY2013-14', value: '3' },
  { indicator_code: 'pf-visits-pct', period: 'FY2013-14', value: '37.5', numerator: '3', denominator: '8' },
  { indicator_code: 'pf-notifications', period: 'FY2013-14', value: '1237' },
  { indicator_code: 'pf-notifications', period: 'FY2013-14', value: '3', breakdown: 'Sex: Male' },
  { indicator_code: 'pf-notifications', period: 'FY2013-14', value: '1234', breakdown: 'Sex: Female' },
];
const TEST_ROWS = [
  { indicatorCode: 'private-fostering-count', ragRule: 'target', note: 'Notifications are rising', chart: 'yes' },
  { indicatorCode: 'pf-visits-pct', ragRule: 'none' },
  { indicatorCode: 'pf-notifications', ragRule: 'none' },
  { indicatorCode: 'pf-notifications', breakdown: 'Sex: Male', ragRule: 'none' },
  { indicatorCode: 'pf-notifications', breakdown: 'Sex: Female', ragRule: 'none' },
];

/** Test data for issue 11's findings 1 and 2: a count by locality, and one by sex with Female left off the page. */
const LOCALITIES = [
  { code: 'test-north', name: 'Test North' },
  { code: 'test-south', name: 'Test South' },
  { code: 'test-east', name: 'Test East' },
];
const LEAK_INDICATORS = [
  { code: 'pf-by-locality', title: 'Private fostering by locality', unit: 'count', decimals: '0' },
  { code: 'pf-by-sex', title: 'Private fostering by sex', unit: 'count', decimals: '0' },
];
const LEAK_FIGURES = [
  ...[['FY2012-13', 60, 20, 30, 10] as const, ['FY2013-14', 50, 20, 27, 3] as const].flatMap(([period, council, ...parts]) => [
    { indicator_code: 'pf-by-locality', area_code: WALSALL, period, value: String(council) },
    ...LOCALITIES.map((l, i) => ({ indicator_code: 'pf-by-locality', area_code: l.code, period, value: String(parts[i]) })),
  ]),
  { indicator_code: 'pf-by-sex', area_code: WALSALL, period: 'FY2013-14', value: '48' },
  { indicator_code: 'pf-by-sex', area_code: WALSALL, period: 'FY2013-14', value: '46', breakdown: 'Sex: Male' },
  { indicator_code: 'pf-by-sex', area_code: WALSALL, period: 'FY2013-14', value: '2', breakdown: 'Sex: Female' },
];
const LEAK_ROWS = [
  { indicatorCode: 'pf-by-locality', ragRule: 'none' },
  ...LOCALITIES.map((l) => ({ indicatorCode: 'pf-by-locality', areaCode: l.code, ragRule: 'none' })),
  { indicatorCode: 'pf-by-sex', ragRule: 'none' },
  { indicatorCode: 'pf-by-sex', breakdown: 'Sex: Male', ragRule: 'none' },
];

describe.each(DIALECTS)('public scorecards (%s)', (dialect) => {
  let app: FastifyInstance;
  let db: Db;
  let q3: string;
  let test: string;
  let unpublished: string;
  let leaks: string;
  let walsallId: string;
  const get = (url: string) => app.inject({ method: 'GET', url });
  const setPublished = (id: string, published: boolean) =>
    withTenant(db, { partnershipId: walsallId }, (trx) => trx.updateTable('scorecards').set({ published }).where('id', '=', id).execute());
  /** The HTML of a row of the public scorecard, by indicator and breakdown. */
  const rowOf = (body: string, code: string, breakdown = '') => scorecardRowOf(body, code, breakdown);
  /** A row's figures in the CSV, period by period: "period,value,marker". */
  const csvLines = (csv: string, start: string) =>
    csv
      .split('\r\n')
      .filter((line) => line.startsWith(start))
      .map((line) => line.slice(start.length).split(',').slice(0, 3).join(','));
  /** The CSV line of a row's current figure. */
  const csvLine = (csv: string, start: string) => csv.split('\r\n').find((line) => line.startsWith(start) && line.includes(',yes,')) ?? '';

  beforeAll(async () => {
    ({ app, db } = await publicApp(dialect));
    const { partnerships, scorecards, indicators } = app.services;
    const walsall = (await partnerships.findBySlug('walsall'))!;
    walsallId = walsall.id;
    q3 = (await scorecards.list(walsall.id, ACTOR)).scorecards.find((s) => s.title === Q3_2013)!.id;
    for (const indicator of TEST_INDICATORS)
      await indicators.create(walsall.id, ACTOR, {
        ...indicator,
        polarity: 'smaller',
        frequency: 'annual',
        periodType: 'financial-year',
        obaCategory: 'how-much',
      });
    await indicators.recordFigures(
      walsall.id,
      ACTOR,
      TEST_FIGURES.map((f) => ({ ...f, area_code: WALSALL })),
      'test',
    );
    await indicators.addTarget(walsall.id, ACTOR, 'private-fostering-count', { areaId: WALSALL, period: 'FY2013-14', value: '2' });
    // As at today: figures recorded today are known only from today (decision 0015).
    test = await scorecards.create(walsall.id, ACTOR, {
      title: 'Private fostering test scorecard',
      previousPeriods: '1',
      columns: ['previous', 'target', 'direction', 'rag', 'note'],
    });
    await scorecards.addSection(walsall.id, ACTOR, test, { title: 'Private fostering' });
    const [section] = (await scorecards.builder(walsall.id, ACTOR, test)).layout;
    for (const row of TEST_ROWS) await scorecards.addRow(walsall.id, ACTOR, test, { sectionId: section!.id, ...row });
    unpublished = await scorecards.create(walsall.id, ACTOR, { title: 'Unpublished test scorecard', previousPeriods: '1' });
    for (const locality of LOCALITIES) await app.services.areas.addLocality(walsall.id, ACTOR, locality);
    for (const indicator of LEAK_INDICATORS)
      await indicators.create(walsall.id, ACTOR, {
        ...indicator,
        polarity: 'none',
        frequency: 'annual',
        periodType: 'financial-year',
        obaCategory: 'how-much',
      });
    await indicators.recordFigures(walsall.id, ACTOR, LEAK_FIGURES, 'test');
    leaks = await scorecards.create(walsall.id, ACTOR, { title: 'Localities test scorecard', previousPeriods: '1' });
    await scorecards.addSection(walsall.id, ACTOR, leaks, { title: 'By locality and sex' });
    const [leakSection] = (await scorecards.builder(walsall.id, ACTOR, leaks)).layout;
    for (const row of LEAK_ROWS) await scorecards.addRow(walsall.id, ACTOR, leaks, { sectionId: leakSection!.id, ...row });
    await setPublished(leaks, true);
    await setPublished(q3, true);
    await setPublished(test, true);
  });
  afterAll(() => app.close());

  it('lists the published scorecards without sign-in, and not the others', async () => {
    const res = await get('/public/walsall/scorecards');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="/public/walsall/scorecards/${q3}"`);
    expect(res.body).toContain('Private fostering test scorecard');
    expect(res.body).not.toContain('Unpublished test scorecard');
  });

  it('says so when a partnership has published no scorecards', async () => {
    const res = await get('/public/birmingham/scorecards');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('The partnership has not published any scorecards yet.');
  });

  it('shows the Q3 2013 scorecard without sign-in, with direction in symbol and words and RAG in words', async () => {
    const res = await get(`/public/walsall/scorecards/${q3}`);
    expect(res.statusCode).toBe(200);
    expect(textOf(rowOf(res.body, 'ia-10-days-pct'))).toContain('46.0%');
    expect(rowOf(res.body, 'ia-10-days-pct')).toContain('Red – off track');
    expect(rowOf(res.body, 'ca-35-days-pct')).toMatch(/<span aria-hidden="true">\S+<\/span> Improved/);
    expect(rowOf(res.body, 'eh-rate')).toContain('Known recording issues being addressed: likely an under-estimate');
    expect(res.body).toContain('Hidden to protect confidentiality: a count of 1 to 4');
  });

  it.each([
    { name: 'an unpublished scorecard', path: () => `/public/walsall/scorecards/${unpublished}` },
    { name: 'another partnership’s scorecard', path: () => `/public/birmingham/scorecards/${q3}` },
    { name: 'an unknown partnership', path: () => `/public/nowhere/scorecards/${q3}` },
    { name: 'a malformed id', path: () => '/public/walsall/scorecards/not-an-id' },
    { name: 'the CSV of an unpublished scorecard', path: () => `/public/walsall/scorecards/${unpublished}/scorecard.csv` },
  ])('answers 404 for $name', async ({ path }) => {
    expect((await get(path())).statusCode).toBe(404);
  });

  it('shows a small count as c, and withholds its rating and direction of travel', async () => {
    const row = rowOf((await get(`/public/walsall/scorecards/${test}`)).body, 'private-fostering-count');
    expect(cellOf(row, 'current')).toMatch(/^c<span class="govuk-visually-hidden">/);
    expect(cellOf(row, 'current')).not.toMatch(/>3</);
    expect(cellOf(row, '2012-13')).toContain('<span class="app-num__whole">9</span>');
    expect(cellOf(row, 'direction')).toMatch(/^c</);
    expect(cellOf(row, 'rag')).toMatch(/^c</);
    expect(row).toContain('Notifications are rising');
  });

  it('charts a chosen row from the suppressed figures only: a hidden figure is a gap, in words and in the table', async () => {
    const page = (await get(`/public/walsall/scorecards/${test}`)).body;
    const charts = page.slice(page.indexOf('id="charts"'), page.indexOf('id="how-to-read"'));
    expect(charts).toContain('Children in private fostering arrangements, Walsall');
    expect(charts).toMatch(/<desc id="chart-[0-9a-f-]{36}-desc">Walsall 9 in 2012-13\.<\/desc>/);
    const table = /<table[\s\S]*?<\/table>/.exec(charts)![0];
    expect(table).toMatch(/2012-13<\/th><td[^>]*>9<\/td>/);
    expect(table).toMatch(
      /2013-14<\/th><td[^>]*>c<span class="govuk-visually-hidden"> \(hidden to protect confidentiality\)<\/span><\/td>/,
    );
    expect(charts).not.toMatch(/>3</);
  });

  it('hides a percentage worked out from a small count, and a part that would give a small one away', async () => {
    const body = (await get(`/public/walsall/scorecards/${test}`)).body;
    expect(cellOf(rowOf(body, 'pf-visits-pct'), 'current')).toMatch(/^c</);
    expect(cellOf(rowOf(body, 'pf-notifications', 'Sex: Male'), 'current')).toMatch(/^c</);
    expect(cellOf(rowOf(body, 'pf-notifications', 'Sex: Female'), 'current')).toMatch(/^c</);
    expect(cellOf(rowOf(body, 'pf-notifications'), 'current')).toSatisfy((html: string) => textOf(html).startsWith('1,237'));
    expect(body).not.toContain('37.5');
    expect(body).not.toContain('1,234');
    expect(body).not.toContain('1234');
  });

  it('sends the suppressed scorecard as CSV, and nothing it hides', async () => {
    const res = await get(`/public/walsall/scorecards/${test}/scorecard.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('private-fostering-test-scorecard.csv');
    expect(csvLine(res.body, 'Private fostering,private-fostering-count,')).toContain(',2013-14,,c,yes,');
    expect(csvLine(res.body, 'Private fostering,pf-visits-pct,')).toContain(',2013-14,,c,yes,');
    expect(csvLine(res.body, 'Private fostering,pf-notifications,Private fostering notifications,Walsall,Sex: Female,')).toContain(
      ',2013-14,,c,yes,',
    );
    expect(res.body).not.toContain('37.5');
    expect(res.body).not.toContain('1234');
  });

  it('shows a newly recorded figure at once, still suppressed', async () => {
    const url = `/public/walsall/scorecards/${test}`;
    expect(cellOf(rowOf((await get(url)).body, 'pf-notifications'), 'current')).toSatisfy((html: string) =>
      textOf(html).startsWith('1,237'),
    );
    await app.services.indicators.recordFigures(walsallId, ACTOR, [{ ...TEST_FIGURES[3]!, value: '1238', area_code: WALSALL }], 'test');
    const body = (await get(url)).body;
    expect(cellOf(rowOf(body, 'pf-notifications'), 'current')).toSatisfy((html: string) => textOf(html).startsWith('1,238'));
    expect(cellOf(rowOf(body, 'pf-notifications', 'Sex: Female'), 'current')).toMatch(/^c</);
  });

  it('groups localities with their council: 50 − 20 − 27 cannot give East’s 3, in 2013-14 only (issue 11, finding 1)', async () => {
    const csv = (await get(`/public/walsall/scorecards/${leaks}/scorecard.csv`)).body;
    const figures = (area: string) => csvLines(csv, `By locality and sex,pf-by-locality,Private fostering by locality,${area},,`);
    expect(figures('Walsall')).toEqual(['2012-13,60,', '2013-14,50,']);
    expect(figures('Test North')).toEqual(['2012-13,20,', '2013-14,,c']);
    expect(figures('Test South')).toEqual(['2012-13,30,', '2013-14,27,']);
    expect(figures('Test East')).toEqual(['2012-13,10,', '2013-14,,c']);
  });

  it('hides Male when the total and Male would give away Female, though Female is not on the page (issue 11, finding 2)', async () => {
    const csv = (await get(`/public/walsall/scorecards/${leaks}/scorecard.csv`)).body;
    expect(csvLines(csv, 'By locality and sex,pf-by-sex,Private fostering by sex,Walsall,,')).toEqual(['2013-14,48,']);
    expect(csvLines(csv, 'By locality and sex,pf-by-sex,Private fostering by sex,Walsall,Sex: Male,')).toEqual(['2013-14,,c']);
    const body = (await get(`/public/walsall/scorecards/${leaks}`)).body;
    expect(cellOf(rowOf(body, 'pf-by-sex', 'Sex: Male'), 'current')).toMatch(/^c</);
    expect(body).not.toMatch(/>46</);
  });

  it('never publishes a negative count stored before counts were checked, nor its text (issue 11, finding 5)', async () => {
    await withTenant(db, { partnershipId: walsallId }, (trx) =>
      trx
        .updateTable('observations')
        .set({ value: -5 })
        .where('partnership_id', '=', walsallId)
        .where('period_code', '=', 'FY2012-13')
        .where('indicator_id', 'in', (eb) => eb.selectFrom('indicators').select('id').where('code', '=', 'private-fostering-count'))
        .execute(),
    );
    const csv = (await get(`/public/walsall/scorecards/${test}/scorecard.csv`)).body;
    const start = 'Private fostering,private-fostering-count,Children in private fostering arrangements,Walsall,,';
    expect(csvLines(csv, start)).toEqual(['2012-13,,c', '2013-14,,c']);
    expect(csv).not.toContain('-5');
    const row = rowOf((await get(`/public/walsall/scorecards/${test}`)).body, 'private-fostering-count');
    expect(cellOf(row, 'earlier')).not.toContain('-5');
  });

  it('stops showing a scorecard as soon as it is unpublished', async () => {
    expect((await get(`/public/walsall/scorecards/${q3}`)).statusCode).toBe(200);
    await setPublished(q3, false);
    expect((await get(`/public/walsall/scorecards/${q3}`)).statusCode).toBe(404);
    expect((await get(`/public/walsall/scorecards/${q3}/scorecard.csv`)).statusCode).toBe(404);
    await setPublished(q3, true);
  });

  it('sends the Q3 2013 scorecard as CSV with its figures', async () => {
    const res = await get(`/public/walsall/scorecards/${q3}/scorecard.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^section,indicator_code,/);
    expect(csvLine(res.body, 'Assessments,ia-10-days-pct,')).toContain(',46,,yes,');
  });
});

describe('publicScorecardCsv', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    const row = {
      id: 'r',
      indicator: { code: 'x', title: '=HYPERLINK("http://example.com")', unit: 'count' as const, decimals: 0, polarity: 'none' as const },
      areaName: 'Testshire',
      breakdown: '',
      note: '',
      qualityNotes: [],
      periods: [{ code: 'FY2013-14', label: '2013-14' }],
      figures: [{ text: '12', value: 12, suppressed: false }],
      current: { text: '12', value: 12, suppressed: false, periodLabel: '2013-14', provisional: false },
      england: { text: '–', value: null, suppressed: false },
      region: { text: '–', value: null, suppressed: false },
      neighbours: { text: '–', value: null, suppressed: false },
      target: null,
      withheld: [],
      direction: null,
      rag: null,
      ragReason: 'Not rated',
      band: null,
      significance: null,
      chart: false,
      englandTrend: [],
    };
    const csv = publicScorecardCsv({
      scorecard: { id: 's', title: 'T', description: '', boardName: null, columns: [] },
      asAt: '2014-03-31',
      sections: [{ title: '@SUM(1)', rows: [{ ...row, indicator: { ...row.indicator, bandLow: null, bandHigh: null, lag: '' } }] }],
      rule: DEFAULT_SUPPRESSION,
    });
    expect(csv.split('\r\n')[1]).toMatch(/^'@SUM\(1\),x,"'=HYPERLINK\(""http:\/\/example.com""\)",/);
  });
});
