import { figuresOwed, firstPeriodFrom, nextOnSchedule } from '../../core/figures-owed.ts';
import { describePeriod, parsePeriod, type Period, type PeriodType } from '../../core/periods.ts';
import type { MemberActor } from '../../core/policy.ts';
import type { Trx } from '../../data/db.ts';
import { listAgencies } from '../../data/repositories/agencies.ts';
import { listIndicators } from '../../data/repositories/indicators.ts';
import { partnershipSettings } from '../../data/repositories/partnerships.ts';
import { indicatorCollections, signedOffPeriods } from '../../data/repositories/period-signoffs.ts';

/** One figure an agency owes: the indicator, the period, and how late it is. */
export interface OwedFigure {
  indicatorId: string;
  code: string;
  title: string;
  agencyId: string;
  agencyName: string;
  period: Period;
  description: string;
  dueOn: string;
  daysOverdue: number;
}

/** A period with figures entered that nobody has signed off yet. */
export interface AwaitingSignOff {
  period: Period;
  description: string;
  figures: number;
}

/** A partnership indicator as the figures page chooses periods for it. */
export interface CollectedIndicator {
  id: string;
  agencyId: string | null;
  periodType: PeriodType;
  /** The latest period held, or where collection starts when none is. */
  latest: Period | undefined;
  next: Period | undefined;
}

/** What the figures page and the home pages read of a partnership's collection, worked out once per data revision and day. */
export interface FiguresReading {
  owed: OwedFigure[];
  awaitingSignOff: AwaitingSignOff[];
  indicators: CollectedIndicator[];
}

const byEnd = (a: Period, b: Period) => (a.end < b.end ? 1 : a.end > b.end ? -1 : a.code.localeCompare(b.code));

/** Reads everything the figures owed and the sign-offs waiting are worked out from, in five statements. */
export async function readFigures(trx: Trx, partnershipId: string, today: string): Promise<FiguresReading> {
  const settings = await partnershipSettings(trx, partnershipId);
  const indicators = (await listIndicators(trx)).filter((i) => i.partnershipId !== null);
  const collections = new Map((await indicatorCollections(trx, partnershipId, settings.home_area_id)).map((c) => [c.indicatorId, c]));
  const agencies = new Map((await listAgencies(trx, partnershipId)).map((a) => [a.id, a.name]));
  const signed = new Set(await signedOffPeriods(trx, partnershipId));
  const owed: OwedFigure[] = [];
  const held = new Map<string, number>();
  const collected: CollectedIndicator[] = [];
  for (const indicator of indicators) {
    const collection = collections.get(indicator.id);
    const codes = collection?.held ?? [];
    for (const code of codes) held.set(code, (held.get(code) ?? 0) + 1);
    const latest =
      parsePeriod(codes.at(-1) ?? '') ??
      (indicator.periodType === 'multi-year' ? undefined : firstPeriodFrom(indicator.periodType, collection?.addedOn ?? today));
    collected.push({
      id: indicator.id,
      agencyId: indicator.agencyId,
      periodType: indicator.periodType,
      latest,
      next: latest && codes.length ? nextOnSchedule(indicator, latest) : undefined,
    });
    if (!indicator.agencyId || !collection || settings.home_area_id === null) continue;
    const schedule = { periodType: indicator.periodType, frequency: indicator.frequency, dueDays: indicator.dueDays ?? null };
    for (const o of figuresOwed(schedule, codes, today, collection.addedOn)) {
      const { id: indicatorId, code, title, agencyId } = indicator;
      owed.push({
        indicatorId,
        code,
        title,
        agencyId,
        agencyName: agencies.get(agencyId) ?? '',
        description: describePeriod(o.period),
        ...o,
      });
    }
  }
  owed.sort((a, b) => b.daysOverdue - a.daysOverdue || a.title.localeCompare(b.title));
  const awaitingSignOff = [...held]
    .filter(([code]) => !signed.has(code))
    .map(([code, figures]) => ({ period: parsePeriod(code), figures }))
    .filter((p): p is { period: Period; figures: number } => p.period !== undefined && p.period.end < today)
    .sort((a, b) => byEnd(a.period, b.period))
    .map((p) => ({ ...p, description: describePeriod(p.period) }));
  return { owed, awaitingSignOff, indicators: collected };
}

/** One indicator's figures owed, its most overdue period first. */
export interface OwedIndicator {
  indicatorId: string;
  title: string;
  agencyName: string;
  periods: OwedFigure[];
}

/** Figures owed by indicator, the indicator with the most overdue figure first. */
export function byIndicator(owed: readonly OwedFigure[]): OwedIndicator[] {
  const groups = new Map<string, OwedIndicator>();
  for (const o of owed) {
    const group = groups.get(o.indicatorId) ?? { indicatorId: o.indicatorId, title: o.title, agencyName: o.agencyName, periods: [] };
    group.periods.push(o);
    groups.set(o.indicatorId, group);
  }
  return [...groups.values()];
}

/** Whose figures a person answers for: a contributor their agency's, an analyst or the admin everyone's, anyone else none. */
export function answersFor(actor: Pick<MemberActor, 'role' | 'agencyId'>, agencyId: string | null): boolean {
  if (actor.role === 'contributor') return agencyId !== null && agencyId === actor.agencyId;
  return actor.role === 'analyst' || actor.role === 'admin';
}

/** The periods to offer on the figures page: each indicator's latest figure held and the one after it, newest first. */
export function recentPeriods(indicators: readonly CollectedIndicator[], limit = 8): Period[] {
  const periods = indicators.flatMap((i) => [i.next, i.latest]).filter((p): p is Period => p !== undefined);
  return periods
    .filter((p, i) => periods.findIndex((q) => q.code === p.code) === i)
    .sort(byEnd)
    .slice(0, limit);
}
