import { ratePerOf, type Unit } from '../../core/indicators.ts';
import type { Cell, SuppressionTable } from '../../core/suppression.ts';
import { relations, type Slot } from './scorecard-relations.ts';
import type { FigureBasis, ReadRow, ScorecardBasis } from './scorecard-suppression.ts';

/**
 * The one table core/suppression.ts checks for a scorecard: the figures on the page, and beside them
 * every figure a reader knows exists in the same sums though the page leaves it off — the other
 * breakdowns of each figure's area in the data, its council and the council's other localities —
 * for every period shown, each period its own sums.
 *
 * - A count figure is a count cell. Any other figure is derived from its stored denominator and,
 *   for a rate or percentage, its numerator (or, with only a denominator, the numerator it
 *   implies), each a count cell the page never shows. A rate or percentage whose numerator and
 *   denominator were never recorded cannot be checked and is published as recorded.
 * - Figures left off the page are `unpublished` cells: never shown, protected when small.
 * - The sums are in scorecard-relations.ts.
 */

/** A cell's id: which count (the figure, or the numerator or denominator behind it) of which indicator, area, breakdown and period. */
export const cellKey = ({ kind, code, area, breakdown, period }: Slot) => JSON.stringify([kind, code, area, breakdown, period]);
const figureKey = (code: string, area: string, breakdown: string, period: string) => JSON.stringify([code, area, breakdown, period]);

/** The row's area as cells are keyed (by name only if the basis somehow lacks the row). */
export const areaOf = (row: ReadRow, basis: ScorecardBasis) => basis.rowAreas.get(row.id) ?? `name:${row.areaName}`;

type Add = (cell: Cell, slot?: Slot) => void;

/** The table for a scorecard's rows: their figures, the figures beside them, and the sums a reader knows. */
export function suppressionTable(rows: readonly ReadRow[], basis: ScorecardBasis): Required<SuppressionTable> {
  const stored = new Map<string, FigureBasis>();
  const breakdownsAt = new Map<string, Set<string>>();
  for (const f of basis.figures) {
    stored.set(figureKey(f.indicatorCode, f.areaId, f.breakdown, f.period), f);
    const place = figureKey(f.indicatorCode, f.areaId, '', f.period);
    breakdownsAt.set(place, (breakdownsAt.get(place) ?? new Set()).add(f.breakdown));
  }
  const cells = new Map<string, Cell>();
  const slots = new Map<string, Slot>();
  const add: Add = (cell, slot) => {
    if (cells.has(cell.id)) return;
    cells.set(cell.id, cell);
    if (slot) slots.set(cell.id, slot);
  };
  for (const row of rows) pageCells(row, areaOf(row, basis), stored, add);
  const family = familyOf(basis);
  for (const row of rows)
    for (const { code: period } of row.periods)
      for (const area of family(areaOf(row, basis))) {
        const code = row.indicator.code;
        for (const breakdown of ['', ...(breakdownsAt.get(figureKey(code, area, '', period)) ?? [])]) {
          const figure = stored.get(figureKey(code, area, breakdown, period));
          if (figure) offPageCells(row.indicator.unit, { code, area, breakdown, period }, figure, add);
        }
      }
  const groups = relations(slots, cells, basis.localities);
  return { cells: [...cells.values()], groups };
}

/** A row's own figures, period by period, with the counts behind a rate or percentage. */
function pageCells(row: ReadRow, area: string, stored: ReadonlyMap<string, FigureBasis>, add: Add): void {
  const { code, unit } = row.indicator;
  row.figures.forEach((figure, i) => {
    const place = { code, area, breakdown: row.breakdown, period: row.periods[i]!.code };
    const id = cellKey({ kind: 'figure', ...place });
    if (unit === 'count') return add({ id, kind: 'count', value: figure.value }, { kind: 'figure', ...place });
    const basis = stored.get(figureKey(code, area, row.breakdown, place.period));
    const from: string[] = [];
    if (figure.value !== null && basis?.value !== figure.value) {
      // Changed between the two reads: hidden as if worked out from a small count, never published unchecked.
      add({ id: `${id}!`, kind: 'count', value: 1 });
      from.push(`${id}!`);
    } else if (basis) {
      for (const [kind, value] of countsBehind(unit, basis)) {
        const slot: Slot = { kind, ...place };
        add({ id: cellKey(slot), kind: 'count', value }, slot);
        from.push(cellKey(slot));
      }
    }
    add({ id, kind: 'derived', value: figure.value, from });
  });
}

/** A figure in the same sums as the page's but not on it: its count, or the counts behind it. */
function offPageCells(unit: Unit, place: Omit<Slot, 'kind'>, figure: FigureBasis, add: Add): void {
  const counts: [Slot['kind'], number | null][] = unit === 'count' ? [['figure', figure.value]] : countsBehind(unit, figure);
  for (const [kind, value] of counts) {
    const slot: Slot = { kind, ...place };
    add({ id: cellKey(slot), kind: 'count', value, unpublished: true }, slot);
  }
}

/** The numerator (as recorded, or as the value and denominator imply) and the denominator, where there are any. */
function countsBehind(unit: Unit, { value, numerator, denominator }: FigureBasis): ['numerator' | 'denominator', number][] {
  const per = ratePerOf(unit);
  const implied =
    per === null ? null : (numerator ?? (denominator !== null && value !== null ? Math.round((value * denominator) / per) : null));
  return (
    [
      ['numerator', implied],
      ['denominator', denominator],
    ] as const
  ).flatMap(([kind, count]) => (count === null ? [] : [[kind, count] as ['numerator' | 'denominator', number]]));
}

/** The areas in the same sums as an area: its council and the council's localities, or the area alone. */
function familyOf({ localities }: ScorecardBasis): (area: string) => string[] {
  const councilOf = new Map<string, string>();
  for (const [council, members] of localities) for (const l of [council, ...members]) councilOf.set(l, council);
  return (area) => {
    const council = councilOf.get(area);
    return council === undefined ? [area] : [council, ...(localities.get(council) ?? [])];
  };
}
