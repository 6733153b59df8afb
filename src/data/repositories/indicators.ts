import { sql } from 'kysely';
import { DEFAULT_DUE_DAYS } from '../../core/figures-owed.ts';
import type { IndicatorDefinition } from '../../core/indicators.ts';
import type { DbOrTrx } from '../db.ts';
import type { IndicatorRow } from '../schema.ts';

/** An indicator as pages and services use it: its definition, who owns it, and its agency. */
export interface Indicator extends IndicatorDefinition {
  id: string;
  /** Null for the national library (read-only); otherwise the owning partnership. */
  partnershipId: string | null;
  agencyId: string | null;
  version: number;
}

export function toIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    code: row.code,
    title: row.title,
    definition: row.definition,
    numeratorDefinition: row.numerator_definition,
    denominatorDefinition: row.denominator_definition,
    unit: row.unit,
    decimals: row.decimals,
    polarity: row.polarity,
    bandLow: row.band_low,
    bandHigh: row.band_high,
    frequency: row.frequency,
    periodType: row.period_type,
    lag: row.lag,
    lagMonths: row.lag_months,
    dueDays: row.due_days,
    source: row.source,
    agencyId: row.agency_id,
    obaCategory: row.oba_category,
    themes: row.themes,
    version: row.version,
  };
}

/** Columns for an insert or update, from a definition. */
export function indicatorColumns(def: IndicatorDefinition, agencyId: string | null = null) {
  return {
    code: def.code,
    title: def.title,
    definition: def.definition,
    numerator_definition: def.numeratorDefinition,
    denominator_definition: def.denominatorDefinition,
    unit: def.unit,
    decimals: def.decimals,
    polarity: def.polarity,
    band_low: def.polarity === 'band' ? def.bandLow : null,
    band_high: def.polarity === 'band' ? def.bandHigh : null,
    frequency: def.frequency,
    period_type: def.periodType,
    lag: def.lag,
    lag_months: def.lagMonths ?? null,
    due_days: def.dueDays ?? DEFAULT_DUE_DAYS[def.frequency],
    source: def.source,
    agency_id: agencyId,
    oba_category: def.obaCategory,
    themes: JSON.stringify(def.themes),
  };
}

/** Every indicator this connection may see: the national library and the partnership's own. */
export async function listIndicators(db: DbOrTrx): Promise<Indicator[]> {
  const rows = await db.selectFrom('indicators').selectAll().orderBy('partnership_id', 'desc').orderBy('title').execute();
  return rows.map(toIndicator);
}

export async function findIndicatorByCode(db: DbOrTrx, code: string): Promise<Indicator | undefined> {
  const row = await db.selectFrom('indicators').selectAll().where('code', '=', code).orderBy('partnership_id').executeTakeFirst();
  return row && toIndicator(row);
}

export async function insertIndicator(
  trx: DbOrTrx,
  partnershipId: string,
  def: IndicatorDefinition,
  agencyId: string | null,
): Promise<Indicator> {
  const row = await trx
    .insertInto('indicators')
    .values({ partnership_id: partnershipId, ...indicatorColumns(def, agencyId) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toIndicator(row);
}

/** Saves a partnership's own indicator if it is still at `version`; undefined when someone saved first. */
export async function updateIndicator(
  trx: DbOrTrx,
  partnershipId: string,
  id: string,
  version: number,
  def: IndicatorDefinition,
  agencyId: string | null,
): Promise<Indicator | undefined> {
  const row = await trx
    .updateTable('indicators')
    .set((eb) => ({ ...indicatorColumns(def, agencyId), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row && toIndicator(row);
}

/** Adds or refreshes the national library by code, in one statement (the caller has set the national-load flag). */
export async function upsertNationalIndicators(trx: DbOrTrx, defs: readonly IndicatorDefinition[]): Promise<Map<string, string>> {
  if (defs.length) {
    const rows = defs.map((def) => ({ ...indicatorColumns(def), themes: def.themes }));
    await sql`
      INSERT INTO indicators (partnership_id, code, title, definition, numerator_definition, denominator_definition, unit, decimals,
                              polarity, band_low, band_high, frequency, period_type, lag, lag_months, source, agency_id, oba_category, themes)
      SELECT NULL, x.code, x.title, x.definition, x.numerator_definition, x.denominator_definition, x.unit, x.decimals,
             x.polarity, x.band_low, x.band_high, x.frequency, x.period_type, x.lag, x.lag_months, x.source, x.agency_id, x.oba_category, x.themes
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        code text, title text, definition text, numerator_definition text, denominator_definition text, unit text, decimals integer,
        polarity text, band_low double precision, band_high double precision, frequency text, period_type text, lag text, lag_months integer,
        source text, agency_id uuid, oba_category text, themes jsonb)
      ON CONFLICT (coalesce(partnership_id, '00000000-0000-0000-0000-000000000000'::uuid), code) DO UPDATE
        SET title = excluded.title, definition = excluded.definition, numerator_definition = excluded.numerator_definition,
            denominator_definition = excluded.denominator_definition, unit = excluded.unit, decimals = excluded.decimals,
            polarity = excluded.polarity, band_low = excluded.band_low, band_high = excluded.band_high,
            frequency = excluded.frequency, period_type = excluded.period_type, lag = excluded.lag, lag_months = excluded.lag_months, source = excluded.source,
            agency_id = excluded.agency_id, oba_category = excluded.oba_category, themes = excluded.themes`.execute(trx);
  }
  const rows = await trx.selectFrom('indicators').select(['id', 'code']).where('partnership_id', 'is', null).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}
