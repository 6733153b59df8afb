import { readTemplate } from '../core/imports.ts';
import type { IndicatorDefinition } from '../core/indicators.ts';
import type { Trx } from '../data/db.ts';
import { insertIndicator } from '../data/repositories/indicators.ts';
import { figureLookup, recordsTable, toWrites, type FigureRecord } from '../intake/figures.ts';
import { saveObservations } from '../intake/observation-writer.ts';
import { seed003KnownFrom } from './scorecards-data.ts';

const CHILDRENS_SERVICES = 'Walsall Council Children’s Services';
const POLICE = 'West Midlands Police';

const base = {
  numeratorDefinition: '',
  denominatorDefinition: '',
  lag: '',
  decimals: 1,
  bandLow: null,
  bandHigh: null,
  themes: ['Stay safe'],
};

/** Walsall's own measures from the scorecard its Children's Scrutiny Board read in November 2013 (seed 003, appendix 4). */
const WALSALL_INDICATORS: (IndicatorDefinition & { agency: string })[] = [
  {
    ...base,
    code: 'eh-rate',
    title: 'Early help rate per 10,000 children and young people',
    definition: 'Children and young people receiving early help from the partnership, per 10,000 aged 0 to 17.',
    unit: 'rate-10000',
    polarity: 'none',
    frequency: 'monthly',
    periodType: 'month',
    source: 'Walsall early help recording',
    obaCategory: 'how-much',
    agency: CHILDRENS_SERVICES,
  },
  {
    ...base,
    code: 'ia-10-days-pct',
    title: 'Initial assessments completed within 10 working days',
    definition: 'Initial assessments of children referred to social care that were completed within 10 working days of the referral.',
    numeratorDefinition: 'Initial assessments completed within 10 working days',
    denominatorDefinition: 'Initial assessments completed',
    unit: 'percentage',
    polarity: 'bigger',
    frequency: 'annual',
    periodType: 'financial-year',
    source: 'Walsall children’s social care case system',
    obaCategory: 'how-well',
    agency: CHILDRENS_SERVICES,
  },
  {
    ...base,
    code: 'asb-young-people',
    title: 'Anti-social behaviour involving young people',
    definition: 'Incidents of anti-social behaviour reported to the police in Walsall in which a young person was involved.',
    unit: 'count',
    decimals: 0,
    polarity: 'smaller',
    frequency: 'annual',
    periodType: 'financial-year',
    source: 'West Midlands Police incident records',
    obaCategory: 'better-off',
    themes: ['Make a positive contribution'],
    agency: POLICE,
  },
];

const walsall = (indicator: string, period: string, value: string, extra: Partial<FigureRecord> = {}): FigureRecord => ({
  indicator_code: indicator,
  area_code: 'E08000030',
  period,
  value,
  ...extra,
});

const UNDER_ESTIMATE = 'Known recording issues being addressed: likely an under-estimate';

/** The scorecard's own figures, and the local November 2013 child protection figure beside DfE's published ones. */
const WALSALL_FIGURES: FigureRecord[] = [
  walsall('eh-rate', '2013-09', '169.2', { quality_note: UNDER_ESTIMATE }),
  walsall('eh-rate', '2013-10', '210.5', { quality_note: UNDER_ESTIMATE }),
  walsall('eh-rate', '2013-11', '267.5', { quality_note: UNDER_ESTIMATE, status: 'provisional' }),
  walsall('ia-10-days-pct', 'FY2012-13', '64.9'),
  walsall('asb-young-people', 'FY2011-12', '2870'),
  walsall('asb-young-people', 'FY2012-13', '2344'),
  { indicator_code: 'ia-10-days-pct', area_code: 'E92000001', period: 'FY2012-13', value: '75.5' },
  walsall('cp-plan-rate', 'AT2013-11-30', '44.5', {
    numerator: '283',
    status: 'provisional',
    quality_note: 'Local figure at the end of November 2013, reported to the Children’s Scrutiny Board',
  }),
];

/** The demo partnership's own indicators and figures (Walsall only; Birmingham's come with its scorecard). */
export async function seedDemoIndicators(
  trx: Trx,
  partnershipId: string,
  slug: string,
  agencyIds: ReadonlyMap<string, string>,
): Promise<void> {
  if (slug !== 'walsall') return;
  for (const { agency, ...def } of WALSALL_INDICATORS) await insertIndicator(trx, partnershipId, def, agencyIds.get(agency) ?? null);
  const lookup = await figureLookup(trx);
  const { rows, issues } = readTemplate(recordsTable(WALSALL_FIGURES), lookup.ctx);
  if (issues.length) throw new Error(`Demo figures: ${issues.map((i) => `row ${i.row} ${i.column}: ${i.reason}`).join('; ')}`);
  await saveObservations(trx, partnershipId, toWrites(rows, lookup, seed003KnownFrom), {
    userId: null,
    label: 'Demo data',
    source: 'Walsall Q3 2013 scorecard (seed 003)',
  });
}
