import { DEFAULT_SUPPRESSION, suppress, type SuppressionRule } from '../../core/suppression.ts';
import type { Indicator } from '../../data/repositories/indicators.ts';
import type { ScorecardRowView } from '../scorecards/service.ts';
import { areaOf, cellKey, suppressionTable } from './scorecard-table.ts';

/**
 * A scorecard as the public may see it: every figure put through core/suppression.ts as one table
 * (scorecard-table.ts), with the figures a reader knows exist beside it and the sums they are in.
 *
 * - Benchmarks (England, region, neighbour mean) are large published totals and targets are not
 *   data about children, so neither is suppressed.
 * - A row's judgements are withheld with its figure: no direction of travel when the current or
 *   the previous figure is hidden, and no RAG rating, reason, band or significance when the current
 *   one is (each can narrow a hidden figure down, and a reason quotes it).
 */

/** The rule for everything public: DfE's, counts from 1 to 4 shown as 'c'. */
export const PUBLIC_SUPPRESSION: Readonly<SuppressionRule> = DEFAULT_SUPPRESSION;

/** What a stored figure holds beyond what a row shows. */
export interface FigureBasis {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** A stored figure of an indicator, area, breakdown and period. */
export interface StoredFigure extends FigureBasis {
  indicatorCode: string;
  areaId: string;
  breakdown: string;
  period: string;
}

/** What a scorecard's public view is worked out from beyond its read. */
export interface ScorecardBasis {
  /** Each row's area, as the scorecard service resolves it, by row id. */
  rowAreas: ReadonlyMap<string, string>;
  /** The stored figures of the rows' indicators in the rows' areas, their councils and the councils' localities, every breakdown; a later one replaces an earlier of the same place. */
  figures: readonly StoredFigure[];
  /** The localities of each council among the rows' areas (and of each locality's council). */
  localities: ReadonlyMap<string, readonly string[]>;
}

/** The parts of a staff scorecard row this needs (ScorecardRowView has them all). */
export type ReadRow = Omit<ScorecardRowView, 'indicator' | 'areaName' | 'areaCode' | 'ragRule'> & {
  indicator: Pick<Indicator, 'code' | 'title' | 'unit' | 'decimals' | 'polarity' | 'bandLow' | 'bandHigh' | 'lag'>;
  areaName: string;
};

export interface ScorecardRead {
  scorecard: { id: string; title: string; description: string; boardName: string | null; columns: readonly string[] };
  asAt: string;
  /** "Figures as known at …" when figures published later were left out (decision 0015). */
  knownLine?: string | null;
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
  knownLine?: string | null;
  sections: { title: string; rows: PublicRow[] }[];
  rule: Readonly<SuppressionRule>;
}

const shown = ({ text, value }: { text: string; value: number | null }): PublicFigure => ({ text, value, suppressed: false });

/**
 * The public view of a scorecard read: figures the rule hides become its marker, and judgements
 * that would narrow them down are withheld. Nothing else of the read is carried over.
 * @example publicScorecard(read, basis).sections[0].rows[0].current.text // 'c'
 */
export function publicScorecard(
  read: ScorecardRead,
  basis: ScorecardBasis,
  rule: Partial<SuppressionRule> = PUBLIC_SUPPRESSION,
): PublicScorecard {
  const full = { ...PUBLIC_SUPPRESSION, ...rule };
  const rows = read.sections.flatMap((s) => s.rows);
  const table = suppress(suppressionTable(rows, basis), full);
  const figureOf = (row: ReadRow, i: number, figure: { text: string; value: number | null }): PublicFigure => {
    const { code } = row.indicator;
    const id = cellKey({ kind: 'figure', code, area: areaOf(row, basis), breakdown: row.breakdown, period: row.periods[i]!.code });
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
    knownLine: read.knownLine ?? null,
    sections: read.sections.map((s) => ({ title: s.title, rows: s.rows.map(publicRow) })),
    rule: Object.freeze(full),
  };
}
