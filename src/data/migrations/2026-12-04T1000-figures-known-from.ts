import { sql, type Kysely } from 'kysely';

/**
 * When each figure became known (issue 14, decision 0015): `observations.known_from`, and each
 * national indicator's publication lag in months beside its words (`indicators.lag_months`).
 *
 * Figures held already get the date the rule gives (core/publication.ts): SFR36/2013 was
 * published on 26 September 2013; other national figures their period's end plus the lag, but no
 * later than the day they were loaded; the partnership's own the day they were first entered (the
 * earliest of their last change and their history); the demo's Walsall figures the end of their
 * period, but no later than the paper they come from (seed 003, as at 30 November 2013).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE indicators ADD COLUMN lag_months integer CHECK (lag_months BETWEEN 0 AND 60)`.execute(db);
  // The lags in words as the national catalogue wrote them on this date, with their months.
  const lags = JSON.stringify(LAGS.map(([lag, months]) => ({ lag, months })));
  await sql`
    UPDATE indicators i SET lag_months = x.months
    FROM jsonb_to_recordset(${lags}::jsonb) AS x(lag text, months integer)
    WHERE i.partnership_id IS NULL AND i.lag = x.lag`.execute(db);
  await sql`ALTER TABLE observations ADD COLUMN known_from date`.execute(db);
  await sql`
    UPDATE observations o SET known_from = CASE
      WHEN o.partnership_id IS NULL AND i.code IN ('cla-count', 'cla-rate') AND o.period_code = 'AT2013-03-31' THEN DATE '2013-09-26'
      WHEN o.partnership_id IS NULL AND i.lag_months IS NOT NULL
        THEN least((o.period_end + make_interval(months => i.lag_months))::date, o.updated_at::date)
      WHEN o.source = 'Walsall Q3 2013 scorecard (seed 003)' THEN least(o.period_end, DATE '2013-11-30')
      ELSE least(o.updated_at::date, (SELECT min(h.changed_at)::date FROM observation_history h WHERE h.observation_id = o.id))
    END
    FROM indicators i WHERE i.id = o.indicator_id`.execute(db);
  await sql`ALTER TABLE observations ALTER COLUMN known_from SET NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE observations DROP COLUMN known_from`.execute(db);
  await sql`ALTER TABLE indicators DROP COLUMN lag_months`.execute(db);
}

const LAGS: [string, number][] = [
  ['Published each autumn for the year ending the previous 31 March', 7],
  ['Published each February for the year to the previous 30 September', 5],
  ['Published each November for the academic year just ended', 3],
  ['Council figures published each December for the academic year just ended', 4],
  ['Published each autumn (provisional) and the following February (revised)', 2],
  ['Published annually, more than a year after the academic year ends', 13],
  ['Published each spring for the previous academic year', 8],
  ['Published each summer for the academic year before last', 11],
  ['Published each autumn for the academic year just ended', 2],
  ['Published annually by ONS, more than a year after the calendar year ends', 13],
  ['Published annually, about a year after the calendar year ends', 12],
  ['Published each spring for the previous financial year', 13],
  ['Published each summer for the previous winter (December to February average)', 4],
  ['Published each summer for the June of the year before', 13],
];
