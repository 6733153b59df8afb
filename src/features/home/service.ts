import { withTenant, withUser, type Db } from '../../data/db.ts';
import { listAgencies } from '../../data/repositories/agencies.ts';
import { listBoards } from '../../data/repositories/boards.ts';
import { findMember, listMembershipsOfUser } from '../../data/repositories/memberships.ts';
import { findPartnershipBySlug, listPartnerships } from '../../data/repositories/partnerships.ts';

/** Reading partnerships: who belongs where, a partnership's home and its public page. */
export function createPartnershipService(db: Db) {
  return {
    findBySlug: (slug: string) => findPartnershipBySlug(db, slug),

    listAll: () => listPartnerships(db),

    /** The partnerships a signed-in person belongs to. */
    membershipsOf: (userId: string) => withUser(db, userId, (trx) => listMembershipsOfUser(trx, userId)),

    /** A person's membership of one partnership, or undefined when they are not in it. */
    membership: (partnershipId: string, userId: string) =>
      withTenant(db, { partnershipId, userId }, (trx) => findMember(trx, partnershipId, userId)),

    /** What a partnership's home and public page show: its boards and agencies. */
    overview: (partnershipId: string) =>
      withTenant(db, { partnershipId }, async (trx) => {
        const [boards, agencies] = await Promise.all([listBoards(trx, partnershipId), listAgencies(trx, partnershipId)]);
        return { boards, agencies };
      }),
  };
}
