/**
 * Small-number suppression for anything published (the public scorecard and its exports), after
 * DfE's statistical disclosure practice and the GSS guidance on disclosure control for tables from
 * administrative sources: small counts become 'c', so do figures worked out from them, and more
 * cells are hidden until no hidden one can be worked out from a published total.
 *
 * Limits: it protects one table at a time. It does not stop differencing across periods or against
 * tables published separately (suppress them together, as one table, to protect them together).
 * A cell that arrives missing counts as unseen, but is not itself protected. Only exact recovery
 * is prevented: a reader may still bound a hidden count (0 ≤ c ≤ its total).
 */

export type SuppressionReason = 'small' | 'derived' | 'secondary';

export interface SuppressionRule {
  /** Counts from 1 to minimum − 1 are hidden. */
  minimum: number;
  /** Whether a count of 0 is shown; if not, it is hidden as small. */
  showZero: boolean;
  /** What is published instead of a hidden figure. */
  marker: string;
}

/** DfE's usual rule: counts of 1 to 4 shown as 'c', 0 shown. */
export const DEFAULT_SUPPRESSION: Readonly<SuppressionRule> = Object.freeze({ minimum: 5, showZero: true, marker: 'c' });

export interface Cell {
  id: string;
  kind: 'count' | 'derived';
  /** Missing when null, not a finite number, or a negative count. */
  value: number | null;
  /** For derived cells (rates, percentages): the cells they are worked out from. */
  from?: readonly string[];
}

/** Cells whose parts add up to a total: a row of breakdowns, or localities adding up to the council. */
export interface Group {
  total: string;
  parts: readonly string[];
}

export interface SuppressionTable {
  cells: readonly Cell[];
  groups?: readonly Group[];
}

/** A cell as it may be published: a hidden cell keeps no value. */
export interface PublishedCell {
  value: number | null;
  suppressed: boolean;
  /** Why it is hidden; for staff only, since 'small' says more than the marker does. */
  reason: SuppressionReason | null;
}

export interface SuppressedTable {
  cells: ReadonlyMap<string, PublishedCell>;
  marker: string;
  /** The marker for a hidden cell, the formatted figure for a shown one, null when there is none. */
  text(id: string, format?: (value: number) => string): string | null;
}

interface State {
  cells: readonly Cell[];
  groups: readonly Group[];
  values: ReadonlyMap<string, number | null>;
  hidden: Map<string, SuppressionReason>;
}

/**
 * Hides small counts (DfE's 'c'), figures derived from hidden ones, and further cells wherever a
 * hidden cell could be worked out from the groups' totals. Terminates: each round hides at least
 * one more cell with a value, or stops. Protects this one table only, not against differencing
 * across periods or separately published tables (see above).
 * @example suppress({ cells: [{ id: 'a', kind: 'count', value: 3 }] }).text('a') // 'c'
 */
export function suppress(table: SuppressionTable, rule: Partial<SuppressionRule> = {}): SuppressedTable {
  const { minimum, showZero, marker } = { ...DEFAULT_SUPPRESSION, ...rule };
  if (!Number.isFinite(minimum) || minimum < 1) throw new RangeError(`The suppression minimum must be 1 or more, not ${minimum}.`);
  const state: State = { cells: table.cells, groups: table.groups ?? [], values: readValues(table), hidden: new Map() };
  for (const { id, kind } of table.cells) {
    const value = state.values.get(id);
    if (kind === 'count' && value != null && (value === 0 ? !showZero : value < minimum)) state.hidden.set(id, 'small');
  }
  do hideDerived(state);
  while (hideSecondary(state) || breakRecovery(state));
  return publish(state, marker);
}

function readValues({ cells, groups = [] }: SuppressionTable): Map<string, number | null> {
  const values = new Map<string, number | null>();
  for (const { id, kind, value } of cells) {
    if (values.has(id)) throw new Error(`Cell ${id} appears twice.`);
    const valid = typeof value === 'number' && Number.isFinite(value) && (kind === 'derived' || value >= 0);
    values.set(id, valid ? value : null);
  }
  const check = (id: string, where: string) => {
    if (!values.has(id)) throw new Error(`${where} names ${id}, which is not a cell.`);
  };
  for (const cell of cells) for (const id of cell.from ?? []) check(id, `Cell ${cell.id}`);
  for (const group of groups) for (const id of [group.total, ...group.parts]) check(id, `The group totalling ${group.total}`);
  return values;
}

const shown = (s: State, id: string) => !s.hidden.has(id) && s.values.get(id) != null;

/** Non-zero before zero (a hidden zero is easily guessed), then smallest, then by id. */
const preferred = (s: State) => (a: string, b: string) =>
  Number(s.values.get(a) === 0) - Number(s.values.get(b) === 0) || s.values.get(a)! - s.values.get(b)! || (a < b ? -1 : a > b ? 1 : 0);

function hideDerived(s: State): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const { id, from } of s.cells) {
      if (!shown(s, id) || !from?.some((source) => s.hidden.has(source))) continue;
      s.hidden.set(id, 'derived');
      changed = true;
    }
  }
}

/** One pass of DfE's secondary rule: a group with one hidden member loses its smallest shown part too. */
function hideSecondary(s: State): boolean {
  let changed = false;
  for (const { total, parts } of s.groups) {
    if ([...new Set([total, ...parts])].filter((id) => s.hidden.has(id)).length !== 1) continue;
    const [first] = parts.filter((id) => shown(s, id)).sort(preferred(s));
    const pick = first !== undefined && s.values.get(first) !== 0 ? first : shown(s, total) ? total : first;
    if (pick === undefined) continue;
    s.hidden.set(pick, 'secondary');
    changed = true;
  }
  return changed;
}

/** Hides one more cell where groups taken together (not one alone) pin a hidden cell down. */
function breakRecovery(s: State): boolean {
  for (const id of [...pinned(s)].sort()) {
    const candidates = linkedShownCells(s, id).sort(preferred(s));
    const pick = candidates.find((candidate) => !pinned(s, candidate).has(id)) ?? candidates[0];
    if (pick === undefined) continue;
    s.hidden.set(pick, 'secondary');
    return true;
  }
  return false;
}

/** Shown cells in the groups joined to a cell through cells a reader cannot see. */
function linkedShownCells(s: State, start: string): string[] {
  const reached = new Set([start]);
  const found = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const { total, parts } of s.groups) {
      const members = [total, ...parts];
      if (!members.some((id) => reached.has(id))) continue;
      for (const id of members) {
        const into = shown(s, id) ? found : reached;
        if (into.has(id)) continue;
        into.add(id);
        changed = true;
      }
    }
  }
  return [...found];
}

/**
 * The hidden cells a reader could work out exactly from the groups' equations (total − parts = 0)
 * and the published figures, found by exact Gauss–Jordan elimination over the unseen cells.
 */
function pinned(s: State, alsoHidden?: string): Set<string> {
  const unseen = (id: string) => id === alsoHidden || !shown(s, id);
  const columns = [...new Set(s.groups.flatMap((g) => [g.total, ...g.parts]).filter(unseen))];
  const index = new Map(columns.map((id, i) => [id, i]));
  const rows = s.groups.map(({ total, parts }) => {
    const row = columns.map(() => 0n);
    for (const [id, sign] of [[total, 1n] as const, ...parts.map((id) => [id, -1n] as const)]) {
      const i = index.get(id);
      if (i !== undefined) row[i]! += sign;
    }
    return row;
  });
  const result = new Set<string>();
  reduce(rows, columns.length).forEach((col, r) => {
    const id = columns[col]!;
    if (s.hidden.has(id) && rows[r]!.every((x, j) => j === col || x === 0n)) result.add(id);
  });
  return result;
}

/** Reduces integer rows in place to reduced echelon form; returns each pivot row's column. */
function reduce(rows: bigint[][], width: number): number[] {
  const pivots: number[] = [];
  for (let col = 0; col < width && pivots.length < rows.length; col++) {
    const r = pivots.length;
    const found = rows.findIndex((row, i) => i >= r && row[col] !== 0n);
    if (found < 0) continue;
    [rows[r], rows[found]] = [rows[found]!, rows[r]!];
    const pivot = rows[r]!;
    rows.forEach((row, i) => {
      const k = row[col]!;
      if (i !== r && k !== 0n) rows[i] = lowest(row.map((x, j) => x * pivot[col]! - pivot[j]! * k));
    });
    pivots.push(col);
  }
  return pivots;
}

function lowest(row: bigint[]): bigint[] {
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  const d = row.reduce((g, x) => gcd(g, x < 0n ? -x : x), 0n);
  return d > 1n ? row.map((x) => x / d) : row;
}

function publish(s: State, marker: string): SuppressedTable {
  const cells = new Map<string, PublishedCell>();
  for (const { id } of s.cells) {
    const reason = s.hidden.get(id) ?? null;
    cells.set(id, Object.freeze({ value: reason ? null : (s.values.get(id) ?? null), suppressed: reason !== null, reason }));
  }
  return {
    cells,
    marker,
    text(id, format = String) {
      const cell = cells.get(id);
      if (!cell) throw new Error(`There is no cell ${id}.`);
      return cell.suppressed ? marker : cell.value === null ? null : format(cell.value);
    },
  };
}
