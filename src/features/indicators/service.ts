import { neighbourMean } from '../../core/benchmarks.ts';
import { parsePeriod } from '../../core/periods.ts';
import type { Db, Trx } from '../../data/db.ts';
import { listAgencies } from '../../data/repositories/agencies.ts';
import { comparatorAreas, listAreas } from '../../data/repositories/areas.ts';
import * as repo from '../../data/repositories/indicators.ts';
import { observationsFor, type ObservationView } from '../../data/repositories/observations.ts';
import { partnershipSettings } from '../../data/repositories/partnerships.ts';
import * as targets from '../../data/repositories/targets.ts';
import type { AreaRow } from '../../data/schema.ts';
import { ENGLAND, panelFor } from '../../services/benchmarks.ts';
import { found, NotFoundError, savedOrConflict, ValidationError, type Actor } from '../../services/errors.ts';
import { recordFigures, type FigureRecord } from '../../intake/figures.ts';
import { RevisionCache } from '../../services/revision-cache.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { asKnownLine, knownAt } from '../../core/publication.ts';
import { revisionOf } from '../../data/repositories/revisions.ts';
import { parseInput } from '../../services/validation.ts';
import { definitionOf, indicatorSchema, indicatorVersionSchema, targetSchema } from './schemas.ts';

export interface IndicatorQuery {
  area?: string | undefined;
  period?: string | undefined;
  /** Show only the figures known at this date (ISO; decision 0015). */
  asAt?: string | undefined;
}

/** One period's row in an indicator's table: the area's figure and its benchmarks. */
export interface TrendRow {
  periodCode: string;
  label: string;
  area: ObservationView | undefined;
  england: number | null;
  region: number | null;
  neighbourMean: number | null;
  neighbourCount: number;
}

/** How many indicator pages (partnership, revision, indicator, area, period) a server keeps worked out. */
const PAGE_CACHE_SIZE = 128;

/** The indicator library, an indicator's page with its benchmarks, and its targets. */
export function createIndicatorsService(db: Db) {
  const tenant = tenantRunner(db);
  const pageCache = new RevisionCache<Awaited<ReturnType<typeof pageOf>>>(PAGE_CACHE_SIZE);

  const findIndicator = async (trx: Trx, code: string) => found(await repo.findIndicatorByCode(trx, code), 'No such indicator');

  const ownIndicator = async (trx: Trx, partnershipId: string, code: string) => {
    const indicator = await findIndicator(trx, code);
    if (indicator.partnershipId !== partnershipId) throw new NotFoundError('The national library cannot be changed here');
    return indicator;
  };

  const checkAgency = async (trx: Trx, partnershipId: string, agencyId: string | null) => {
    if (agencyId && !(await listAgencies(trx, partnershipId)).some((a) => a.id === agencyId)) {
      throw new ValidationError({ agencyId: 'Choose one of the partnership’s agencies' });
    }
  };

  const pageOf = (partnershipId: string, actor: Actor, code: string, query: IndicatorQuery) =>
    tenant(partnershipId, actor, async (trx) => {
      const indicator = await findIndicator(trx, code);
      const allAreas = await listAreas(trx);
      const areas = new Map(allAreas.map((a) => [a.id, a]));
      const partnership = await partnershipSettings(trx, partnershipId);
      const area = pickArea(allAreas, query.area, partnership.home_area_id);
      const england = allAreas.find((a) => a.code === ENGLAND);
      const region = allAreas.find((a) => a.code === area?.region_code && a.partnership_id === null);
      const neighbours = area?.level === 'la' ? await comparatorAreas(trx, partnership.comparator, area.id) : [];
      const ids = [area, england, region, ...neighbours].filter((a): a is AreaRow => a !== undefined).map((a) => a.id);
      const asAt = query.asAt;
      const figures = (await observationsFor(trx, indicator.id, ids)).filter((f) => asAt === undefined || knownAt(f.knownFrom, asAt));
      const trend = trendRows(figures, area, england, region, neighbours);
      const latest = [...trend].reverse().find((r) => r.area?.value != null);
      const periodCode = query.period && trend.some((r) => r.periodCode === query.period) ? query.period : latest?.periodCode;
      const panel =
        area && periodCode && area.level !== 'locality'
          ? await panelFor(trx, areas, indicator, area, periodCode, partnership.comparator, asAt)
          : undefined;
      const breakdowns = figures.filter((f) => f.areaId === area?.id && f.breakdown !== '' && f.periodCode === periodCode);
      return {
        indicator,
        area,
        region,
        england,
        neighbours,
        comparator: partnership.comparator,
        areas: allAreas.filter((a) => a.level !== 'regional' && a.level !== 'national'),
        trend,
        periodCode,
        asAt,
        knownLine: asAt ? asKnownLine(asAt) : null,
        // An area asked for that Baton does not know: the page says so rather than silently showing another.
        unknownArea:
          query.area?.trim() &&
          area?.id !== query.area.trim() &&
          area?.code !== query.area.trim().toUpperCase() &&
          area?.code !== query.area.trim() &&
          area?.old_code !== query.area.trim()
            ? query.area.trim()
            : undefined,
        panel: panel?.panel,
        breakdowns,
        targets: await targets.listTargets(trx, partnershipId, indicator.id),
        history: await targets.observationHistory(trx, indicator.id, 20),
      };
    });

  return {
    /** Every indicator the partnership can use: its own first, then the national library. */
    library: (partnershipId: string, actor: Actor) =>
      tenant(partnershipId, actor, async (trx) => {
        const all = await repo.listIndicators(trx);
        return { own: all.filter((i) => i.partnershipId !== null), national: all.filter((i) => i.partnershipId === null) };
      }),

    agencies: (partnershipId: string, actor: Actor) => tenant(partnershipId, actor, (trx) => listAgencies(trx, partnershipId)),

    /** An indicator for editing (the partnership's own only). */
    editable: (partnershipId: string, actor: Actor, code: string) =>
      tenant(partnershipId, actor, (trx) => ownIndicator(trx, partnershipId, code)),

    create: (partnershipId: string, actor: Actor, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const input = parseInput(indicatorSchema, body);
        await checkAgency(trx, partnershipId, input.agencyId);
        if (await repo.findIndicatorByCode(trx, input.code))
          throw new ValidationError({ code: 'An indicator with this code already exists; choose another code' });
        const indicator = await repo.insertIndicator(trx, partnershipId, definitionOf(input), input.agencyId);
        await audit({
          action: 'create',
          entityType: 'indicator',
          entityId: indicator.id,
          summary: `Created indicator ${indicator.code}: ${indicator.title}`,
          after: input,
        });
        return indicator;
      }),

    update: (partnershipId: string, actor: Actor, code: string, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const current = await ownIndicator(trx, partnershipId, code);
        const { version } = parseInput(indicatorVersionSchema, body);
        const input = parseInput(indicatorSchema, { ...(body as object), code: current.code });
        await checkAgency(trx, partnershipId, input.agencyId);
        const saved = savedOrConflict(
          await repo.updateIndicator(trx, partnershipId, current.id, version, definitionOf(input), input.agencyId),
        );
        await audit({
          action: 'update',
          entityType: 'indicator',
          entityId: saved.id,
          summary: `Changed indicator ${saved.code}`,
          before: current,
          after: input,
        });
        return saved;
      }),

    /** An indicator's page: its trend for an area beside England, the region and the comparators, and the benchmark panel. */
    page: async (partnershipId: string, actor: Actor, code: string, query: IndicatorQuery) => {
      // Worked out once per data revision of the partnership and shared, read-only: nothing in it depends on who reads.
      const revision = await revisionOf(db, partnershipId, 'data');
      return pageCache.get([partnershipId, revision, code, query.area ?? '', query.period ?? '', query.asAt ?? ''], () =>
        pageOf(partnershipId, actor, code, query),
      );
    },

    /**
     * Records figures from a form or the API after the same checks an imported file gets; any
     * problem refuses them all (a ValidationError naming each record and field).
     */
    recordFigures: (partnershipId: string, actor: Actor, records: readonly FigureRecord[], source: string) =>
      tenant(partnershipId, actor, (trx, audit) => recordFigures(trx, partnershipId, actor, audit, records, source)),

    /** An indicator's figures for an area: the partnership's own and the published ones. */
    figures: (partnershipId: string, actor: Actor, code: string, areaCode: string | undefined, asAt: string | undefined = undefined) =>
      tenant(partnershipId, actor, async (trx) => {
        const indicator = await findIndicator(trx, code);
        const all = await listAreas(trx);
        const partnership = await partnershipSettings(trx, partnershipId);
        const area = pickArea(all, areaCode, partnership.home_area_id);
        if (
          areaCode &&
          area?.id !== areaCode &&
          area?.code !== areaCode.toUpperCase() &&
          area?.code !== areaCode &&
          area?.old_code !== areaCode
        )
          throw new ValidationError({ area: `There is no area with the code ${areaCode}` });
        return {
          indicator,
          areas: new Map(all.map((a) => [a.id, a])),
          figures: area
            ? (await observationsFor(trx, indicator.id, [area.id])).filter((f) => asAt === undefined || knownAt(f.knownFrom, asAt))
            : [],
        };
      }),

    /** An indicator's definition and the partnership's targets for it. */
    indicator: (partnershipId: string, actor: Actor, code: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const indicator = await findIndicator(trx, code);
        return { indicator, targets: await targets.listTargets(trx, partnershipId, indicator.id) };
      }),

    addTarget: (partnershipId: string, actor: Actor, code: string, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const indicator = await findIndicator(trx, code);
        const input = parseInput(targetSchema, body);
        const period = parsePeriod(input.period)!;
        if (period.type !== indicator.periodType) {
          throw new ValidationError({
            period: `${indicator.title} is reported by ${indicator.periodType.replaceAll('-', ' ')}; give a period of that kind`,
          });
        }
        const area = (await listAreas(trx)).find((a) => a.id === input.areaId || a.code === input.areaId || a.old_code === input.areaId);
        if (!area) throw new ValidationError({ areaId: 'Choose the area' });
        const saved = await targets.upsertTarget(
          trx,
          partnershipId,
          indicator.id,
          area.id,
          period,
          input.value!,
          input.tolerance ?? 0,
          input.note,
        );
        await audit({
          action: 'update',
          entityType: 'target',
          entityId: saved,
          summary: `Set the ${period.label} target for ${indicator.code} to ${input.value}`,
          after: input,
        });
      }),

    removeTarget: (partnershipId: string, actor: Actor, code: string, targetId: string) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const indicator = await findIndicator(trx, code);
        // Removing a target that is already gone changes nothing and says so as success (idempotent).
        const removed = await targets.deleteTarget(trx, partnershipId, indicator.id, targetId);
        if (removed)
          await audit({
            action: 'delete',
            entityType: 'target',
            entityId: targetId,
            summary: `Removed a target for ${indicator.code}`,
            before: removed,
          });
      }),
  };
}

/** The area asked for by id or code, else the partnership's own council, else England. */
function pickArea(areas: readonly AreaRow[], asked: string | undefined, homeAreaId: string | null): AreaRow | undefined {
  const wanted = asked?.trim();
  return (
    (wanted && areas.find((a) => a.id === wanted || a.code === wanted || a.code === wanted.toUpperCase() || a.old_code === wanted)) ||
    areas.find((a) => a.id === homeAreaId) ||
    areas.find((a) => a.code === ENGLAND)
  );
}

/**
 * The whole-population figures by period, oldest first: the partnership's own figure where it
 * has one, else the published one; with England, the region and the comparators' mean.
 */
function trendRows(
  figures: readonly ObservationView[],
  area: AreaRow | undefined,
  england: AreaRow | undefined,
  region: AreaRow | undefined,
  neighbours: readonly AreaRow[],
): TrendRow[] {
  const whole = figures.filter((f) => f.breakdown === '');
  const periods = new Map<string, ObservationView>();
  for (const f of whole) if (!periods.has(f.periodCode)) periods.set(f.periodCode, f);
  // The area's own figure where the partnership has one; England, the region and the comparators as published.
  const valueOf = (areaId: string | undefined, periodCode: string, ownFirst = false) => {
    const found = whole.filter((f) => f.areaId === areaId && f.periodCode === periodCode);
    return ownFirst ? (found.find((f) => f.partnershipId !== null) ?? found[0]) : found.find((f) => f.partnershipId === null);
  };
  const ordered = [...periods.values()].sort(
    (a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.periodStart.localeCompare(b.periodStart),
  );
  return ordered
    .map((p) => {
      const mean = neighbourMean(neighbours.map((n) => valueOf(n.id, p.periodCode)?.value ?? null));
      return {
        periodCode: p.periodCode,
        label: parsePeriod(p.periodCode)?.label ?? p.periodCode,
        area: valueOf(area?.id, p.periodCode, true),
        england: valueOf(england?.id, p.periodCode)?.value ?? null,
        region: valueOf(region?.id, p.periodCode)?.value ?? null,
        neighbourMean: mean.mean,
        neighbourCount: mean.count,
      };
    })
    .filter((r) => r.area !== undefined || r.england !== null);
}
