/**
 * What a reader can work out of unknown counts from published figures: the least and greatest value
 * each unknown can take when some equations hold and every unknown is 0 or more. Exact linear
 * programming (two-phase simplex with Bland's rule, which cannot cycle) over fractions of bigints,
 * so no rounding error can hide a pinned value. Suppression uses it to check its own output.
 */

/** Σ coefficient × unknown = equals, with whole-number coefficients and constant. */
export interface Equation {
  terms: Readonly<Record<string, number>>;
  equals: number;
}

/** The whole values an unknown count can take lie from min to max (Infinity when unbounded above). */
export interface Range {
  min: number;
  max: number;
}

/** Questions about the unknowns of one set of equations, each unknown 0 or more. */
export interface CountReader {
  /** The least whole value the unknown can take; null when its equations have no solution. */
  least(id: string): number | null;
  /** The greatest whole value (Infinity when unbounded); null when its equations have no solution. */
  greatest(id: string): number | null;
}

/**
 * A reader of the equations: each independent part is solved for a first feasible point once, the
 * first time one of its unknowns is asked about, and each question is one more exact linear programme.
 * @example countReader([{ terms: { a: 1, b: 1 }, equals: 5 }]).greatest('a') // 5
 */
export function countReader(equations: readonly Equation[]): CountReader {
  const byUnknown = components(equations);
  const solved = new Map<Component, Tableau | null>();
  const feasible = (c: Component) => {
    if (!solved.has(c)) solved.set(c, feasibleTableau(c.equations, c.unknowns));
    return solved.get(c)!;
  };
  const bound = (id: string, direction: 1n | -1n, free: number) => {
    const c = byUnknown.get(id);
    if (!c) return free;
    const t = feasible(c);
    return t && optimum(t, c.unknowns.indexOf(id), direction);
  };
  return { least: (id) => bound(id, 1n, 0), greatest: (id) => bound(id, -1n, Infinity) };
}

/**
 * For each target, the range of whole values consistent with the equations and every unknown being 0
 * or more (the linear bounds rounded inward, since counts are whole); null where the equations of its
 * part of the table have no such solution. Unknowns in no equation range from 0 to Infinity.
 * @example countRanges([{ terms: { a: 1, b: 1 }, equals: 5 }, { terms: { b: 1 }, equals: 2 }], ['a']).get('a') // { min: 3, max: 3 }
 */
export function countRanges(equations: readonly Equation[], targets: readonly string[]): Map<string, Range | null> {
  const reader = countReader(equations);
  return new Map(
    targets.map((id) => {
      const [min, max] = [reader.least(id), reader.greatest(id)];
      return [id, min === null || max === null || min > max ? null : { min, max }];
    }),
  );
}

// ---- Exact fractions --------------------------------------------------------------------------

/** A fraction in lowest terms, its denominator positive. */
type Q = readonly [bigint, bigint];
const ZERO: Q = [0n, 1n];
const ONE: Q = [1n, 1n];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
function q(n: bigint, d = 1n): Q {
  const g = gcd(n, d) * (d < 0n ? -1n : 1n);
  return [n / g, d / g];
}
const add = (a: Q, b: Q) => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const sub = (a: Q, b: Q) => q(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Q, b: Q) => q(a[0] * b[0], a[1] * b[1]);
const div = (a: Q, b: Q) => q(a[0] * b[1], a[1] * b[0]);
const sign = (a: Q) => (a[0] > 0n ? 1 : a[0] < 0n ? -1 : 0);
const whole = (x: number) => {
  if (!Number.isSafeInteger(x)) throw new RangeError(`Equations take whole numbers, not ${x}.`);
  return q(BigInt(x));
};

// ---- Independent parts of the table -----------------------------------------------------------

interface Component {
  equations: Equation[];
  unknowns: string[];
}

/** Splits the equations into sets sharing no unknown: each unknown's set. */
function components(equations: readonly Equation[]): Map<string, Component> {
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    const p = parent.get(x) ?? x;
    return p === x ? x : root(p);
  };
  const unknownsOf = (e: Equation) => Object.keys(e.terms).filter((id) => e.terms[id] !== 0);
  for (const e of equations) {
    const [first, ...rest] = unknownsOf(e);
    if (first === undefined) continue;
    if (!parent.has(first)) parent.set(first, first);
    for (const id of rest) parent.set(root(id), root(first));
  }
  const byRoot = new Map<string, Component>();
  const of = (id: string) => {
    const r = root(id);
    if (!byRoot.has(r)) byRoot.set(r, { equations: [], unknowns: [] });
    return byRoot.get(r)!;
  };
  for (const e of equations) {
    const [first] = unknownsOf(e);
    if (first !== undefined) of(first).equations.push(e);
  }
  const result = new Map<string, Component>();
  for (const id of parent.keys()) {
    of(id).unknowns.push(id);
    result.set(id, of(id));
  }
  return result;
}

// ---- Simplex ----------------------------------------------------------------------------------

/** Rows of [coefficients…, right-hand side] over `width` columns, with the column basic in each row. */
interface Tableau {
  width: number;
  rows: Q[][];
  basis: number[];
}

/** A basic feasible solution of the equations with unknowns ≥ 0 (phase one), or null if there is none. */
function feasibleTableau(equations: readonly Equation[], unknowns: readonly string[]): Tableau | null {
  const n = unknowns.length;
  const m = equations.length;
  const rows = equations.map((e, i) => {
    const flip = e.equals < 0 ? -1 : 1;
    const row: Q[] = unknowns.map((id) => whole(flip * (e.terms[id] ?? 0)));
    for (let j = 0; j < m; j++) row.push(j === i ? ONE : ZERO);
    row.push(whole(flip * e.equals));
    return row;
  });
  const t: Tableau = { width: n + m, rows, basis: equations.map((_, i) => n + i) };
  const artificial = [...unknowns.map(() => ZERO), ...equations.map(() => ONE)];
  minimise(t, artificial);
  if (sign(objective(t, artificial)) > 0) return null;
  // Drive the artificial columns out of the basis (their rows stand at 0); a row left with none of ours is redundant.
  const kept: number[] = [];
  for (let i = 0; i < m; i++) {
    const j = t.basis[i]! < n ? i : t.rows[i]!.findIndex((x, col) => col < n && sign(x) !== 0);
    if (j < 0) continue;
    if (t.basis[i]! >= n) pivot(t, i, j);
    kept.push(i);
  }
  return { width: n, rows: kept.map((i) => [...t.rows[i]!.slice(0, n), t.rows[i]!.at(-1)!]), basis: kept.map((i) => t.basis[i]!) };
}

/** The least (direction 1) or greatest (−1) whole value of one unknown, from a feasible tableau. */
function optimum(feasible: Tableau, column: number, direction: 1n | -1n): number {
  const t: Tableau = { ...feasible, rows: feasible.rows.map((r) => [...r]), basis: [...feasible.basis] };
  const cost = Array.from({ length: t.width }, (_, j) => (j === column ? q(direction) : ZERO));
  if (!minimise(t, cost)) return Infinity;
  const [n, d] = objective(t, cost);
  // The optimum of ±x is n/d: the least value rounds up, the greatest (−n/d) rounds down; both are 0 or more.
  return direction === 1n ? Number((n + d - 1n) / d) : Number(-n / d);
}

/** Bland's rule simplex (the first improving column, the first row among ties): false when unbounded below. */
function minimise(t: Tableau, cost: readonly Q[]): boolean {
  for (;;) {
    const entering = cost.findIndex((_, j) => !t.basis.includes(j) && sign(reducedCost(t, cost, j)) < 0);
    if (entering < 0) return true;
    let leaving = -1;
    let best: Q = ZERO;
    t.rows.forEach((row, i) => {
      if (sign(row[entering]!) <= 0) return;
      const ratio = div(row.at(-1)!, row[entering]!);
      const order = leaving < 0 ? -1 : sign(sub(ratio, best)) || t.basis[i]! - t.basis[leaving]!;
      if (order < 0) [leaving, best] = [i, ratio];
    });
    if (leaving < 0) return false;
    pivot(t, leaving, entering);
  }
}

const reducedCost = (t: Tableau, cost: readonly Q[], j: number) =>
  t.rows.reduce((c, row, i) => sub(c, mul(cost[t.basis[i]!]!, row[j]!)), cost[j]!);
const objective = (t: Tableau, cost: readonly Q[]) => t.rows.reduce((z, row, i) => add(z, mul(cost[t.basis[i]!]!, row.at(-1)!)), ZERO);

function pivot(t: Tableau, r: number, c: number): void {
  const p = t.rows[r]![c]!;
  const row = t.rows[r]!.map((x) => div(x, p));
  t.rows = t.rows.map((other, i) => {
    const k = other[c]!;
    return i === r ? row : sign(k) === 0 ? other : other.map((x, j) => sub(x, mul(k, row[j]!)));
  });
  t.basis[r] = c;
}
