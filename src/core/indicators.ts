import type { Polarity } from './benchmarks.ts';
import type { DfeMarker } from './csv-read.ts';
import type { Period, PeriodType } from './periods.ts';

/** What an indicator counts or measures, and so how its values read. */
export const UNITS = ['count', 'percentage', 'rate-1000', 'rate-10000', 'rate-100000', 'days', 'score', 'ratio', 'currency'] as const;
export type Unit = (typeof UNITS)[number];

export const UNIT_LABELS: Record<Unit, string> = {
  count: 'Count',
  percentage: 'Percentage',
  'rate-1000': 'Rate per 1,000',
  'rate-10000': 'Rate per 10,000',
  'rate-100000': 'Rate per 100,000',
  days: 'Days',
  score: 'Score',
  ratio: 'Ratio',
  currency: 'Pounds (£)',
};

/**
 * How many of the denominator a value is "per": 100 for a percentage, 10,000 for a rate per
 * 10,000; null where the value is not a proportion of a denominator.
 * @example ratePerOf('rate-10000') // 10000
 */
export function ratePerOf(unit: Unit): number | null {
  switch (unit) {
    case 'percentage':
      return 100;
    case 'rate-1000':
      return 1_000;
    case 'rate-10000':
      return 10_000;
    case 'rate-100000':
      return 100_000;
    default:
      return null;
  }
}

export const POLARITY_LABELS: Record<Polarity, string> = {
  bigger: 'Bigger is better',
  smaller: 'Smaller is better',
  band: 'Best within a target band',
  none: 'No judgement',
};

/** Outcome-based accountability: the three questions a measure answers. */
export const OBA_CATEGORIES = ['how-much', 'how-well', 'better-off'] as const;
export type ObaCategory = (typeof OBA_CATEGORIES)[number];
export const OBA_LABELS: Record<ObaCategory, string> = {
  'how-much': 'How much did we do?',
  'how-well': 'How well did we do it?',
  'better-off': 'Is anyone better off?',
};

export const FREQUENCIES = ['monthly', 'quarterly', 'termly', 'annual', 'irregular'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const FREQUENCY_LABELS: Record<Frequency, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  termly: 'Termly',
  annual: 'Annual',
  irregular: 'Irregular',
};

/** How settled a figure is. */
export const STATUSES = ['provisional', 'final', 'revised', 'estimated'] as const;
export type ObservationStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<ObservationStatus, string> = {
  provisional: 'Provisional',
  final: 'Final',
  revised: 'Revised',
  estimated: 'Estimated',
};

/** DfE's markers for a value that is not given (see csv-read.ts for what each means). */
export type Marker = DfeMarker;

/** Every Child Matters outcomes, the themes the seeds' plans use. */
export const ECM_THEMES = [
  'Be healthy',
  'Stay safe',
  'Enjoy and achieve',
  'Make a positive contribution',
  'Achieve economic well-being',
] as const;

/** Everything that defines an indicator, whoever owns it. */
export interface IndicatorDefinition {
  /** Stable, lower-case, URL-safe, e.g. "cp-plan-rate". */
  code: string;
  title: string;
  definition: string;
  numeratorDefinition: string;
  denominatorDefinition: string;
  unit: Unit;
  decimals: number;
  polarity: Polarity;
  /** For polarity 'band': the ideal range, inclusive (e.g. 10 to 15 per cent). */
  bandLow: number | null;
  bandHigh: number | null;
  frequency: Frequency;
  periodType: PeriodType;
  /** e.g. "Reported 5 quarters in arrears". */
  lag: string;
  /** The lag as months after the period ends, where known (every national indicator; decision 0015). */
  lagMonths?: number | null;
  /** Days after a period ends that the agency's figure is due (decision 0016); left out, a default by frequency. */
  dueDays?: number | null;
  source: string;
  obaCategory: ObaCategory;
  themes: string[];
}

/** One figure ready to be stored: an indicator × area × period × breakdown. */
export interface ObservationInput {
  indicatorCode: string;
  /** The area's canonical code: an ONS code (E08000030), or a partnership locality's own code. */
  areaCode: string;
  period: Period;
  /** '' for the whole population; otherwise e.g. "Free school meals". */
  breakdown: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Why there is no value; null when there is one. */
  marker: Marker | null;
  status: ObservationStatus;
  qualityNote: string;
  /** The file row it came from (1 = the header), for messages. */
  row: number;
}

/** One reason a row of an import was refused: row and column as a person finds them in the file. */
export interface ImportIssue {
  /** 1-based line (CSV) or row (spreadsheet) number; 0 for the file as a whole. */
  row: number;
  /** The column's heading as in the file ('' for the file or the whole row). */
  column: string;
  /** The offending text, as found (shortened to 80 characters). */
  value: string;
  reason: string;
}

/**
 * Where a DfE "tidy" CSV's columns go: which rows to keep, and for each measure which indicator it
 * feeds and how its value is found (as published, or worked out from counts).
 */
export interface DfeMapping {
  /** Keep only rows whose column holds exactly this text (e.g. population_type). */
  filters: { column: string; equals: string }[];
  /** Rows are a position at a date ("at 31 March") rather than a year's activity. */
  periodAsPoint: boolean;
  /** A column whose text becomes each row's breakdown; absent = the whole population. */
  breakdownColumn?: string | undefined;
  measures: DfeMeasureMapping[];
}

export interface DfeMeasureMapping {
  indicatorCode: string;
  /** The column holding the published value (a percentage or rate as printed). */
  valueColumn?: string | undefined;
  numeratorColumn?: string | undefined;
  denominatorColumn?: string | undefined;
  /**
   * Work the value out from the numerator and the ONS mid-year population aged 0-17 (a year or
   * position ending in March of year Y uses the mid-year Y-1 estimate), per this many children.
   */
  perPopulation?: number | undefined;
}

/** What an import needs to know about the world to check its rows. */
export interface ImportContext {
  /** Indicators rows may name, by code. */
  indicators: ReadonlyMap<string, Pick<IndicatorDefinition, 'code' | 'unit' | 'decimals' | 'periodType'>>;
  /** The canonical area code for any accepted spelling (ONS code, old DfE code, locality code); undefined if unknown. */
  areaCode(code: string): string | undefined;
  /** ONS mid-year estimate of children aged 0-17 for an area (canonical code) and year. */
  population?(areaCode: string, midYear: number): number | undefined;
}

/**
 * A figure as people read it: the indicator's decimal places, thousands separators, and a per
 * cent sign for percentages; a marker's own text where there is no value.
 * @example formatFigure(39.598, 'rate-10000', 1) // "39.6"
 */
export function formatFigure(value: number | null | undefined, unit: Unit, decimals: number, marker?: Marker | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return marker ?? '–';
  const text = value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  if (unit === 'percentage') return `${text}%`;
  if (unit === 'currency') return `£${text}`;
  return text;
}
