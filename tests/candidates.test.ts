import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/data/db.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';

describe.each(DIALECTS)('choosing priorities (%s)', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let member: Client;
  let sponsor: Client;
  let planId: string;
  let walsall: string;

  const read = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.database.db, { partnershipId: walsall }, work);
  const criteriaIds = async () =>
    (await read((trx) => trx.selectFrom('plan_criteria').select('id').where('plan_id', '=', planId).orderBy('position').execute())).map(
      (c) => c.id,
    );
  const scoreForm = (ids: string[], scores: number[]) => Object.fromEntries(ids.map((id, i) => [`score-${id}`, String(scores[i])]));
  const propose = async (client: Client, title: string) => {
    const res = await client.post(`/p/walsall/plans/${planId}/candidates`, {
      title,
      answer2: 'Re-referrals are above the England average.',
    });
    expect(res.statusCode).toBe(303);
    return String(res.headers.location).split('/')[4]!.split('?')[0]!;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    walsall = (await t.app.services.partnerships.findBySlug('walsall'))!.id;
    admin = await t.signedIn('admin@walsall.example');
    member = await t.signedIn('member@walsall.example');
    sponsor = await t.signedIn('sponsor@walsall.example');
    const created = await admin.post('/p/walsall/plans', {
      kind: 'cypp',
      title: 'Children and Young People’s Plan 2016-19',
      'periodStart-day': '1',
      'periodStart-month': '4',
      'periodStart-year': '2016',
      'periodEnd-day': '31',
      'periodEnd-month': '3',
      'periodEnd-year': '2019',
      status: 'draft',
    });
    planId = String(created.headers.location).split('/')[4]!.split('?')[0]!;
  });
  afterAll(() => t.close());

  it('starts with the board’s four criteria and lets the admin change them before anyone scores', async () => {
    const page = await member.get(`/p/walsall/plans/${planId}/candidates`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Can success be demonstrated through robust evidence?');
    expect((await criteriaIds()).length).toBe(4);
    const changed = await admin.post(`/p/walsall/plans/${planId}/criteria`, {
      criteria: 'Does it address the most vulnerable?\nIs there a real need?\nDoes it demand partnership working?\nCan we prove progress?',
    });
    expect(changed.statusCode).toBe(303);
    expect((await member.get(`/p/walsall/plans/${planId}/candidates`)).body).toContain('Can we prove progress?');
    expect((await member.post(`/p/walsall/plans/${planId}/criteria`, { criteria: 'Mine' })).statusCode).toBe(403);
  });

  it('ranks proposals by members’ scores, and keeps each person’s latest scores only', async () => {
    const weight = await propose(member, 'Ensuring that children maintain a healthy weight');
    const poverty = await propose(sponsor, 'Reducing the impact of child poverty');
    const ids = await criteriaIds();
    expect((await member.post(`/p/walsall/candidates/${weight}/scores`, scoreForm(ids, [2, 2, 2, 2]))).statusCode).toBe(303);
    expect((await member.post(`/p/walsall/candidates/${weight}/scores`, scoreForm(ids, [3, 3, 3, 3]))).statusCode).toBe(303);
    expect((await sponsor.post(`/p/walsall/candidates/${weight}/scores`, scoreForm(ids, [5, 5, 5, 5]))).statusCode).toBe(303);
    expect((await member.post(`/p/walsall/candidates/${poverty}/scores`, scoreForm(ids, [5, 5, 5, 5]))).statusCode).toBe(303);
    expect((await sponsor.post(`/p/walsall/candidates/${poverty}/scores`, scoreForm(ids, [4, 4, 5, 5]))).statusCode).toBe(303);

    const board = (await member.get(`/p/walsall/plans/${planId}/candidates`)).body;
    const table = board.slice(board.indexOf('data-qa="candidates"'));
    expect(table.indexOf('Reducing the impact of child poverty')).toBeLessThan(
      table.indexOf('Ensuring that children maintain a healthy weight'),
    );
    expect(table).toContain('19'); // poverty: 4.5 + 4.5 + 5 + 5
    expect(table).toContain('16'); // weight: 4 on each criterion

    const page = (await member.get(`/p/walsall/candidates/${weight}`)).body;
    expect(page).toContain('Re-referrals are above the England average.');
    expect(page).toContain('Total, from 2 people');

    // Once scored, the criteria cannot change.
    const refused = await admin.post(`/p/walsall/plans/${planId}/criteria`, { criteria: 'Something else' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('already been scored');
  });

  it('refuses incomplete scores, and scoring by someone who is not a board member', async () => {
    const id = await propose(admin, 'Better communication between frontline staff');
    const ids = await criteriaIds();
    const partial = await member.post(`/p/walsall/candidates/${id}/scores`, { [`score-${ids[0]}`]: '3' });
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain(`href="#score-${ids[1]}"`);
    const contributor = await t.signedIn('contributor@walsall.example');
    expect((await contributor.post(`/p/walsall/candidates/${id}/scores`, scoreForm(ids, [1, 1, 1, 1]))).statusCode).toBe(403);
    expect((await contributor.get(`/p/walsall/candidates/${id}`)).statusCode).toBe(200);
  });

  it('records the board’s decision: an agreed proposal becomes a priority, a refused one needs a reason', async () => {
    const agreed = await propose(member, 'Promoting pride in the achievements of children');
    const refused = await propose(member, 'A new youth centre in every ward');
    const noReason = await admin.post(`/p/walsall/candidates/${refused}/decision`, { decision: 'not_agreed', version: '1' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Say why the board did not agree it');
    expect(
      (
        await admin.post(`/p/walsall/candidates/${refused}/decision`, {
          decision: 'not_agreed',
          note: 'A single agency’s business, not the partnership’s.',
          version: '1',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (await admin.post(`/p/walsall/candidates/${agreed}/decision`, { decision: 'agreed', number: '6', version: '1' })).statusCode,
    ).toBe(303);

    const priority = await read((trx) => trx.selectFrom('priorities').selectAll().where('plan_id', '=', planId).executeTakeFirstOrThrow());
    expect(priority).toMatchObject({ number: 6, title: 'Promoting pride in the achievements of children' });
    const record = (await member.get(`/p/walsall/candidates/${agreed}`)).body;
    expect(record).toContain('The board agreed this as a priority');
    expect(record).toContain(`/p/walsall/priorities/${priority.id}`);
    expect(record).not.toContain('Save my scores');
    const again = await admin.post(`/p/walsall/candidates/${agreed}/decision`, {
      decision: 'not_agreed',
      note: 'Changed our minds',
      version: '2',
    });
    expect(again.statusCode).toBe(409);
    expect((await member.post(`/p/walsall/candidates/${agreed}/decision`, { decision: 'agreed', version: '2' })).statusCode).toBe(403);
  });

  it('keeps the record of how the demo plan’s eight priorities were agreed', async () => {
    const plan = await read((trx) => trx.selectFrom('plans').select('id').where('title', 'like', '%2013-16%').executeTakeFirstOrThrow());
    const page = (await member.get(`/p/walsall/plans/${plan.id}/candidates`)).body;
    expect(page.match(/>Agreed</g)?.length).toBe(8);
    expect(page).toContain('Proposed by Director of Public Health');
  });

  it('keeps another partnership out', async () => {
    const other = await t.signedIn('admin@birmingham.example');
    expect((await other.get(`/p/birmingham/plans/${planId}/candidates`)).statusCode).toBe(404);
  });
});
