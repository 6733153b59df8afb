import type { Polarity, QuartileBand, Significance } from './benchmarks.ts';
import { formatFigure, type Marker, type Unit } from './indicators.ts';
import {
  directionOfTravel,
  DIRECTION_LABELS,
  DIRECTION_SYMBOLS,
  ragFor,
  type Direction,
  type RagRule,
  type RagRuleKind,
} from './judgements.ts';
import type { Rag } from './plans.ts';

/** The columns a scorecard can show beside each row's current figure. */
export const SCORECARD_COLUMNS = [
  'previous',
  'england',
  'region',
  'neighbours',
  'band',
  'significance',
  'target',
  'direction',
  'rag',
  'note',
] as const;
export type ScorecardColumn = (typeof SCORECARD_COLUMNS)[number];

export const SCORECARD_COLUMN_LABELS: Record<ScorecardColumn, string> = {
  previous: 'Previous periods',
  england: 'England',
  region: 'Region',
  neighbours: 'Statistical neighbour mean',
  band: 'Quartile band',
  significance: 'Significance against England',
  target: 'Target',
  direction: 'Direction of travel',
  rag: 'RAG rating',
  note: 'Notes',
};

/** How a row is rated, as a row stores it ('none' = not rated). */
export type RowRagRule = RagRuleKind | 'none';

/** One figure of a row's series. */
export interface SeriesFigure {
  periodCode: string;
  periodLabel: string;
  periodType: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  marker: Marker | null;
  /** The partnership's own figure rather than a published one. */
  local: boolean;
  status: string;
  qualityNote: string;
}

/** What the published statistics say about the row's current figure. */
export interface RowBenchmarks {
  england: number | null;
  /** When England's figure is for an earlier period than the row's (e.g. the last published year), that period's label. */
  englandPeriod?: string | undefined;
  region: number | null;
  neighbourMean: number | null;
  band: QuartileBand | null;
  significance: Significance | null;
}

export interface RowInput {
  indicator: {
    code: string;
    title: string;
    unit: Unit;
    decimals: number;
    polarity: Polarity;
    bandLow: number | null;
    bandHigh: number | null;
    lag: string;
  };
  /** Every figure the row's area has for the indicator and breakdown, oldest first. */
  series: readonly SeriesFigure[];
  /**
   * The scorecard shows, for each row, the latest figure for a period that had begun by this day
   * (so a year-to-date or provisional figure for the year under way counts).
   */
  asAt: string;
  previousPeriods: number;
  benchmarksFor: (periodCode: string) => RowBenchmarks | undefined;
  targetFor: (periodCode: string) => { value: number; tolerance: number } | undefined;
  ragRule: RowRagRule;
  tolerance: number;
  maintainedBand: number;
}

/** A figure as a scorecard shows it: the number (for spreadsheets) and its text (for pages and papers). */
export interface Cell {
  value: number | null;
  text: string;
}

export interface RowView {
  periods: { code: string; label: string }[];
  /** Aligned with periods, oldest first; the last is the current figure. */
  figures: (Cell & { local: boolean })[];
  current: (Cell & { periodCode: string; periodLabel: string; status: string; local: boolean }) | null;
  benchmarks: { england: Cell; region: Cell; neighbours: Cell; band: QuartileBand | null; significance: Significance | null };
  target: Cell | null;
  direction: { direction: Direction; symbol: string; label: string; change: number | null } | null;
  rag: { rag: Rag | null; reason: string; overridden?: boolean };
  /** Data-quality notes of the figures shown (e.g. "known recording issues"), each once. */
  qualityNotes: string[];
}

/**
 * One scorecard row: the latest figure on or before the scorecard's date, the periods before it,
 * its benchmarks, direction of travel against the figure before it of the same kind of period, and
 * its RAG rating by the row's rule (core/judgements.ts).
 */
export function scorecardRow(input: RowInput): RowView {
  const { indicator } = input;
  const fmt = (value: number | null | undefined, marker?: Marker | null): Cell => ({
    value: value ?? null,
    text: formatFigure(value ?? null, indicator.unit, indicator.decimals, marker),
  });
  const shown = input.series.filter((f) => f.periodStart <= input.asAt && (f.value !== null || f.marker !== null));
  const current = shown.at(-1);
  const earlier = current ? shown.filter((f) => f.periodType === current.periodType && f !== current) : [];
  const window = current ? [...earlier.slice(-input.previousPeriods), current] : [];
  const previous = earlier.at(-1);
  const benchmarks = current ? input.benchmarksFor(current.periodCode) : undefined;
  const target = current ? input.targetFor(current.periodCode) : undefined;
  const travel = current
    ? directionOfTravel(current.value, previous?.value ?? null, indicator.polarity, {
        maintainedBand: input.maintainedBand,
        bandLow: indicator.bandLow,
        bandHigh: indicator.bandHigh,
      })
    : { direction: null, change: null };
  return {
    periods: window.map((f) => ({ code: f.periodCode, label: f.periodLabel })),
    figures: window.map((f) => ({ ...fmt(f.value, f.marker), local: f.local })),
    current: current
      ? {
          ...fmt(current.value, current.marker),
          periodCode: current.periodCode,
          periodLabel: current.periodLabel,
          status: current.status,
          local: current.local,
        }
      : null,
    benchmarks: {
      england:
        benchmarks?.englandPeriod && benchmarks.england !== null
          ? { value: benchmarks.england, text: `${fmt(benchmarks.england).text} (${benchmarks.englandPeriod})` }
          : fmt(benchmarks?.england),
      region: fmt(benchmarks?.region),
      neighbours: fmt(benchmarks?.neighbourMean),
      band: benchmarks?.band ?? null,
      significance: benchmarks?.significance ?? null,
    },
    target: target ? fmt(target.value) : null,
    direction: travel.direction
      ? {
          direction: travel.direction,
          symbol: DIRECTION_SYMBOLS[travel.direction],
          label: DIRECTION_LABELS[travel.direction],
          change: travel.change,
        }
      : null,
    rag: rate(input, current?.value ?? null, benchmarks, target),
    qualityNotes: [...new Set(window.map((f) => f.qualityNote).filter(Boolean))],
  };
}

function rate(
  input: RowInput,
  value: number | null,
  benchmarks: RowBenchmarks | undefined,
  target: { value: number; tolerance: number } | undefined,
) {
  const { indicator } = input;
  const format = { unit: indicator.unit, decimals: indicator.decimals };
  let rule: RagRule | undefined;
  switch (input.ragRule) {
    case 'target':
      rule = { kind: 'target', target: target?.value ?? null, tolerance: target?.tolerance ?? input.tolerance };
      break;
    case 'england':
      rule = { kind: 'england', england: benchmarks?.england ?? null, tolerance: input.tolerance };
      break;
    case 'neighbours':
      rule = { kind: 'neighbours', mean: benchmarks?.neighbourMean ?? null, tolerance: input.tolerance };
      break;
    case 'band':
      if (indicator.bandLow === null || indicator.bandHigh === null) return { rag: null, reason: 'The indicator has no target band' };
      rule = { kind: 'band', low: indicator.bandLow, high: indicator.bandHigh, tolerance: input.tolerance };
      break;
    default:
      return { rag: null, reason: 'Not rated' };
  }
  return ragFor(value, indicator.polarity, rule, format);
}
