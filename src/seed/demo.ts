import { withTenant, type Db } from '../data/db.ts';
import { insertAgency } from '../data/repositories/agencies.ts';
import { recordAudit } from '../data/repositories/audit.ts';
import { insertBoard } from '../data/repositories/boards.ts';
import { insertMembership } from '../data/repositories/memberships.ts';
import { findPartnershipBySlug, insertPartnership } from '../data/repositories/partnerships.ts';
import { insertUser } from '../data/repositories/users.ts';
import { hashPassword } from '../services/passwords.ts';
import { CLI_ACTOR } from '../services/errors.ts';
import { DEMO_PARTNERSHIPS } from './demo-data.ts';
import { seedDemoPlans } from './plans.ts';
import { seedDemoIndicators } from './indicators.ts';
import { linkDemoMeasures } from './measure-links.ts';
import { seedDemoScorecards } from './scorecards.ts';
import { loadNationalData } from '../intake/national-load.ts';

/** True once the demo partnerships exist, so a second start does not seed again. */
export async function isDemoSeeded(db: Db): Promise<boolean> {
  return (await findPartnershipBySlug(db, DEMO_PARTNERSHIPS[0]!.slug)) !== undefined;
}

/**
 * Loads the demo partnerships, their agencies, boards and users, all sharing one password.
 * Does nothing for a partnership that already exists.
 */
export async function seedDemo(db: Db, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  // Every council's published figures, so a fresh start can compare anyone with anyone.
  if (!(await db.selectFrom('areas').select('id').where('partnership_id', 'is', null).limit(1).executeTakeFirst()))
    await loadNationalData(db);
  for (const demo of DEMO_PARTNERSHIPS) {
    if (await findPartnershipBySlug(db, demo.slug)) continue;
    const home = await db
      .selectFrom('areas')
      .select('id')
      .where('code', '=', demo.homeArea)
      .where('partnership_id', 'is', null)
      .executeTakeFirstOrThrow();
    const partnership = await insertPartnership(db, {
      slug: demo.slug,
      name: demo.name,
      public_summary: demo.publicSummary,
      home_area_id: home.id,
    });
    await withTenant(db, { partnershipId: partnership.id }, async (trx) => {
      const agencyIds = new Map<string, string>();
      for (const agency of demo.agencies) {
        const row = await insertAgency(trx, { partnership_id: partnership.id, ...agency });
        agencyIds.set(agency.name, row.id);
      }
      for (const board of demo.boards) await insertBoard(trx, { partnership_id: partnership.id, ...board });
      for (const user of demo.users) {
        const row = await insertUser(trx, { email: user.email, name: user.name, password_hash: passwordHash });
        const agencyId = user.agency ? (agencyIds.get(user.agency) ?? null) : null;
        await insertMembership(trx, { partnership_id: partnership.id, user_id: row.id, role: user.role, agency_id: agencyId });
      }
      await seedDemoPlans(trx, partnership.id, demo.slug);
      await seedDemoIndicators(trx, partnership.id, demo.slug, agencyIds);
      await linkDemoMeasures(trx, partnership.id, demo.slug);
      await seedDemoScorecards(trx, partnership.id, demo.slug, agencyIds);
      await recordAudit(trx, {
        partnershipId: partnership.id,
        actorUserId: CLI_ACTOR.userId,
        actor: CLI_ACTOR.label,
        action: 'create',
        entityType: 'partnership',
        entityId: partnership.id,
        summary: `Loaded the demo: ${demo.agencies.length} agencies, ${demo.boards.length} boards, ${demo.users.length} people`,
      });
    });
  }
}
