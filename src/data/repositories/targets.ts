import { sql } from 'kysely';
import type { Period } from '../../core/periods.ts';
import type { DbOrTrx } from '../db.ts';
import type { ObservationValues } from '../schema.ts';

export interface TargetView {
  id: string;
  areaId: string;
  areaName: string;
  periodCode: string;
  periodEnd: string;
  value: number;
  tolerance: number;
  note: string;
}

/** A partnership's targets for an indicator, by period. */
export function listTargets(db: DbOrTrx, partnershipId: string, indicatorId: string): Promise<TargetView[]> {
  return listTargetsFor(db, partnershipId, [indicatorId]);
}

/** A partnership's targets for several indicators. */
export function listTargetsFor(
  db: DbOrTrx,
  partnershipId: string,
  indicatorIds: readonly string[],
): Promise<(TargetView & { indicatorId: string })[]> {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('targets as t')
    .innerJoin('areas as a', 'a.id', 't.area_id')
    .select([
      't.id',
      't.indicator_id as indicatorId',
      't.area_id as areaId',
      'a.name as areaName',
      't.period_code as periodCode',
      't.period_end as periodEnd',
      't.value',
      't.tolerance',
      't.note',
    ])
    .where('t.partnership_id', '=', partnershipId)
    .where('t.indicator_id', 'in', indicatorIds)
    .orderBy('t.period_end')
    .orderBy('a.name')
    .execute();
}

/** Sets the target for an indicator × area × period, replacing one already set. */
export async function upsertTarget(
  trx: DbOrTrx,
  partnershipId: string,
  indicatorId: string,
  areaId: string,
  period: Period,
  value: number,
  tolerance: number,
  note: string,
): Promise<string> {
  const row = await trx
    .insertInto('targets')
    .values({
      partnership_id: partnershipId,
      indicator_id: indicatorId,
      area_id: areaId,
      period_code: period.code,
      period_start: period.start,
      period_end: period.end,
      value,
      tolerance,
      note,
    })
    .onConflict((oc) =>
      oc
        .columns(['partnership_id', 'indicator_id', 'area_id', 'period_code'])
        .doUpdateSet({ value, tolerance, note, version: sql`targets.version + 1`, updated_at: new Date() }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function deleteTarget(trx: DbOrTrx, partnershipId: string, indicatorId: string, id: string) {
  return trx
    .deleteFrom('targets')
    .where('partnership_id', '=', partnershipId)
    .where('indicator_id', '=', indicatorId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export interface HistoryView {
  changedAt: string;
  changedBy: string;
  reason: string;
  change: 'changed' | 'deleted';
  areaName: string;
  periodCode: string;
  breakdown: string;
  before: ObservationValues;
  after: ObservationValues | null;
}

/** The latest changes to an indicator's figures (national revisions and the partnership's own), newest first. */
export function observationHistory(db: DbOrTrx, indicatorId: string, limit: number): Promise<HistoryView[]> {
  return db
    .selectFrom('observation_history as h')
    .innerJoin('areas as a', 'a.id', 'h.area_id')
    .select([
      sql<string>`to_char(h.changed_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD HH24:MI')`.as('changedAt'),
      'h.changed_by_label as changedBy',
      'h.reason',
      'h.change',
      'a.name as areaName',
      'h.period_code as periodCode',
      'h.breakdown',
      'h.before',
      'h.after',
    ])
    .where('h.indicator_id', '=', indicatorId)
    .orderBy('h.changed_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(limit)
    .execute();
}
