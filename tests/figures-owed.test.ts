import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';

/** The figures-owed table on the figures page (or the home page's list), as text. */
const owedSection = (html: string) => {
  const start = html.indexOf('data-qa="owed-figures"');
  return start < 0 ? '' : html.slice(start, html.indexOf(start >= 0 && html.includes('</table>', start) ? '</table>' : '</ul>', start));
};

describe.each(DIALECTS)('figures owed, period phrases, sign-off and home pages (%s)', (dialect) => {
  let t: TestApp;
  let police: Client;
  let analyst: Client;
  let sponsor: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    police = await t.signedIn('contributor@walsall.example');
    analyst = await t.signedIn('analyst@walsall.example');
    sponsor = await t.signedIn('sponsor@walsall.example');
  });
  afterAll(() => t.close());

  describe('the figures page', () => {
    it('lists the police’s 2013-14 anti-social behaviour figure as owed, most overdue first', async () => {
      const res = await police.get('/p/walsall/figures');
      expect(res.statusCode).toBe(200);
      const owed = owedSection(res.body);
      expect(owed).toContain('Anti-social behaviour involving young people');
      expect(owed.indexOf('2013-14 (April 2013 to March 2014)')).toBeGreaterThan(0);
      expect(owed.indexOf('2013-14 (April 2013 to March 2014)')).toBeLessThan(owed.indexOf('2014-15 (April 2014 to March 2015)'));
      expect(owed).toContain('href="/p/walsall/figures?period=FY2013-14"');
    });

    it('shows a contributor only their own agency’s figures owed', async () => {
      const owed = owedSection((await police.get('/p/walsall/figures')).body);
      expect(owed).not.toContain('Early help rate');
    });

    it('shows the analyst every agency’s figures owed, with the agency', async () => {
      const owed = owedSection((await analyst.get('/p/walsall/figures')).body);
      expect(owed).toContain('West Midlands Police');
      expect(owed).toContain('Walsall Council Children’s Services');
    });

    it('offers recent periods from the figures held, not from today, and never doubles a label', async () => {
      const res = await police.get('/p/walsall/figures');
      const recent = res.body.slice(
        res.body.indexOf('data-qa="recent-periods"'),
        res.body.indexOf('</ul>', res.body.indexOf('data-qa="recent-periods"')),
      );
      expect(recent).toContain('2012-13 (April 2012 to March 2013)');
      expect(recent).toContain('2013-14 (April 2013 to March 2014)');
      expect(recent).not.toContain('2026');
      expect(res.body).not.toMatch(/\(([^()]*) \([^()]*\)\)/);
    });

    it.each([
      ['2014-15', 'FY2014-15'],
      ['FY2014-15', 'FY2014-15'],
      ['2011-12', 'FY2011-12'],
      ['April 2013 to March 2014', 'FY2013-14'],
    ])('reads “%s” as the police’s %s', async (phrase, code) => {
      const res = await police.get(`/p/walsall/figures?period=${encodeURIComponent(phrase)}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`name="period" value="${code}"`);
      expect(res.body).toContain('name="asb-young-people-value"');
    });

    it.each([['Q3 2013-14'], ['2013-14 Q3 (October to December 2013)'], ['November 2013']])(
      'reads “%s” and says nothing of that kind is due from the police',
      async (phrase) => {
        const res = await police.get(`/p/walsall/figures?period=${encodeURIComponent(phrase)}`);
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain('are due from your agency');
      },
    );

    it('refuses a phrase it cannot read with examples, as a 400 with the error summary', async () => {
      const res = await police.get('/p/walsall/figures?period=next%20spring');
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('govuk-error-summary');
      expect(res.body).toContain('such as 2014-15 (a financial year), Q3 2013-14 (a quarter)');
      expect(res.body).toContain('value="next spring"');
    });

    it('takes a figure entered for a period typed as “2014-15” and no longer lists that period as owed', async () => {
      const saved = await police.post('/p/walsall/figures', { period: '2014-15', 'asb-young-people-value': '2100', confirm: 'yes' });
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe('/p/walsall/figures?period=FY2014-15&notice=saved');
      const owed = owedSection((await police.get('/p/walsall/figures')).body);
      expect(owed).not.toContain('href="/p/walsall/figures?period=FY2014-15"');
      expect(owed).toContain('href="/p/walsall/figures?period=FY2013-14"');
    });
  });

  describe('signing off', () => {
    it('asks the analyst to confirm: without the box ticked nothing is signed off (400, error summary)', async () => {
      const res = await analyst.post('/p/walsall/figures/sign-off', { period: 'FY2012-13' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('govuk-error-summary');
      expect(res.body).toContain('Confirm you have checked the figures for 2012-13 before signing it off');
      expect((await analyst.get('/p/walsall/figures?period=FY2012-13')).body).not.toContain('data-qa="signed-off"');
    });

    it('lists the period on the analyst’s home until it is signed off with the box ticked', async () => {
      const before = await analyst.get('/p/walsall');
      expect(before.body).toContain('data-qa="awaiting-sign-off"');
      expect(before.body).toContain('href="/p/walsall/figures?period=2013-11"');
      const res = await analyst.post('/p/walsall/figures/sign-off', { period: '2013-11', confirm: 'yes' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/p/walsall/figures?period=2013-11&notice=signed-off');
      expect((await analyst.get('/p/walsall')).body).not.toContain('href="/p/walsall/figures?period=2013-11"');
    });
  });

  describe('home pages by role', () => {
    it('shows a contributor their figures owed, the most overdue first, linked to the figures page', async () => {
      const res = await police.get('/p/walsall');
      expect(res.statusCode).toBe(200);
      const owed = owedSection(res.body);
      expect(owed).toContain('Anti-social behaviour involving young people, 2013-14 (April 2013 to March 2014)</a> (due 30 May 2014), and');
      expect(owed).toContain('href="/p/walsall/figures?period=FY2013-14"');
    });

    it('shows a sponsor their priority and a link to the report due', async () => {
      const res = await sponsor.get('/p/walsall');
      expect(res.statusCode).toBe(200);
      const section = res.body.slice(res.body.indexOf('data-qa="sponsored"'));
      expect(section).toMatch(/href="\/p\/walsall\/priorities\/[0-9a-f-]+"/);
      expect(section).toMatch(/href="\/p\/walsall\/priorities\/[0-9a-f-]+\/report\?period=\d{4}-\d{2}%20Q[1-4]"/);
      expect(res.body).not.toContain('data-qa="awaiting-sign-off"');
    });

    it('shows the analyst an import Baton refused', async () => {
      const csv = 'indicator_code,area_code,period,value\nasb-young-people,E08000030,next year,12\n';
      const walsallId = (await t.app.services.partnerships.findBySlug('walsall'))!.id;
      const actor = { userId: null, label: 'figures-owed test' };
      const upload = { kind: 'template' as const, filename: 'police-figures.csv', bytes: new TextEncoder().encode(csv) };
      await t.app.services.imports.upload(walsallId, actor, upload).catch(() => undefined);
      const res = await analyst.get('/p/walsall');
      expect(res.body).toContain('data-qa="failed-imports"');
      expect(res.body).toContain('police-figures.csv');
    });

    it('shows neither figures owed nor sign-offs to a board member', async () => {
      const member = await t.signedIn('member@walsall.example');
      const res = await member.get('/p/walsall');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('data-qa="owed-figures"');
      expect(res.body).not.toContain('data-qa="awaiting-sign-off"');
    });
  });

  describe('collection schedules', () => {
    it('shows on the indicator list the kind of period the imports accept beside the frequency', async () => {
      const res = await analyst.get('/p/walsall/indicators?q=adoption-days');
      expect(res.body).toMatch(/Monthly<span[^>]*>by day \(e\.g\. AT2013-03-31\), due 20 days after<\/span>/);
      const asb = await analyst.get('/p/walsall/indicators?q=asb-young-people');
      expect(asb.body).toMatch(/Annual<span[^>]*>by financial year \(e\.g\. FY2013-14\), due 60 days after<\/span>/);
    });

    it('calls no yearly indicator of the demo monthly', async () => {
      const res = await analyst.get('/p/walsall/indicators?q=ia-10-days-pct');
      expect(res.body).toMatch(/Annual<span[^>]*>by financial year/);
    });

    it('keeps the days after the period ends that an agency’s figure is due, shown on the indicator page', async () => {
      const edit = await analyst.get('/p/walsall/indicators/asb-young-people/edit');
      const version = /name="version" value="(\d+)"/.exec(edit.body)?.[1] ?? '1';
      const agencyId = /<option value="([0-9a-f-]+)" selected>West Midlands Police/.exec(edit.body)?.[1] ?? '';
      const res = await analyst.post('/p/walsall/indicators/asb-young-people', {
        version,
        code: 'asb-young-people',
        title: 'Anti-social behaviour involving young people',
        definition: 'Incidents of anti-social behaviour reported to the police in Walsall in which a young person was involved.',
        unit: 'count',
        decimals: '0',
        polarity: 'smaller',
        frequency: 'annual',
        periodType: 'financial-year',
        dueDays: '90',
        obaCategory: 'better-off',
        agencyId,
      });
      expect(res.statusCode).toBe(303);
      expect((await analyst.get('/p/walsall/indicators/asb-young-people')).body).toContain('90 days after each period ends');
    });
  });
});
