import { withTenant, withUser, type Db } from '../../data/db.ts';
import { findMembershipBySlug, listMembershipsOfUser } from '../../data/repositories/memberships.ts';
import { listBoardsAndAgencies } from '../../data/repositories/overview.ts';
import { findPartnershipBySlug, listPartnerships } from '../../data/repositories/partnerships.ts';
import { revisionOf } from '../../data/repositories/revisions.ts';
import { RevisionCache } from '../../services/revision-cache.ts';

/** How many partnerships' overviews a server keeps worked out. */
const OVERVIEW_CACHE_SIZE = 32;

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
