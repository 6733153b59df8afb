import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/core/csv-read.ts';
import { withTenant } from '../src/data/db.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';
import { TEST_PASSWORD } from './support/constants.ts';

const WALSALL = 'E08000030';
const BIRMINGHAM = 'E08000025';
/** A contributor from the agency that reports early help (the demo's contributor is from the police). */
const CS_CONTRIBUTOR = 'cs-contributor@walsall.example';
const CHILDRENS_SERVICES = 'Walsall Council Children’s Services';

/** An indicator as the create form posts it. */
const indicatorForm = (over: Record<string, string> = {}) => ({
  code: 'school-readiness-pct',
  title: 'Children ready for school at five',
  definition: 'Children reaching a good level of development at the end of reception.',
  unit: 'percentage',
  decimals: '1',
  polarity: 'bigger',
  bandLow: '',
  bandHigh: '',
  frequency: 'annual',
  periodType: 'academic-year',
  obaCategory: 'better-off',
  lag: '',
  source: 'Early years foundation stage profile',
  agencyId: '',
  ...over,
});

/** Forms the create page refuses, with the message its error summary must show. */
const BAD_INDICATOR_FORMS = [
  { name: 'an empty title', form: indicatorForm({ code: 'no-title', title: '' }), message: 'Enter a title' },
  {
    name: 'a band with no values',
    form: indicatorForm({ code: 'band-missing', polarity: 'band' }),
    message: 'Enter the lower end of the ideal band',
  },
  {
    name: 'a band upside down',
    form: indicatorForm({ code: 'band-upside-down', polarity: 'band', bandLow: '20', bandHigh: '10' }),
    message: 'The upper end of the band must not be below the lower end',
  },
  { name: 'a code with capitals and spaces', form: indicatorForm({ code: 'School Readiness' }), message: 'The code must be lower-case' },
  { name: 'a definition that is a formula', form: indicatorForm({ code: 'formula', definition: '=1+1' }), message: 'must not start with' },
  {
    name: 'a financial year reported monthly (no import accepts a month for it)',
    form: indicatorForm({ code: 'monthly-year', frequency: 'monthly', periodType: 'financial-year' }),
    message: 'A figure counted by financial year cannot be reported monthly: choose Annual or Irregular',
  },
  {
    name: 'a due date of minus a week',
    form: indicatorForm({ code: 'due-negative', dueDays: '-7' }),
    message: 'Enter the days after the period ends as a whole number from 0 to 366',
  },
];

/** Indicator URLs that name nothing this partnership has. */
const MISSING_INDICATOR_PAGES = [
  { name: 'an unknown code', url: '/p/walsall/indicators/no-such-indicator' },
  { name: 'a code with capitals', url: '/p/walsall/indicators/CP-PLAN-RATE' },
  { name: 'a code with bad characters', url: '/p/walsall/indicators/cp_plan%3Crate%3E' },
  { name: 'an unknown code’s CSV', url: '/p/walsall/indicators/no-such-indicator/data.csv' },
  { name: 'a national indicator’s edit page', url: '/p/walsall/indicators/cp-plan-rate/edit' },
  { name: 'another partnership’s indicator', url: '/p/birmingham/indicators/eh-rate' },
];

/** The columns an indicator's CSV download must have. */
const CSV_COLUMNS = [
  'indicator_code',
  'area_code',
  'area_name',
  'period',
  'period_label',
  'value',
  'marker',
  'numerator',
  'denominator',
  'status',
  'quality_note',
  'england',
  'region',
  'comparator_mean',
];
/** A CSV download's rows as records keyed by its header. */
const csvRecords = (text: string) => {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
};

/** Pages of this capability shown without any error: their title must not start "Error:". */
const ERROR_FREE_PAGES = [
  '/p/walsall/indicators',
  '/p/walsall/indicators/cp-plan-rate',
  '/p/walsall/indicators/new',
  '/p/walsall/indicators/eh-rate/edit',
  '/p/walsall/imports',
  '/p/walsall/figures',
  '/p/walsall/figures?period=2013-12',
];
const pageTitle = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

/** The period codes in an indicator page's trend table, oldest first. */
const trendTablePeriods = (html: string) => {
  const table = html.slice(html.indexOf('data-qa="trend-table"'), html.indexOf('</table>', html.indexOf('data-qa="trend-table"')));
  return [...table.matchAll(/<th scope="row" class="govuk-table__header">([^<]*)<\/th>/g)].map(([, label]) => label);
};
/** The benchmark panel's headline value. */
const panelValue = (html: string) => /data-qa="panel-value">([^<]*)</.exec(html)?.[1];
/** The benchmark panel's figure for the area with its count: "39.6 (251 of 63386)". */
const panelFigure = (html: string) => /data-qa="panel-value">([^<]*)<\/strong>([^<]*)</.exec(html)?.slice(1).join('').trim();

/** Walsall's own figure for 31 March 2014, a little above DfE's published 51.1 (326 of 63,744). */
const LOCAL_CP_2014 = {
  indicator_code: 'cp-plan-rate',
  area_code: WALSALL,
  period: 'AT2014-03-31',
  value: '52.0',
  numerator: '331',
  denominator: '63744',
  quality_note: 'Local recount',
};
/** Either the published figure with its count, or the local one with its: never one figure with the other's count. */
const PANEL_FIGURES_2014 = ['51.1 (326 of 63744)', '52.0 (331 of 63744)'];

/** The benchmark panel's heading ("How Walsall compares, At 31 March 2013"). */
const panelHeading = (html: string) => /<h2 class="govuk-heading-m" id="benchmarks">([^<]*)<\/h2>/.exec(html)?.[1];

describe.each(DIALECTS)('indicators, figures and targets (%s)', (dialect) => {
  let t: TestApp;
  let analyst: Client;
  let walsallId: string;

  /** Reads the database as Walsall, outside the app. */
  const read = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.database.db, { partnershipId: walsallId }, work);
  /** Walsall's own early help figure for a month. */
  const earlyHelp = (period: string) =>
    read((trx) =>
      trx
        .selectFrom('observations as o')
        .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
        .select(['o.value', 'o.status', 'o.quality_note', 'o.version'])
        .where('o.partnership_id', '=', walsallId)
        .where('i.code', '=', 'eh-rate')
        .where('o.period_code', '=', period)
        .executeTakeFirst(),
    );
  const indicatorVersion = async (code: string) =>
    (await read((trx) => trx.selectFrom('indicators').select('version').where('code', '=', code).executeTakeFirstOrThrow())).version;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    walsallId = (await t.app.services.partnerships.findBySlug('walsall'))!.id;
    const actor = { userId: null, label: 'indicators test' };
    const agencies = await t.app.services.admin.listAgencies(walsallId, actor);
    await t.app.services.admin.addMember(walsallId, actor, {
      name: 'Casey Children’s Services',
      email: CS_CONTRIBUTOR,
      role: 'contributor',
      agencyId: agencies.find((a) => a.name === CHILDRENS_SERVICES)!.id,
      password: TEST_PASSWORD,
    });
    analyst = await t.signedIn('analyst@walsall.example');
  });
  afterAll(() => t.close());

  describe('the library', () => {
    it('lists the partnership’s own indicators and the national library', async () => {
      const res = await analyst.get('/p/walsall/indicators');
      expect(res.statusCode).toBe(200);
      const own = res.body.slice(res.body.indexOf('data-qa="own-indicators"'), res.body.indexOf('data-qa="national-indicators"'));
      const national = res.body.slice(res.body.indexOf('data-qa="national-indicators"'));
      expect(own).toContain('href="/p/walsall/indicators/eh-rate"');
      expect(own).toContain('href="/p/walsall/indicators/ia-10-days-pct"');
      expect(own).not.toContain('href="/p/walsall/indicators/cp-plan-rate"');
      expect(national).toContain('href="/p/walsall/indicators/cp-plan-rate"');
      expect(national).toContain('href="/p/walsall/indicators/cla-rate"');
    });

    it.each(['referral', 'REFERRAL'])('finds indicators by a word from the title or code (?q=%s)', async (q) => {
      const res = await analyst.get(`/p/walsall/indicators?q=${q}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('href="/p/walsall/indicators/cin-referral-rate"');
      expect(res.body).toContain('href="/p/walsall/indicators/cin-rereferral-12m-pct"');
      expect(res.body).not.toContain('href="/p/walsall/indicators/cp-plan-rate"');
      expect(res.body).not.toContain('href="/p/walsall/indicators/eh-rate"');
    });

    it('lets a viewer read the library and an indicator, without the buttons to change them', async () => {
      const viewer = await t.signedIn('viewer@walsall.example');
      expect((await viewer.get('/p/walsall/indicators')).body).not.toContain('Create an indicator');
      const page = await viewer.get('/p/walsall/indicators/eh-rate');
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('Change this indicator');
      expect(page.body).not.toContain('Set a target');
    });
  });

  describe('an indicator’s page', () => {
    it('shows the benchmark panel for Walsall for the latest period by default', async () => {
      const res = await analyst.get('/p/walsall/indicators/cp-plan-rate');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('data-qa="benchmark-panel"');
      expect(panelHeading(res.body)).toBe(`How Walsall compares, ${trendTablePeriods(res.body).at(-1)}`);
      expect(res.body).toContain('West Midlands');
      expect(res.body).toContain('statistical neighbours, DfE 2025 list');
    });

    it('shows the 2013 figure, 39.6 (251 of 63,386), when that period is chosen', async () => {
      const res = await analyst.get('/p/walsall/indicators/cp-plan-rate?period=AT2013-03-31');
      expect(res.statusCode).toBe(200);
      expect(panelHeading(res.body)).toBe('How Walsall compares, At 31 March 2013');
      expect(panelValue(res.body)).toBe('39.6');
      expect(res.body).toContain('(251 of 63386)');
    });

    it('shows another council when asked, by ONS code', async () => {
      const res = await analyst.get(`/p/walsall/indicators/cp-plan-rate?area=${BIRMINGHAM}&period=AT2013-03-31`);
      expect(res.statusCode).toBe(200);
      expect(panelHeading(res.body)).toBe('How Birmingham compares, At 31 March 2013');
      expect(res.body).toContain(`<option value="${BIRMINGHAM}" selected>Birmingham</option>`);
    });

    it('draws the trend as an SVG image in a figure, with a table of the same periods', async () => {
      const res = await analyst.get('/p/walsall/indicators/cp-plan-rate');
      expect(res.body).toMatch(/<figure[^>]*data-qa="trend-chart"[^>]*>\s*<svg[^>]*role="img"/);
      const periods = trendTablePeriods(res.body);
      expect(periods[0]).toBe('At 31 March 2013');
      expect(periods.length).toBeGreaterThan(10);
      const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(res.body)?.[1];
      // "At 31 March 2013" in the table is "at 31 March 2013" in a sentence.
      expect(desc).toContain(`from 39.6 ${periods[0]!.replace(/^At /, 'at ')}`);
      expect(desc).toContain(periods.at(-1)!.replace(/^At /, 'at '));
    });

    it.each(['nonsense', 'AT1999-03-31', '%3Cscript%3E'])('falls back to the latest period for ?period=%s', async (period) => {
      const latest = await analyst.get('/p/walsall/indicators/cp-plan-rate');
      const res = await analyst.get(`/p/walsall/indicators/cp-plan-rate?period=${period}`);
      expect(res.statusCode).toBe(200);
      expect(panelHeading(res.body)).toBe(panelHeading(latest.body));
    });

    it('falls back to the partnership’s own council for an unknown area, and says so', async () => {
      const res = await analyst.get('/p/walsall/indicators/cp-plan-rate?area=E99999999&period=AT2013-03-31');
      expect(res.statusCode).toBe(200);
      expect(panelHeading(res.body)).toBe('How Walsall compares, At 31 March 2013');
      expect(res.body).toContain('There is no area with the code “E99999999”; showing Walsall instead.');
    });

    it('never shows a count “of 0” for a figure whose denominator is unknown (the local November 2013 figure)', async () => {
      const res = await analyst.get('/p/walsall/indicators/cp-plan-rate?period=AT2013-11-30');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/\(\d+ of 0\)/);
    });

    it('shows in the panel one figure with its own count, when the partnership holds its own figure for a published period', async () => {
      await t.app.services.indicators.recordFigures(walsallId, { userId: null, label: 'indicators test' }, [LOCAL_CP_2014], 'test');
      const res = await analyst.get(`/p/walsall/indicators/cp-plan-rate?period=${LOCAL_CP_2014.period}`);
      expect(PANEL_FIGURES_2014).toContain(panelFigure(res.body));
    });

    it.each(MISSING_INDICATOR_PAGES)('answers 404 for $name', async ({ url }) => {
      const res = await analyst.get(url);
      expect(res.statusCode).toBe(404);
    });

    it('downloads the figures as CSV with a header and a row per period', async () => {
      const res = await analyst.get('/p/walsall/indicators/cp-plan-rate/data.csv');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toContain(`cp-plan-rate-${WALSALL}.csv`);
      expect(parseCsv(res.body)[0]).toEqual(expect.arrayContaining(CSV_COLUMNS));
      expect(csvRecords(res.body)).toContainEqual(
        expect.objectContaining({
          indicator_code: 'cp-plan-rate',
          area_code: WALSALL,
          area_name: 'Walsall',
          period: 'AT2013-03-31',
          period_label: 'At 31 March 2013',
          value: expect.stringMatching(/^39\.59/),
          numerator: '251',
          denominator: '63386',
          status: 'final',
        }),
      );
    });

    it('downloads the figures for the area the page shows (the link carries ?area=)', async () => {
      const page = await analyst.get(`/p/walsall/indicators/cp-plan-rate?area=${BIRMINGHAM}`);
      expect(page.body).toContain(`/p/walsall/indicators/cp-plan-rate/data.csv?area=${BIRMINGHAM}`);
      const res = await analyst.get(`/p/walsall/indicators/cp-plan-rate/data.csv?area=${BIRMINGHAM}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`cp-plan-rate-${BIRMINGHAM}.csv`);
      expect(csvRecords(res.body)).toContainEqual(expect.objectContaining({ area_code: BIRMINGHAM, period: 'AT2013-03-31' }));
      expect(csvRecords(res.body)).not.toContainEqual(expect.objectContaining({ area_code: WALSALL }));
    });
  });

  describe('creating and changing indicators', () => {
    it('creates an indicator from the form and lists it', async () => {
      expect((await analyst.get('/p/walsall/indicators/new')).statusCode).toBe(200);
      const res = await analyst.post('/p/walsall/indicators', indicatorForm());
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/p/walsall/indicators/school-readiness-pct?notice=created');
      const page = await analyst.get(String(res.headers.location));
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Children ready for school at five');
      expect(page.body).toContain('Partnership indicator');
      expect((await analyst.get('/p/walsall/indicators')).body).toContain('href="/p/walsall/indicators/school-readiness-pct"');
    });

    it.each(BAD_INDICATOR_FORMS)('refuses $name with the GOV.UK error summary, saving nothing', async ({ form, message }) => {
      const res = await analyst.post('/p/walsall/indicators', form);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('govuk-error-summary');
      expect(res.body).toContain(message);
      expect((await analyst.get(`/p/walsall/indicators/${form.code}`)).statusCode).toBe(404);
    });

    it('saves an edit made with the current version, and refuses a stale one with 409 and the conflict message', async () => {
      await analyst.post('/p/walsall/indicators', indicatorForm({ code: 'edited-twice' }));
      const version = await indicatorVersion('edited-twice');
      expect((await analyst.get('/p/walsall/indicators/edited-twice/edit')).body).toContain(`name="version" value="${version}"`);

      const first = await analyst.post(
        '/p/walsall/indicators/edited-twice',
        indicatorForm({ title: 'First edit', version: String(version) }),
      );
      expect(first.statusCode).toBe(303);
      expect(first.headers.location).toBe('/p/walsall/indicators/edited-twice?notice=changed');

      const stale = await analyst.post(
        '/p/walsall/indicators/edited-twice',
        indicatorForm({ title: 'Lost edit', version: String(version) }),
      );
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain('Someone else saved this indicator while you were editing');
      expect(stale.body).toContain(`name="version" value="${version + 1}"`);
      expect((await analyst.get('/p/walsall/indicators/edited-twice')).body).toContain('First edit');
    });

    it.each([
      { email: 'contributor@walsall.example', method: 'GET', url: '/p/walsall/indicators/new' },
      { email: 'contributor@walsall.example', method: 'POST', url: '/p/walsall/indicators' },
      { email: 'viewer@walsall.example', method: 'GET', url: '/p/walsall/indicators/eh-rate/edit' },
      { email: 'viewer@walsall.example', method: 'POST', url: '/p/walsall/indicators/eh-rate' },
      { email: 'viewer@walsall.example', method: 'POST', url: '/p/walsall/indicators/eh-rate/targets' },
    ])('refuses $email $method $url (403)', async ({ email, method, url }) => {
      const client = await t.signedIn(email);
      const res = method === 'GET' ? await client.get(url) : await client.post(url, indicatorForm({ code: 'forbidden' }));
      expect(res.statusCode).toBe(403);
    });

    it('refuses to change a national indicator through the form (404)', async () => {
      const res = await analyst.post('/p/walsall/indicators/cp-plan-rate', indicatorForm({ version: '1' }));
      expect(res.statusCode).toBe(404);
    });
  });

  describe('targets', () => {
    it('sets a target and shows it in the targets table', async () => {
      const res = await analyst.post('/p/walsall/indicators/eh-rate/targets', {
        areaId: WALSALL,
        period: '2014-01',
        value: '250',
        tolerance: '10',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/p/walsall/indicators/eh-rate?notice=target#targets');
      const page = await analyst.get('/p/walsall/indicators/eh-rate');
      const table = page.body.slice(page.body.indexOf('data-qa="targets"'));
      expect(table).toMatch(
        /<td class="govuk-table__cell">2014-01<\/td><td class="govuk-table__cell">Walsall<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">250\.0<\/td><td class="govuk-table__cell govuk-table__cell--numeric">10\.0<\/td>/,
      );
    });

    it.each<{ name: string; form: Record<string, string>; message: string }>([
      { name: 'a nonsense period', form: { areaId: WALSALL, period: 'next year', value: '250' }, message: 'Enter a period code' },
      { name: 'no value', form: { areaId: WALSALL, period: '2014-02', value: '' }, message: 'Enter the target' },
      {
        name: 'a negative tolerance',
        form: { areaId: WALSALL, period: '2014-02', value: '250', tolerance: '-1' },
        message: 'zero or more',
      },
      { name: 'an unknown area', form: { areaId: 'E99999999', period: '2014-02', value: '250' }, message: 'Choose the area' },
    ])('refuses a target with $name with the error summary', async ({ form, message }) => {
      const res = await analyst.post('/p/walsall/indicators/eh-rate/targets', form);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('govuk-error-summary');
      expect(res.body).toContain(message);
    });

    it('treats removing a target with a malformed id as removing nothing, not as a server error', async () => {
      const res = await analyst.post(`/p/walsall/indicators/eh-rate/targets/${'-'.repeat(36)}/delete`, {});
      expect([303, 404]).toContain(res.statusCode);
    });
  });

  describe('entering figures', () => {
    let contributor: Client;
    beforeAll(async () => {
      contributor = await t.signedIn(CS_CONTRIBUTOR);
    });

    it('lists the figures due from the contributor’s agency with the figures before', async () => {
      const res = await contributor.get('/p/walsall/figures?period=2013-12');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('data-qa="figures-form"');
      expect(res.body).toContain('name="eh-rate-value"');
      expect(res.body).toMatch(/Before: [^<]*169\.2[^<]*210\.5[^<]*267\.5/);
    });

    it('shows a contributor from another agency none of Children’s Services’ figures', async () => {
      const police = await t.signedIn('contributor@walsall.example');
      const res = await police.get('/p/walsall/figures?period=2013-12');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('name="eh-rate-value"');
    });

    it('ignores figures a contributor posts for another agency’s indicator', async () => {
      const police = await t.signedIn('contributor@walsall.example');
      const res = await police.post('/p/walsall/figures', { period: '2014-08', 'eh-rate-value': '300', confirm: 'yes' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Enter at least one figure');
      expect(await earlyHelp('2014-08')).toBeUndefined();
    });

    it('saves an ordinary figure', async () => {
      const res = await contributor.post('/p/walsall/figures', {
        period: '2013-12',
        'eh-rate-value': '275.3',
        'eh-rate-status': 'provisional',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/p/walsall/figures?period=2013-12&notice=saved');
      expect(await earlyHelp('2013-12')).toMatchObject({ value: 275.3, status: 'provisional' });
    });

    it('asks for a second look at a wildly unusual figure, saving it only once confirmed', async () => {
      const entry = { period: '2014-03', 'eh-rate-value': '5000', 'eh-rate-status': 'provisional' };
      const flagged = await contributor.post('/p/walsall/figures', entry);
      expect(flagged.statusCode).toBe(200);
      expect(flagged.body).toContain('Check this figure');
      expect(flagged.body).toContain('name="confirm"');
      expect(await earlyHelp('2014-03')).toBeUndefined();

      const confirmed = await contributor.post('/p/walsall/figures', { ...entry, confirm: 'yes' });
      expect(confirmed.statusCode).toBe(303);
      expect(await earlyHelp('2014-03')).toMatchObject({ value: 5000 });
    });

    it('refuses a figure that is not a number, naming the field', async () => {
      const res = await contributor.post('/p/walsall/figures', { period: '2014-04', 'eh-rate-value': 'lots' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('govuk-error-summary');
      expect(res.body).toContain('href="#eh-rate-value"');
      expect(await earlyHelp('2014-04')).toBeUndefined();
    });

    it.each([
      { name: 'a negative count', value: '-5', message: 'A count cannot be less than 0' },
      { name: 'a count with a fraction', value: '12.5', message: 'A count is a whole number' },
    ])('refuses $name, naming the field, and saves nothing (issue 11, finding 5)', async ({ value, message }) => {
      const police = await t.signedIn('contributor@walsall.example');
      const res = await police.post('/p/walsall/figures', { period: 'FY2013-14', 'asb-young-people-value': value, confirm: 'yes' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#asb-young-people-value"');
      expect(res.body).toContain(message);
      const stored = await read((trx) =>
        trx
          .selectFrom('observations as o')
          .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
          .select('o.value')
          .where('i.code', '=', 'asb-young-people')
          .where('o.period_code', '=', 'FY2013-14')
          .execute(),
      );
      expect(stored).toEqual([]);
    });

    it('locks a signed-off period: the contributor’s change is refused with 409 and nothing changes', async () => {
      await contributor.post('/p/walsall/figures', {
        period: '2014-05',
        'eh-rate-value': '280',
        'eh-rate-status': 'provisional',
        confirm: 'yes',
      });
      const before = await earlyHelp('2014-05');
      expect(before).toMatchObject({ value: 280 });

      const signedOff = await analyst.post('/p/walsall/figures/sign-off', { period: '2014-05', confirm: 'yes' });
      expect(signedOff.statusCode).toBe(303);
      expect((await contributor.get('/p/walsall/figures?period=2014-05')).body).toContain('data-qa="signed-off"');

      const res = await contributor.post('/p/walsall/figures', { period: '2014-05', 'eh-rate-value': '281', 'eh-rate-status': 'final' });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('is signed off');
      expect(await earlyHelp('2014-05')).toEqual(before);
    });

    it('refuses signing off a period twice (409) and a contributor signing off at all (403)', async () => {
      expect((await analyst.post('/p/walsall/figures/sign-off', { period: '2014-06', confirm: 'yes' })).statusCode).toBe(303);
      expect((await analyst.post('/p/walsall/figures/sign-off', { period: '2014-06', confirm: 'yes' })).statusCode).toBe(409);
      expect((await contributor.post('/p/walsall/figures/sign-off', { period: '2014-07' })).statusCode).toBe(403);
      expect((await contributor.post('/p/walsall/figures/unlock', { period: '2014-06' })).statusCode).toBe(403);
    });

    it('shows a quality note typed into the form escaped on the indicator page', async () => {
      const res = await contributor.post('/p/walsall/figures', {
        period: '2014-02',
        'eh-rate-value': '290',
        'eh-rate-status': 'provisional',
        'eh-rate-note': '<script>alert(1)</script>',
        confirm: 'yes',
      });
      expect(res.statusCode).toBe(303);
      const page = await analyst.get('/p/walsall/indicators/eh-rate');
      expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.body).not.toContain('<script>alert(1)</script>');
    });
  });

  describe('page titles', () => {
    it.each(ERROR_FREE_PAGES)('titles %s without “Error:” when nothing is wrong', async (url) => {
      const res = await analyst.get(url);
      expect(res.statusCode).toBe(200);
      expect(pageTitle(res.body)).not.toMatch(/^Error:/);
    });

    it('titles a form shown again with errors “Error: …”', async () => {
      const res = await analyst.post('/p/walsall/indicators', indicatorForm({ code: 'titled', title: '' }));
      expect(pageTitle(res.body)).toMatch(/^Error: /);
    });
  });

  describe('tenancy', () => {
    it('keeps Walsall’s own figures off Birmingham’s page for Walsall', async () => {
      const birmingham = await t.signedIn('admin@birmingham.example');
      const res = await birmingham.get(`/p/birmingham/indicators/cp-plan-rate?area=${WALSALL}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('How Walsall compares');
      expect(trendTablePeriods(res.body)).not.toContain('At 30 November 2013');
      expect(res.body).not.toContain('(local figure)');
      const csv = await birmingham.get(`/p/birmingham/indicators/cp-plan-rate/data.csv?area=${WALSALL}`);
      expect(csv.body).not.toContain('AT2013-11-30');
    });
  });
});
