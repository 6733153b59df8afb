import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';

/** Sandwell, Wolverhampton and Dudley: Walsall's Black Country neighbours, as a group of the partnership's own. */
const BLACK_COUNTRY = { name: 'Black Country', areas: 'Sandwell\nE08000031\n332' };

describe.each(DIALECTS)('areas and comparators (%s)', (dialect) => {
  let t: TestApp;
  let analyst: Client;
  let viewer: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    analyst = await t.signedIn('analyst@walsall.example');
    viewer = await t.signedIn('viewer@walsall.example');
  });
  afterAll(() => t.close());

  const groupId = async () => {
    const page = await analyst.get('/p/walsall/areas');
    return /value="(group:[0-9a-f-]{36})"/.exec(page.body)?.[1];
  };

  it('lists Walsall’s ten DfE 2025 statistical neighbours by default', async () => {
    const page = await viewer.get('/p/walsall/areas');
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/data-qa="comparators"[\s\S]*?<\/ol>/)?.[0].match(/<li>/g)).toHaveLength(10);
  });

  it.each([
    { name: 'an unknown council', form: { name: 'Odd', areas: 'Sandwell\nAtlantis' }, message: 'Baton does not know “Atlantis”' },
    { name: 'one council', form: { name: 'Lonely', areas: 'Sandwell' }, message: 'at least two councils' },
    { name: 'no name', form: { name: '', areas: 'Sandwell\nDudley' }, message: 'Name the group' },
  ])('refuses a comparator group with $name, showing the error summary', async ({ form, message }) => {
    const res = await analyst.post('/p/walsall/areas/groups', form);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain(message);
  });

  it('creates a group by names and codes, chooses it, and the indicator page then compares with its councils', async () => {
    expect((await analyst.post('/p/walsall/areas/groups', BLACK_COUNTRY)).statusCode).toBe(303);
    const group = await groupId();
    expect(group).toBeDefined();
    const walsall = /<option value="([0-9a-f-]{36})" selected>Walsall<\/option>/.exec((await analyst.get('/p/walsall/areas')).body)?.[1];
    expect((await analyst.post('/p/walsall/areas/settings', { homeArea: walsall!, comparator: group! })).statusCode).toBe(303);

    const page = await analyst.get('/p/walsall/indicators/cp-plan-rate?period=AT2013-03-31');
    expect(page.body).toContain('mean of 3 of 3 councils in the partnership’s comparator group');
  });

  it('refuses a comparator that is neither a DfE list nor one of the partnership’s groups', async () => {
    const walsall = /<option value="([0-9a-f-]{36})" selected>Walsall<\/option>/.exec((await analyst.get('/p/walsall/areas')).body)?.[1];
    const res = await analyst.post('/p/walsall/areas/settings', {
      homeArea: walsall!,
      comparator: 'group:00000000-0000-0000-0000-000000000000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Choose which councils to compare with');
  });

  it('adds a locality whose code then names an area in imports, and refuses a code already used', async () => {
    expect((await analyst.post('/p/walsall/areas/localities', { code: 'walsall-north', name: 'Walsall North' })).statusCode).toBe(303);
    expect((await analyst.get('/p/walsall/areas')).body).toContain('Walsall North');
    const taken = await analyst.post('/p/walsall/areas/localities', { code: 'E08000030', name: 'Not Walsall' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('already used by another area');
    const api = await t.app.services.indicators.recordFigures(
      (await t.app.services.partnerships.findBySlug('walsall'))!.id,
      { userId: null, label: 'test' },
      [{ indicator_code: 'eh-rate', area_code: 'walsall-north', period: '2014-01', value: '199' }],
      'test',
    );
    expect(api).toMatchObject({ added: 1 });
  });

  it('keeps one partnership’s localities from another', async () => {
    const birmingham = await t.signedIn('admin@birmingham.example');
    expect((await birmingham.get('/p/birmingham/areas')).body).not.toContain('Walsall North');
  });
});
