import { sql, type Kysely } from 'kysely';

/** "Charts for selected areas": a row may be chosen to be charted on the page and in the paper. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE scorecard_rows ADD COLUMN chart boolean NOT NULL DEFAULT false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE scorecard_rows DROP COLUMN chart`.execute(db);
}
