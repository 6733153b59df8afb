import type { Trx } from '../data/db.ts';
import type { MeasureLink } from '../data/repositories/priorities.ts';

/**
 * The demo plans' success measures that a bundled indicator truly counts, linked to it (issue 14);
 * the rest stay in words. Baselines are the plans' own figures where the plan gives the indicator's
 * figure for a named period; targets only where the plan gives a number. A measure the indicators
 * count differently (16-18 NEET against the 16-17 indicator; "obesity" against overweight or obese;
 * first-time entrants against re-offending) is linked only where the plan's words are the
 * indicator's, so the first two are linked without the plan's figures and the last is not linked.
 */
interface DemoLink {
  plan: string;
  text: string;
  indicator: string;
  values?: Partial<Omit<MeasureLink, 'indicator_id' | 'trajectory'>> & { trajectory?: { period: string; value: number }[] };
}

const CYPP_2013 = 'Better Together for Children';
const CYPP_2009 = 'Walsall Children’s Trust';
const SAFEGUARDING = 'Strategic Improvement Plan';
const BIRMINGHAM = 'Towards Excellence';

export const DEMO_MEASURE_LINKS: Record<'walsall' | 'birmingham', DemoLink[]> = {
  walsall: [
    {
      plan: CYPP_2013,
      text: 'Children reaching a good level of development at the end of the Early Years Foundation Stage',
      indicator: 'lait-fsp-new-gooddev',
      values: { baseline_value: 46, baseline_period: 'AY2012-13' },
    },
    { plan: CYPP_2013, text: 'Infant mortality rate per 1,000 live births', indicator: 'lait-inf-mort' },
    {
      plan: CYPP_2013,
      text: 'Year 6 children measured as overweight or obese (National Child Measurement Programme)',
      indicator: 'lait-excess-yr6',
      // "Below 35.5%"; within a percentage point of it is amber (the demo's choice, not the plan's).
      values: { baseline_value: 37.3, baseline_period: 'AY2012-13', target_value: 35.5, tolerance: 1 },
    },
    { plan: CYPP_2013, text: 'Reception children measured as overweight or obese', indicator: 'lait-excess-rec' },
    { plan: CYPP_2013, text: '16-18-year-olds not in education, employment or training (NEET)', indicator: 'lait-16-17-neet' },
    { plan: CYPP_2013, text: 'Children living in low-income families', indicator: 'lait-child-pov' },
    { plan: CYPP_2009, text: 'Reduce the infant and perinatal mortality rate', indicator: 'lait-inf-mort' },
    { plan: CYPP_2009, text: 'Reduce the under-18 conception rate per 1,000 females aged 15-17', indicator: 'lait-under18concep' },
    {
      plan: SAFEGUARDING,
      text: 'Referrals to children’s social care that are re-referrals within 12 months',
      indicator: 'cin-rereferral-12m-pct',
      values: { baseline_value: 13.8, baseline_period: 'FY2012-13' },
    },
    {
      plan: SAFEGUARDING,
      text: 'Initial assessments completed within 10 working days',
      indicator: 'ia-10-days-pct',
      // "At or above the England average": England's 75.5% for 2012-13, as the plan gives it.
      values: { baseline_value: 64.9, baseline_period: 'FY2012-13', target_value: 75.5, tolerance: 5 },
    },
  ],
  birmingham: [
    { plan: BIRMINGHAM, text: 'Lower levels of infant mortality', indicator: 'lait-inf-mort' },
    { plan: BIRMINGHAM, text: 'Fewer under-18 conceptions', indicator: 'lait-under18concep' },
    { plan: BIRMINGHAM, text: 'More children ready to start school', indicator: 'lait-fsp-new-gooddev' },
    { plan: BIRMINGHAM, text: 'Fewer young people not in education, employment or training', indicator: 'lait-16-17-neet' },
    { plan: BIRMINGHAM, text: 'Fewer re-referrals of children to social care', indicator: 'cin-rereferral-12m-pct' },
    { plan: BIRMINGHAM, text: 'Fewer young people involved in crime and risky behaviour', indicator: 'lait-first-yjs' },
  ],
};

/** Links the partnership's demo measures to their indicators (run after its own indicators are seeded). */
export async function linkDemoMeasures(trx: Trx, partnershipId: string, slug: string): Promise<void> {
  const links = DEMO_MEASURE_LINKS[slug as keyof typeof DEMO_MEASURE_LINKS] ?? [];
  if (links.length === 0) return;
  const indicators = new Map(
    (
      await trx
        .selectFrom('indicators')
        .select(['id', 'code'])
        .where('code', 'in', [...new Set(links.map((l) => l.indicator))])
        .where((eb) => eb.or([eb('partnership_id', 'is', null), eb('partnership_id', '=', partnershipId)]))
        .execute()
    ).map((i) => [i.code, i.id]),
  );
  for (const link of links) {
    const indicatorId = indicators.get(link.indicator);
    if (!indicatorId) continue; // National figures not loaded: the measure stays in words.
    const { trajectory, ...values } = link.values ?? {};
    const result = await trx
      .updateTable('measures')
      .set({ ...values, indicator_id: indicatorId, trajectory: JSON.stringify(trajectory ?? []) })
      .where('partnership_id', '=', partnershipId)
      .where('text', '=', link.text)
      .where('priority_id', 'in', (eb) =>
        eb
          .selectFrom('priorities as pr')
          .innerJoin('plans as pl', 'pl.id', 'pr.plan_id')
          .select('pr.id')
          .where('pl.partnership_id', '=', partnershipId)
          .where('pl.title', 'like', `${link.plan}%`),
      )
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new Error(`Demo measure not found to link: ${link.text}`);
  }
}
