import { sql, type Kysely } from 'kysely';

/**
 * Collection schedules (issue 14, decision 0016): how many days after a period ends an agency's
 * figure for a partnership indicator is due. Frequency and period type were already kept; the
 * partnership's own indicators get a due date by frequency, and a yearly or quarterly period
 * reported "monthly" (which no import accepts) is set to the frequency its period type fits.
 * National indicators have no schedule (null): DfE publishes them, no agency owes them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE indicators ADD COLUMN due_days integer CHECK (due_days BETWEEN 0 AND 366)`.execute(db);
  await sql`
    UPDATE indicators SET frequency = CASE
        WHEN period_type IN ('financial-year', 'academic-year', 'calendar-year', 'multi-year') THEN 'annual'
        WHEN period_type IN ('calendar-quarter', 'financial-quarter') THEN 'quarterly'
        ELSE 'monthly' END
      WHERE partnership_id IS NOT NULL AND frequency <> 'irregular' AND (
        (period_type IN ('financial-year', 'academic-year', 'calendar-year', 'multi-year') AND frequency <> 'annual')
        OR (period_type IN ('calendar-quarter', 'financial-quarter') AND frequency <> 'quarterly')
        OR (period_type = 'month' AND frequency <> 'monthly')
        OR (period_type = 'rolling-12-months' AND frequency = 'termly'))`.execute(db);
  await sql`
    UPDATE indicators SET due_days = CASE frequency WHEN 'monthly' THEN 20 WHEN 'annual' THEN 60 ELSE 30 END
      WHERE partnership_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE indicators DROP COLUMN due_days`.execute(db);
}
