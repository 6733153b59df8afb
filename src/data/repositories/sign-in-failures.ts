import type { DbOrTrx } from '../db.ts';

export async function recordSignInFailure(db: DbOrTrx, keys: string[]): Promise<void> {
  await db
    .insertInto('sign_in_failures')
    .values(keys.map((key) => ({ key })))
    .execute();
}

/** How many failures each key has had since `since`. */
export async function countSignInFailures(db: DbOrTrx, keys: string[], since: Date): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('sign_in_failures')
    .select(['key', (eb) => eb.fn.countAll<string>().as('n')])
    .where('key', 'in', keys)
    .where('failed_at', '>', since)
    .groupBy('key')
    .execute();
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

/** How many failures each key has had since `since`, and when the latest was. */
export async function summariseSignInFailures(
  db: DbOrTrx,
  keys: string[],
  since: Date,
): Promise<Map<string, { count: number; last: Date }>> {
  const rows = await db
    .selectFrom('sign_in_failures')
    .select(['key', (eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.max('failed_at').as('last')])
    .where('key', 'in', keys)
    .where('failed_at', '>', since)
    .groupBy('key')
    .execute();
  return new Map(rows.map((r) => [r.key, { count: Number(r.n), last: new Date(r.last as unknown as string | Date) }]));
}

export async function clearSignInFailures(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}

/** Forgets failures older than the throttling window. */
export async function deleteSignInFailuresBefore(db: DbOrTrx, before: Date): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('failed_at', '<', before).execute();
}
