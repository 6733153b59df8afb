import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.ts';
import { loadConfig } from '../src/config.ts';
import { withTenant, type Db, type DatabaseHandle } from '../src/data/db.ts';
import { Client, DIALECTS, openTestDatabase } from './support/app.ts';
import { TEST_PASSWORD } from './support/constants.ts';

/** The app's database handle, counting every transaction opened on it. */
function counted(db: Db, counter: { transactions: number }): Db {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') {
        return () => {
          counter.transactions++;
          return target.transaction();
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe.each(DIALECTS)('the work one progress update does (%s)', (dialect) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let contributor: Client;
  const counter = { transactions: 0 };

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const config = loadConfig({ NODE_ENV: 'test', BATON_DATA_DIR: '/nonexistent' });
    app = await buildApp({ config, database: { ...database, db: counted(database.db, counter) }, secret: randomBytes(32).toString('hex') });
    await app.ready();
    contributor = new Client(app);
    expect((await contributor.signIn('contributor@walsall.example', TEST_PASSWORD)).statusCode).toBe(303);
  });
  afterAll(() => app.close());

  /** An open action in Walsall led by the contributor's own agency. */
  const policeAction = async () => {
    const walsall = (await app.services.partnerships.findBySlug('walsall'))!.id;
    return withTenant(database.db, { partnershipId: walsall }, (trx) =>
      trx
        .selectFrom('actions as a')
        .innerJoin('agencies as ag', 'ag.id', 'a.lead_agency_id')
        .select(['a.id', 'a.version'])
        .where('ag.name', '=', 'West Midlands Police')
        .where('a.status', 'not in', ['complete', 'dropped'])
        .orderBy('a.due_date')
        .executeTakeFirstOrThrow(),
    );
  };
  const update = (version: number, over: Record<string, string> = {}) => ({
    period: '2015-16 Q4',
    actionTaken: 'Ran joint return interviews with the police.',
    evidenceOfImpact: 'Repeat missing episodes fell.',
    stillToDo: 'Extend to children placed out of borough.',
    rag: 'amber',
    status: 'at_risk',
    version: String(version),
    ...over,
  });

  it('saves a progress update in one transaction, reading nothing for a page it will not show', async () => {
    const action = await policeAction();
    const csrf = await contributor.csrfToken();
    counter.transactions = 0;
    const res = await contributor.post(`/p/walsall/actions/${action.id}/updates`, update(action.version), { csrf });
    expect(res.statusCode).toBe(303);
    expect(counter.transactions).toBe(1);
  });

  it('reads the action page only when the form fails, after the failed write', async () => {
    const action = await policeAction();
    const csrf = await contributor.csrfToken();
    counter.transactions = 0;
    const res = await contributor.post(`/p/walsall/actions/${action.id}/updates`, update(action.version, { actionTaken: '' }), { csrf });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#actionTaken"');
    expect(counter.transactions).toBe(2);
  });
});
