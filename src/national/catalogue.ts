import type { Polarity } from '../core/benchmarks.ts';
import type { DfeMapping, ECM_THEMES, IndicatorDefinition, ObaCategory, Unit } from '../core/indicators.ts';
import type { PeriodType } from '../core/periods.ts';

/**
 * The national indicator library, as data: what Baton measures for England, its regions and every
 * council from the official files in reference/benchmarks (see its README for each file), and which
 * file and columns each indicator is read from. A long file because it is a table, not logic.
 */

/** The attribution every page or export that shows national figures carries. */
export const NATIONAL_SOURCE =
  'Contains public sector information licensed under the Open Government Licence v3.0. ' +
  'Sources: Department for Education (children in need census, children looked after return, Local Authority Interactive Tool, ' +
  'statistical neighbours), Office for National Statistics (mid-year population estimates) and Ofsted (inspection outcomes).';

type Theme = (typeof ECM_THEMES)[number];

interface Spec {
  code: string;
  title: string;
  definition: string;
  numeratorDefinition: string;
  denominatorDefinition: string;
  unit: Unit;
  decimals: number;
  polarity: Polarity;
  bandLow?: number;
  bandHigh?: number;
  periodType: PeriodType;
  lag: string;
  lagMonths: number;
  source: string;
  obaCategory: ObaCategory;
  themes: Theme[];
}

const indicator = ({ bandLow, bandHigh, ...spec }: Spec): IndicatorDefinition => ({
  ...spec,
  bandLow: bandLow ?? null,
  bandHigh: bandHigh ?? null,
  frequency: 'annual',
});

const AUTUMN = 'Published each autumn for the year ending the previous 31 March';
/**
 * AUTUMN as months after the period ends (31 March to October). Each lag below has its months
 * beside it, a season read as its middle month (spring April, summer July, autumn October) and a
 * named month as its end (decision 0015).
 */
const AUTUMN_MONTHS = 7;
const CIN_CENSUS = 'DfE, Characteristics of children in need';
const CLA_RETURN = 'DfE, Children looked after in England including adoptions';
const CHILDREN = 'Children aged 0 to 17 living in the area (ONS mid-year estimate for the June before the year ends)';
const NO_DENOMINATOR = 'None: this is a count';
const SAFE: Theme[] = ['Stay safe'];

type DfeSpec = Omit<Spec, 'lag' | 'lagMonths' | 'source' | 'obaCategory' | 'themes'> & Partial<Pick<Spec, 'source' | 'obaCategory'>>;

/** Indicators Baton works out itself from DfE's tidy files and ONS population estimates. */
const DFE_SPECS: DfeSpec[] = [
  {
    code: 'cin-referral-count',
    title: "Referrals to children's social care",
    definition: "How many referrals children's social care received in the year. A child referred twice counts twice.",
    numeratorDefinition: 'Referrals received in the year ending 31 March',
    denominatorDefinition: NO_DENOMINATOR,
    unit: 'count',
    decimals: 0,
    polarity: 'none',
    periodType: 'financial-year',
  },
  {
    code: 'cin-referral-rate',
    title: "Referrals to children's social care per 10,000 children",
    definition: "Referrals received in the year for every 10,000 children living in the area: how much is asked of children's social care.",
    numeratorDefinition: 'Referrals received in the year ending 31 March',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 1,
    polarity: 'none',
    periodType: 'financial-year',
  },
  {
    code: 'cin-rereferral-12m-pct',
    title: 'Re-referrals within 12 months (%)',
    definition: 'Of the referrals in the year, the share that came within 12 months of an earlier referral for the same child.',
    numeratorDefinition: 'Referrals in the year within 12 months of a previous referral of the same child',
    denominatorDefinition: 'Referrals received in the year ending 31 March',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'financial-year',
    obaCategory: 'how-well',
  },
  {
    code: 'cin-count',
    title: 'Children in need at 31 March',
    definition:
      'Children being helped by children\'s social care as "in need" on 31 March, including those on protection plans and in care.',
    numeratorDefinition: 'Episodes of need open on 31 March (a child has at most one open at a time)',
    denominatorDefinition: NO_DENOMINATOR,
    unit: 'count',
    decimals: 0,
    polarity: 'none',
    periodType: 'point',
  },
  {
    code: 'cin-rate',
    title: 'Children in need per 10,000 children',
    definition: 'Children in need on 31 March for every 10,000 children living in the area.',
    numeratorDefinition: 'Episodes of need open on 31 March',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 1,
    polarity: 'none',
    periodType: 'point',
  },
  {
    code: 's47-rate',
    title: 'Section 47 enquiries per 10,000 children',
    definition: 'Child protection enquiries (section 47 of the Children Act 1989) started in the year, for every 10,000 children.',
    numeratorDefinition: 'Section 47 enquiries started in the year ending 31 March',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 1,
    polarity: 'none',
    periodType: 'financial-year',
  },
  {
    code: 'icpc-rate',
    title: 'Initial child protection conferences per 10,000 children',
    definition: 'Initial child protection conferences held in the year for every 10,000 children.',
    numeratorDefinition: 'Initial child protection conferences in the year ending 31 March',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 1,
    polarity: 'none',
    periodType: 'financial-year',
  },
  {
    code: 'cp-plan-start-rate',
    title: 'Child protection plans started per 10,000 children',
    definition: 'Child protection plans that started in the year for every 10,000 children.',
    numeratorDefinition: 'Child protection plans started in the year ending 31 March',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 1,
    polarity: 'none',
    periodType: 'financial-year',
  },
  {
    code: 'cp-plan-second-pct',
    title: 'Child protection plans that are a second or later plan (%)',
    definition:
      'Of the plans started in the year, the share for a child who had been on a plan before, at any time. ' +
      'Between 10% and 15% is read as healthy: lower can mean plans end too late, higher that they end too soon.',
    numeratorDefinition: 'Plans started in the year for a child who had a previous plan',
    denominatorDefinition: 'Child protection plans started in the year ending 31 March',
    unit: 'percentage',
    decimals: 1,
    polarity: 'band',
    bandLow: 10,
    bandHigh: 15,
    periodType: 'financial-year',
    obaCategory: 'how-well',
  },
  {
    code: 'cp-plan-count',
    title: 'Children on a child protection plan at 31 March',
    definition: 'Children who were the subject of a child protection plan on 31 March.',
    numeratorDefinition: 'Child protection plans open on 31 March',
    denominatorDefinition: NO_DENOMINATOR,
    unit: 'count',
    decimals: 0,
    polarity: 'none',
    periodType: 'point',
  },
  {
    code: 'cp-plan-rate',
    title: 'Children on a child protection plan per 10,000 children',
    definition: 'Children on a child protection plan on 31 March for every 10,000 children living in the area.',
    numeratorDefinition: 'Child protection plans open on 31 March',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 1,
    polarity: 'none',
    periodType: 'point',
  },
  {
    code: 'cp-plan-2yrs-pct',
    title: 'Child protection plans open two years or more (%)',
    definition: 'Of the plans open on 31 March, the share that had lasted two years or more: a sign of drift.',
    numeratorDefinition: 'Plans open on 31 March that had lasted two years or more',
    denominatorDefinition: 'Child protection plans open on 31 March',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'point',
    obaCategory: 'how-well',
  },
  {
    code: 'cla-count',
    title: 'Children looked after at 31 March',
    definition: 'Children in the care of the council on 31 March.',
    numeratorDefinition: 'Children looked after on 31 March',
    denominatorDefinition: NO_DENOMINATOR,
    unit: 'count',
    decimals: 0,
    polarity: 'none',
    periodType: 'point',
    source: CLA_RETURN,
  },
  {
    code: 'cla-rate',
    title: 'Children looked after per 10,000 children',
    definition: 'Children in care on 31 March for every 10,000 children living in the area.',
    numeratorDefinition: 'Children looked after on 31 March',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 1,
    polarity: 'none',
    periodType: 'point',
    source: CLA_RETURN,
  },
  {
    code: 'cla-3plus-placements-pct',
    title: 'Children in care with three or more placements in the year (%)',
    definition: 'Of the children in care on 31 March, the share who had lived in three or more placements during the year.',
    numeratorDefinition: 'Children looked after on 31 March with three or more placements during the year',
    denominatorDefinition: 'Children looked after on 31 March',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'financial-year',
    source: CLA_RETURN,
    obaCategory: 'how-well',
  },
  {
    code: 'cla-long-term-stability-pct',
    title: 'Long-term placement stability (%)',
    definition:
      'Of the children under 16 in care for at least two and a half years on 31 March, the share who had lived with ' +
      'the same carer for at least two years (or been placed for adoption with them).',
    numeratorDefinition: 'Those children living with the same carer for at least 2 years',
    denominatorDefinition: 'Children under 16 on 31 March looked after continuously for at least 2.5 years',
    unit: 'percentage',
    decimals: 1,
    polarity: 'bigger',
    periodType: 'point',
    source: CLA_RETURN,
    obaCategory: 'better-off',
  },
];
const DFE_INDICATORS = DFE_SPECS.map(({ source, obaCategory, ...spec }) =>
  indicator({
    ...spec,
    lag: AUTUMN,
    lagMonths: AUTUMN_MONTHS,
    source: source ?? CIN_CENSUS,
    obaCategory: obaCategory ?? 'how-much',
    themes: SAFE,
  }),
);

// ---- LAIT ---------------------------------------------------------------------------------------

/** One LAIT measure (its measure_short) and the indicator it becomes. */
export interface LaitIndicator {
  measureShort: string;
  indicator: IndicatorDefinition;
}

/**
 * The stable code of a LAIT measure: "lait-" and its measure_short in kebab case, "%" read as "pct".
 * @example laitIndicatorCode('CPP_Total_NumRef') // "lait-cpp-total-num-ref"
 */
export function laitIndicatorCode(measureShort: string): string {
  const kebab = measureShort
    .replaceAll('%', ' pct ')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `lait-${kebab}`;
}

type LaitSpec = Omit<Spec, 'code' | 'lag' | 'lagMonths' | 'source' | 'themes' | 'obaCategory'> & {
  measure: string;
  family: keyof typeof FAMILIES;
  obaCategory?: ObaCategory;
  themes?: Theme[];
};

const VIA = ' (via DfE Local Authority Interactive Tool)';
/** Where each kind of LAIT measure comes from, how late it is, and the outcome it serves. */
const FAMILIES = {
  cin: { source: CIN_CENSUS + VIA, lag: AUTUMN, lagMonths: AUTUMN_MONTHS, themes: SAFE },
  cla: { source: CLA_RETURN + VIA, lag: AUTUMN, lagMonths: AUTUMN_MONTHS, themes: SAFE },
  workforce: {
    source: "DfE, Children's social work workforce" + VIA,
    lag: 'Published each February for the year to the previous 30 September',
    // 30 September to the end of February.
    lagMonths: 5,
    themes: SAFE,
  },
  eyfsp: {
    source: 'DfE, Early years foundation stage profile results' + VIA,
    lag: 'Published each November for the academic year just ended',
    // 31 August to the end of November.
    lagMonths: 3,
    themes: ['Enjoy and achieve'],
  },
  ks2: {
    source: 'DfE, Key stage 2 attainment' + VIA,
    lag: 'Council figures published each December for the academic year just ended',
    lagMonths: 4,
    themes: ['Enjoy and achieve'],
  },
  ks4: {
    source: 'DfE, Key stage 4 performance' + VIA,
    lag: 'Published each autumn (provisional) and the following February (revised)',
    // The provisional release in October is the first publication.
    lagMonths: 2,
    themes: ['Enjoy and achieve'],
  },
  outcomes: {
    source: 'DfE, Outcomes for children in need, including children looked after' + VIA,
    lag: 'Published annually, more than a year after the academic year ends',
    // "More than a year": 13 months at the earliest.
    lagMonths: 13,
    themes: ['Enjoy and achieve'],
  },
  absence: {
    source: 'DfE, Pupil absence in schools in England' + VIA,
    lag: 'Published each spring for the previous academic year',
    // 31 August to April.
    lagMonths: 8,
    themes: ['Enjoy and achieve'],
  },
  exclusions: {
    source: 'DfE, Suspensions and permanent exclusions in England' + VIA,
    lag: 'Published each summer for the academic year before last',
    // July of Y+1 for the academic year to 31 August Y.
    lagMonths: 11,
    themes: ['Enjoy and achieve'],
  },
  ncmp: {
    source: 'OHID, National Child Measurement Programme' + VIA,
    lag: 'Published each autumn for the academic year just ended',
    // 31 August to October.
    lagMonths: 2,
    themes: ['Be healthy'],
  },
  ons: {
    source: 'ONS' + VIA,
    lag: 'Published annually by ONS, more than a year after the calendar year ends',
    lagMonths: 13,
    themes: ['Be healthy'],
  },
  yjb: {
    source: 'Youth Justice Board, first time entrants' + VIA,
    lag: 'Published annually, about a year after the calendar year ends',
    lagMonths: 12,
    themes: ['Make a positive contribution'],
  },
  dwp: {
    source: 'DWP, Children in low income families' + VIA,
    lag: 'Published each spring for the previous financial year',
    // 31 March Y to April Y+1.
    lagMonths: 13,
    themes: ['Achieve economic well-being'],
  },
  neet: {
    source: 'DfE, NEET and participation' + VIA,
    lag: 'Published each summer for the previous winter (December to February average)',
    // The year to 31 March to July.
    lagMonths: 4,
    themes: ['Achieve economic well-being'],
  },
} satisfies Record<string, { source: string; lag: string; lagMonths: number; themes: Theme[] }>;

const PUPILS = 'Pupils in the cohort (as published)';

/** The LAIT scorecard measures, in the order of lait_measures.csv (polarity, unit and year type as it gives them). */
const LAIT_SPECS: LaitSpec[] = [
  {
    measure: 'InfMort',
    family: 'ons',
    title: 'Infant mortality per 1,000 live births',
    definition: 'Deaths of babies under one year old in the calendar year for every 1,000 live births.',
    numeratorDefinition: 'Deaths under 1 year of age in the year',
    denominatorDefinition: 'Live births in the year',
    unit: 'rate-1000',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'calendar-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'Under18concep',
    family: 'ons',
    title: 'Under-18 conceptions per 1,000 girls aged 15 to 17',
    definition: 'Conceptions to girls under 18 in the calendar year for every 1,000 girls aged 15 to 17.',
    numeratorDefinition: 'Conceptions to women under 18 in the year',
    denominatorDefinition: 'Girls aged 15 to 17 (ONS mid-year estimate)',
    unit: 'rate-1000',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'calendar-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'ExcessYr6',
    family: 'ncmp',
    title: 'Year 6 children overweight or obese (%)',
    definition: 'Of the Year 6 children measured in the school year, the share who were overweight or obese.',
    numeratorDefinition: 'Year 6 children measured as overweight or obese',
    denominatorDefinition: 'Year 6 children measured',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'academic-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'ExcessRec',
    family: 'ncmp',
    title: 'Reception children overweight or obese (%)',
    definition: 'Of the Reception children measured in the school year, the share who were overweight or obese.',
    numeratorDefinition: 'Reception children measured as overweight or obese',
    denominatorDefinition: 'Reception children measured',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'academic-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'CPP_Total_NumRef',
    family: 'cin',
    title: "Referrals to children's social care (LAIT)",
    definition: "Referrals children's social care received in the year, as LAIT publishes them.",
    numeratorDefinition: 'Referrals received in the year ending 31 March',
    denominatorDefinition: NO_DENOMINATOR,
    unit: 'count',
    decimals: 0,
    polarity: 'none',
    periodType: 'financial-year',
  },
  {
    measure: 'CPP_Total_Rateper10,000',
    family: 'cin',
    title: "Referrals to children's social care per 10,000 children (LAIT)",
    definition:
      "Referrals in the year for every 10,000 children, as LAIT publishes them. LAIT's short name for it (CPP_Total_Rateper10,000) wrongly suggests child protection plans.",
    numeratorDefinition: 'Referrals received in the year ending 31 March',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 1,
    polarity: 'none',
    periodType: 'financial-year',
  },
  {
    measure: 'CIN_Refferals_NFA',
    family: 'cin',
    title: 'Referrals closed with no further action (%)',
    definition: 'Of the referrals in the year, the share closed with no further action.',
    numeratorDefinition: 'Referrals in the year closed with no further action',
    denominatorDefinition: 'Referrals received in the year ending 31 March',
    unit: 'percentage',
    decimals: 1,
    polarity: 'none',
    periodType: 'financial-year',
    obaCategory: 'how-well',
  },
  {
    measure: 'ReReferral',
    family: 'cin',
    title: 'Re-referrals within 12 months (%) (LAIT)',
    definition: 'Of the referrals in the year, the share within 12 months of a previous referral of the same child, as LAIT publishes it.',
    numeratorDefinition: 'Referrals within 12 months of a previous referral',
    denominatorDefinition: 'Referrals received in the year ending 31 March',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'financial-year',
    obaCategory: 'how-well',
  },
  {
    measure: 'Continue_Assess_Comp',
    family: 'cin',
    title: 'Assessments completed within 45 working days (%)',
    definition: 'Of the social work assessments completed in the year, the share completed within 45 working days of the referral.',
    numeratorDefinition: 'Assessments completed within 45 working days',
    denominatorDefinition: 'Assessments completed in the year',
    unit: 'percentage',
    decimals: 1,
    polarity: 'bigger',
    periodType: 'financial-year',
    obaCategory: 'how-well',
  },
  {
    measure: 'Section_47',
    family: 'cin',
    title: 'Section 47 enquiries per 10,000 children (LAIT)',
    definition: 'Section 47 child protection enquiries started in the year for every 10,000 children, as LAIT publishes them.',
    numeratorDefinition: 'Section 47 enquiries started in the year',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 1,
    polarity: 'none',
    periodType: 'financial-year',
  },
  {
    measure: 'CP_conf_15days',
    family: 'cin',
    title: 'Initial child protection conferences within 15 working days (%)',
    definition:
      'Of the initial child protection conferences in the year, the share held within 15 working days of the start of the section 47 enquiry that led to them.',
    numeratorDefinition: 'Conferences held within 15 working days',
    denominatorDefinition: 'Initial child protection conferences in the year',
    unit: 'percentage',
    decimals: 1,
    polarity: 'bigger',
    periodType: 'financial-year',
    obaCategory: 'how-well',
  },
  {
    measure: 'ISCP_Conf',
    family: 'cin',
    title: 'Initial child protection conferences per 10,000 children (LAIT)',
    definition: 'Initial child protection conferences in the year for every 10,000 children, as LAIT publishes them.',
    numeratorDefinition: 'Initial child protection conferences in the year',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 1,
    polarity: 'none',
    periodType: 'financial-year',
  },
  {
    measure: 'CPP_rate',
    family: 'cin',
    title: 'Children on a child protection plan per 10,000 children (LAIT)',
    definition: 'Children on a child protection plan on 31 March for every 10,000 children, as LAIT publishes them.',
    numeratorDefinition: 'Child protection plans open on 31 March',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 1,
    polarity: 'none',
    periodType: 'point',
  },
  {
    measure: 'CPP_Num',
    family: 'cin',
    title: 'Children on a child protection plan at 31 March (LAIT)',
    definition: 'Children on a child protection plan on 31 March, as LAIT publishes them.',
    numeratorDefinition: 'Child protection plans open on 31 March',
    denominatorDefinition: NO_DENOMINATOR,
    unit: 'count',
    decimals: 0,
    polarity: 'none',
    periodType: 'point',
  },
  {
    measure: 'CPP_Abuse_Rate',
    family: 'cin',
    title: 'Child protection plans started per 10,000 children (LAIT)',
    definition: 'Child protection plans started in the year for every 10,000 children, as LAIT publishes them.',
    numeratorDefinition: 'Child protection plans started in the year',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'financial-year',
  },
  {
    measure: 'RevCP',
    family: 'cin',
    title: 'Child protection plans reviewed on time (%)',
    definition:
      'Of the child protection cases that should have been reviewed in the year, the share reviewed within the required timescales.',
    numeratorDefinition: 'Cases reviewed within timescales',
    denominatorDefinition: 'Cases that should have been reviewed in the year',
    unit: 'percentage',
    decimals: 1,
    polarity: 'bigger',
    periodType: 'financial-year',
    obaCategory: 'how-well',
  },
  {
    measure: 'PrevRegCPR',
    family: 'cin',
    title: 'Plans that are a second or later plan (%) (LAIT)',
    definition: 'Of the plans started in the year, the share for a child who had been on a plan before, as LAIT publishes it.',
    numeratorDefinition: 'Plans started in the year for a child with a previous plan',
    denominatorDefinition: 'Child protection plans started in the year',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'financial-year',
    obaCategory: 'how-well',
  },
  {
    measure: 'CPPlans2yrs',
    family: 'cin',
    title: 'Plans ending after two years or more (%)',
    definition: 'Of the child protection plans that ended in the year, the share that had lasted two years or more.',
    numeratorDefinition: 'Plans ending in the year that had lasted 2 years or more',
    denominatorDefinition: 'Child protection plans ending in the year',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'financial-year',
    obaCategory: 'how-well',
  },
  {
    measure: 'Work_Force_TO_Rate',
    family: 'workforce',
    title: 'Social worker turnover (%)',
    definition: 'Children and family social workers (FTE) who left in the 12 months to 30 September, as a share of those in post.',
    numeratorDefinition: 'FTE social workers leaving in the year to 30 September',
    denominatorDefinition: 'FTE social workers in post at 30 September',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'rolling-12-months',
    obaCategory: 'how-well',
  },
  {
    measure: 'Work_Force_Agecy_Rate',
    family: 'workforce',
    title: 'Agency social workers (%)',
    definition: 'Agency workers as a share of all children and family social workers (FTE) on 30 September.',
    numeratorDefinition: 'FTE agency social workers at 30 September',
    denominatorDefinition: 'FTE social workers, employed and agency, at 30 September',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'point',
    obaCategory: 'how-well',
  },
  {
    measure: 'Work_Force_AvgNumCase_SW',
    family: 'workforce',
    title: 'Average caseload per social worker',
    definition: 'Cases held on 30 September divided by the FTE children and family social workers holding cases.',
    numeratorDefinition: 'Cases held by social workers at 30 September',
    denominatorDefinition: 'FTE social workers holding one or more cases',
    unit: 'ratio',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'point',
    obaCategory: 'how-well',
  },
  {
    measure: 'FSP_NEW_GOODDEV',
    family: 'eyfsp',
    title: 'Children with a good level of development at age 5 (%)',
    definition:
      'Of the children finishing Reception, the share reaching a good level of development in the early years foundation stage profile. The profile changed in 2021/22, so earlier years are not directly comparable.',
    numeratorDefinition: 'Children reaching a good level of development',
    denominatorDefinition: PUPILS,
    unit: 'percentage',
    decimals: 1,
    polarity: 'bigger',
    periodType: 'academic-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'KS2RWM_Expected_STD',
    family: 'ks2',
    title: 'Pupils meeting the expected standard in reading, writing and maths at KS2 (%)',
    definition:
      'Of the pupils at the end of key stage 2 (age 11), the share meeting the expected standard in reading, writing and mathematics.',
    numeratorDefinition: 'Pupils meeting the expected standard in all three',
    denominatorDefinition: PUPILS,
    unit: 'percentage',
    decimals: 0,
    polarity: 'bigger',
    periodType: 'academic-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'AVG_Attain8_Score',
    family: 'ks4',
    title: 'Average Attainment 8 score',
    definition: 'The average Attainment 8 score of pupils at the end of key stage 4 (GCSE, age 16).',
    numeratorDefinition: 'Sum of pupils\u2019 Attainment 8 scores',
    denominatorDefinition: PUPILS,
    unit: 'score',
    decimals: 1,
    polarity: 'bigger',
    periodType: 'academic-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'No_of LAC Adopted',
    family: 'cla',
    title: 'Children adopted from care',
    definition: 'Children who stopped being looked after in the year because they were adopted.',
    numeratorDefinition: 'Children ceasing to be looked after through adoption in the year',
    denominatorDefinition: NO_DENOMINATOR,
    unit: 'count',
    decimals: 0,
    polarity: 'none',
    periodType: 'financial-year',
  },
  {
    measure: '%_of LAC Adopted',
    family: 'cla',
    title: 'Children leaving care who were adopted (%)',
    definition: 'Of the children who stopped being looked after in the year, the share who were adopted.',
    numeratorDefinition: 'Children ceasing to be looked after through adoption',
    denominatorDefinition: 'Children ceasing to be looked after in the year',
    unit: 'percentage',
    decimals: 0,
    polarity: 'bigger',
    periodType: 'financial-year',
    obaCategory: 'how-well',
  },
  {
    measure: 'LAC',
    family: 'cla',
    title: 'Children looked after per 10,000 children (LAIT)',
    definition: 'Children in care on 31 March for every 10,000 children, as LAIT publishes it (whole numbers).',
    numeratorDefinition: 'Children looked after on 31 March',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 0,
    polarity: 'none',
    periodType: 'point',
  },
  {
    measure: 'LACnum',
    family: 'cla',
    title: 'Children looked after at 31 March (LAIT)',
    definition: 'Children in care on 31 March, as LAIT publishes them.',
    numeratorDefinition: 'Children looked after on 31 March',
    denominatorDefinition: NO_DENOMINATOR,
    unit: 'count',
    decimals: 0,
    polarity: 'none',
    periodType: 'point',
  },
  {
    measure: 'LAC_Start_Rate',
    family: 'cla',
    title: 'Children starting to be looked after per 10,000 children',
    definition: 'Children who started to be looked after in the year for every 10,000 children.',
    numeratorDefinition: 'Children starting to be looked after in the year',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 0,
    polarity: 'none',
    periodType: 'financial-year',
  },
  {
    measure: 'LAC_KS2_ExpStd_RWM',
    family: 'outcomes',
    title: 'Children in care meeting the expected standard at KS2 (%)',
    definition:
      'Of the children looked after at the end of key stage 2, the share meeting the expected standard in reading, writing and mathematics.',
    numeratorDefinition: 'Looked-after pupils meeting the expected standard in all three',
    denominatorDefinition: 'Looked-after pupils at the end of key stage 2',
    unit: 'percentage',
    decimals: 0,
    polarity: 'bigger',
    periodType: 'academic-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'LAC_KS4_AVG_Attain8',
    family: 'outcomes',
    title: 'Children in care: average Attainment 8 score',
    definition: 'The average Attainment 8 score of children looked after at the end of key stage 4.',
    numeratorDefinition: 'Sum of looked-after pupils\u2019 Attainment 8 scores',
    denominatorDefinition: 'Looked-after pupils at the end of key stage 4',
    unit: 'score',
    decimals: 1,
    polarity: 'bigger',
    periodType: 'academic-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'LAC_Pers_Abs',
    family: 'outcomes',
    title: 'Children in care who are persistently absent (%)',
    definition: 'Of the children looked after of school age, the share missing 10% or more of their school sessions.',
    numeratorDefinition: 'Looked-after pupils persistently absent',
    denominatorDefinition: 'Looked-after pupils',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'academic-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'LACStable_2016on',
    family: 'cla',
    title: 'Children in care with three or more placements (%) (LAIT)',
    definition:
      'Of the children in care on 31 March, the share who had three or more placements during the year, as LAIT publishes it (whole numbers).',
    numeratorDefinition: 'Children looked after on 31 March with three or more placements in the year',
    denominatorDefinition: 'Children looked after on 31 March',
    unit: 'percentage',
    decimals: 0,
    polarity: 'smaller',
    periodType: 'financial-year',
    obaCategory: 'how-well',
  },
  {
    measure: 'LAC_LongStable%',
    family: 'cla',
    title: 'Long-term placement stability (%) (LAIT)',
    definition:
      'Of the children under 16 in care for at least two and a half years, the share living in the same placement for at least two years, as LAIT publishes it.',
    numeratorDefinition: 'Those children in the same placement for at least 2 years',
    denominatorDefinition: 'Children under 16 looked after continuously for at least 2.5 years at 31 March',
    unit: 'percentage',
    decimals: 0,
    polarity: 'bigger',
    periodType: 'financial-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'CareLeaverAcc',
    family: 'cla',
    title: 'Care leavers aged 19 to 21 in suitable accommodation (%)',
    definition: 'Of the care leavers aged 19 to 21, the share the council judged to be in suitable accommodation.',
    numeratorDefinition: 'Care leavers aged 19 to 21 in suitable accommodation',
    denominatorDefinition: 'Care leavers aged 19 to 21',
    unit: 'percentage',
    decimals: 0,
    polarity: 'bigger',
    periodType: 'financial-year',
    obaCategory: 'better-off',
    themes: ['Achieve economic well-being'],
  },
  {
    measure: 'CareLeaverEET',
    family: 'cla',
    title: 'Care leavers aged 19 to 21 in education, employment or training (%)',
    definition: 'Of the care leavers aged 19 to 21, the share in education, employment or training.',
    numeratorDefinition: 'Care leavers aged 19 to 21 in education, employment or training',
    denominatorDefinition: 'Care leavers aged 19 to 21',
    unit: 'percentage',
    decimals: 0,
    polarity: 'bigger',
    periodType: 'financial-year',
    obaCategory: 'better-off',
    themes: ['Achieve economic well-being'],
  },
  {
    measure: 'StayingPut',
    family: 'cla',
    title: 'Care leavers staying put with former foster carers (%)',
    definition:
      'Of the care leavers aged 19 or 20 who left care on their 18th birthday from foster care, the share still living with their former foster carers.',
    numeratorDefinition: 'Those care leavers still living with their former foster carers',
    denominatorDefinition: 'Care leavers aged 19 or 20 who ceased care from foster care at 18',
    unit: 'percentage',
    decimals: 0,
    polarity: 'bigger',
    periodType: 'financial-year',
    obaCategory: 'how-well',
    themes: ['Stay safe', 'Achieve economic well-being'],
  },
  {
    measure: 'CIN',
    family: 'cin',
    title: 'Children in need per 10,000 children (LAIT)',
    definition: 'Children in need on 31 March for every 10,000 children, as LAIT publishes it.',
    numeratorDefinition: 'Children in need on 31 March',
    denominatorDefinition: CHILDREN,
    unit: 'rate-10000',
    decimals: 1,
    polarity: 'none',
    periodType: 'point',
  },
  {
    measure: 'TotPerAbNew',
    family: 'absence',
    title: 'Pupils persistently absent (%)',
    definition: 'Of the pupils in state-funded schools, the share missing 10% or more of their possible school sessions in the year.',
    numeratorDefinition: 'Pupils persistently absent',
    denominatorDefinition: 'Pupils enrolled (as published)',
    unit: 'percentage',
    decimals: 2,
    polarity: 'smaller',
    periodType: 'academic-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'TotPermEx',
    family: 'exclusions',
    title: 'Permanent exclusions (% of pupils)',
    definition: 'Permanent exclusions in the school year as a percentage of the pupils on roll in January.',
    numeratorDefinition: 'Permanent exclusions in the academic year',
    denominatorDefinition: 'Pupils on roll at the January census',
    unit: 'percentage',
    decimals: 2,
    polarity: 'smaller',
    periodType: 'academic-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'TotFixedEx',
    family: 'exclusions',
    title: 'Suspensions (% of pupils)',
    definition: 'Suspensions in the school year as a percentage of the pupils on roll in January (a pupil suspended twice counts twice).',
    numeratorDefinition: 'Suspensions in the academic year',
    denominatorDefinition: 'Pupils on roll at the January census',
    unit: 'percentage',
    decimals: 2,
    polarity: 'smaller',
    periodType: 'academic-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'FirstYJS',
    family: 'yjb',
    title: 'First time entrants to the youth justice system per 100,000 aged 10 to 17',
    definition:
      "Children aged 10 to 17 receiving their first caution or conviction in the calendar year, for every 100,000 children of that age. LAIT's England figure is not a rate (it is the nine regions' rates added up), so Baton leaves it out.",
    numeratorDefinition: 'First time entrants aged 10 to 17 in the year',
    denominatorDefinition: 'Children aged 10 to 17 (ONS mid-year estimate)',
    unit: 'rate-100000',
    decimals: 0,
    polarity: 'smaller',
    periodType: 'calendar-year',
    obaCategory: 'better-off',
  },
  {
    measure: 'ChildPov',
    family: 'dwp',
    title: 'Children under 16 in relative low income families (%)',
    definition: 'Of the children under 16, the share living in families with less than 60% of median income before housing costs.',
    numeratorDefinition: 'Children under 16 in relative low income families',
    denominatorDefinition: 'Children under 16',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'financial-year',
    obaCategory: 'better-off',
  },
  {
    measure: '16-17 NEET',
    family: 'neet',
    title: '16 and 17 year olds not in education, employment or training (%)',
    definition:
      'Of the 16 and 17 year olds the council knows about, the share not in education, employment or training (average of December to February).',
    numeratorDefinition: '16 and 17 year olds not in education, employment or training',
    denominatorDefinition: '16 and 17 year olds known to the council',
    unit: 'percentage',
    decimals: 1,
    polarity: 'smaller',
    periodType: 'financial-year',
    obaCategory: 'better-off',
  },
];

/** The LAIT measures Baton holds, by the measure_short LAIT uses. */
export const LAIT_INDICATORS: readonly LaitIndicator[] = LAIT_SPECS.map(({ measure, family, obaCategory, themes, ...spec }) => ({
  measureShort: measure,
  indicator: indicator({
    ...spec,
    code: laitIndicatorCode(measure),
    source: FAMILIES[family].source,
    lag: FAMILIES[family].lag,
    lagMonths: FAMILIES[family].lagMonths,
    themes: themes ?? FAMILIES[family].themes,
    obaCategory: obaCategory ?? 'how-much',
  }),
}));

/** Every national indicator: Baton's own from DfE tidy files, then LAIT's. */
export const NATIONAL_INDICATORS: IndicatorDefinition[] = [...DFE_INDICATORS, ...LAIT_INDICATORS.map((lait) => lait.indicator)];

// ---- Files --------------------------------------------------------------------------------------

/**
 * A file whose rows give a group's total as a row of its own (DfE's placement stability): before the
 * mapping is applied, every row gets a column `into` holding the `countColumn` of the row in its group
 * whose `column` is `totalValue`. A group is the rows alike in every column but `column` and `measureColumns`.
 */
export interface PairTotals {
  column: string;
  totalValue: string;
  countColumn: string;
  measureColumns: string[];
  into: string;
}

/** One DfE tidy file read with one mapping; a file may appear more than once with different filters. */
export interface NationalFile {
  /** The file's name in reference/benchmarks. */
  file: string;
  mapping: DfeMapping;
  /** The indicators the mapping feeds (its measures' codes). */
  indicatorCodes: string[];
  pairTotals?: PairTotals;
}

const nationalFile = (file: string, mapping: DfeMapping, pairTotals?: PairTotals): NationalFile => ({
  file,
  mapping,
  indicatorCodes: mapping.measures.map((measure) => measure.indicatorCode),
  ...(pairTotals && { pairTotals }),
});
const category = (equals: string) => [{ column: 'category', equals }];
const PER_10000 = 10_000;

const PLACEMENT_TOTALS: PairTotals = {
  column: 'placement_stability',
  totalValue: 'Total children',
  countColumn: 'children_count',
  measureColumns: ['children_count', 'children_percent'],
  into: 'total_children',
};

/**
 * How each DfE tidy file feeds the indicators. Rates per 10,000 are worked out from counts and ONS
 * population; percentages DfE prints to one decimal are taken as published, with their counts kept.
 */
export const NATIONAL_FILES: NationalFile[] = [
  nationalFile('c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv', {
    filters: category('Referrals and Re-referrals'),
    periodAsPoint: false,
    measures: [
      { indicatorCode: 'cin-referral-count', valueColumn: 'referral_count' },
      { indicatorCode: 'cin-referral-rate', numeratorColumn: 'referral_count', perPopulation: PER_10000 },
      {
        indicatorCode: 'cin-rereferral-12m-pct',
        valueColumn: 'rereferral_percent',
        numeratorColumn: 'rereferral_count',
        denominatorColumn: 'referral_count',
      },
    ],
  }),
  nationalFile('b1_children_in_need_2013_to_2025.csv', {
    filters: category('Children in Need'),
    periodAsPoint: true,
    measures: [
      { indicatorCode: 'cin-count', valueColumn: 'At31_episodes' },
      { indicatorCode: 'cin-rate', numeratorColumn: 'At31_episodes', perPopulation: PER_10000 },
    ],
  }),
  nationalFile('c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv', {
    filters: category('Section 47s and Initial Child Protection Conferences'),
    periodAsPoint: false,
    measures: [
      { indicatorCode: 's47-rate', numeratorColumn: 'Section47', perPopulation: PER_10000 },
      { indicatorCode: 'icpc-rate', numeratorColumn: 'ICPC', perPopulation: PER_10000 },
    ],
  }),
  nationalFile('d3_cpps_subsequent_plan_2013_to_2025.csv', {
    filters: category('Child Protection Plans which are a second or subsequent plan'),
    periodAsPoint: false,
    measures: [
      { indicatorCode: 'cp-plan-start-rate', numeratorColumn: 'CPP_start', perPopulation: PER_10000 },
      {
        indicatorCode: 'cp-plan-second-pct',
        valueColumn: 'CPP_subsequent_percent',
        numeratorColumn: 'CPP_subsequent',
        denominatorColumn: 'CPP_start',
      },
    ],
  }),
  nationalFile('d5_cpps_at31march_by_duration_2013_to_2025.csv', {
    filters: category('Child Protection Plans by length of time'),
    periodAsPoint: true,
    measures: [
      { indicatorCode: 'cp-plan-count', valueColumn: 'CPP_At31' },
      { indicatorCode: 'cp-plan-rate', numeratorColumn: 'CPP_At31', perPopulation: PER_10000 },
      {
        indicatorCode: 'cp-plan-2yrs-pct',
        valueColumn: '2_years_or_more_percent',
        numeratorColumn: '2_years_or_more',
        denominatorColumn: 'CPP_At31',
      },
    ],
  }),
  // The file's rate_per_10000 is rounded to a whole number, so the rate is worked out from its counts
  // and its own population_estimate (the ONS mid-year estimate for the June before).
  nationalFile('cla_number_and_rate_per_10k_children.csv', {
    filters: [{ column: 'population_type', equals: 'Children looked after on 31 March each year' }],
    periodAsPoint: true,
    measures: [
      { indicatorCode: 'cla-count', valueColumn: 'children_count' },
      { indicatorCode: 'cla-rate', numeratorColumn: 'children_count', denominatorColumn: 'population_estimate' },
    ],
  }),
  // Percentages here are whole numbers and the denominator is another row, so totals are paired first.
  nationalFile(
    'la_cla_placement_stability.csv',
    {
      filters: [
        { column: 'cla_group', equals: 'CLA on 31 March' },
        { column: 'placement_stability', equals: 'With 3 or more placements during the year' },
      ],
      periodAsPoint: false,
      measures: [{ indicatorCode: 'cla-3plus-placements-pct', numeratorColumn: 'children_count', denominatorColumn: 'total_children' }],
    },
    PLACEMENT_TOTALS,
  ),
  nationalFile(
    'la_cla_placement_stability.csv',
    {
      filters: [
        { column: 'cla_group', equals: 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years' },
        { column: 'placement_stability', equals: 'Living with the same carer for at least 2 years' },
      ],
      periodAsPoint: true,
      measures: [{ indicatorCode: 'cla-long-term-stability-pct', numeratorColumn: 'children_count', denominatorColumn: 'total_children' }],
    },
    PLACEMENT_TOTALS,
  ),
];

/**
 * The 2013 children-looked-after count (SFR36/2013) feeds these, so the series starts where the
 * Walsall 2013 scorecard does; the loader works the rate out from ONS population.
 */
export const SFR36_CLA_2013 = {
  file: 'SFR36_CLA2013_la_table.csv',
  countCode: 'cla-count',
  rateCode: 'cla-rate',
  per: PER_10000,
  period: 'AT2013-03-31',
  /** The day DfE published SFR36/2013 (its only release). */
  published: '2013-09-26',
} as const;
