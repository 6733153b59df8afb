import type { MemberActor } from '../../core/policy.ts';
import { addDays, quarterOf } from '../../core/promises.ts';
import { withTenant, withUser, type Db } from '../../data/db.ts';
import { refusedImports, sponsoredPriorities } from '../../data/repositories/home.ts';
import { findMembershipBySlug, listMembershipsOfUser } from '../../data/repositories/memberships.ts';
import { listBoardsAndAgencies } from '../../data/repositories/overview.ts';
import { findPartnershipBySlug, listPartnerships } from '../../data/repositories/partnerships.ts';
import { revisionOf } from '../../data/repositories/revisions.ts';
import { RevisionCache } from '../../services/revision-cache.ts';

/** How many partnerships' overviews a server keeps worked out. */
const OVERVIEW_CACHE_SIZE = 32;
/** How far back the analyst's home looks for refused imports, and how many it lists. */
const REFUSED_IMPORT_DAYS = 28;
const REFUSED_IMPORTS_SHOWN = 5;

/** The quarter a priority's report is due for: this quarter while the plan runs, its last once it has ended. */
const reportQuarter = (p: { periodStart: string; periodEnd: string }, today: string) => {
  const at = today > p.periodEnd ? p.periodEnd : today < p.periodStart ? p.periodStart : today;
  return quarterOf(at);
};

/** Reading partnerships: who belongs where, a partnership's home and its public page. */
export function createPartnershipService(db: Db) {
  const overviews = new RevisionCache<Awaited<ReturnType<typeof listBoardsAndAgencies>>>(OVERVIEW_CACHE_SIZE);
  return {
    findBySlug: (slug: string) => findPartnershipBySlug(db, slug),

    listAll: () => listPartnerships(db),

    /** The partnerships a signed-in person belongs to. */
    membershipsOf: (userId: string) => withUser(db, userId, (trx) => listMembershipsOfUser(trx, userId)),

    /** The partnership at `slug` and the person's membership of it, or undefined when they are not in it. */
    memberOf: (slug: string, userId: string) => findMembershipBySlug(db, slug, userId),

    /** The priorities a sponsor leads, each with the quarter its report is due for and whether that report is saved. */
    sponsorWork: async (partnershipId: string, actor: MemberActor, today: string) => {
      const priorities = await withTenant(db, { partnershipId, userId: actor.userId ?? undefined }, (trx) =>
        sponsoredPriorities(trx, partnershipId, actor.userId ?? ''),
      );
      return priorities.map(({ reported, ...p }) => {
        const quarter = reportQuarter(p, today);
        return { ...p, quarter, saved: reported.includes(quarter.code) };
      });
    },

    /** Imports refused in the last four weeks, newest first, for the analyst to put right. */
    failedImports: (partnershipId: string, actor: MemberActor, today: string) =>
      withTenant(db, { partnershipId, userId: actor.userId ?? undefined }, (trx) =>
        refusedImports(trx, partnershipId, addDays(today, -REFUSED_IMPORT_DAYS), REFUSED_IMPORTS_SHOWN),
      ),

    /**
     * What a partnership's home and public page show: its boards and agencies, read once per
     * revision of its plans (which moves with any change to either) and shared, frozen, so a
     * page rendered from it can be kept by it (web/views.ts). A page that read the revision with
     * the session (web/tenant.ts) gives it.
     */
    overview: async (partnershipId: string, plansRevision?: string) => {
      const revision = plansRevision ?? (await revisionOf(db, partnershipId, 'plans'));
      return overviews.get([partnershipId, revision], () =>
        withTenant(db, { partnershipId }, (trx) => listBoardsAndAgencies(trx, partnershipId)),
      );
    },
  };
}
