import { sql } from 'kysely';
import type { Trx } from './db.ts';

/** An index or foreign key of a table, as PostgreSQL itself would write it again. */
interface Definition {
  kind: 'index' | 'foreign key';
  name: string;
  definition: string;
}

/**
 * Fills tables the way the PostgreSQL manual advises for a large load ("Populating a Database"):
 * their secondary indexes and foreign keys are set aside while `fill` writes the rows, then put
 * back exactly as they were, so each index is built in one sorted pass and each foreign key is
 * checked over every row by one anti-join, instead of row by row. It all happens in the caller's
 * transaction: a key that no longer holds (a figure whose indicator is not there, two figures with
 * one key) fails the transaction with PostgreSQL's own error and nothing is kept.
 *
 * The tables, and those their keys point to, are locked against readers until the transaction
 * ends, so this is for filling empty tables. Changing a table's structure needs its owner, the
 * session's own role (the one that runs the migrations): the statements that do it run as that role.
 * @example await bulkLoad(trx, ['observations'], () => insertObservations(trx, null, rows, who));
 */
export async function bulkLoad<T>(trx: Trx, tables: readonly string[], fill: () => Promise<T>): Promise<T> {
  const aside: { table: string; definitions: Definition[] }[] = [];
  for (const table of tables) aside.push({ table, definitions: await definitionsOf(trx, table) });
  await asOwner(trx, async () => {
    for (const { table, definitions } of aside) {
      for (const index of definitions.filter((d) => d.kind === 'index')) await sql`DROP INDEX ${sql.id(index.name)}`.execute(trx);
      const keys = definitions.filter((d) => d.kind === 'foreign key');
      if (keys.length)
        await sql`ALTER TABLE ${sql.table(table)} ${sql.join(keys.map((k) => sql`DROP CONSTRAINT ${sql.id(k.name)}`))}`.execute(trx);
      await newFileIfNeverUsed(trx, table);
    }
  });
  const result = await fill();
  await asOwner(trx, async () => {
    for (const { table, definitions } of aside) {
      for (const index of definitions.filter((d) => d.kind === 'index')) await sql.raw(index.definition).execute(trx);
      const keys = definitions.filter((d) => d.kind === 'foreign key');
      const add = keys.map((k) => sql`ADD CONSTRAINT ${sql.id(k.name)} ${sql.raw(k.definition)}`);
      if (keys.length) await sql`ALTER TABLE ${sql.table(table)} ${sql.join(add)}`.execute(trx);
    }
  });
  return result;
}

/**
 * With `wal_level = minimal` PostgreSQL writes the rows and builds the indexes of a table whose file
 * was created in the current transaction without logging each one (it syncs the file at commit).
 * A table that has never held a row (no pages at all, checked under an exclusive lock) is therefore
 * emptied again, which changes nothing but gives it a new file. Under any other WAL level, as on
 * most servers, this is skipped.
 */
async function newFileIfNeverUsed(trx: Trx, table: string): Promise<void> {
  await sql`LOCK TABLE ${sql.table(table)} IN ACCESS EXCLUSIVE MODE`.execute(trx);
  const { rows } = await sql<{ unused: boolean }>`
    SELECT current_setting('wal_level') = 'minimal' AND pg_relation_size(${table}::regclass) = 0
       AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE confrelid = ${table}::regclass AND contype = 'f') AS unused`.execute(trx);
  if (rows[0]?.unused) await sql`TRUNCATE ${sql.table(table)}`.execute(trx);
}

/** A table's secondary indexes (not its primary key's, nor one a constraint owns) and its foreign keys. */
async function definitionsOf(trx: Trx, table: string): Promise<Definition[]> {
  const { rows } = await sql<Definition>`
    SELECT 'index' AS kind, c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = ${table}::regclass AND NOT i.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
    UNION ALL
    SELECT 'foreign key', conname, pg_get_constraintdef(oid)
    FROM pg_constraint WHERE conrelid = ${table}::regclass AND contype = 'f'
    ORDER BY 1 DESC, 2`.execute(trx);
  return rows;
}

/**
 * Runs `work` as the session's own role (the database owner), then returns to the role the
 * connection acts as. If `work` fails the transaction is lost anyway, and with it the change of role.
 */
async function asOwner(trx: Trx, work: () => Promise<void>): Promise<void> {
  const { rows } = await sql<{ role: string }>`SELECT current_user AS role`.execute(trx);
  await sql`SET LOCAL ROLE NONE`.execute(trx);
  await work();
  await sql`SET LOCAL ROLE ${sql.id(rows[0]!.role)}`.execute(trx);
}
