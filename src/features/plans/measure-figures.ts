import { measureStanding, withheldOnPublicPages, type MeasureFigure, type MeasureStanding } from '../../core/measures.ts';
import { dateInWords, todayInEngland } from '../../core/dates.ts';
import { parsePeriod } from '../../core/periods.ts';
import type { Trx } from '../../data/db.ts';
import { findAreaById } from '../../data/repositories/areas.ts';
import { listIndicators, type Indicator } from '../../data/repositories/indicators.ts';
import { observationsForMany, type ObservationView } from '../../data/repositories/observations.ts';
import { partnershipSettings } from '../../data/repositories/partnerships.ts';
import { listRebaselines, type Rebaseline } from '../../data/repositories/rebaselines.ts';
import type { MeasureRow } from '../../data/schema.ts';
import { agreedByWords } from './rebaseline.ts';

// Success measures with their live figures: each linked measure's series read in one query for
// them all, then judged by core/measures.ts as at a date (the scorecard's rules).

/** A measure as pages, papers and the API show it. */
export interface JudgedMeasure extends MeasureRow {
  indicator: Pick<Indicator, 'id' | 'code' | 'title' | 'unit' | 'partnershipId'> | null;
  areaName: string | null;
  /** The area the figures are for (the partnership's council unless the measure names another). */
  figureAreaId: string | null;
  standing: MeasureStanding;
  /** Agreed moves of its target or target date after the plan was approved, in words, oldest first. */
  moves: string[];
  /** On public pages: its latest figure is withheld as a small number (core/measures.ts). */
  withheld?: boolean;
}

/** Measures as public pages show them: a small number's figure, direction and rating withheld. */
export function publicMeasures(measures: readonly JudgedMeasure[]): JudgedMeasure[] {
  const withheld = withheldOnPublicPages(
    measures.map((m) =>
      m.indicator && m.standing.latest
        ? {
            key: `${m.indicator.id}|${m.figureAreaId}|${m.standing.latest.periodCode}`,
            breakdown: m.breakdown,
            count: m.indicator.unit === 'count' ? m.standing.latest.value : m.standing.latest.numerator,
          }
        : null,
    ),
  );
  return measures.map((m, i) => ({ ...m, withheld: withheld[i] }));
}

const labelOf = (code: string | null) => (code ? (parsePeriod(code)?.label ?? code) : null);

/** Each measure judged as at `asAt` against the figures for its indicator, area (the council by default) and breakdown. */
export async function judgeMeasures(
  trx: Trx,
  partnershipId: string,
  measures: readonly MeasureRow[],
  asAt: string,
): Promise<JudgedMeasure[]> {
  const moves = await listRebaselines(
    trx,
    partnershipId,
    measures.map((m) => m.id),
  );
  const movesOf = (id: string) => moves.filter((m) => m.entityType === 'measure' && m.entityId === id).map(moveWords);
  return (await judgeFigures(trx, partnershipId, measures, asAt)).map((m) => ({ ...m, moves: movesOf(m.id) }));
}

/** A move of a measure's target in words: "Target moved from 35.5 to 36 on 2 October 2015, agreed by the sponsor: …". */
const moveWords = (m: Rebaseline) => {
  const what = m.field === 'target_date' ? 'Target date' : 'Target';
  const show = (v: string) => (m.field === 'target_date' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dateInWords(v) : v);
  return `${what} moved from ${show(m.before)} to ${show(m.after)} on ${dateInWords(todayInEngland(m.recordedAt))}, agreed by ${agreedByWords(m)}: ${m.reason}`;
};

async function judgeFigures(
  trx: Trx,
  partnershipId: string,
  measures: readonly MeasureRow[],
  asAt: string,
): Promise<Omit<JudgedMeasure, 'moves'>[]> {
  const linked = measures.filter((m) => m.indicator_id !== null);
  if (linked.length === 0)
    return measures.map((m) => ({ ...m, indicator: null, areaName: null, figureAreaId: null, standing: textOnly(m, asAt) }));
  const home = (await partnershipSettings(trx, partnershipId)).home_area_id;
  const areaIdOf = (m: MeasureRow) => m.area_id ?? home;
  const indicators = new Map((await listIndicators(trx)).map((i) => [i.id, i]));
  const areaIds = [...new Set(linked.map(areaIdOf).filter((id): id is string => id !== null))];
  const areas = new Map(
    (await Promise.all(areaIds.map((id) => findAreaById(trx, id)))).filter((a) => a !== undefined).map((a) => [a.id, a]),
  );
  const figures = await observationsForMany(trx, [...new Set(linked.map((m) => m.indicator_id!))], areaIds);
  return measures.map((m) => {
    const indicator = m.indicator_id ? indicators.get(m.indicator_id) : undefined;
    const areaId = areaIdOf(m);
    if (!indicator) return { ...m, indicator: null, areaName: null, figureAreaId: null, standing: textOnly(m, asAt) };
    const series = seriesOf(figures.get(indicator.id) ?? [], areaId, m.breakdown);
    return {
      ...m,
      indicator: {
        id: indicator.id,
        code: indicator.code,
        title: indicator.title,
        unit: indicator.unit,
        partnershipId: indicator.partnershipId,
      },
      areaName: (areaId && areas.get(areaId)?.name) ?? null,
      figureAreaId: areaId,
      standing: measureStanding({
        indicator,
        series,
        asAt,
        baseline: { value: m.baseline_value, periodCode: m.baseline_period, periodLabel: labelOf(m.baseline_period) },
        target: { value: m.target_value, date: m.target_date },
        trajectory: m.trajectory,
        tolerance: m.tolerance,
      }),
    };
  });
}

const textOnly = (m: MeasureRow, asAt: string) =>
  measureStanding({
    indicator: null,
    series: [],
    asAt,
    baseline: { value: null, periodCode: null, periodLabel: null },
    target: { value: null, date: m.target_date },
    trajectory: [],
    tolerance: 0,
  });

/** The area's figures for the breakdown, the partnership's own where it has one for a period, oldest first. */
function seriesOf(figures: readonly ObservationView[], areaId: string | null, breakdown: string): MeasureFigure[] {
  const byPeriod = new Map<string, ObservationView>();
  for (const f of figures) {
    if (f.areaId !== areaId || f.breakdown !== breakdown) continue;
    if (!byPeriod.has(f.periodCode) || f.partnershipId !== null) byPeriod.set(f.periodCode, f);
  }
  return [...byPeriod.values()]
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.periodStart.localeCompare(b.periodStart))
    .map((f) => ({
      periodCode: f.periodCode,
      periodLabel: labelOf(f.periodCode)!,
      periodType: f.periodType,
      periodStart: f.periodStart,
      periodEnd: f.periodEnd,
      value: f.value,
      marker: f.marker,
      local: f.partnershipId !== null,
      status: f.status,
      qualityNote: f.qualityNote,
      numerator: f.numerator,
    }));
}
