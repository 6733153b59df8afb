import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/data/db.ts';
import { createTestApp, DIALECTS, type TestApp } from './support/app.ts';

/** The national indicators the benchmark pages are built around; the library must always hold them. */
const REQUIRED_NATIONAL = [
  'cp-plan-rate',
  'cin-referral-rate',
  'cin-rereferral-12m-pct',
  'cp-plan-second-pct',
  'cla-rate',
  'cla-3plus-placements-pct',
];
const WALSALL = 'E08000030';
const WALSALL_OLD_CODE = '335';
const WEST_MIDLANDS = 'E12000005';
/** Walsall's child protection plans at 31 March 2013: 251 children of 63,386 aged 0-17. */
const CP_2013 = { period: 'AT2013-03-31', numerator: 251, denominator: 63386, value: 39.598 };

const NATIONAL = '/api/v1/national/indicators';
const PERIOD_SHAPE = { code: expect.any(String), label: expect.any(String), start: expect.any(String), end: expect.any(String) };

/** The observation for a period in an API list. */
const itemFor = (items: { period: { code: string } }[], period: string) => items.find((o) => o.period.code === period);

/** Bad queries to the public national endpoints, each answered 400 naming the parameter. */
const BAD_NATIONAL_QUERIES = [
  { name: 'observations without an area', url: `${NATIONAL}/cp-plan-rate/observations`, field: 'area' },
  { name: 'observations for an unknown area', url: `${NATIONAL}/cp-plan-rate/observations?area=E99999999`, field: 'area' },
  { name: 'a benchmark without an area', url: `${NATIONAL}/cp-plan-rate/benchmark?period=AT2013-03-31`, field: 'area' },
  { name: 'a benchmark for an unknown area', url: `${NATIONAL}/cp-plan-rate/benchmark?area=999&period=AT2013-03-31`, field: 'area' },
  { name: 'a benchmark for a nonsense period', url: `${NATIONAL}/cp-plan-rate/benchmark?area=${WALSALL}&period=nonsense`, field: 'period' },
  { name: 'a benchmark without a period', url: `${NATIONAL}/cp-plan-rate/benchmark?area=${WALSALL}`, field: 'period' },
  {
    name: 'a benchmark against an unknown comparator',
    url: `${NATIONAL}/cp-plan-rate/benchmark?area=${WALSALL}&period=AT2013-03-31&comparator=sn1999`,
    field: 'comparator',
  },
];

/** National URLs that name no national indicator: unknown, a partnership's own, or not a code at all. */
const NOT_NATIONAL = [
  { name: 'an unknown indicator', url: `${NATIONAL}/no-such-indicator` },
  { name: 'an unknown indicator’s observations', url: `${NATIONAL}/no-such-indicator/observations?area=${WALSALL}` },
  { name: 'an unknown indicator’s benchmark', url: `${NATIONAL}/no-such-indicator/benchmark?area=${WALSALL}&period=AT2013-03-31` },
  { name: 'a partnership’s own indicator', url: `${NATIONAL}/eh-rate` },
  { name: 'a partnership’s own indicator’s observations', url: `${NATIONAL}/eh-rate/observations?area=${WALSALL}` },
  { name: 'a partnership’s own indicator’s benchmark', url: `${NATIONAL}/eh-rate/benchmark?area=${WALSALL}&period=2013-10` },
  { name: 'a code with characters no code has', url: `${NATIONAL}/CP_PLAN%20RATE/observations?area=${WALSALL}` },
];

/** A partnership indicator as the API creates it. */
const newIndicator = (over: Record<string, unknown> = {}) => ({
  code: 'api-missing-episodes',
  title: 'Missing from home episodes',
  definition: 'Episodes of children going missing from home or care.',
  unit: 'count',
  decimals: 0,
  polarity: 'smaller',
  frequency: 'quarterly',
  periodType: 'financial-quarter',
  obaCategory: 'how-much',
  source: 'West Midlands Police',
  ...over,
});

/** Bodies the create endpoint refuses, with the fields it must name. */
const BAD_INDICATORS = [
  { name: 'a code with capitals and spaces', body: newIndicator({ code: 'Bad Code!' }), fields: ['code'] },
  {
    name: 'a band polarity without the band',
    body: newIndicator({ code: 'api-band-missing', polarity: 'band' }),
    fields: ['bandLow', 'bandHigh'],
  },
  { name: 'no title', body: newIndicator({ code: 'api-no-title', title: '' }), fields: ['title'] },
  { name: 'an unknown unit', body: newIndicator({ code: 'api-bad-unit', unit: 'furlongs' }), fields: ['unit'] },
  { name: 'the code of an existing indicator', body: newIndicator({ code: 'cp-plan-rate' }), fields: ['code'] },
];

/** Two months of early help figures for Walsall, by its ONS and its old DfE code. */
const EH_FIGURES = [
  {
    area: WALSALL,
    period: '2014-01',
    value: 250.5,
    numerator: 1590,
    denominator: 63470,
    status: 'provisional',
    qualityNote: 'From the new system',
  },
  { area: WALSALL_OLD_CODE, period: '2014-02', value: '262.1' },
];

/**
 * One good row (index 4) among rows each wrong in one way; the whole batch is refused with each
 * problem keyed by the record's position (from 0) and, where there is one, its field.
 */
const BAD_FIGURES = [
  { area: 'E99999999', period: '2014-03', value: 240 },
  { area: WALSALL, period: '2014-13', value: 240 },
  { area: WALSALL, period: '2014-04', value: 'about 20' },
  { area: WALSALL, period: '2014-05', value: 240, qualityNote: '=HYPERLINK("x")' },
  { area: WALSALL, period: '2014-06', value: 240 },
  { area: WALSALL, period: '2014-06', value: 241 },
];
const BAD_FIGURE_ROWS = [0, 1, 2, 3, 5];
/** Fields named the same in the body and in the template, so their keys end the same either way. */
const BAD_FIGURE_FIELDS = [
  { row: 1, field: 'period' },
  { row: 2, field: 'value' },
];

/**
 * The positions of the records a 400 names, from keys such as `observations[2].value` (the body's
 * names) or `figures[2].value` (the template's, as the guide in docs/ shows them).
 */
const erroredRows = (errors: Record<string, string>) =>
  [...new Set(Object.keys(errors).map((key) => Number(/^(?:observations|figures)\[(\d+)\]/.exec(key)?.[1])))].sort((a, b) => a - b);
/** The error for a record's field, whichever way the key names the list. */
const errorFor = (errors: Record<string, string>, row: number, field: string) =>
  errors[`observations[${row}].${field}`] ?? errors[`figures[${row}].${field}`];

describe.each(DIALECTS)('the indicators API (%s)', (dialect) => {
  let t: TestApp;
  const tokens = new Map<string, string>();

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, as: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${tokens.get(as)}` }, payload });
  const walsallApi = (method: 'GET' | 'POST' | 'PUT', url: string, as: string, payload?: object) =>
    api(method, `/api/v1/p/walsall${url}`, as, payload);

  /** Reads the database as a partnership, outside the app. */
  const read = async <T>(slug: string, work: Parameters<typeof withTenant<T>>[2]) => {
    const partnership = (await t.app.services.partnerships.findBySlug(slug))!;
    return withTenant(t.database.db, { partnershipId: partnership.id }, work);
  };
  /** How many figures Walsall holds of its own. */
  const ownFigureCount = async () => {
    const partnership = (await t.app.services.partnerships.findBySlug('walsall'))!;
    const rows = await read('walsall', (trx) =>
      trx.selectFrom('observations').select('id').where('partnership_id', '=', partnership.id).execute(),
    );
    return rows.length;
  };
  /** The history kept for Walsall's eh-rate figure for a period. */
  const historyOf = (period: string) =>
    read('walsall', (trx) =>
      trx
        .selectFrom('observation_history as h')
        .innerJoin('indicators as i', 'i.id', 'h.indicator_id')
        .select(['h.change', 'h.before', 'h.after', 'h.reason'])
        .where('i.code', '=', 'eh-rate')
        .where('h.period_code', '=', period)
        .execute(),
    );

  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown> }, status: number) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const email of ['analyst@walsall.example', 'viewer@walsall.example', 'admin@birmingham.example']) {
      const user = await t.database.db.selectFrom('users').select(['id', 'name']).where('email', '=', email).executeTakeFirstOrThrow();
      const { token } = await t.app.services.account.createToken({ userId: user.id, label: user.name }, { name: 'indicators api test' });
      tokens.set(email.replace('@', '-').replace('.example', ''), token);
    }
  });
  afterAll(() => t.close());

  describe('national library, without signing in', () => {
    it('lists the national library with every required indicator', async () => {
      const res = await t.app.inject({ url: NATIONAL });
      expect(res.statusCode).toBe(200);
      const codes = res.json().items.map((i: { code: string }) => i.code);
      expect(codes).toEqual(expect.arrayContaining(REQUIRED_NATIONAL));
      expect(res.json().items).not.toContainEqual(expect.objectContaining({ national: false }));
    });

    it('reads an area’s figures by ONS code or old DfE code alike, each with its period spelt out', async () => {
      const byOns = await t.app.inject({ url: `${NATIONAL}/cp-plan-rate/observations?area=${WALSALL}` });
      const byOld = await t.app.inject({ url: `${NATIONAL}/cp-plan-rate/observations?area=${WALSALL_OLD_CODE}` });
      expect(byOns.statusCode).toBe(200);
      expect(byOld.statusCode).toBe(200);
      expect(byOld.json().items).toEqual(byOns.json().items);
      expect(byOns.json().items.length).toBeGreaterThan(5);
      expect(byOns.json().items).toContainEqual(
        expect.objectContaining({
          period: { code: CP_2013.period, label: 'At 31 March 2013', start: '2013-03-31', end: '2013-03-31' },
          numerator: CP_2013.numerator,
          denominator: CP_2013.denominator,
          local: false,
        }),
      );
      expect(byOns.json().items).toEqual(byOns.json().items.map(() => expect.objectContaining({ period: PERIOD_SHAPE })));
    });

    it('works the 2013 child protection rate out as 251 of 63,386 per 10,000', async () => {
      const res = await t.app.inject({ url: `${NATIONAL}/cp-plan-rate/observations?area=${WALSALL}` });
      const item = itemFor(res.json().items, CP_2013.period) as { value: number } | undefined;
      expect(item?.value).toBeCloseTo(CP_2013.value, 2);
      expect(item).toMatchObject({ numerator: CP_2013.numerator, denominator: CP_2013.denominator });
    });

    it('never shows a partnership’s local figures in the national observations', async () => {
      const res = await t.app.inject({ url: `${NATIONAL}/cp-plan-rate/observations?area=${WALSALL}` });
      expect(res.json().items).not.toContainEqual(expect.objectContaining({ local: true }));
      expect(res.json().items).not.toContainEqual(expect.objectContaining({ period: expect.objectContaining({ code: 'AT2013-11-30' }) }));
    });

    it('benchmarks Walsall against England, the West Midlands and its 2025 statistical neighbours', async () => {
      const res = await t.app.inject({ url: `${NATIONAL}/cp-plan-rate/benchmark?area=${WALSALL}&period=${CP_2013.period}` });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        indicator: 'cp-plan-rate',
        area: { code: WALSALL, oldCode: WALSALL_OLD_CODE, name: 'Walsall' },
        period: { code: CP_2013.period },
        england: expect.any(Number),
        region: { code: WEST_MIDLANDS, name: 'West Midlands', value: expect.any(Number) },
        comparator: { list: 'sn2025', mean: expect.any(Number), count: 10 },
        significance: expect.any(String),
      });
      expect(body.value).toBeCloseTo(CP_2013.value, 2);
      expect(body.comparator.areas).toHaveLength(10);
      expect(body.comparator.areas).not.toContain(WALSALL);
      expect(body.rankOf).toBeGreaterThan(140);
    });

    it('benchmarks against the 2021 statistical neighbours when asked, a different list', async () => {
      const url = `${NATIONAL}/cp-plan-rate/benchmark?area=${WALSALL}&period=${CP_2013.period}`;
      const sn2025 = (await t.app.inject({ url })).json();
      const sn2021 = await t.app.inject({ url: `${url}&comparator=sn2021` });
      expect(sn2021.statusCode).toBe(200);
      expect(sn2021.json().comparator.list).toBe('sn2021');
      expect(sn2021.json().comparator.areas).toHaveLength(10);
      expect(sn2021.json().comparator.areas).not.toEqual(sn2025.comparator.areas);
      expect(sn2021.json().value).toBe(sn2025.value);
    });

    it.each(BAD_NATIONAL_QUERIES)('answers $name with 400 problem+json naming it', async ({ url, field }) => {
      const res = await t.app.inject({ url });
      expectProblem(res, 400);
      expect(Object.keys(res.json().errors)).toContain(field);
    });

    it.each(NOT_NATIONAL)('answers $name with 404 problem+json', async ({ url }) => {
      const res = await t.app.inject({ url });
      expectProblem(res, 404);
    });
  });

  describe('a partnership’s indicators, with a token', () => {
    it('lists the partnership’s own indicators beside the national library', async () => {
      const res = await walsallApi('GET', '/indicators', 'viewer-walsall');
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toContainEqual(expect.objectContaining({ code: 'eh-rate', national: false }));
      expect(res.json().items).toContainEqual(expect.objectContaining({ code: 'cp-plan-rate', national: true }));
    });

    it('creates an indicator for an analyst, answering 201 with its address', async () => {
      const res = await walsallApi('POST', '/indicators', 'analyst-walsall', newIndicator());
      expect(res.statusCode).toBe(201);
      expect(res.headers.location).toBe('/api/v1/p/walsall/indicators/api-missing-episodes');
      expect(res.json()).toMatchObject({ code: 'api-missing-episodes', national: false, version: 1, band: null });
      const again = await api('GET', String(res.headers.location), 'viewer-walsall');
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ ...res.json(), targets: [] });
    });

    it('creates a band indicator whose band ends are sent as JSON numbers', async () => {
      const res = await walsallApi(
        'POST',
        '/indicators',
        'analyst-walsall',
        newIndicator({ code: 'api-band', unit: 'percentage', decimals: 1, polarity: 'band', bandLow: 10, bandHigh: 20 }),
      );
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ polarity: 'band', band: { low: 10, high: 20 } });
    });

    it.each(BAD_INDICATORS)('refuses $name with 400 problem+json naming the fields', async ({ body, fields }) => {
      const res = await walsallApi('POST', '/indicators', 'analyst-walsall', body);
      expectProblem(res, 400);
      expect(Object.keys(res.json().errors)).toEqual(expect.arrayContaining(fields));
    });

    it('refuses a viewer creating an indicator with 403 problem+json', async () => {
      const res = await walsallApi('POST', '/indicators', 'viewer-walsall', newIndicator({ code: 'api-viewer' }));
      expectProblem(res, 403);
    });

    it('changes an indicator with the version it read, and refuses a stale version with 409', async () => {
      const created = (await walsallApi('POST', '/indicators', 'analyst-walsall', newIndicator({ code: 'api-versioned' }))).json();
      const changed = await walsallApi('PUT', '/indicators/api-versioned', 'analyst-walsall', {
        ...newIndicator({ code: 'api-versioned', title: 'Missing episodes (changed)' }),
        version: created.version,
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ title: 'Missing episodes (changed)', version: created.version + 1 });

      const stale = await walsallApi('PUT', '/indicators/api-versioned', 'analyst-walsall', {
        ...newIndicator({ code: 'api-versioned', title: 'Lost update' }),
        version: created.version,
      });
      expectProblem(stale, 409);
      expect((await walsallApi('GET', '/indicators/api-versioned', 'viewer-walsall')).json().title).toBe('Missing episodes (changed)');
    });

    it('refuses to change a national indicator (404)', async () => {
      const res = await walsallApi('PUT', '/indicators/cp-plan-rate', 'analyst-walsall', {
        ...newIndicator({ code: 'cp-plan-rate' }),
        version: 1,
      });
      expectProblem(res, 404);
    });
  });

  describe('a partnership’s figures, with a token', () => {
    it('adds figures, leaves the same figures alone when sent again, and keeps the old value of a changed one', async () => {
      const added = await walsallApi('POST', '/indicators/eh-rate/observations', 'analyst-walsall', { observations: EH_FIGURES });
      expect(added.statusCode).toBe(200);
      expect(added.json()).toEqual({ added: 2, changed: 0, unchanged: 0 });

      const again = await walsallApi('POST', '/indicators/eh-rate/observations', 'analyst-walsall', { observations: EH_FIGURES });
      expect(again.json()).toEqual({ added: 0, changed: 0, unchanged: 2 });
      expect(await historyOf('2014-02')).toEqual([]);

      const revised = [EH_FIGURES[0], { ...EH_FIGURES[1], value: 263.4 }];
      const changed = await walsallApi('POST', '/indicators/eh-rate/observations', 'analyst-walsall', { observations: revised });
      expect(changed.json()).toEqual({ added: 0, changed: 1, unchanged: 1 });
      expect(await historyOf('2014-02')).toEqual([
        expect.objectContaining({
          change: 'changed',
          before: expect.objectContaining({ value: 262.1 }),
          after: expect.objectContaining({ value: 263.4 }),
        }),
      ]);
      expect(await historyOf('2014-01')).toEqual([]);
    });

    it('reads the figures back for an area, with the partnership’s own marked local', async () => {
      await walsallApi('POST', '/indicators/eh-rate/observations', 'analyst-walsall', { observations: EH_FIGURES });
      const res = await walsallApi('GET', `/indicators/eh-rate/observations?area=${WALSALL}`, 'viewer-walsall');
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toContainEqual(
        expect.objectContaining({
          area: { code: WALSALL, name: 'Walsall' },
          period: { code: '2014-01', label: expect.any(String), start: '2014-01-01', end: '2014-01-31' },
          value: 250.5,
          numerator: 1590,
          denominator: 63470,
          status: 'provisional',
          qualityNote: 'From the new system',
          local: true,
        }),
      );
      expect(res.json().items).toContainEqual(
        expect.objectContaining({ period: expect.objectContaining({ code: '2013-09' }), value: 169.2 }),
      );
    });

    it('answers 400 problem+json to an unknown area when reading figures', async () => {
      const res = await walsallApi('GET', '/indicators/eh-rate/observations?area=E99999999', 'viewer-walsall');
      expectProblem(res, 400);
    });

    it('refuses a batch with any bad row, naming each row and field, and writes none of it', async () => {
      const before = await ownFigureCount();
      const res = await walsallApi('POST', '/indicators/eh-rate/observations', 'analyst-walsall', { observations: BAD_FIGURES });
      expectProblem(res, 400);
      expect(erroredRows(res.json().errors)).toEqual(BAD_FIGURE_ROWS);
      expect(BAD_FIGURE_FIELDS.map(({ row, field }) => errorFor(res.json().errors, row, field))).toEqual(
        BAD_FIGURE_FIELDS.map(() => expect.any(String)),
      );
      expect(await ownFigureCount()).toBe(before);
    });

    it.each([
      { name: 'no observations list', body: { figures: [] } },
      { name: 'an empty observations list', body: { observations: [] } },
      { name: 'a value that is neither number nor text', body: { observations: [{ area: WALSALL, period: '2014-07', value: true }] } },
    ])('refuses $name with 400 problem+json', async ({ body }) => {
      const before = await ownFigureCount();
      const res = await walsallApi('POST', '/indicators/eh-rate/observations', 'analyst-walsall', body);
      expectProblem(res, 400);
      expect(await ownFigureCount()).toBe(before);
    });

    it('answers 404 to figures sent for an indicator that does not exist, as reading it does', async () => {
      const before = await ownFigureCount();
      expectProblem(await walsallApi('GET', '/indicators/no-such-indicator/observations', 'analyst-walsall'), 404);
      const res = await walsallApi('POST', '/indicators/no-such-indicator/observations', 'analyst-walsall', { observations: EH_FIGURES });
      expectProblem(res, 404);
      expect(await ownFigureCount()).toBe(before);
    });

    it('refuses a viewer sending figures with 403', async () => {
      const res = await walsallApi('POST', '/indicators/eh-rate/observations', 'viewer-walsall', { observations: EH_FIGURES });
      expectProblem(res, 403);
    });

    it('sets a target and lists it', async () => {
      const res = await walsallApi('POST', '/indicators/eh-rate/targets', 'analyst-walsall', {
        area: WALSALL,
        period: '2014-03',
        value: 240,
        tolerance: 5,
        note: 'Scorecard target',
      });
      expect(res.statusCode).toBe(201);
      const listed = await walsallApi('GET', '/indicators/eh-rate/targets', 'viewer-walsall');
      expect(listed.statusCode).toBe(200);
      expect(listed.json().items).toContainEqual(
        expect.objectContaining({ area: 'Walsall', period: '2014-03', value: 240, tolerance: 5, note: 'Scorecard target' }),
      );
    });

    it('refuses a target for a nonsense period with 400 problem+json', async () => {
      const res = await walsallApi('POST', '/indicators/eh-rate/targets', 'analyst-walsall', { area: WALSALL, period: 'soon', value: 240 });
      expectProblem(res, 400);
      expect(Object.keys(res.json().errors)).toContain('period');
    });
  });

  describe('a count indicator’s figures (issue 11, finding 5)', () => {
    beforeAll(async () => {
      const created = await walsallApi(
        'POST',
        '/indicators',
        'analyst-walsall',
        newIndicator({ code: 'api-count-check', frequency: 'annual', periodType: 'financial-year' }),
      );
      expect(created.statusCode).toBe(201);
    });

    it.each([
      { name: 'a negative count', value: -5, message: /^A count cannot be less than 0/ },
      { name: 'a count with a fraction', value: 12.5, message: /^A count is a whole number/ },
      { name: 'a negative count sent as text', value: '-5', message: /^A count cannot be less than 0/ },
    ])('refuses $name with 400 problem+json naming the value, and writes nothing', async ({ value, message }) => {
      const before = await ownFigureCount();
      const res = await walsallApi('POST', '/indicators/api-count-check/observations', 'analyst-walsall', {
        observations: [{ area: WALSALL, period: 'FY2013-14', value }],
      });
      expectProblem(res, 400);
      expect(errorFor(res.json().errors, 0, 'value')).toMatch(message);
      expect(await ownFigureCount()).toBe(before);
    });

    it('accepts a count of 0', async () => {
      const res = await walsallApi('POST', '/indicators/api-count-check/observations', 'analyst-walsall', {
        observations: [{ area: WALSALL, period: 'FY2013-14', value: 0 }],
      });
      expect(res.statusCode).toBe(200);
    });
  });

  describe('tenancy', () => {
    it.each([
      { name: 'another partnership’s indicator under its own address', url: '/api/v1/p/birmingham/indicators/eh-rate' },
      {
        name: 'another partnership’s figures under its own address',
        url: `/api/v1/p/birmingham/indicators/eh-rate/observations?area=${WALSALL}`,
      },
      { name: 'another partnership’s targets under its own address', url: '/api/v1/p/birmingham/indicators/eh-rate/targets' },
      { name: 'the other partnership’s address', url: '/api/v1/p/walsall/indicators/eh-rate' },
    ])('gives Birmingham’s token 404 for $name', async ({ url }) => {
      const res = await api('GET', url, 'admin-birmingham');
      expectProblem(res, 404);
    });

    it('gives Birmingham’s token 404, writing nothing, when it sends figures for Walsall’s own indicator', async () => {
      const before = await ownFigureCount();
      const res = await api('POST', '/api/v1/p/birmingham/indicators/eh-rate/observations', 'admin-birmingham', {
        observations: EH_FIGURES,
      });
      expectProblem(res, 404);
      expect(await ownFigureCount()).toBe(before);
    });

    it('leaves Walsall’s own indicators out of Birmingham’s list', async () => {
      const res = await api('GET', '/api/v1/p/birmingham/indicators', 'admin-birmingham');
      expect(res.statusCode).toBe(200);
      expect(res.json().items).not.toContainEqual(expect.objectContaining({ code: 'eh-rate' }));
      expect(res.json().items).toContainEqual(expect.objectContaining({ code: 'cp-plan-rate' }));
    });
  });
});
