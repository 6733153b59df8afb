import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/data/db.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';

const PLAN_2013_16 = 'Better Together for Children: Children and Young People’s Plan 2013-16';
const YEAR_6 = 'Year 6 children measured as overweight or obese (National Child Measurement Programme)';

describe.each(DIALECTS)('success measures linked to indicators (%s)', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let sponsor: Client;
  let adminToken: string;

  const read = async <T>(work: Parameters<typeof withTenant<T>>[2]) => {
    const walsall = (await t.app.services.partnerships.findBySlug('walsall'))!;
    return withTenant(t.database.db, { partnershipId: walsall.id }, work);
  };
  /** The 2013-16 plan's priority with this number. */
  const priority = (number: number) =>
    read((trx) =>
      trx
        .selectFrom('priorities as pr')
        .innerJoin('plans as pl', 'pl.id', 'pr.plan_id')
        .select('pr.id')
        .where('pl.title', '=', PLAN_2013_16)
        .where('pr.number', '=', number)
        .executeTakeFirstOrThrow(),
    ).then((r) => r.id);
  const indicatorId = (code: string) =>
    read((trx) => trx.selectFrom('indicators').select('id').where('code', '=', code).executeTakeFirstOrThrow()).then((r) => r.id);
  const measureNamed = (text: string) =>
    read((trx) => trx.selectFrom('measures').selectAll().where('text', '=', text).executeTakeFirstOrThrow());
  const api = (method: 'POST' | 'PUT', url: string, payload: object) =>
    t.app.inject({ method, url: `/api/v1/p/walsall${url}`, headers: { authorization: `Bearer ${adminToken}` }, payload });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.signedIn('admin@walsall.example');
    sponsor = await t.signedIn('sponsor@walsall.example');
    const user = await t.database.db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', 'admin@walsall.example')
      .executeTakeFirstOrThrow();
    adminToken = (await t.app.services.account.createToken({ userId: user.id, label: user.name }, { name: 'measures test' })).token;
  });
  afterAll(() => t.close());

  it('shows a demo measure linked to its indicator with its latest figure, direction and rating, and the rule the priority is rated by', async () => {
    const page = await admin.get(`/p/walsall/priorities/${await priority(2)}`);
    expect(page.statusCode).toBe(200);
    const row = page.body.slice(page.body.indexOf(YEAR_6));
    expect(row).toContain('Year 6 children overweight or obese (%)');
    expect(row).toContain('40.0%');
    expect(row).toContain('Academic year 2015/16');
    expect(row).toContain('Deteriorated since the baseline (Academic year 2012/13)');
    expect(row).toContain('Red – off track');
    expect(page.body).toContain('only the actions can make it red');
    expect(page.body).toContain('No figure');
  });

  it('links a new measure to an indicator from the form, and judges it', async () => {
    const id = await priority(4);
    const res = await admin.post(`/p/walsall/priorities/${id}/measures`, {
      text: 'Fewer 16 and 17 year olds NEET',
      indicatorId: await indicatorId('lait-16-17-neet'),
      baselineValue: '2.5',
      baselinePeriod: 'FY2014-15',
      targetValue: '2',
      'targetDate-day': '31',
      'targetDate-month': '3',
      'targetDate-year': '2016',
      trajectory: 'FY2015-16: 2.2',
    });
    expect(res.statusCode).toBe(303);
    const saved = await measureNamed('Fewer 16 and 17 year olds NEET');
    expect(saved).toMatchObject({
      baseline_value: 2.5,
      baseline_period: 'FY2014-15',
      target_value: 2,
      trajectory: [{ period: 'FY2015-16', value: 2.2 }],
    });
    const page = await admin.get(`/p/walsall/priorities/${id}`);
    expect(page.body).toContain('Fewer 16 and 17 year olds NEET');
  });

  it.each([
    [{ text: 'A', indicatorId: '', targetValue: '35' }, 'indicatorId', 'Choose the indicator the figures are for'],
    [
      { text: 'A', indicatorId: 'INDICATOR', baselineValue: '37.3', baselinePeriod: '2013' },
      'baselinePeriod',
      'Enter the baseline period as a period code',
    ],
    [{ text: 'A', indicatorId: 'INDICATOR', baselineValue: 'about 37' }, 'baselineValue', 'The baseline figure must be a number'],
    [{ text: 'A', indicatorId: 'INDICATOR', trajectory: 'next year 36' }, 'trajectory', 'Write each interim target as a period code'],
    [{ text: 'A', indicatorId: '7d444840-9dc0-11d1-b245-5ffdce74fad2' }, 'indicatorId', 'Choose an indicator from the list'],
  ])('refuses %j with a GOV.UK error summary linking to %s', async (form, field, message) => {
    const body = { ...form, indicatorId: form.indicatorId === 'INDICATOR' ? await indicatorId('lait-excess-yr6') : form.indicatorId };
    const res = await admin.post(`/p/walsall/priorities/${await priority(2)}/measures`, body);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain(`href="#${field}"`);
    expect(res.body).toContain(message);
  });

  it('adds and changes a measure through the API, with problem+json for bad input and 409 for a stale version', async () => {
    const id = await priority(8);
    const bad = await api('POST', `/priorities/${id}/measures`, { text: 'Children in low-income families', targetValue: 'lots' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.json())).toContain('targetValue');

    const created = await api('POST', `/priorities/${id}/measures`, {
      text: 'Children under 16 in low-income families',
      indicatorId: await indicatorId('lait-child-pov'),
      targetValue: 20,
      trajectory: [{ period: 'FY2014-15', value: 22 }],
    });
    expect(created.statusCode).toBe(201);
    const measure = created.json();
    expect(measure).toMatchObject({
      indicatorCode: 'lait-child-pov',
      targetValue: 20,
      trajectory: [{ period: 'FY2014-15', value: 22 }],
      version: 1,
    });

    // The plan is published, so moving the target needs a reason and who agreed it.
    const body = {
      text: 'Children under 16 in relative low-income families',
      indicatorId: measure.indicatorId,
      targetValue: 19,
      moveReason: 'The board asked for a stretch target.',
      agreedBy: 'sponsor',
    };
    const changed = await api('PUT', `/measures/${measure.id}`, { ...body, version: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ targetValue: 19, version: 2 });

    const stale = await api('PUT', `/measures/${measure.id}`, { ...body, targetValue: 18, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses to change a measure from a stale form (409), keeping what the person typed', async () => {
    const measure = await measureNamed('Mothers starting to breastfeed');
    const form = {
      text: 'Mothers starting to breastfeed',
      target: 'Rising towards the England rate',
      targetDate: '2016-03-31',
      version: String(measure.version),
    };
    expect((await sponsor.post(`/p/walsall/measures/${measure.id}/edit`, form)).statusCode).toBe(303);
    const stale = await admin.post(`/p/walsall/measures/${measure.id}/edit`, { ...form, text: 'Mothers who start breastfeeding' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Mothers who start breastfeeding');
  });

  it('asks why a target of an approved plan moves and who agreed it, then keeps the move and shows it', async () => {
    const measure = await measureNamed(YEAR_6);
    const form = {
      text: measure.text,
      indicatorId: measure.indicator_id!,
      baselineValue: '37.3',
      baselinePeriod: 'AY2012-13',
      baseline: measure.baseline,
      targetValue: '37',
      target: measure.target,
      tolerance: '1',
      targetDate: '2016-03-31',
      version: String(measure.version),
    };
    const refused = await admin.post(`/p/walsall/measures/${measure.id}/edit`, form);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#moveReason"');
    expect(refused.body).toContain('enter why the target is moving');
    expect(refused.body).toContain('href="#agreedBy"');

    const moved = await admin.post(`/p/walsall/measures/${measure.id}/edit`, {
      ...form,
      moveReason: 'National rates rose; the board agreed a realistic target.',
      agreedBy: 'sponsor',
    });
    expect(moved.statusCode).toBe(303);
    const kept = await read((trx) => trx.selectFrom('rebaselines').selectAll().where('entity_id', '=', measure.id).execute());
    expect(kept).toEqual([
      expect.objectContaining({
        entity_type: 'measure',
        field: 'target',
        before: '35.5 (Below 35.5%)',
        after: '37 (Below 35.5%)',
        agreed_by: 'sponsor',
      }),
    ]);
    const page = await admin.get(`/p/walsall/priorities/${await priority(2)}`);
    expect(page.body).toContain('Target moved from 35.5 (Below 35.5%) to 37 (Below 35.5%)');
    expect(page.body).toContain('agreed by the sponsor: National rates rose; the board agreed a realistic target.');
  });

  it('withholds a small number on the public plan', async () => {
    const police = await t.signedIn('contributor@walsall.example');
    const entered = await police.post('/p/walsall/figures', { period: 'FY2015-16', 'asb-young-people-value': '3', confirm: 'yes' });
    expect(entered.statusCode).toBe(303);
    const added = await admin.post(`/p/walsall/priorities/${await priority(3)}/measures`, {
      text: 'Anti-social behaviour incidents involving young people',
      indicatorId: await indicatorId('asb-young-people'),
    });
    expect(added.statusCode).toBe(303);
    const signedIn = await admin.get(`/p/walsall/priorities/${await priority(3)}`);
    expect(signedIn.body.slice(signedIn.body.indexOf('Anti-social behaviour incidents'))).toMatch(/>\s*3\s*<span/);

    const plan = await t.client().get('/public/walsall/plan');
    expect(plan.statusCode).toBe(200);
    const item = plan.body.slice(
      plan.body.indexOf('Anti-social behaviour incidents'),
      plan.body.indexOf('</li>', plan.body.indexOf('Anti-social behaviour incidents')),
    );
    expect(item).toContain('withheld (small number)');
    expect(item).not.toMatch(/Latest figure: 3\b/);
    expect(plan.body).toContain('Latest figure: 40.0% (Academic year 2015/16)');
  });
});
