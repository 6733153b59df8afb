import type { Role } from '../../core/policy.ts';
import { sql } from 'kysely';
import type { DbOrTrx } from '../db.ts';
import type { PartnershipRow } from '../schema.ts';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
  version: number;
}

function memberQuery(db: DbOrTrx, partnershipId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('agencies as a', 'a.id', 'm.agency_id')
    .select(['m.user_id as userId', 'u.email', 'u.name', 'm.role', 'm.agency_id as agencyId', 'a.name as agencyName', 'm.version'])
    .where('m.partnership_id', '=', partnershipId);
}

/** Everyone in a partnership with their role, by name. */
export function listMembers(db: DbOrTrx, partnershipId: string): Promise<Member[]> {
  return memberQuery(db, partnershipId).orderBy('u.name').execute();
}

export function findMember(db: DbOrTrx, partnershipId: string, userId: string): Promise<Member | undefined> {
  return memberQuery(db, partnershipId).where('m.user_id', '=', userId).executeTakeFirst();
}

/** The partnerships a person belongs to, with their role in each. */
export function listMembershipsOfUser(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
    .select(['p.id as partnershipId', 'p.slug', 'p.name', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('p.name')
    .execute();
}

export async function insertMembership(
  db: DbOrTrx,
  values: { partnership_id: string; user_id: string; role: Role; agency_id: string | null },
): Promise<void> {
  await db.insertInto('memberships').values(values).execute();
}

/** Changes a role if the membership is still at `version`; returns false when someone got there first. */
export async function updateMembership(
  db: DbOrTrx,
  partnershipId: string,
  userId: string,
  version: number,
  values: { role: Role; agency_id: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('memberships')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('partnership_id', '=', partnershipId)
    .where('user_id', '=', userId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteMembership(db: DbOrTrx, partnershipId: string, userId: string): Promise<void> {
  await db.deleteFrom('memberships').where('partnership_id', '=', partnershipId).where('user_id', '=', userId).execute();
}

export async function countAdmins(db: DbOrTrx, partnershipId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('partnership_id', '=', partnershipId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A row of `baton_membership(slug, user)`: the partnership's columns, then the member's. */
export interface MembershipLookupRow extends PartnershipRow {
  member_user_id: string;
  member_email: string;
  member_name: string;
  member_role: Role;
  member_agency_id: string | null;
  member_agency_name: string | null;
  member_version: number;
}

/** A partnership and the person's membership of it. */
export interface Membership {
  partnership: PartnershipRow;
  member: Member;
}

/** The partnership and membership in a row of `baton_membership`. */
export function membershipOfRow(row: MembershipLookupRow): Membership {
  return {
    partnership: {
      id: row.id,
      slug: row.slug,
      name: row.name,
      public_summary: row.public_summary,
      home_area_id: row.home_area_id,
      comparator: row.comparator,
      created_at: row.created_at,
    },
    member: {
      userId: row.member_user_id,
      email: row.member_email,
      name: row.member_name,
      role: row.member_role,
      agencyId: row.member_agency_id,
      agencyName: row.member_agency_name,
      version: row.member_version,
    },
  };
}

/**
 * The partnership with this slug and the person's membership of it, or undefined when either is
 * missing, in one statement (see the `baton_membership` migration). Call it outside a transaction:
 * it sets the tenant settings for the rest of the transaction it runs in.
 */
export async function findMembershipBySlug(db: DbOrTrx, slug: string, userId: string): Promise<Membership | undefined> {
  const { rows } = await sql<MembershipLookupRow>`SELECT * FROM baton_membership(${slug}, ${userId}::uuid)`.execute(db);
  const row = rows[0];
  return row && membershipOfRow(row);
}
