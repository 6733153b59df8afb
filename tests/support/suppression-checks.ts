import { expect } from 'vitest';
import { countRanges, type Equation } from '../../src/core/linear-program.ts';
import {
  DEFAULT_SUPPRESSION,
  type Cell,
  type SuppressedTable,
  type SuppressionRule,
  type SuppressionTable,
} from '../../src/core/suppression.ts';

/**
 * What the suppression tests check of any output, worked out independently of suppress(): the rules
 * hold, no hidden cell can be worked out exactly, and no small one can be narrowed to the small counts.
 */

/** A cell's true figure when it is valid: a count a whole number of 0 or more, another figure finite. */
export const validValue = ({ kind, value }: Cell) =>
  typeof value === 'number' && (kind === 'count' ? Number.isInteger(value) && value >= 0 : Number.isFinite(value)) ? value : null;

/** Hidden to protect a figure (not only because the page leaves it off), so it must stay unknown. */
const guarded = (output: SuppressedTable, id: string) =>
  ['small', 'derived', 'secondary', 'invalid'].includes(output.cells.get(id)!.reason ?? '');

/** The rank of an integer matrix, by fraction-free elimination (exact, unlike floating point). */
function rank(matrix: readonly bigint[][]): number {
  const rows = matrix.map((row) => [...row]);
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  let found = 0;
  for (let col = 0; col < (rows[0]?.length ?? 0); col++) {
    const pivot = rows.findIndex((row, i) => i >= found && row[col] !== 0n);
    if (pivot < 0) continue;
    [rows[found], rows[pivot]] = [rows[pivot]!, rows[found]!];
    const p = rows[found]!;
    for (let i = found + 1; i < rows.length; i++) {
      const row = rows[i]!.map((x, j) => x * p[col]! - p[j]! * rows[i]![col]!);
      const d = row.reduce(gcd, 0n);
      rows[i] = d > 1n ? row.map((x) => x / d) : row;
    }
    found++;
  }
  return found;
}

/**
 * Fails if a reader could work out a guarded cell whatever the figures: no group may have a guarded
 * cell as its only hidden member while another is shown, and no guarded cell may be pinned down by
 * the groups' equations (total − parts = 0) taken together, which holds when adding that cell's unit
 * row leaves the rank of the equations over the unseen cells unchanged.
 */
export function assertNoRecoverableCell(table: SuppressionTable, output: SuppressedTable): void {
  const cell = (id: string) => output.cells.get(id)!;
  const groups = table.groups ?? [];
  for (const { total, parts } of groups) {
    const members = [...new Set([total, ...parts])];
    const hidden = members.filter((id) => cell(id).suppressed);
    const shown = members.filter((id) => cell(id).value !== null);
    const alone = hidden.length === 1 && guarded(output, hidden[0]!) && shown.length > 0;
    expect(alone, `group totalling ${total} hides only ${hidden.join()}`).toBe(false);
  }
  const unseen = [...new Set(groups.flatMap((g) => [g.total, ...g.parts]))].filter((id) => cell(id).value === null);
  const equations = groups.map((g) => unseen.map((id) => (id === g.total ? 1n : 0n) - BigInt(g.parts.filter((p) => p === id).length)));
  for (const id of unseen.filter((u) => guarded(output, u))) {
    const unit = unseen.map((u) => (u === id ? 1n : 0n));
    expect(rank([...equations, unit]), `${id} can be worked out from the totals`).toBeGreaterThan(rank(equations));
  }
}

/**
 * Fails if a reader, solving the groups that truly add up with the published figures, whole counts
 * and counts of 0 or more, could pin a guarded cell to one value, or bound a small one below the
 * minimum (so in particular pin it, or narrow it to within 1 to minimum − 1). Parts of the table
 * whose published figures contradict each other are not judged.
 */
export function assertNotNarrowed(table: SuppressionTable, output: SuppressedTable, rule: Partial<SuppressionRule> = {}): void {
  const largestSmall = Math.ceil({ ...DEFAULT_SUPPRESSION, ...rule }.minimum) - 1;
  const truth = new Map(table.cells.map((c) => [c.id, validValue(c)]));
  const published = (id: string) => output.cells.get(id)!.value;
  const addsUp = (ids: string[]) =>
    ids.some((id) => truth.get(id) === null) || truth.get(ids[0]!) === ids.slice(1).reduce((sum, id) => sum + truth.get(id)!, 0);
  const equations: Equation[] = (table.groups ?? [])
    .filter((g) => addsUp([g.total, ...g.parts]))
    .map(({ total, parts }) => {
      const terms: Record<string, number> = {};
      let equals = 0;
      for (const [id, sign] of [[total, 1] as const, ...parts.map((p) => [p, -1] as const)]) {
        const value = published(id);
        if (value === null) terms[id] = (terms[id] ?? 0) + sign;
        else equals -= sign * value;
      }
      return { terms, equals };
    });
  const targets = [...output.cells.keys()].filter((id) => guarded(output, id));
  for (const [id, range] of countRanges(equations, targets)) {
    if (range === null) continue;
    const value = truth.get(id);
    expect(range.min === range.max, `${id} (${value}) is pinned to ${range.min}`).toBe(false);
    const small = output.cells.get(id)!.reason === 'small';
    if (small) expect(range.max <= largestSmall, `${id} (${value}) lies in ${range.min}–${range.max}`).toBe(false);
  }
}

/** Fails unless small, invalid and unpublished counts are hidden, hidden cells keep no value, and nothing shown is derived from a hidden cell. */
export function assertRulesHold(table: SuppressionTable, output: SuppressedTable, rule: Partial<SuppressionRule> = {}): void {
  const { minimum, showZero, marker } = { ...DEFAULT_SUPPRESSION, ...rule };
  for (const input of table.cells) {
    const value = validValue(input);
    const published = output.cells.get(input.id)!;
    const small = input.kind === 'count' && value !== null && (value === 0 ? !showZero : value < minimum);
    const invalid = value === null && input.value !== null;
    const hiddenSource = (input.from ?? []).some((id) =>
      ['small', 'derived', 'secondary', 'invalid'].includes(output.cells.get(id)!.reason ?? ''),
    );
    const offPage = input.unpublished === true && value !== null;
    if (small || invalid || offPage || (hiddenSource && value !== null)) expect(published.suppressed, input.id).toBe(true);
    if (published.suppressed) expect(published.value, input.id).toBeNull();
    if (published.suppressed) expect(output.text(input.id), input.id).toBe(marker);
    if (!published.suppressed) expect(published.value, input.id).toBe(value);
  }
}
