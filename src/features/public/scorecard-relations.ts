import { isCount, type Cell, type Group } from '../../core/suppression.ts';

/**
 * The sums a reader of a scorecard knows, among its count cells (figures of count indicators, and
 * the numerators and denominators behind rates and percentages), for each indicator and period:
 *
 * - the breakdowns of one dimension add up to the area's whole-population figure ('Sex: Female' is
 *   in dimension 'Sex'; breakdowns without a colon form one dimension);
 * - a council's figure is the sum of its localities' (for the whole population and each breakdown).
 *
 * A reader knows the categories and localities, not only those listed, so each sum has every part
 * in the data and one more: what the total holds beyond its recorded parts (a category or locality
 * with no figure, or a figure recorded missing), a part never shown, protected when small. Where
 * the recorded parts add up to the total there is no such part, as a reader would then know it is 0.
 * Localities that do not cover their council only make a sum an upper bound, which protecting the
 * equation protects too.
 */

/** Where a count cell sits: which count of which indicator, area, breakdown and period. */
export interface Slot {
  kind: 'figure' | 'numerator' | 'denominator';
  code: string;
  area: string;
  breakdown: string;
  period: string;
}

const dimensionOf = (breakdown: string) => (breakdown.includes(':') ? breakdown.slice(0, breakdown.indexOf(':')).trim().toLowerCase() : '');

/**
 * The groups for core/suppression.ts: breakdowns within each area, localities within their council;
 * adds to `cells` the part each total holds beyond its recorded parts.
 */
export function relations(
  slots: ReadonlyMap<string, Slot>,
  cells: Map<string, Cell>,
  localities: ReadonlyMap<string, readonly string[]>,
): Group[] {
  const at = new Map<string, Map<string, string>>();
  const placeOf = (s: Omit<Slot, 'breakdown'>) => JSON.stringify([s.kind, s.code, s.area, s.period]);
  for (const [id, slot] of slots) {
    const place = placeOf(slot);
    at.set(place, (at.get(place) ?? new Map<string, string>()).set(slot.breakdown, id));
  }
  const groups: Group[] = [];
  const sum = (key: unknown[], total: string, parts: string[]) =>
    groups.push(withRest(cells, JSON.stringify(['rest', ...key]), total, parts));
  for (const [place, byBreakdown] of at) {
    const whole = byBreakdown.get('');
    if (whole === undefined) continue;
    const dimensions = new Map<string, string[]>();
    for (const [breakdown, id] of byBreakdown)
      if (breakdown !== '') dimensions.set(dimensionOf(breakdown), [...(dimensions.get(dimensionOf(breakdown)) ?? []), id]);
    for (const [dimension, parts] of dimensions) sum([place, dimension], whole, parts);
  }
  for (const slot of slots.values()) {
    const members = localities.get(slot.area);
    const total = at.get(placeOf(slot))?.get(slot.breakdown);
    const parts = (members ?? []).flatMap((area) => at.get(placeOf({ ...slot, area }))?.get(slot.breakdown) ?? []);
    if (total !== undefined && parts.length > 0) sum([placeOf(slot), slot.breakdown, 'localities'], total, parts);
  }
  return groups;
}

/** The group with, as a further part, what the total holds beyond its recorded parts (when that is not 0). */
function withRest(cells: Map<string, Cell>, id: string, total: string, parts: string[]): Group {
  const value = (cell: string) => cells.get(cell)?.value;
  const whole = value(total);
  const recorded = parts.filter((p) => isCount(value(p)));
  if (!isCount(whole)) return { total, parts };
  const rest = whole - recorded.reduce((sum, p) => sum + value(p)!, 0);
  if (rest < 0 || (rest === 0 && recorded.length === parts.length)) return { total, parts };
  cells.set(id, { id, kind: 'count', value: rest, unpublished: true });
  return { total, parts: [...recorded, id] };
}
