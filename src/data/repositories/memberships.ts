import type { Role } from '../../core/policy.ts';
import type { DbOrTrx } from '../db.ts';

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
    .select([
      'm.user_id as userId',
      'u.email',
      'u.name',
      'm.role',
      'm.agency_id as agencyId',
      'a.name as agencyName',
      'm.version',
    ])
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
