import { breakBounds, breakRecovery, guarded, linkedParts, preferred, seen, type State } from './suppression-recovery.ts';

/**
 * Small-number suppression for anything published (the public scorecard and its exports), after
 * DfE's statistical disclosure practice and the GSS guidance on disclosure control for tables from
 * administrative sources: small counts become 'c', so do figures worked out from them, and more
 * cells are hidden until no hidden one can be worked out from the published figures by any sums
 * and differences of the groups' totals, nor a small one shown to be small (checked exactly,
 * by linear programming: see suppression-recovery.ts).
 *
 * Limits: it protects one table at a time. It does not stop differencing across periods or against
 * tables published separately (suppress them together, as one table, to protect them together).
 * A cell that arrives missing counts as unseen, but is not itself protected. A figure a reader knows
 * exists but the page leaves off (a category, a locality, what a total holds beyond its recorded
 * parts) is an `unpublished` cell: never shown, protected when small, otherwise unseen.
 */

export type SuppressionReason = 'small' | 'derived' | 'secondary' | 'invalid' | 'unpublished';

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
  /** Missing when null; invalid, so hidden, when a count is not a whole number of 0 or more or a figure is not finite. */
  value: number | null;
  /** For derived cells (rates, percentages): the cells they are worked out from. */
  from?: readonly string[];
  /** Left off the page though a reader knows it exists: never published, and protected when small. */
  unpublished?: boolean;
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

/**
 * Hides small counts (DfE's 'c'), invalid figures, figures derived from hidden ones, and further
 * cells wherever a reader could work a hidden cell out from the groups' totals, or show a small one
 * to be small. Terminates: each round hides at least one more published cell, or stops.
 * Protects this one table only, not against differencing across periods or separately published
 * tables (see above).
 * @example suppress({ cells: [{ id: 'a', kind: 'count', value: 3 }] }).text('a') // 'c'
 */
export function suppress(table: SuppressionTable, rule: Partial<SuppressionRule> = {}): SuppressedTable {
  const { minimum, showZero, marker } = { ...DEFAULT_SUPPRESSION, ...rule };
  if (!Number.isFinite(minimum) || minimum < 1) throw new RangeError(`The suppression minimum must be 1 or more, not ${minimum}.`);
  const values = readValues(table);
  const state: State = { cells: table.cells, groups: table.groups ?? [], values, hidden: new Map(), largestSmall: Math.ceil(minimum) - 1 };
  for (const { id, kind, value: given, unpublished } of table.cells) {
    const value = values.get(id);
    if (value == null && given != null) state.hidden.set(id, 'invalid');
    else if (kind === 'count' && value != null && (value === 0 ? !showZero : value < minimum)) state.hidden.set(id, 'small');
    else if (unpublished) state.hidden.set(id, 'unpublished');
  }
  // Groups that share no cell are suppressed apart (a scorecard is many small tables), again where a
  // figure derived from a newly hidden one is itself in a group.
  hideDerived(state);
  const all = linkedParts(state.groups);
  for (let pending = all; pending.length > 0;) {
    for (const groups of pending) {
      const part = { ...state, groups };
      while (hideSecondary(part) || breakRecovery(part) || breakBounds(part));
    }
    const before = new Set(state.hidden.keys());
    hideDerived(state);
    pending = all.filter((groups) => groups.some((g) => [g.total, ...g.parts].some((id) => state.hidden.has(id) && !before.has(id))));
  }
  return publish(state, marker);
}

/**
 * Whether a figure is a valid count: a whole number of 0 or more.
 * @example isCount(-5) // false
 */
export const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function readValues({ cells, groups = [] }: SuppressionTable): Map<string, number | null> {
  const values = new Map<string, number | null>();
  for (const { id, kind, value } of cells) {
    if (values.has(id)) throw new Error(`Cell ${id} appears twice.`);
    const valid = kind === 'count' ? isCount(value) : typeof value === 'number' && Number.isFinite(value);
    values.set(id, valid ? value : null);
  }
  const check = (id: string, where: string) => {
    if (!values.has(id)) throw new Error(`${where} names ${id}, which is not a cell.`);
  };
  for (const cell of cells) for (const id of cell.from ?? []) check(id, `Cell ${cell.id}`);
  for (const group of groups) for (const id of [group.total, ...group.parts]) check(id, `The group totalling ${group.total}`);
  return values;
}

/** A figure worked out from a hidden one (not from one merely left off the page) is hidden too. */
function hideDerived(s: State): void {
  const hiding = (id: string) => s.hidden.has(id) && s.hidden.get(id) !== 'unpublished';
  for (let changed = true; changed;) {
    changed = false;
    for (const { id, from } of s.cells) {
      if (!seen(s, id) || !from?.some(hiding)) continue;
      s.hidden.set(id, 'derived');
      changed = true;
    }
  }
}

/** One pass of DfE's secondary rule: a group whose only hidden member is guarded loses its smallest shown part too. */
function hideSecondary(s: State): boolean {
  let changed = false;
  for (const { total, parts } of s.groups) {
    const hidden = [...new Set([total, ...parts])].filter((id) => s.hidden.has(id));
    if (hidden.length !== 1 || !guarded(s, hidden[0]!)) continue;
    const [first] = parts.filter((id) => seen(s, id)).sort(preferred(s));
    const pick = first !== undefined && s.values.get(first) !== 0 ? first : seen(s, total) ? total : first;
    if (pick === undefined) continue;
    s.hidden.set(pick, 'secondary');
    changed = true;
  }
  return changed;
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
