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

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
}

/** The tables to copy, in groups: each after the groups its foreign keys point to. */
export interface CopyOrder {
  /** Mostly one table each; tables whose keys point at each other in a circle share a group (and a transaction). */
  groups: string[][];
  /** Keys between tables of one group, checked when the group's rows are all in. */
  circular: ForeignKey[];
  selfReferencing: Set<string>;
}

/**
 * Orders tables by their foreign keys (Tarjan's strongly connected components, which come out
 * parents first). A partnership points at its home area and a local area at its partnership:
 * such a circle is copied in one transaction with its keys checked at the end.
 */
export async function tablesInDependencyOrder(query: RawQuery): Promise<CopyOrder> {
  const tables = await listTables(query);
  const keys = (await query(
    `SELECT conname AS name, conrelid::regclass::text AS child, confrelid::regclass::text AS parent
     FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
  )) as unknown as ForeignKey[];
  const parents = new Map(tables.map((t) => [t, [] as string[]]));
  const selfReferencing = new Set<string>();
  for (const key of keys) {
    if (key.child === key.parent) selfReferencing.add(key.child);
    else parents.get(key.child)?.push(key.parent);
  }
  const groups: string[][] = [];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const visit = (table: string) => {
    index.set(table, index.size);
    low.set(table, index.get(table)!);
    stack.push(table);
    for (const parent of parents.get(table) ?? []) {
      if (!index.has(parent)) {
        visit(parent);
        low.set(table, Math.min(low.get(table)!, low.get(parent)!));
      } else if (stack.includes(parent)) low.set(table, Math.min(low.get(table)!, index.get(parent)!));
    }
    if (low.get(table) === index.get(table)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== table);
      groups.push(group);
    }
  };
  for (const table of tables) if (!index.has(table)) visit(table);
  const groupOf = new Map(groups.flatMap((g, i) => g.map((t) => [t, i] as const)));
  const circular = keys.filter((k) => k.child !== k.parent && groupOf.get(k.child) === groupOf.get(k.parent));
  return { groups, circular, selfReferencing };
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

/** Copies one table's rows inside the caller's transaction, reporting as it goes. */
async function copyRows(source: RawQuery, target: pg.Client, plan: TablePlan, report: (copied: number, rows: number) => void) {
  const [{ rows }] = (await source(`SELECT count(*)::int AS rows FROM ${quoteIdent(plan.name)}`)) as [{ rows: number }];
  const table = quoteIdent(plan.name);
  const columns = plan.columns.map(quoteIdent).join(', ');
  const batch = plan.selfReferencing ? Math.max(rows, 1) : BATCH_ROWS;
  if (rows === 0) report(0, 0);
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
}

/** One group of tables in one transaction; keys between its tables are checked once all its rows are in. */
async function copyGroup(
  source: RawQuery,
  target: pg.Client,
  plans: TablePlan[],
  circular: ForeignKey[],
  report: (plan: TablePlan, copied: number, rows: number) => void,
) {
  const constraint = (key: ForeignKey, how: string) =>
    target.query(`ALTER TABLE ${quoteIdent(key.child)} ALTER CONSTRAINT ${quoteIdent(key.name)} ${how}`);
  // Triggers (revisions, progress roll-ups, frozen packs) would change or refuse rows that are being copied as they are.
  const triggers = (how: string) =>
    Promise.all(plans.map((plan) => target.query(`ALTER TABLE ${quoteIdent(plan.name)} ${how} TRIGGER USER`)));
  await target.query('BEGIN');
  try {
    for (const key of circular) await constraint(key, 'DEFERRABLE INITIALLY DEFERRED');
    await triggers('DISABLE');
    for (const plan of plans) await copyRows(source, target, plan, (copied, rows) => report(plan, copied, rows));
    await target.query('SET CONSTRAINTS ALL IMMEDIATE');
    await triggers('ENABLE');
    for (const key of circular) await constraint(key, 'NOT DEFERRABLE');
    await target.query('COMMIT');
  } catch (error) {
    await target.query('ROLLBACK');
    throw error;
  }
}

/** Sets every sequence of the target to where the source's stands, so new rows get new keys. */
async function copySequences(source: RawQuery, target: pg.Client): Promise<void> {
  const sequences = await source(
    `SELECT schemaname || '.' || quote_ident(sequencename) AS name, last_value FROM pg_sequences WHERE schemaname = 'public'`,
  );
  for (const s of sequences) {
    if (s.last_value === null) await target.query('SELECT setval($1::regclass, 1, false)', [s.name]);
    else await target.query('SELECT setval($1::regclass, $2::bigint, true)', [s.name, String(s.last_value)]);
  }
}

/**
 * Copies every table of `source` (read in one consistent snapshot) into an empty, migrated
 * `target`, each table in its own transaction (tables whose keys form a circle, together), then checks every table's rows and checksum.
 * @returns the source's checksums and the target's, for the caller to compare and report.
 */
export async function copyDatabase(
  source: RawQuery,
  target: pg.Client,
  onProgress: (progress: CopyProgress) => void,
): Promise<{ source: TableChecksum[]; target: TableChecksum[] }> {
  await requireBypass(target);
  const { groups, circular, selfReferencing } = await tablesInDependencyOrder(source);
  const order = groups.flat();
  for (const group of groups) {
    const plans = await Promise.all(group.map((name) => planTable(source, name, selfReferencing.has(name))));
    const keys = circular.filter((k) => group.includes(k.child));
    await copyGroup(source, target, plans, keys, (plan, copied, rows) =>
      onProgress({ table: plan.name, index: order.indexOf(plan.name) + 1, tables: order.length, copied, rows }),
    );
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
