import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';
import { joinFigures, scorecardRowOf, textOf } from './support/html.ts';
import { unzip } from './support/zip.ts';

const BENCHMARKS = 'Children’s social care benchmarks (published statistics)';
const Q3_2013 = 'Children’s Scrutiny Board scorecard, Q3 2013';

/**
 * Publication-aware "as at" (issue 14, decision 0015): DfE's 2013-14 re-referral figures (Walsall
 * 26.9%, England 23.5%) were published in the autumn of 2014, so a scorecard as at 31 December 2013
 * cannot show them.
 */
describe.each(DIALECTS)('figures as known at a date (%s)', (dialect) => {
  let t: TestApp;
  let viewer: Client;
  let analyst: Client;
  let benchmarks: string;
  let q3: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    viewer = await t.signedIn('viewer@walsall.example');
    analyst = await t.signedIn('analyst@walsall.example');
    const list = (await viewer.get('/p/walsall/scorecards')).body;
    const link = (title: string) =>
      new RegExp(`href="(/p/walsall/scorecards/[0-9a-f-]{36})">${title.replace(/[()]/g, '\\$&')}`).exec(list)![1]!;
    benchmarks = link(BENCHMARKS);
    q3 = link(Q3_2013);
  });
  afterAll(() => t.close());

  const rereferrals = async (asAt: string) => {
    const page = await viewer.get(`${benchmarks}?asAt=${asAt}`);
    expect(page.statusCode).toBe(200);
    return { page: page.body, row: textOf(joinFigures(scorecardRowOf(page.body, 'cin-rereferral-12m-pct'))) };
  };

  it('leaves out the 2013-14 figures as at 31 December 2013, and says so', async () => {
    const { page, row } = await rereferrals('2013-12-31');
    expect(row).not.toContain('26.9%');
    expect(row).not.toContain('23.5%');
    expect(row).toContain('2012-13');
    expect(textOf(page)).toContain('Figures as known at 31 December 2013: figures published later are left out.');
  });

  it('shows them as at 31 December 2014, once published', async () => {
    const { row } = await rereferrals('2014-12-31');
    expect(row).toContain('26.9%');
    expect(row).toContain('23.5%');
  });

  it('still shows the demo paper’s own figures as at 30 November 2013', async () => {
    const row = textOf(joinFigures(scorecardRowOf((await viewer.get(q3)).body, 'sw-vacancy-rate-pct')));
    expect(row).toContain('18.6%');
  });

  it('says so in the Word paper', async () => {
    const files = unzip((await viewer.get(`${benchmarks}/export.docx?asAt=2013-12-31`)).rawPayload);
    expect(files.get('word/document.xml')!.toString('utf8')).toContain(
      'Figures as known at 31 December 2013: figures published later are left out.',
    );
  });

  it('answers the benchmark API as known at a date', async () => {
    const figures = '/api/v1/national/indicators/cin-rereferral-12m-pct/observations?area=E08000030';
    const periods = (body: string) => (JSON.parse(body) as { items: { period: { code: string } }[] }).items.map((o) => o.period.code);
    const before = await viewer.get(`${figures}&asAt=2013-12-31`);
    expect(before.statusCode).toBe(200);
    expect(periods(before.body)).not.toContain('FY2013-14');
    expect(JSON.parse(before.body)).toMatchObject({ asAt: '2013-12-31', asKnown: expect.stringContaining('31 December 2013') });
    expect(periods((await viewer.get(`${figures}&asAt=2014-12-31`)).body)).toContain('FY2013-14');
    const benchmark = '/api/v1/national/indicators/cin-rereferral-12m-pct/benchmark?area=E08000030&period=FY2013-14';
    expect(JSON.parse((await viewer.get(`${benchmark}&asAt=2013-12-31`)).body)).toMatchObject({ value: null, england: null });
    expect(JSON.parse((await viewer.get(`${benchmark}&asAt=2014-12-31`)).body)).toMatchObject({ value: 26.9, england: 23.5 });
  });

  it('shows an indicator page as known at a date, and says so', async () => {
    const page = await viewer.get('/p/walsall/indicators/cin-rereferral-12m-pct?asAt=2013-12-31');
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('Figures as known at 31 December 2013');
    expect(page.body).not.toContain('value="FY2013-14"');
    expect((await viewer.get('/p/walsall/indicators/cin-rereferral-12m-pct?asAt=2014-12-31')).body).toContain('value="FY2013-14"');
  });

  it('refuses an API date that is not a real date', async () => {
    const res = await analyst.get('/api/v1/national/indicators/cin-rereferral-12m-pct/observations?area=E08000030&asAt=2013-02-30');
    expect(res.statusCode).toBe(400);
  });

  it('freezes a pack as at 31 December 2013 with the figures then known, and says so', async () => {
    const scorecardId = benchmarks.split('/').at(-1)!;
    const frozen = await analyst.post(`/p/walsall/scorecards/${scorecardId}/packs`, {
      meeting: 'Scrutiny panel',
      presentedOn: '2014-01-14',
      asAt: '2013-12-31',
    });
    expect(frozen.statusCode).toBe(303);
    const pack = await viewer.get(frozen.headers.location as string);
    const row = textOf(joinFigures(scorecardRowOf(pack.body, 'cin-rereferral-12m-pct')));
    expect(row).not.toContain('26.9%');
    expect(textOf(pack.body)).toContain('Figures as known at 31 December 2013');
  });
});
