import { sql } from 'kysely';
import type { DbOrTrx } from '../db.ts';

/** The agencies contributing to a priority or an action (beside the one that leads it). */
export type AgencyLinkOwner = 'priority' | 'action';

const TABLES = {
  priority: { table: 'priority_agencies', column: 'priority_id' },
  action: { table: 'action_agencies', column: 'action_id' },
} as const;

/** Makes these the contributing agencies of a priority or an action. */
export async function replaceAgencyLinks(
  db: DbOrTrx,
  owner: AgencyLinkOwner,
  partnershipId: string,
  ownerId: string,
  agencyIds: readonly string[],
): Promise<void> {
  const { table, column } = TABLES[owner];
  await sql`DELETE FROM ${sql.table(table)} WHERE partnership_id = ${partnershipId} AND ${sql.ref(column)} = ${ownerId}`.execute(db);
  await addAgencyLinks(db, owner, partnershipId, ownerId, agencyIds);
}

/** Links a new priority or action to the agencies contributing to it (it has none yet). */
export async function addAgencyLinks(
  db: DbOrTrx,
  owner: AgencyLinkOwner,
  partnershipId: string,
  ownerId: string,
  agencyIds: readonly string[],
): Promise<void> {
  if (agencyIds.length === 0) return;
  const { table, column } = TABLES[owner];
  const rows = agencyIds.map((agencyId) => sql`(${partnershipId}, ${ownerId}, ${agencyId})`);
  await sql`INSERT INTO ${sql.table(table)} (partnership_id, ${sql.ref(column)}, agency_id) VALUES ${sql.join(rows)}`.execute(db);
}
