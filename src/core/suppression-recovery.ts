import { countReader, type CountReader, type Equation } from './linear-program.ts';
import type { Cell, Group, SuppressionReason } from './suppression.ts';

/**
 * How suppress() sees its table as a reader would: which cells are published, which hidden ones
 * must stay unknown, and what the published figures let a reader work out of them (exactly, by the
 * groups' equations; or as a range, adding that counts are whole and 0 or more).
 */

export interface State {
  cells: readonly Cell[];
  groups: readonly Group[];
  /** Each cell's value if it is valid (a count a whole number of 0 or more), else null. */
  values: ReadonlyMap<string, number | null>;
  hidden: Map<string, SuppressionReason>;
  /** Counts up to this are small: a reader must not be able to bound a hidden small count by it. */
  largestSmall: number;
}

/** Hidden cells no one may work out: all but those hidden only because the page leaves them off. */
const GUARDED: ReadonlySet<SuppressionReason | undefined> = new Set(['small', 'derived', 'secondary', 'invalid']);

/** Whether a reader sees the cell's figure. */
export const seen = (s: State, id: string) => !s.hidden.has(id) && s.values.get(id) != null;
/** Whether the cell is hidden to protect a figure, so no one may work it out. */
export const guarded = (s: State, id: string) => GUARDED.has(s.hidden.get(id));

/** Non-zero before zero (a hidden zero is easily guessed), then smallest, then by id. */
export const preferred = (s: State) => (a: string, b: string) =>
  Number(s.values.get(a) === 0) - Number(s.values.get(b) === 0) || s.values.get(a)! - s.values.get(b)! || (a < b ? -1 : a > b ? 1 : 0);

/** Hides one more cell where groups taken together (not one alone) pin a hidden cell down. */
export function breakRecovery(s: State): boolean {
  for (const id of [...pinned(s)].sort()) {
    const candidates = linkedSeenCells(s, id).sort(preferred(s));
    const pick = candidates.find((candidate) => !pinned(s, candidate).has(id)) ?? candidates[0];
    if (pick === undefined) continue;
    s.hidden.set(pick, 'secondary');
    return true;
  }
  return false;
}

/**
 * Hides more cells where a reader could pin a guarded cell to one value, or bound a small one below
 * the minimum (which would show it small, and a small sum of hidden cells with it), using sums,
 * differences and that counts are whole and 0 or more; at most one cell per linked part of the
 * table each pass.
 */
export function breakBounds(s: State): boolean {
  const guardedCells = [...new Set(s.groups.flatMap((g) => [g.total, ...g.parts]))].filter((id) => guarded(s, id)).sort();
  if (guardedCells.length === 0) return false;
  const reader = countReader(readerEquations(s));
  const touched = new Set<string>();
  for (const id of guardedCells) {
    if (!disclosed(s, id, reader)) continue;
    const candidates = linkedSeenCells(s, id).sort(preferred(s));
    if (candidates.some((c) => touched.has(c))) continue;
    const pick = candidates.find((c) => !disclosed(s, id, countReader(readerEquations(s, c)))) ?? candidates[0];
    if (pick === undefined) continue;
    s.hidden.set(pick, 'secondary');
    candidates.forEach((c) => touched.add(c));
  }
  return touched.size > 0;
}

/**
 * Whether a reader can pin the cell, or show a small one to be small (it cannot reach the minimum).
 * Where the true value is a solution (the usual case), one bound beyond it shows the cell unpinned.
 */
function disclosed(s: State, id: string, reader: CountReader): boolean {
  const greatest = reader.greatest(id);
  if (greatest === null) return false;
  if (s.hidden.get(id) === 'small') return greatest <= s.largestSmall;
  const value = s.values.get(id);
  return value != null && greatest > value ? false : reader.least(id) === greatest;
}

/**
 * What a reader knows: each group's equation with the published figures (and not `alsoHidden`) put
 * in. Groups the true figures do not add up to are left out (a reader's sums from them are wrong).
 */
export function readerEquations(s: State, alsoHidden?: string): Equation[] {
  const visible = (id: string) => id !== alsoHidden && seen(s, id);
  return s.groups
    .filter((g) => addsUp(s, g))
    .map(({ total, parts }) => {
      const terms: Record<string, number> = {};
      let equals = 0;
      for (const [id, sign] of [[total, 1] as const, ...parts.map((id) => [id, -1] as const)]) {
        if (visible(id)) equals -= sign * s.values.get(id)!;
        else terms[id] = (terms[id] ?? 0) + sign;
      }
      return { terms, equals };
    });
}

/** The groups in sets linked by shared cells: each set can be suppressed on its own. */
export function linkedParts(groups: readonly Group[]): Group[][] {
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    const p = parent.get(x) ?? x;
    return p === x ? x : root(p);
  };
  for (const { total, parts } of groups) for (const id of parts) parent.set(root(id), root(total));
  const sets = new Map<string, Group[]>();
  for (const g of groups) sets.set(root(g.total), [...(sets.get(root(g.total)) ?? []), g]);
  return [...sets.values()];
}

/** Whether the true figures are whole and add up, as far as they are known (a missing or invalid one could make them). */
function addsUp(s: State, { total, parts }: Group): boolean {
  const values = [total, ...parts].map((id) => s.values.get(id));
  if (values.some((v) => v != null && !Number.isInteger(v))) return false;
  if (values.some((v) => v == null)) return true;
  return values[0] === parts.reduce((sum, id) => sum + s.values.get(id)!, 0);
}

/** Seen cells in the groups joined to a cell through cells a reader cannot see. */
function linkedSeenCells(s: State, start: string): string[] {
  const reached = new Set([start]);
  const found = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const { total, parts } of s.groups) {
      const members = [total, ...parts];
      if (!members.some((id) => reached.has(id))) continue;
      for (const id of members) {
        const into = seen(s, id) ? found : reached;
        if (into.has(id)) continue;
        into.add(id);
        changed = true;
      }
    }
  }
  return [...found];
}

/**
 * The guarded cells a reader could work out exactly from the groups' equations (total − parts = 0)
 * and the published figures, whatever the figures are: exact Gauss–Jordan elimination over the
 * unseen cells.
 */
function pinned(s: State, alsoHidden?: string): Set<string> {
  const unseen = (id: string) => id === alsoHidden || !seen(s, id);
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
    if (guarded(s, id) && rows[r]!.every((x, j) => j === col || x === 0n)) result.add(id);
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
