import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/data/db.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';
import { unzip } from './support/zip.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What the sponsor writes in place of Baton's draft (test data). */
const EDITED = {
  summary: 'Healthy weight is amber: the family weight service is running and Baby Friendly is on course.',
  exceptions: 'Five secondary schools have still not signed the charter; I have written to their trusts.',
  measures: 'Year 6 overweight or obese: 36.1% in 2015, down from 37.3%.',
  nextSteps: 'Ask the board to back a letter from the chair to the academy trusts.',
  rag: 'amber',
};

describe.each(DIALECTS)('the sponsor’s report (%s)', (dialect) => {
  let t: TestApp;
  let sponsor: Client;
  let viewer: Client;
  let walsall: string;
  let priorityId: string;

  const read = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.database.db, { partnershipId: walsall }, work);
  const savedReports = () =>
    read((trx) => trx.selectFrom('sponsor_reports').select(['period', 'summary', 'rag', 'version', 'updated_by']).execute());
  const reportUrl = (period: string) => `/p/walsall/priorities/${priorityId}/report?period=${encodeURIComponent(period)}`;
  const docxUrl = (period: string) => `/p/walsall/priorities/${priorityId}/report.docx?period=${encodeURIComponent(period)}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    walsall = (await t.app.services.partnerships.findBySlug('walsall'))!.id;
    const priority = await read((trx) =>
      trx
        .selectFrom('priorities as pr')
        .innerJoin('plans as p', 'p.id', 'pr.plan_id')
        .select('pr.id')
        .where('p.title', 'like', '%2013-16%')
        .where('pr.title', 'like', '%healthy weight%')
        .executeTakeFirstOrThrow(),
    );
    priorityId = priority.id;
    sponsor = await t.signedIn('sponsor@walsall.example');
    viewer = await t.signedIn('viewer@walsall.example');
  });
  afterAll(() => t.close());

  it('is linked from the priority page', async () => {
    const page = await viewer.get(`/p/walsall/priorities/${priorityId}`);
    expect(page.body).toContain(`href="/p/walsall/priorities/${priorityId}/report"`);
  });

  it('drafts the report for the quarter the priority is judged in, from the tracker, unsaved', async () => {
    const page = await sponsor.get(`/p/walsall/priorities/${priorityId}/report`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('January to March 2016 (2015-16 Q4)');
    expect(page.body).toContain('Baton rates this priority Red from the progress of its actions.');
    expect(page.body).toContain(
      'Sign every secondary school up to a healthy schools charter covering PE, school food and active travel (Walsall Association of Secondary Headteachers, due 31 July 2015): overdue; off track; last reported red; no update for 2015-16 Q4. What we still need to do: Ask the sponsor to raise the remaining schools with their trusts.',
    );
    expect(page.body).toContain(
      'Year 6 children measured as overweight or obese (National Child Measurement Programme). Baseline: 37.3% (2013; 35.5% in 2011). Target: Below 35.5% by 31 March 2016.',
    );
    expect(page.body).toContain('not saved yet');
    expect(page.body).toContain('<input type="hidden" name="version" value="0">');
    expect(await savedReports()).toEqual([]);
  });

  it('drafts an earlier quarter from what was reported by then', async () => {
    const page = await sponsor.get(reportUrl('2014-15 Q2'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('no update for 2014-15 Q2. What we still need to do: Bring the remaining schools on board by July 2015.');
    expect(page.body).not.toContain('Ask the sponsor to raise the remaining schools');
  });

  it('lets the sponsor edit and save the draft, and records who saved it', async () => {
    const res = await sponsor.post(reportUrl('2015-16 Q4'), { ...EDITED, version: '0' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${reportUrl('2015-16 Q4')}&notice=saved`);
    expect(await savedReports()).toEqual([
      { period: '2015-16 Q4', summary: EDITED.summary, rag: 'amber', version: 1, updated_by: expect.stringContaining('Helen Morris') },
    ]);
    const page = await sponsor.get(String(res.headers.location));
    expect(page.body).toContain('Sponsor’s report saved');
    expect(page.body).toContain(EDITED.exceptions);
    expect(page.body).toContain('<input type="hidden" name="version" value="1">');
    const audit = await read((trx) =>
      trx.selectFrom('audit_events').select(['action', 'summary']).where('entity_type', '=', 'sponsor-report').execute(),
    );
    expect(audit).toEqual([{ action: 'create', summary: 'Saved the sponsor’s report on priority 2 for 2015-16 Q4' }]);
  });

  it('refuses a save from a stale version with 409, keeping both what was saved and what was typed', async () => {
    const stale = await sponsor.post(reportUrl('2015-16 Q4'), { ...EDITED, summary: 'A second, stale summary.', version: '0' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else saved this report while you were editing it');
    expect(stale.body).toContain('A second, stale summary.');
    expect(stale.body).toContain('<input type="hidden" name="version" value="1">');
    expect(await savedReports()).toEqual([expect.objectContaining({ summary: EDITED.summary, version: 1 })]);
  });

  it('saves again from the current version', async () => {
    const res = await sponsor.post(reportUrl('2015-16 Q4'), { ...EDITED, rag: 'red', version: '1' });
    expect(res.statusCode).toBe(303);
    expect(await savedReports()).toEqual([expect.objectContaining({ rag: 'red', version: 2 })]);
  });

  it('shows the form again with errors when the summary is empty', async () => {
    const res = await sponsor.post(reportUrl('2015-16 Q4'), { ...EDITED, summary: '  ', version: '2' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#summary">Enter a summary of progress');
  });

  it('keeps control characters out of what is saved', async () => {
    const res = await sponsor.post(reportUrl('2015-16 Q3'), {
      ...EDITED,
      summary: 'Bell\u0007 and escape\u001b gone.\r\nNext line.',
      version: '0',
    });
    expect(res.statusCode).toBe(303);
    const saved = await read((trx) =>
      trx.selectFrom('sponsor_reports').select('summary').where('period', '=', '2015-16 Q3').executeTakeFirstOrThrow(),
    );
    expect(saved.summary).toBe('Bell and escape gone.\nNext line.');
  });

  it('lets a viewer read the saved report but not save it', async () => {
    const page = await viewer.get(reportUrl('2015-16 Q4'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(EDITED.nextSteps);
    expect(page.body).not.toContain('data-qa="report-form"');
    const res = await viewer.post(reportUrl('2015-16 Q4'), { ...EDITED, summary: 'Not mine to write.', version: '2' });
    expect(res.statusCode).toBe(403);
    expect(await savedReports()).toEqual(expect.arrayContaining([expect.objectContaining({ period: '2015-16 Q4', version: 2 })]));
  });

  it('exports the report as a Word document with its tables', async () => {
    const res = await viewer.get(docxUrl('2015-16 Q4'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toBe('attachment; filename="sponsors-report-priority-2-2015-16-q4.docx"');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const document = unzip(res.rawPayload).get('word/document.xml')!.toString('utf8');
    expect(document).toContain(
      'Sponsor’s report to the Children and Young People’s Partnership Board: 2. Ensuring that children maintain a healthy weight, January to March 2016',
    );
    expect(document).toContain(EDITED.exceptions);
    expect(document).toContain('Overall rating: Red');
    expect(document).toMatch(/<w:tbl>/);
    expect(document).toContain('Walsall Association of Secondary Headteachers');
    expect(document).toContain('Below 35.5%');
  });

  it('exports an unsaved quarter as Baton’s draft', async () => {
    const res = await viewer.get(docxUrl('2014-15 Q2'));
    const document = unzip(res.rawPayload).get('word/document.xml')!.toString('utf8');
    expect(document).toContain('Baton’s draft from the promise tracker, not yet saved by the sponsor.');
  });

  it.each([
    ['not a quarter', 'last quarter'],
    ['no such quarter', '2015-16 Q5'],
    ['before the plan', '2012-13 Q4'],
    ['after the plan', '2016-17 Q1'],
  ])('refuses a period that is %s with 400', async (_name, period) => {
    expect((await viewer.get(reportUrl(period))).statusCode).toBe(400);
    expect((await viewer.get(docxUrl(period))).statusCode).toBe(400);
  });
});
