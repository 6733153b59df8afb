import type { Rag } from '../../core/plans.ts';
import type { DbOrTrx } from '../db.ts';
import type { SponsorReportRow } from '../schema.ts';
import { updateAtVersion } from './versioned.ts';

/** Sponsors' reports and the progress updates they are drafted from; every query is bound to one partnership. */

export interface SponsorReportValues {
  summary: string;
  exceptions: string;
  measures: string;
  next_steps: string;
  rag: Rag | null;
  updated_by: string;
}

export function findSponsorReport(
  db: DbOrTrx,
  partnershipId: string,
  priorityId: string,
  period: string,
): Promise<SponsorReportRow | undefined> {
  return db
    .selectFrom('sponsor_reports')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .where('priority_id', '=', priorityId)
    .where('period', '=', period)
    .executeTakeFirst();
}

/** Saves a first report for a priority and quarter; undefined when someone else saved one first. */
export function insertSponsorReport(
  db: DbOrTrx,
  partnershipId: string,
  priorityId: string,
  period: string,
  values: SponsorReportValues,
): Promise<SponsorReportRow | undefined> {
  return db
    .insertInto('sponsor_reports')
    .values({ ...values, partnership_id: partnershipId, priority_id: priorityId, period })
    .onConflict((oc) => oc.columns(['priority_id', 'period']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Saves a report if it is still at `version`; undefined when someone else saved it first. */
export function updateSponsorReport(
  db: DbOrTrx,
  partnershipId: string,
  id: string,
  version: number,
  values: SponsorReportValues,
): Promise<SponsorReportRow | undefined> {
  return updateAtVersion(db, 'sponsor_reports', { partnershipId, id, version }, values);
}

export interface PriorityUpdate {
  actionId: string;
  period: string;
  stillToDo: string;
  rag: Rag;
}

/** The progress updates on a priority's actions, newest quarter first (the newest written first within one). */
export function listPriorityUpdates(db: DbOrTrx, partnershipId: string, priorityId: string): Promise<PriorityUpdate[]> {
  return db
    .selectFrom('action_updates as u')
    .innerJoin('actions as a', 'a.id', 'u.action_id')
    .select(['u.action_id as actionId', 'u.period', 'u.still_to_do as stillToDo', 'u.rag'])
    .where('u.partnership_id', '=', partnershipId)
    .where('a.priority_id', '=', priorityId)
    .orderBy('u.period', 'desc')
    .orderBy('u.created_at', 'desc')
    .execute();
}
