import { toCsv } from '../../core/csv.ts';
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
  ];
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
  ]);
  return toCsv(header, rows);
}
