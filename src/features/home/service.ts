import { withTenant, withUser, type Db } from '../../data/db.ts';
import { findMembershipBySlug, listMembershipsOfUser } from '../../data/repositories/memberships.ts';
import { listBoardsAndAgencies } from '../../data/repositories/overview.ts';
import { findPartnershipBySlug, listPartnerships } from '../../data/repositories/partnerships.ts';

/** Reading partnerships: who belongs where, a partnership's home and its public page. */
export function createPartnershipService(db: Db) {
  return {
    findBySlug: (slug: string) => findPartnershipBySlug(db, slug),

    listAll: () => listPartnerships(db),

    /** The partnerships a signed-in person belongs to. */
    membershipsOf: (userId: string) => withUser(db, userId, (trx) => listMembershipsOfUser(trx, userId)),

    /** The partnership at `slug` and the person's membership of it, or undefined when they are not in it. */
    memberOf: (slug: string, userId: string) => findMembershipBySlug(db, slug, userId),

    /** What a partnership's home and public page show: its boards and agencies. */
    overview: (partnershipId: string) => withTenant(db, { partnershipId }, (trx) => listBoardsAndAgencies(trx, partnershipId)),
  };
}
