import { describe, expect, it } from 'vitest';
import { assertNoRecoverableCell, assertNotNarrowed, assertRulesHold, validValue } from '../../tests/support/suppression-checks.ts';
import { suppress, type Cell, type Group, type SuppressedTable, type SuppressionRule, type SuppressionTable } from './suppression.ts';

// Test data builders.
const count = (id: string, value: number | null, unpublished = false): Cell => ({ id, kind: 'count', value, unpublished });
const derived = (id: string, value: number | null, from: string[]): Cell => ({ id, kind: 'derived', value, from });
const group = (total: string, ...parts: string[]): Group => ({ total, parts });
const reasons = (output: SuppressedTable) => Object.fromEntries([...output.cells].map(([id, cell]) => [id, cell.reason]));

/** mulberry32: a small seeded generator, so the random tables are the same on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
type RandomTable = { table: SuppressionTable; rule: Partial<SuppressionRule> };
const pickOf =
  (random: Random) =>
  <T>(items: readonly T[]): T =>
    items[Math.floor(random() * items.length)]!;
const sumOf = (cells: readonly Cell[], ids: readonly string[]) =>
  ids.reduce((total, id) => total + (validValue(cells.find((c) => c.id === id)!) ?? 0), 0);

/**
 * Leaf counts (some small, zero, missing, invalid or left off the page), totals over random earlier
 * cells (so groups overlap and nest; a few totals do not add up), and rates.
 */
function randomTable(random: Random): RandomTable {
  const pick = pickOf(random);
  const leafValue = () => pick([0, 1, 2, 3, 4, 5, 6, 9, 12, 40, 250, null, -1, 2.5, Number.NaN]);
  const cells: Cell[] = Array.from({ length: 2 + Math.floor(random() * 6) }, (_, i) => count(`leaf ${i}`, leafValue(), random() < 0.15));
  const groups = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, g) => {
    const parts = [...new Set(Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(cells).id))];
    cells.push(count(`total ${g}`, random() < 0.15 ? leafValue() : sumOf(cells, parts)));
    return group(`total ${g}`, ...parts);
  });
  const counts = [...cells];
  const rates = Array.from({ length: Math.floor(random() * 3) }, (_, r) =>
    derived(`rate ${r}`, random() * 100, [pick(counts).id, pick(counts).id]),
  );
  return { table: { cells: [...cells, ...rates], groups }, rule: { minimum: pick([3, 5, 10]), showZero: random() < 0.7 } };
}

/**
 * A scorecard's shape: a council and its localities by the categories of one breakdown, every total
 * adding up, some localities or categories left off the page, and what each total holds beyond its
 * listed parts as a further part left off.
 */
function randomScorecard(random: Random): RandomTable {
  const pick = pickOf(random);
  const areas = ['council', ...Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => `locality ${i}`)];
  const categories = ['', ...Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => `category ${i}`)];
  const id = (area: string, category: string) => `${area}|${category}`;
  const cells = new Map<string, Cell>();
  for (const area of areas.slice(1))
    for (const category of categories.slice(1)) cells.set(id(area, category), count(id(area, category), pick([0, 1, 2, 3, 4, 6, 9, 20])));
  const add = (cellId: string, parts: string[]) =>
    cells.set(cellId, count(cellId, sumOf([...cells.values()], parts), !cellId.startsWith('council') && random() < 0.25));
  for (const area of areas.slice(1))
    add(
      id(area, ''),
      categories.slice(1).map((c) => id(area, c)),
    );
  for (const category of categories)
    add(
      id('council', category),
      areas.slice(1).map((a) => id(a, category)),
    );
  const groups = [
    ...areas.map((a) => group(id(a, ''), ...categories.slice(1).map((c) => id(a, c)))),
    ...categories.map((c) => group(id('council', c), ...areas.slice(1).map((a) => id(a, c)))),
  ];
  return { table: { cells: [...cells.values()], groups }, rule: { minimum: pick([3, 5]), showZero: true } };
}

const random = generator(20_240_601);
const families = [
  { name: 'overlapping totals', tables: Array.from({ length: 200 }, () => randomTable(random)) },
  { name: 'council by localities by categories', tables: Array.from({ length: 200 }, () => randomScorecard(random)) },
];

describe.each(families)('200 random tables of $name (seeded)', ({ tables }) => {
  const numbered = tables.map((t, i) => ({ i, ...t }));

  it.each(numbered)('table $i: no hidden cell can be worked out exactly', ({ table, rule }) => {
    assertNoRecoverableCell(table, suppress(table, rule));
  });

  it.each(numbered)('table $i: no hidden cell is pinned, nor a small one bounded below the minimum', ({ table, rule }) => {
    assertNotNarrowed(table, suppress(table, rule), rule);
  });

  it.each(numbered)('table $i: the primary and derived rules hold', ({ table, rule }) => {
    assertRulesHold(table, suppress(table, rule), rule);
  });

  it.each(numbered)('table $i: the same table gives the same answer', ({ table, rule }) => {
    expect(reasons(suppress(table, rule))).toEqual(reasons(suppress(structuredClone(table), rule)));
  });
});
