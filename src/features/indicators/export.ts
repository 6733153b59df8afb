import { toCsv } from '../../core/csv.ts';

const OGL = 'Contains public sector information licensed under the Open Government Licence v3.0.';
import type { createIndicatorsService } from './service.ts';

type PageData = Awaited<ReturnType<ReturnType<typeof createIndicatorsService>['page']>>;

/** An indicator's figures for the area, period by period, with England, the region and the comparators' mean (formulas neutralised). */
export function indicatorCsv(data: PageData): string {
  const header = [
    'indicator_code',
    'area_code',
    'area_name',
    'period',
    'period_label',
    'value',
    'marker',
    'numerator',
    'denominator',
    'status',
    'quality_note',
    'england',
    'region',
    'comparator_mean',
    'comparators_with_a_value',
    'source',
  ];
  // Published statistics carry their licence's attribution wherever they go (OGL v3.0).
  const source = data.indicator.partnershipId === null ? `${data.indicator.source}. ${OGL}` : data.indicator.source;
  const rows = data.trend.map((r) => [
    data.indicator.code,
    data.area?.code ?? '',
    data.area?.name ?? '',
    r.periodCode,
    r.label,
    r.area?.value ?? '',
    r.area?.marker ?? '',
    r.area?.numerator ?? '',
    r.area?.denominator ?? '',
    r.area?.status ?? '',
    r.area?.qualityNote ?? '',
    r.england ?? '',
    r.region ?? '',
    r.neighbourMean ?? '',
    r.neighbourCount,
    source,
  ]);
  return toCsv(header, rows);
}
