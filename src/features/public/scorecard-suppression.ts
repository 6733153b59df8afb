import { ratePerOf } from '../../core/indicators.ts';
import { DEFAULT_SUPPRESSION, suppress, type Cell, type Group, type SuppressionRule } from '../../core/suppression.ts';
import type { Indicator } from '../../data/repositories/indicators.ts';
import type { ScorecardRowView } from '../scorecards/service.ts';

/**
 * A scorecard as the public may see it: every figure put through core/suppression.ts as one table.
 *
 * - Each row's own figures (current and earlier periods) are cells; benchmarks (England, region,
 *   neighbour mean) are large published totals and targets are not data about children, so
 *   neither is suppressed.
 * - A count figure is a count cell. Any other figure is derived from its stored denominator and,
 *   for a rate or percentage, its numerator (or, with only a denominator, the numerator it
 *   implies), each a count cell the page never shows. A rate or percentage whose numerator and
 *   denominator were never recorded cannot be checked and is published as recorded.
 * - Breakdown rows of one indicator, area and period are parts of its whole-population row, one
 *   group per dimension ('Sex: Female' is in dimension 'Sex'; breakdowns without a colon form one
 *   dimension), for counts and for numerators and denominators. Parts missing from the scorecard
 *   only make the check stricter.
 * - A row's judgements are withheld with its figure: no direction of travel when the current or
 *   the previous figure is hidden, and no RAG rating, reason, band or significance when the current
 *   one is (each can narrow a hidden figure down, and a reason quotes it).
 */

/** The rule for everything public: DfE's, counts from 1 to 4 shown as 'c'. */
export const PUBLIC_SUPPRESSION: Readonly<SuppressionRule> = DEFAULT_SUPPRESSION;

/** What the stored figure behind a row's period holds beyond what the row shows. */
export interface FigureBasis {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** A row's area and, by period code, its stored figures. */
export interface RowBasis {
  areaId: string;
  figures: ReadonlyMap<string, FigureBasis>;
}

/** The parts of a staff scorecard row this needs (ScorecardRowView has them all). */
export type ReadRow = Omit<ScorecardRowView, 'indicator' | 'areaName' | 'areaCode' | 'ragRule'> & {
  indicator: Pick<Indicator, 'code' | 'title' | 'unit' | 'decimals' | 'polarity' | 'bandLow' | 'bandHigh' | 'lag'>;
  areaName: string;
};

export interface ScorecardRead {
  scorecard: { id: string; title: string; description: string; boardName: string | null; columns: readonly string[] };
  asAt: string;
  sections: readonly { title: string; rows: readonly ReadRow[] }[];
}

export interface PublicFigure {
  text: string;
  value: number | null;
  suppressed: boolean;
}

/** A row with only what may be published: no figure hidden by the rule, nothing worked out from one. */
export interface PublicRow {
  id: string;
  indicator: ReadRow['indicator'];
  areaName: string;
  breakdown: string;
  note: string;
  qualityNotes: string[];
  /** Charted on the page ("charts for selected areas"), from the figures here: suppressed ones are gaps. */
  chart: boolean;
  /** England's figures for the periods: national statistics, whether loaded or recorded by the partnership, never suppressed (England's counts are never small). */
  englandTrend: (number | null)[];
  periods: { code: string; label: string }[];
  figures: PublicFigure[];
  current: (PublicFigure & { periodLabel: string; provisional: boolean }) | null;
  england: PublicFigure;
  region: PublicFigure;
  neighbours: PublicFigure;
  target: PublicFigure | null;
  /** The judgements the row had that would narrow a hidden figure down, so are published as the marker. */
  withheld: Judgement[];
  direction: { direction: string; symbol: string; label: string } | null;
  rag: ScorecardRowView['rag']['rag'];
  ragReason: string;
  band: ScorecardRowView['benchmarks']['band'];
  significance: ScorecardRowView['benchmarks']['significance'];
}

export type Judgement = 'direction' | 'rating' | 'band' | 'significance';

export interface PublicScorecard {
  scorecard: ScorecardRead['scorecard'];
  asAt: string;
  sections: { title: string; rows: PublicRow[] }[];
  rule: Readonly<SuppressionRule>;
}

const key = (kind: string, row: ReadRow, area: string, period: string, breakdown = row.breakdown) =>
  JSON.stringify([kind, row.indicator.code, area, breakdown, period]);
const dimensionOf = (breakdown: string) => (breakdown.includes(':') ? breakdown.slice(0, breakdown.indexOf(':')).trim().toLowerCase() : '');
/** The row's area as cells are keyed (by name only if the basis somehow lacks the row). */
const areaKey = (row: ReadRow, basis: ReadonlyMap<string, RowBasis>) => basis.get(row.id)?.areaId ?? `name:${row.areaName}`;
const shown = ({ text, value }: { text: string; value: number | null }): PublicFigure => ({ text, value, suppressed: false });

/** The table core/suppression.ts checks: every row's figures, their numerators and denominators, and breakdown groups. */
export function suppressionTable(rows: readonly ReadRow[], basis: ReadonlyMap<string, RowBasis>) {
  const cells = new Map<string, Cell>();
  const add = (cell: Cell) => (cells.has(cell.id) ? undefined : cells.set(cell.id, cell));
  const areaOf = (row: ReadRow) => areaKey(row, basis);
  for (const row of rows) {
    const area = areaOf(row);
    row.figures.forEach((figure, i) => {
      const period = row.periods[i]!.code;
      const id = key('figure', row, area, period);
      if (row.indicator.unit === 'count') return add({ id, kind: 'count', value: figure.value });
      const stored = basis.get(row.id)?.figures.get(period);
      const from: string[] = [];
      if (figure.value !== null && stored?.value !== figure.value) {
        // Changed between the two reads: hidden as if worked out from a small count, never published unchecked.
        add({ id: `${id}!`, kind: 'count', value: 1 });
        from.push(`${id}!`);
      } else if (stored) {
        const per = ratePerOf(row.indicator.unit);
        const { value, denominator } = stored;
        const numerator =
          per === null
            ? null
            : (stored.numerator ?? (denominator !== null && value !== null ? Math.round((value * denominator) / per) : null));
        for (const [kind, count] of [
          ['numerator', numerator],
          ['denominator', denominator],
        ] as const) {
          if (count === null) continue;
          add({ id: key(kind, row, area, period), kind: 'count', value: count });
          from.push(key(kind, row, area, period));
        }
      }
      add({ id, kind: 'derived', value: figure.value, from });
    });
  }
  return { cells: [...cells.values()], groups: breakdownGroups(rows, areaOf, cells) };
}

/** Whole-population row as total, a dimension's breakdown rows as parts, for each period and kind of cell. */
function breakdownGroups(rows: readonly ReadRow[], areaOf: (row: ReadRow) => string, cells: ReadonlyMap<string, Cell>): Group[] {
  const parts = new Map<string, { total: string; parts: Set<string> }>();
  for (const row of rows.filter((r) => r.breakdown !== '')) {
    const area = areaOf(row);
    // Counts add up; rates and percentages do not, but their numerators and denominators do.
    const kinds = row.indicator.unit === 'count' ? ['figure'] : ['numerator', 'denominator'];
    for (const { code } of row.periods)
      for (const kind of kinds) {
        const total = key(kind, row, area, code, '');
        const part = key(kind, row, area, code);
        if (!cells.has(total) || !cells.has(part)) continue;
        const group = `${total}|${dimensionOf(row.breakdown)}`;
        if (!parts.has(group)) parts.set(group, { total, parts: new Set() });
        parts.get(group)!.parts.add(part);
      }
  }
  return [...parts.values()].map((g) => ({ total: g.total, parts: [...g.parts] }));
}

/**
 * The public view of a scorecard read: figures the rule hides become its marker, and judgements
 * that would narrow them down are withheld. Nothing else of the read is carried over.
 * @example publicScorecard(read, basis).sections[0].rows[0].current.text // 'c'
 */
export function publicScorecard(
  read: ScorecardRead,
  basis: ReadonlyMap<string, RowBasis>,
  rule: Partial<SuppressionRule> = PUBLIC_SUPPRESSION,
): PublicScorecard {
  const full = { ...PUBLIC_SUPPRESSION, ...rule };
  const rows = read.sections.flatMap((s) => s.rows);
  const table = suppress(suppressionTable(rows, basis), full);
  const figureOf = (row: ReadRow, i: number, figure: { text: string; value: number | null }): PublicFigure => {
    const id = key('figure', row, areaKey(row, basis), row.periods[i]!.code);
    return table.cells.get(id)?.suppressed ? { text: full.marker, value: null, suppressed: true } : shown(figure);
  };
  const publicRow = (row: ReadRow): PublicRow => {
    const figures = row.figures.map((f, i) => figureOf(row, i, f));
    const current = row.current ? figures.at(-1)! : null;
    const currentHidden = current?.suppressed ?? false;
    // Whether a row has a judgement at all turns on its rule and comparators, never on the hidden figure's size.
    const withheld = (
      [
        ['direction', (currentHidden || figures.at(-2)?.suppressed) && row.direction],
        ['rating', currentHidden && row.rag.rag],
        ['band', currentHidden && row.benchmarks.band],
        ['significance', currentHidden && row.benchmarks.significance],
      ] as const
    ).flatMap(([judgement, hides]) => (hides ? [judgement] : []));
    const { code, title, unit, decimals, polarity, bandLow, bandHigh, lag } = row.indicator;
    const keep = <T>(judgement: Judgement, value: T) => (withheld.includes(judgement) ? null : value);
    return {
      id: row.id,
      indicator: { code, title, unit, decimals, polarity, bandLow, bandHigh, lag },
      areaName: row.areaName,
      breakdown: row.breakdown,
      note: row.note,
      qualityNotes: [...row.qualityNotes],
      chart: row.chart,
      englandTrend: [...row.englandTrend],
      periods: row.periods.map((p) => ({ code: p.code, label: p.label })),
      figures,
      current: current && { ...current, periodLabel: row.current!.periodLabel, provisional: row.current!.status === 'provisional' },
      england: shown(row.benchmarks.england),
      region: shown(row.benchmarks.region),
      neighbours: shown(row.benchmarks.neighbours),
      target: row.target && shown(row.target),
      withheld,
      direction: keep(
        'direction',
        row.direction && { direction: row.direction.direction, symbol: row.direction.symbol, label: row.direction.label },
      ),
      rag: keep('rating', row.rag.rag),
      ragReason: keep('rating', row.rag.reason) ?? '',
      band: keep('band', row.benchmarks.band),
      significance: keep('significance', row.benchmarks.significance),
    };
  };
  const { id, title, description, boardName, columns } = read.scorecard;
  return {
    scorecard: { id, title, description, boardName, columns: [...columns] },
    asAt: read.asAt,
    sections: read.sections.map((s) => ({ title: s.title, rows: s.rows.map(publicRow) })),
    rule: Object.freeze(full),
  };
}
