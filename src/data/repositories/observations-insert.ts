import { sql } from 'kysely';
import type { DbOrTrx } from '../db.ts';
import type { ObservationWrite } from './observations.ts';

/** Numbers the distinct values it is given, from 1, in the order first seen. */
class Numbering<T> {
  readonly values: T[] = [];
  readonly #numbers = new Map<string, number>();

  number(key: string, value: T): number {
    let n = this.#numbers.get(key);
    if (n === undefined) {
      n = this.values.push(value);
      this.#numbers.set(key, n);
    }
    return n;
  }
}

/** A figure's number as the database reads it back exactly; anything JSON would not carry (NaN, ±Infinity) as no number, as before. */
const figure = (x: number | null) => (x !== null && Number.isFinite(x) ? String(x) : '');

/** What many figures share besides their indicator and area: period, breakdown, marker, status and note. */
type Kind = Pick<ObservationWrite, 'breakdown' | 'marker' | 'status' | 'quality_note'>;

/**
 * Figures as the database decodes them cheaply: each figure one line of numbers (its indicator,
 * area, period and kind by their place in short lists, then value, numerator and denominator,
 * then the day it became known by its place in a list),
 * each id, period and kind given once. A hundred thousand national figures have 61 indicators,
 * 170 areas, 78 periods and 13 kinds. Parsing a few numbers a row is several times cheaper for
 * PostgreSQL than JSON objects or one array per column, and the statement is the same on PGlite
 * and a server.
 */
function encode(rows: readonly ObservationWrite[]) {
  const indicators = new Numbering<string>();
  const areas = new Numbering<string>();
  const periods = new Numbering<ObservationWrite['period']>();
  const kinds = new Numbering<Kind>();
  const knownFrom = new Numbering<string>();
  const lines = rows.map((r) => {
    // Keys joined with NUL, which no text PostgreSQL stores can hold.
    const period = periods.number(`${r.period.code}\0${r.period.type}\0${r.period.start}\0${r.period.end}`, r.period);
    const kind = kinds.number(`${r.breakdown}\0${r.marker === null ? '' : `m${r.marker}`}\0${r.status}\0${r.quality_note}`, r);
    return `${indicators.number(r.indicatorId, r.indicatorId)},${areas.number(r.areaId, r.areaId)},${period},${kind},${figure(r.value)},${figure(r.numerator)},${figure(r.denominator)},${knownFrom.number(r.knownFrom, r.knownFrom)}`;
  });
  return {
    indicators: indicators.values,
    areas: areas.values,
    periods: periods.values,
    kinds: kinds.values,
    knownFrom: knownFrom.values,
    lines: lines.join('\n'),
  };
}

/** Adds new figures in one statement. */
export async function insertObservations(
  trx: DbOrTrx,
  partnershipId: string | null,
  rows: readonly ObservationWrite[],
  who: { userId: string | null; source: string },
): Promise<void> {
  if (rows.length === 0) return;
  const { indicators, areas, periods, kinds, knownFrom, lines } = encode(rows);
  const period = <T>(pick: (p: ObservationWrite['period']) => T) => periods.map(pick);
  const kind = <T>(pick: (k: Kind) => T) => kinds.map(pick);
  // The lines are split in the select list, which streams them, and numbered once each in a
  // subquery kept apart (OFFSET 0), so each figure's place in the lists is parsed once.
  await sql`
    INSERT INTO observations (partnership_id, indicator_id, area_id, period_code, period_type, period_start, period_end, breakdown,
                              value, numerator, denominator, marker, status, quality_note, known_from, source, updated_by)
    SELECT ${partnershipId}::uuid, (${indicators}::uuid[])[x.i], (${areas}::uuid[])[x.a],
           (${period((p) => p.code)}::text[])[x.p], (${period((p) => p.type)}::text[])[x.p],
           (${period((p) => p.start)}::date[])[x.p], (${period((p) => p.end)}::date[])[x.p], (${kind((k) => k.breakdown)}::text[])[x.k],
           x.value, x.numerator, x.denominator, (${kind((k) => k.marker)}::text[])[x.k], (${kind((k) => k.status)}::text[])[x.k],
           (${kind((k) => k.quality_note)}::text[])[x.k], (${knownFrom}::date[])[x.d], ${who.source}, ${who.userId}::uuid
    FROM (SELECT f[1]::int AS i, f[2]::int AS a, f[3]::int AS p, f[4]::int AS k, nullif(f[5], '')::double precision AS value,
                 nullif(f[6], '')::double precision AS numerator, nullif(f[7], '')::double precision AS denominator,
                 f[8]::int AS d
          FROM (SELECT string_to_array(unnest(string_to_array(${lines}, E'\\n')), ',') AS f) AS line
          OFFSET 0) AS x`.execute(trx);
}
