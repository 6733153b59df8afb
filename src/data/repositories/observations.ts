import { sql } from 'kysely';
import type { Marker, ObservationStatus } from '../../core/indicators.ts';
import type { Period, PeriodType } from '../../core/periods.ts';
import type { DbOrTrx } from '../db.ts';
import type { ObservationValues } from '../schema.ts';

/** A figure to store, its indicator and area already resolved to ids. */
export interface ObservationWrite extends ObservationValues {
  indicatorId: string;
  areaId: string;
  period: Period;
  breakdown: string;
  /** The day it became known (core/publication.ts); a changed figure keeps the earlier of the two. */
  knownFrom: string;
}

/** A figure as stored, with the key it is found by. */
export interface StoredObservation extends ObservationValues {
  id: string;
  indicatorId: string;
  areaId: string;
  periodCode: string;
  breakdown: string;
  version: number;
}

/** The key that makes a figure unique within its owner (the nation or one partnership). */
export const observationKey = (o: { indicatorId: string; areaId: string; periodCode: string; breakdown: string }) =>
  `${o.indicatorId}|${o.areaId}|${o.periodCode}|${o.breakdown}`;

/** Every figure an owner holds for these indicators, by key. */
export async function storedObservations(
  trx: DbOrTrx,
  partnershipId: string | null,
  indicatorIds: readonly string[],
): Promise<Map<string, StoredObservation>> {
  if (indicatorIds.length === 0) return new Map();
  // One JSON document rather than thousands of driver rows: far cheaper on the embedded database.
  const { rows } = await sql<{ doc: StoredObservation[] | null }>`
    SELECT json_agg(json_build_object(
      'id', id, 'indicatorId', indicator_id, 'areaId', area_id, 'periodCode', period_code, 'breakdown', breakdown,
      'value', value, 'numerator', numerator, 'denominator', denominator, 'marker', marker, 'status', status,
      'quality_note', quality_note, 'version', version)) AS doc
    FROM observations
    WHERE partnership_id IS NOT DISTINCT FROM ${partnershipId}::uuid AND indicator_id = ANY(${indicatorIds}::uuid[])`.execute(trx);
  return new Map((rows[0]?.doc ?? []).map((o) => [observationKey(o), o]));
}

interface Who {
  userId: string | null;
  source: string;
}

const CHUNK = 5_000;

function recordsOf(rows: readonly ObservationWrite[], extra: (row: ObservationWrite, i: number) => object = () => ({})) {
  return rows.map((r, i) => ({
    indicator_id: r.indicatorId,
    area_id: r.areaId,
    period_code: r.period.code,
    period_type: r.period.type,
    period_start: r.period.start,
    period_end: r.period.end,
    breakdown: r.breakdown,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    marker: r.marker,
    status: r.status,
    quality_note: r.quality_note,
    known_from: r.knownFrom,
    ...extra(r, i),
  }));
}

const RECORD =
  sql.raw(`indicator_id uuid, area_id uuid, period_code text, period_type text, period_start date, period_end date, breakdown text,
  value double precision, numerator double precision, denominator double precision, marker text, status text, quality_note text, known_from date`);

/** Replaces an owner's (the nation's, or one partnership's) stored figures' values (their keys stay), raising each one's version. */
export async function updateObservations(
  trx: DbOrTrx,
  partnershipId: string | null,
  updates: readonly { id: string; write: ObservationWrite }[],
  who: Who,
): Promise<void> {
  for (let i = 0; i < updates.length; i += CHUNK) {
    const slice = updates.slice(i, i + CHUNK);
    const json = JSON.stringify(
      recordsOf(
        slice.map((u) => u.write),
        (_r, j) => ({ id: slice[j]!.id }),
      ),
    );
    await sql`
      UPDATE observations o SET value = x.value, numerator = x.numerator, denominator = x.denominator, marker = x.marker,
             status = x.status, quality_note = x.quality_note, known_from = least(o.known_from, x.known_from),
             source = ${who.source}, updated_by = ${who.userId}::uuid,
             updated_at = now(), version = o.version + 1
      FROM json_to_recordset(${json}::json) AS x(id bigint, ${RECORD})
      WHERE o.id = x.id AND o.partnership_id IS NOT DISTINCT FROM ${partnershipId}::uuid`.execute(trx);
  }
}

export interface HistoryEntry {
  observation: StoredObservation;
  after: ObservationValues | null;
}

/** Keeps the old version of each changed or deleted figure, with who changed it and why. */
export async function recordHistory(
  trx: DbOrTrx,
  partnershipId: string | null,
  entries: readonly HistoryEntry[],
  who: { userId: string | null; label: string; reason: string },
): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK) {
    const json = JSON.stringify(
      entries.slice(i, i + CHUNK).map(({ observation: o, after }) => ({
        observation_id: o.id,
        indicator_id: o.indicatorId,
        area_id: o.areaId,
        period_code: o.periodCode,
        breakdown: o.breakdown,
        change: after ? 'changed' : 'deleted',
        before: valuesOf(o),
        after,
      })),
    );
    await sql`
      INSERT INTO observation_history (partnership_id, observation_id, indicator_id, area_id, period_code, breakdown, change, before, after,
                                       changed_by, changed_by_label, reason)
      SELECT ${partnershipId}::uuid, x.observation_id, x.indicator_id, x.area_id, x.period_code, x.breakdown, x.change, x.before, x.after,
             ${who.userId}::uuid, ${who.label}, ${who.reason}
      FROM jsonb_to_recordset(${json}::jsonb)
        AS x(observation_id bigint, indicator_id uuid, area_id uuid, period_code text, breakdown text, change text, before jsonb, after jsonb)`.execute(
      trx,
    );
  }
}

/** The parts of a figure that can change. */
export function valuesOf(o: ObservationValues): ObservationValues {
  return {
    value: o.value,
    numerator: o.numerator,
    denominator: o.denominator,
    marker: o.marker,
    status: o.status,
    quality_note: o.quality_note,
  };
}

export function sameValues(a: ObservationValues, b: ObservationValues): boolean {
  return (
    a.value === b.value &&
    a.numerator === b.numerator &&
    a.denominator === b.denominator &&
    a.marker === b.marker &&
    a.status === b.status &&
    a.quality_note === b.quality_note
  );
}

/** A figure as read back for pages and the API. */
export interface ObservationView {
  id: string;
  partnershipId: string | null;
  areaId: string;
  periodCode: string;
  periodType: PeriodType;
  periodStart: string;
  periodEnd: string;
  breakdown: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  marker: Marker | null;
  status: ObservationStatus;
  qualityNote: string;
  source: string;
  /** The day it became known (decision 0015). */
  knownFrom: string;
  version: number;
  updatedAt: string;
}

/** An indicator's figures for some areas (all breakdowns), oldest first; national and the partnership's own. */
export async function observationsFor(db: DbOrTrx, indicatorId: string, areaIds: readonly string[]): Promise<ObservationView[]> {
  return (await observationsForMany(db, [indicatorId], areaIds)).get(indicatorId) ?? [];
}

/** Several indicators' figures for some areas at once, by indicator, each oldest first. */
export async function observationsForMany(
  db: DbOrTrx,
  indicatorIds: readonly string[],
  areaIds: readonly string[],
): Promise<Map<string, ObservationView[]>> {
  const byIndicator = new Map<string, ObservationView[]>();
  if (areaIds.length === 0 || indicatorIds.length === 0) return byIndicator;
  const { rows } = await sql<{ doc: ObservationView[] | null }>`
    SELECT json_agg(json_build_object(
      'id', id, 'partnershipId', partnership_id, 'areaId', area_id, 'periodCode', period_code, 'periodType', period_type,
      'periodStart', period_start, 'periodEnd', period_end, 'breakdown', breakdown, 'value', value, 'numerator', numerator,
      'denominator', denominator, 'marker', marker, 'status', status, 'qualityNote', quality_note, 'source', source,
      'knownFrom', known_from, 'version', version, 'updatedAt', updated_at, 'indicatorId', indicator_id) ORDER BY period_end, period_start, partnership_id NULLS FIRST) AS doc
    FROM observations WHERE indicator_id = ANY(${indicatorIds}::uuid[]) AND area_id = ANY(${areaIds}::uuid[])`.execute(db);
  for (const o of (rows[0]?.doc ?? []) as (ObservationView & { indicatorId: string })[]) {
    const list = byIndicator.get(o.indicatorId);
    if (list) list.push(o);
    else byIndicator.set(o.indicatorId, [o]);
  }
  return byIndicator;
}

/** A published figure as benchmarks need it. */
export interface PublishedFigure {
  indicatorId: string;
  periodCode: string;
  areaId: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** Every area's whole-population published figure for several indicator × period pairs, in one read, with the day each became known. */
export async function nationalValuesForPairs(
  db: DbOrTrx,
  pairs: readonly { indicatorId: string; periodCode: string }[],
): Promise<(PublishedFigure & { knownFrom: string })[]> {
  if (pairs.length === 0) return [];
  // Columns as arrays per pair: far less to build and parse than an object per figure.
  const { rows } = await sql<{
    i: string;
    p: string;
    a: string[];
    v: (number | null)[];
    n: (number | null)[];
    d: (number | null)[];
    k: string[];
  }>`
    SELECT o.indicator_id AS i, o.period_code AS p, json_agg(o.area_id) AS a, json_agg(o.value) AS v,
           json_agg(o.numerator) AS n, json_agg(o.denominator) AS d, json_agg(o.known_from) AS k
    FROM observations o
    JOIN json_to_recordset(${JSON.stringify(pairs)}::json) AS x("indicatorId" uuid, "periodCode" text)
      ON o.indicator_id = x."indicatorId" AND o.period_code = x."periodCode"
    WHERE o.partnership_id IS NULL AND o.breakdown = ''
    GROUP BY o.indicator_id, o.period_code`.execute(db);
  return rows.flatMap((r) =>
    r.a.map((areaId, k) => ({
      indicatorId: r.i,
      periodCode: r.p,
      areaId,
      value: r.v[k] ?? null,
      numerator: r.n[k] ?? null,
      denominator: r.d[k] ?? null,
      knownFrom: r.k[k]!,
    })),
  );
}

/** Every area's whole-population value of an indicator for one period (national figures); with `knownAt`, only those published by then. */
export async function nationalValuesForPeriod(
  db: DbOrTrx,
  indicatorId: string,
  periodCode: string,
  knownAt: string | undefined = undefined,
): Promise<{ areaId: string; value: number | null; numerator: number | null; denominator: number | null }[]> {
  const { rows } = await sql<{
    doc: { areaId: string; value: number | null; numerator: number | null; denominator: number | null }[] | null;
  }>`
    SELECT json_agg(json_build_object('areaId', area_id, 'value', value, 'numerator', numerator, 'denominator', denominator)) AS doc
    FROM observations
    WHERE indicator_id = ${indicatorId}::uuid AND period_code = ${periodCode} AND breakdown = '' AND partnership_id IS NULL
      AND (${knownAt ?? null}::date IS NULL OR known_from <= ${knownAt ?? null}::date)`.execute(db);
  return rows[0]?.doc ?? [];
}

/**
 * Every area's whole-population published figure for every national indicator and period (or for
 * one indicator and period), in one read.
 */
export async function nationalFigures(
  db: DbOrTrx,
  only: { indicatorId: string; periodCode: string } | undefined = undefined,
): Promise<PublishedFigure[]> {
  // Short keys: far less JSON to build and parse for every figure the nation holds.
  const { rows } = await sql<{ doc: { i: string; p: string; a: string; v: number | null; n: number | null; d: number | null }[] | null }>`
    SELECT json_agg(json_build_object('i', indicator_id, 'p', period_code, 'a', area_id, 'v', value, 'n', numerator, 'd', denominator)) AS doc
    FROM observations
    WHERE partnership_id IS NULL AND breakdown = ''
      AND (${only?.indicatorId ?? null}::uuid IS NULL OR indicator_id = ${only?.indicatorId ?? null}::uuid)
      AND (${only?.periodCode ?? null}::text IS NULL OR period_code = ${only?.periodCode ?? null}::text)`.execute(db);
  return (rows[0]?.doc ?? []).map((r) => ({
    indicatorId: r.i,
    periodCode: r.p,
    areaId: r.a,
    value: r.v,
    numerator: r.n,
    denominator: r.d,
  }));
}

/** Whether the nation's figures have been loaded before. */
export async function nationalFiguresHeld(db: DbOrTrx): Promise<boolean> {
  const held = await db.selectFrom('observations').select('id').where('partnership_id', 'is', null).limit(1).executeTakeFirst();
  return held !== undefined;
}

/** The national figures of one national indicator that have a value: each with its area's code and period's end. */
export function nationalValuesOf(db: DbOrTrx, indicatorCode: string) {
  return db
    .selectFrom('observations as o')
    .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
    .innerJoin('areas as a', 'a.id', 'o.area_id')
    .select(['a.code', 'o.period_end', 'o.value'])
    .where('i.code', '=', indicatorCode)
    .where('i.partnership_id', 'is', null)
    .where('o.partnership_id', 'is', null)
    .where('o.value', 'is not', null)
    .execute();
}
