import { sql } from 'kysely';
import type { PriorityStatus } from '../../core/plans.ts';
import type { DbOrTrx } from '../db.ts';
import type { MeasureRow, PriorityRow } from '../schema.ts';
import { addAgencyLinks, replaceAgencyLinks } from './agency-links.ts';
import { updateAtVersion } from './versioned.ts';

/** A plan's priorities (themes) and their success measures; every query is bound to one partnership. */

export interface PriorityItem {
  id: string;
  planId: string;
  number: number;
  title: string;
  description: string;
  sponsorUserId: string | null;
  sponsorName: string | null;
  sponsorRole: string;
  leadAgencyId: string | null;
  leadAgencyName: string | null;
  status: PriorityStatus;
  version: number;
  contributingAgencyIds: string[];
}

function priorityQuery(db: DbOrTrx, partnershipId: string) {
  return db
    .selectFrom('priorities as pr')
    .leftJoin('users as u', 'u.id', 'pr.sponsor_user_id')
    .leftJoin('agencies as a', 'a.id', 'pr.lead_agency_id')
    .select([
      'pr.id',
      'pr.plan_id as planId',
      'pr.number',
      'pr.title',
      'pr.description',
      'pr.sponsor_user_id as sponsorUserId',
      'u.name as sponsorName',
      'pr.sponsor_role as sponsorRole',
      'pr.lead_agency_id as leadAgencyId',
      'a.name as leadAgencyName',
      'pr.status',
      'pr.version',
    ])
    .select((eb) =>
      eb
        .selectFrom('priority_agencies as pa')
        .whereRef('pa.priority_id', '=', 'pr.id')
        .select(sql<string[]>`coalesce(array_agg(pa.agency_id::text), '{}')`.as('ids'))
        .as('contributingAgencyIds'),
    )
    .where('pr.partnership_id', '=', partnershipId);
}

export function listPriorities(db: DbOrTrx, partnershipId: string, planId: string): Promise<PriorityItem[]> {
  return priorityQuery(db, partnershipId).where('pr.plan_id', '=', planId).orderBy('pr.number').execute() as Promise<PriorityItem[]>;
}

export function findPriority(db: DbOrTrx, partnershipId: string, id: string): Promise<PriorityItem | undefined> {
  return priorityQuery(db, partnershipId).where('pr.id', '=', id).executeTakeFirst() as Promise<PriorityItem | undefined>;
}

export interface PriorityValues {
  number: number;
  title: string;
  description: string;
  sponsor_user_id: string | null;
  sponsor_role: string;
  lead_agency_id: string | null;
  status: PriorityStatus;
}

export async function insertPriority(
  db: DbOrTrx,
  partnershipId: string,
  planId: string,
  values: PriorityValues,
  contributingAgencyIds: readonly string[],
): Promise<string> {
  const { id } = await db
    .insertInto('priorities')
    .values({ ...values, partnership_id: partnershipId, plan_id: planId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addAgencyLinks(db, 'priority', partnershipId, id, contributingAgencyIds);
  return id;
}

/** Saves a priority and its contributing agencies if it is still at `version`; undefined when someone else saved it first. */
export async function updatePriority(
  db: DbOrTrx,
  partnershipId: string,
  id: string,
  version: number,
  values: PriorityValues,
  contributingAgencyIds: readonly string[],
): Promise<PriorityRow | undefined> {
  const row = await updateAtVersion(db, 'priorities', { partnershipId, id, version }, values);
  if (row) await replaceAgencyLinks(db, 'priority', partnershipId, id, contributingAgencyIds);
  return row;
}

export function listMeasures(db: DbOrTrx, partnershipId: string, priorityIds: readonly string[]): Promise<MeasureRow[]> {
  if (priorityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('measures')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .where('priority_id', 'in', priorityIds)
    .orderBy('priority_id')
    .orderBy('position')
    .execute();
}

/** A measure's link to an indicator's figures (all empty for a text-only measure); trajectory as JSON. */
export interface MeasureLink {
  indicator_id: string | null;
  area_id: string | null;
  breakdown: string;
  baseline_value: number | null;
  baseline_period: string | null;
  target_value: number | null;
  tolerance: number;
  trajectory: string;
}

export type MeasureValues = { text: string; baseline: string; target: string; target_date: string | null } & Partial<MeasureLink>;

export async function insertMeasure(db: DbOrTrx, partnershipId: string, priorityId: string, values: MeasureValues): Promise<void> {
  await insertMeasures(db, partnershipId, priorityId, [values]);
}

/** Adds measures after those a priority has, in the order given, in one statement. */
export async function insertMeasures(
  db: DbOrTrx,
  partnershipId: string,
  priorityId: string,
  values: readonly MeasureValues[],
): Promise<void> {
  if (values.length === 0) return;
  const last = sql<number>`(SELECT coalesce(max(position), 0) FROM measures WHERE priority_id = ${priorityId})`;
  await db
    .insertInto('measures')
    .values(
      values.map((v, i) => ({ ...v, partnership_id: partnershipId, priority_id: priorityId, position: sql<number>`${last} + ${i + 1}` })),
    )
    .execute();
}
