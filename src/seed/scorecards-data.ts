import type { IndicatorDefinition } from '../core/indicators.ts';
import type { RowRagRule, ScorecardColumn } from '../core/scorecard.ts';
import type { FigureRecord } from '../intake/figures.ts';

/**
 * The Walsall Children's Scrutiny Board's Q3 2013 scorecard (seed 003, appendix 4, November 2013):
 * its measures, figures and England values as printed, and a current scorecard of the same
 * board's measures from the bundled national statistics. Where the paper gives a year to date or
 * a month, the figure is recorded as exactly that period; its own notes go with it.
 */

const base = {
  numeratorDefinition: '',
  denominatorDefinition: '',
  lag: '',
  decimals: 1,
  bandLow: null,
  bandHigh: null,
  frequency: 'monthly' as const,
  obaCategory: 'how-well' as const,
};

/** The scorecard's measures that are not in the national library. */
export const WALSALL_SCORECARD_INDICATORS: (IndicatorDefinition & { agency: string })[] = [
  {
    ...base,
    code: 'ca-35-days-pct',
    title: 'Core assessments completed within 35 working days',
    definition: 'Core assessments completed within 35 working days of their start.',
    unit: 'percentage',
    polarity: 'bigger',
    frequency: 'annual',
    periodType: 'financial-year',
    source: 'Walsall children’s social care case system',
    themes: ['Stay safe'],
    agency: 'Walsall Council Children’s Services',
  },
  {
    ...base,
    code: 'cp-repeat-2yrs-pct',
    title: 'Child protection plans that are a second plan within two years',
    definition: 'Child protection plans started in the year for a child whose previous plan ended within the last two years.',
    unit: 'percentage',
    polarity: 'band',
    bandLow: 10,
    bandHigh: 15,
    frequency: 'annual',
    periodType: 'point',
    source: 'Walsall children’s social care case system',
    themes: ['Stay safe'],
    agency: 'Walsall Council Children’s Services',
  },
  {
    ...base,
    code: 'lac-long-term-stability-pct',
    title: 'Long-term stability of children in care',
    definition: 'Children in care for 2.5 years or more who have lived in the same placement for 2 years.',
    unit: 'percentage',
    polarity: 'bigger',
    periodType: 'point',
    source: 'Walsall children’s social care case system',
    themes: ['Stay safe'],
    agency: 'Walsall Council Children’s Services',
  },
  {
    ...base,
    code: 'adoption-days',
    title: 'Average days from entering care to being adopted',
    definition: 'For children adopted, the average number of days between entering care and moving in with the adoptive family.',
    unit: 'days',
    decimals: 0,
    polarity: 'smaller',
    periodType: 'point',
    source: 'Walsall children’s social care case system',
    themes: ['Stay safe'],
    agency: 'Walsall Council Children’s Services',
  },
  {
    ...base,
    code: 'yo-first-time-entrants-rate',
    title: 'First-time entrants to the youth justice system per 100,000 aged 10 to 17',
    definition: 'Young people aged 10 to 17 receiving their first reprimand, warning or conviction, per 100,000 of that age.',
    unit: 'rate-100000',
    decimals: 0,
    polarity: 'smaller',
    // Youth justice figures are published each quarter for the 12 months to its end.
    frequency: 'quarterly',
    periodType: 'rolling-12-months',
    source: 'Walsall Youth Offending Service',
    themes: ['Make a positive contribution'],
    agency: 'West Midlands Police',
  },
  {
    ...base,
    code: 'yo-reoffending-rate',
    title: 'Re-offending rate of young offenders',
    definition: 'Further offences per young offender in the cohort tracked.',
    unit: 'ratio',
    decimals: 2,
    polarity: 'smaller',
    // Youth justice figures are published each quarter for the 12 months to its end.
    frequency: 'quarterly',
    periodType: 'rolling-12-months',
    source: 'Walsall Youth Offending Service',
    themes: ['Make a positive contribution'],
    agency: 'West Midlands Police',
  },
  {
    ...base,
    code: 'sw-vacancy-rate-pct',
    title: 'Social worker vacancy rate',
    definition: 'Vacant social worker posts as a percentage of all social worker posts.',
    unit: 'percentage',
    polarity: 'smaller',
    periodType: 'month',
    source: 'Walsall Council workforce records',
    obaCategory: 'how-much',
    themes: [],
    agency: 'Walsall Council Children’s Services',
  },
  {
    ...base,
    code: 'sw-sickness-days',
    title: 'Average days lost to sickness absence by social workers',
    definition: 'Working days lost to sickness absence per social worker over the last 12 months.',
    unit: 'days',
    polarity: 'smaller',
    periodType: 'month',
    source: 'Walsall Council workforce records',
    obaCategory: 'how-much',
    themes: [],
    agency: 'Walsall Council Children’s Services',
  },
];

const W = 'E08000030';
const fig = (indicator: string, period: string, value: string, extra: Partial<FigureRecord> = {}): FigureRecord => ({
  indicator_code: indicator,
  area_code: W,
  period,
  value,
  ...extra,
});
const england = (indicator: string, period: string, value: string): FigureRecord => ({
  indicator_code: indicator,
  area_code: 'E92000001',
  period,
  value,
});
const YEAR_TO_DATE = 'Year to date, April to November 2013';

/**
 * Seed 003's figures are Walsall's own as its Q3 2013 scorecard (as at 30 November 2013,
 * presented that winter) printed them: each known from the end of its period, and none later than
 * the paper's date, so the demo scorecard as at 30 November 2013 shows them all and an earlier
 * date the ones reported by then (decision 0015).
 */
export const SEED_003_PRESENTED = '2013-11-30';

/** When one of seed 003's figures became known (see SEED_003_PRESENTED). */
export const seed003KnownFrom = (row: { period: { end: string } }): string =>
  row.period.end < SEED_003_PRESENTED ? row.period.end : SEED_003_PRESENTED;

/** The paper's figures (England's where it prints them). */
export const WALSALL_SCORECARD_FIGURES: FigureRecord[] = [
  fig('ia-10-days-pct', 'FY2013-14', '46.0', { status: 'provisional', quality_note: YEAR_TO_DATE }),
  fig('ca-35-days-pct', 'FY2012-13', '64.7'),
  fig('ca-35-days-pct', 'FY2013-14', '82.6', { status: 'provisional', quality_note: YEAR_TO_DATE }),
  england('ca-35-days-pct', 'FY2012-13', '76.7'),
  fig('cp-repeat-2yrs-pct', 'AT2012-03-31', '10.5'),
  fig('cp-repeat-2yrs-pct', 'AT2013-03-31', '10.4'),
  england('cp-repeat-2yrs-pct', 'AT2013-03-31', '14.9'),
  fig('cla-rate', 'AT2013-11-30', '94.7', {
    numerator: '602',
    status: 'provisional',
    quality_note: 'Local figure at the end of November 2013',
  }),
  fig('lac-long-term-stability-pct', 'AT2013-03-31', '65.7'),
  fig('lac-long-term-stability-pct', 'AT2013-11-30', '55.8', { status: 'provisional' }),
  england('lac-long-term-stability-pct', 'AT2013-03-31', '67'),
  fig('adoption-days', 'AT2013-03-31', '1196'),
  fig('adoption-days', 'AT2013-11-30', '533', { status: 'provisional' }),
  england('adoption-days', 'AT2013-03-31', '647'),
  fig('yo-first-time-entrants-rate', 'R12-2012-03', '658'),
  fig('yo-first-time-entrants-rate', 'R12-2013-03', '425'),
  fig('yo-first-time-entrants-rate', 'R12-2013-09', '222', { status: 'provisional' }),
  fig('yo-reoffending-rate', 'R12-2012-03', '0.54'),
  fig('yo-reoffending-rate', 'R12-2013-03', '0.76'),
  fig('yo-reoffending-rate', 'R12-2013-09', '0.88', { status: 'provisional' }),
  fig('sw-vacancy-rate-pct', '2013-03', '14.4'),
  fig('sw-vacancy-rate-pct', '2013-10', '22.5'),
  fig('sw-vacancy-rate-pct', '2013-11', '18.6'),
  fig('sw-sickness-days', '2013-03', '16.5'),
  fig('sw-sickness-days', '2013-10', '14.5'),
  fig('sw-sickness-days', '2013-11', '13.2'),
];

export interface DemoScorecard {
  title: string;
  description: string;
  board: string;
  asAt: string | null;
  previousPeriods: number;
  /** Shown on the partnership's public pages. */
  published?: boolean;
  columns: ScorecardColumn[];
  /** `chart`: among the paper's "charts for selected areas". */
  sections: { title: string; rows: { indicator: string; ragRule: RowRagRule; tolerance?: number; note?: string; chart?: boolean }[] }[];
}

/**
 * Birmingham's plan 2012-15 (seed 004, "What will excellence look like by 2015?") names its measures
 * but leaves baselines and targets to be set: this scorecard tracks them from the published statistics.
 */
export const BIRMINGHAM_SCORECARDS: DemoScorecard[] = [
  {
    title: 'What will excellence look like by 2015?',
    description:
      'The measures Towards Excellence (2012-15) said the partnership would track, from the published statistics, beside England and Birmingham’s statistical neighbours.',
    board: 'Children’s Strategic Partnership Board',
    asAt: null,
    previousPeriods: 3,
    columns: ['previous', 'england', 'neighbours', 'band', 'direction', 'rag'],
    sections: [
      {
        title: 'More children kept safely with their families',
        rows: [
          { indicator: 'cin-rereferral-12m-pct', ragRule: 'neighbours', tolerance: 1 },
          { indicator: 'lait-pct-of-lac-adopted', ragRule: 'neighbours', tolerance: 1 },
          { indicator: 'lait-first-yjs', ragRule: 'neighbours', tolerance: 20 },
        ],
      },
      {
        title: 'Increased attainment',
        rows: [
          { indicator: 'lait-fsp-new-gooddev', ragRule: 'england', tolerance: 2 },
          { indicator: 'lait-ks2rwm-expected-std', ragRule: 'england', tolerance: 2 },
          { indicator: 'lait-avg-attain8-score', ragRule: 'england', tolerance: 1 },
        ],
      },
      {
        title: 'Fewer young people not in education, employment or training',
        rows: [{ indicator: 'lait-16-17-neet', ragRule: 'england', tolerance: 0.5 }],
      },
      {
        title: 'More children living healthier lifestyles',
        rows: [
          { indicator: 'lait-excess-yr6', ragRule: 'england', tolerance: 1 },
          { indicator: 'lait-inf-mort', ragRule: 'england', tolerance: 0.5 },
          { indicator: 'lait-under18concep', ragRule: 'england', tolerance: 1 },
        ],
      },
    ],
  },
];

export const WALSALL_SCORECARDS: DemoScorecard[] = [
  {
    title: 'Children’s Scrutiny Board scorecard, Q3 2013',
    description: 'The quarterly scorecard the Children and Young People Scrutiny and Performance Panel read on 26 November 2013.',
    board: 'Children’s Services Scrutiny and Performance Panel',
    asAt: '2013-11-30',
    previousPeriods: 2,
    columns: ['previous', 'england', 'direction', 'rag', 'note'],
    sections: [
      // The paper's note on early help is its figures' quality note ("known recording issues"), shown once.
      { title: 'Early help', rows: [{ indicator: 'eh-rate', ragRule: 'none' }] },
      {
        title: 'Assessments',
        rows: [
          // Seed 003 puts "Charts for Selected Areas" over its assessments and child protection tables.
          { indicator: 'ia-10-days-pct', ragRule: 'england', tolerance: 5, chart: true },
          { indicator: 'ca-35-days-pct', ragRule: 'england', tolerance: 5, chart: true },
        ],
      },
      {
        title: 'Children on a child protection plan',
        rows: [
          // The paper prints England's figure in the row's title; here it is the England column, from DfE's published value.
          { indicator: 'cp-plan-rate', ragRule: 'none', chart: true },
          { indicator: 'cp-repeat-2yrs-pct', ragRule: 'band', tolerance: 2, note: '10–15% is considered ideal' },
        ],
      },
      {
        title: 'Looked after children and adoption',
        rows: [
          { indicator: 'cla-rate', ragRule: 'none' },
          { indicator: 'lac-long-term-stability-pct', ragRule: 'england', tolerance: 3 },
          { indicator: 'adoption-days', ragRule: 'england', tolerance: 60 },
        ],
      },
      {
        title: 'Youth offending',
        rows: [
          { indicator: 'yo-first-time-entrants-rate', ragRule: 'none' },
          { indicator: 'yo-reoffending-rate', ragRule: 'none' },
        ],
      },
      {
        title: 'Workforce',
        rows: [
          { indicator: 'sw-vacancy-rate-pct', ragRule: 'none' },
          { indicator: 'sw-sickness-days', ragRule: 'none' },
        ],
      },
    ],
  },
  {
    title: 'Children’s social care benchmarks (published statistics)',
    published: true,
    description:
      'The same board’s measures from the Department for Education’s published statistics, beside England and Walsall’s statistical neighbours.',
    board: 'Children’s Services Scrutiny and Performance Panel',
    asAt: null,
    previousPeriods: 3,
    columns: ['previous', 'england', 'region', 'neighbours', 'band', 'significance', 'direction', 'rag'],
    sections: [
      {
        title: 'Front door',
        rows: [
          { indicator: 'cin-referral-rate', ragRule: 'none' },
          { indicator: 'cin-rereferral-12m-pct', ragRule: 'england', tolerance: 2 },
        ],
      },
      {
        title: 'Child protection',
        rows: [
          { indicator: 'cp-plan-rate', ragRule: 'none', chart: true },
          { indicator: 'cp-plan-second-pct', ragRule: 'band', tolerance: 3 },
        ],
      },
      {
        title: 'Children looked after',
        rows: [
          { indicator: 'cla-rate', ragRule: 'none', chart: true },
          { indicator: 'cla-3plus-placements-pct', ragRule: 'neighbours', tolerance: 1 },
        ],
      },
    ],
  },
];
