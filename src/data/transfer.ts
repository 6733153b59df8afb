import type pg from 'pg';
import { listTables, quoteIdent, tableChecksums, type TableChecksum } from './checksums.ts';
import type { RawQuery } from './db.ts';

/** Rows sent per statement; a table that refers to itself goes in one statement so its own keys check at its end. */
const BATCH_ROWS = 5_000;

export interface CopyProgress {
  table: string;
  /** 1-based position of the table, of `tables`. */
  index: number;
  tables: number;
  copied: number;
  rows: number;
}

interface TablePlan {
  name: string;
  columns: string[];
  orderBy: string;
  selfReferencing: boolean;
}

/** Tables ordered so each comes after every table its foreign keys point to. */
export async function tablesInDependencyOrder(query: RawQuery): Promise<{ order: string[]; selfReferencing: Set<string> }> {
  const tables = await listTables(query);
  const links = await query(
    `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent
     FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  const selfReferencing = new Set<string>();
  for (const { child, parent } of links as { child: string; parent: string }[]) {
    if (child === parent) selfReferencing.add(child);
    else parents.get(child)?.add(parent);
  }
  const order: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (order.includes(table)) return;
    if (path.has(table)) throw new Error(`Foreign keys form a cycle through ${table}; it cannot be copied table by table.`);
    path.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, path);
    path.delete(table);
    order.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return { order, selfReferencing };
}

async function planTable(query: RawQuery, name: string, selfReferencing: boolean): Promise<TablePlan> {
  const columns = await query(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [quoteIdent(name)],
  );
  const key = await query(
    `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    [quoteIdent(name)],
  );
  const orderBy = key.length ? key.map((k) => quoteIdent(String(k.name))).join(', ') : 't::text';
  return { name, columns: columns.map((c) => String(c.name)), orderBy, selfReferencing };
}

/** The target's role must see every partnership's rows: row-level security is forced even on the owner. */
async function requireBypass(target: pg.Client): Promise<void> {
  const { rows } = await target.query<{ ok: boolean; role: string }>(
    'SELECT rolsuper OR rolbypassrls AS ok, rolname AS role FROM pg_roles WHERE rolname = current_user',
  );
  if (!rows[0]?.ok) {
    throw new Error(
      `The role ${rows[0]?.role ?? ''} must be a superuser or have BYPASSRLS to copy every partnership's rows (ALTER ROLE … BYPASSRLS; it can be revoked afterwards).`,
    );
  }
}

/** Tables of the target that already hold rows (a copy goes only into an empty database). */
export async function nonEmptyTables(target: pg.Client): Promise<string[]> {
  await requireBypass(target);
  const query: RawQuery = async (text, params) => (await target.query(text, params as unknown[])).rows;
  const found: string[] = [];
  for (const table of await listTables(query)) {
    const [row] = await query(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table)}) AS any`);
    if (row?.any) found.push(table);
  }
  return found;
}

async function copyTable(source: RawQuery, target: pg.Client, plan: TablePlan, report: (copied: number, rows: number) => void) {
  const [{ rows }] = (await source(`SELECT count(*)::int AS rows FROM ${quoteIdent(plan.name)}`)) as [{ rows: number }];
  const table = quoteIdent(plan.name);
  const columns = plan.columns.map(quoteIdent).join(', ');
  const batch = plan.selfReferencing ? Math.max(rows, 1) : BATCH_ROWS;
  await target.query('BEGIN');
  try {
    // Triggers (revisions, progress roll-ups, frozen packs) would change or refuse rows that are being copied as they are.
    await target.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    for (let offset = 0; offset < rows; offset += batch) {
      const [chunk] = await source(
        `SELECT json_agg(t)::text AS rows FROM (SELECT ${columns} FROM ${table} t ORDER BY ${plan.orderBy} LIMIT ${batch} OFFSET ${offset}) t`,
      );
      await target.query(
        `INSERT INTO ${table} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)`,
        [chunk!.rows],
      );
      report(Math.min(offset + batch, rows), rows);
    }
    await target.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    await target.query('COMMIT');
  } catch (error) {
    await target.query('ROLLBACK');
    throw error;
  }
  if (rows === 0) report(0, 0);
}

/** Sets every sequence of the target to where the source's stands, so new rows get new keys. */
async function copySequences(source: RawQuery, target: pg.Client): Promise<void> {
  const sequences = await source(`SELECT schemaname || '.' || quote_ident(sequencename) AS name, last_value FROM pg_sequences WHERE schemaname = 'public'`);
  for (const s of sequences) {
    if (s.last_value === null) await target.query('SELECT setval($1::regclass, 1, false)', [s.name]);
    else await target.query('SELECT setval($1::regclass, $2::bigint, true)', [s.name, String(s.last_value)]);
  }
}

/**
 * Copies every table of `source` (read in one consistent snapshot) into an empty, migrated
 * `target`, each table in its own transaction, then checks every table's rows and checksum.
 * @returns the source's checksums and the target's, for the caller to compare and report.
 */
export async function copyDatabase(
  source: RawQuery,
  target: pg.Client,
  onProgress: (progress: CopyProgress) => void,
): Promise<{ source: TableChecksum[]; target: TableChecksum[] }> {
  await requireBypass(target);
  const { order, selfReferencing } = await tablesInDependencyOrder(source);
  for (const [i, name] of order.entries()) {
    const plan = await planTable(source, name, selfReferencing.has(name));
    await copyTable(source, target, plan, (copied, rows) => onProgress({ table: name, index: i + 1, tables: order.length, copied, rows }));
  }
  await copySequences(source, target);
  const expected = await tableChecksums(source, order);
  await target.query('BEGIN');
  try {
    const found = await tableChecksums(async (text, params) => (await target.query(text, params as unknown[])).rows, order);
    return { source: expected, target: found };
  } finally {
    await target.query('ROLLBACK');
  }
}
