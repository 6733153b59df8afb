import { parsePeriod } from '../../core/periods.ts';
import { scorecardRow, type RowBenchmarks, type RowView, type SeriesFigure } from '../../core/scorecard.ts';
import type { Db, Trx } from '../../data/db.ts';
import { listBoards } from '../../data/repositories/boards.ts';
import { listAreas } from '../../data/repositories/areas.ts';
import { listIndicators, type Indicator } from '../../data/repositories/indicators.ts';
import { observationsFor } from '../../data/repositories/observations.ts';
import * as repo from '../../data/repositories/scorecards.ts';
import { listTargets } from '../../data/repositories/targets.ts';
import type { AreaRow } from '../../data/schema.ts';
import { ENGLAND, panelFor } from '../../services/benchmarks.ts';
import { ConflictError, NotFoundError, ValidationError, type Actor } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import { rowSchema, scorecardSchema, sectionSchema } from './schemas.ts';

/** A scorecard row as pages and exports show it. */
export interface ScorecardRowView extends RowView {
  id: string;
  indicator: Indicator;
  areaName: string;
  breakdown: string;
  note: string;
  ragRule: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Scorecards: an analyst builds a board's scorecard of sections and rows; everyone in the
 * partnership reads it as at any date, each row judged by core/scorecard.ts.
 */
export function createScorecardsService(db: Db) {
  const tenant = tenantRunner(db);

  const findScorecard = async (trx: Trx, partnershipId: string, id: string) => {
    const scorecard = await repo.findScorecard(trx, partnershipId, id);
    if (!scorecard) throw new NotFoundError('No such scorecard in this partnership');
    return scorecard;
  };

  const checkBoard = async (trx: Trx, partnershipId: string, boardId: string | null) => {
    if (boardId && !(await listBoards(trx, partnershipId)).some((b) => b.id === boardId))
      throw new ValidationError({ boardId: 'Choose one of the partnership’s boards' });
  };

  /** Every row of a scorecard worked out as at a date. */
  const view = async (trx: Trx, partnershipId: string, id: string, asAtAsked: string | undefined) => {
    const scorecard = await findScorecard(trx, partnershipId, id);
    const asAt = asAtAsked && /^\d{4}-\d{2}-\d{2}$/.test(asAtAsked) ? asAtAsked : (scorecard.as_at ?? today());
    const layout = await repo.scorecardLayout(trx, partnershipId, id);
    const [indicators, areas, settings] = await Promise.all([
      listIndicators(trx),
      listAreas(trx),
      trx.selectFrom('partnerships').select(['home_area_id', 'comparator']).where('id', '=', partnershipId).executeTakeFirstOrThrow(),
    ]);
    const indicatorById = new Map(indicators.map((i) => [i.id, i]));
    const areaById = new Map(areas.map((a) => [a.id, a]));
    const england = areas.find((a) => a.code === ENGLAND);
    const sections = [];
    for (const section of layout) {
      const rows: ScorecardRowView[] = [];
      for (const row of section.rows) {
        const indicator = indicatorById.get(row.indicatorId)!;
        const area = areaById.get(row.areaId ?? settings.home_area_id ?? '') ?? england!;
        rows.push(
          await rowView(trx, partnershipId, {
            row,
            indicator,
            area,
            asAt,
            areas: areaById,
            comparator: settings.comparator,
            previousPeriods: scorecard.previous_periods,
          }),
        );
      }
      sections.push({ id: section.id, title: section.title, rows });
    }
    return { scorecard, asAt, sections };
  };

  return {
    list: (partnershipId: string, actor: Actor) =>
      tenant(partnershipId, actor, async (trx) => ({
        scorecards: await repo.listScorecards(trx, partnershipId),
        boards: await listBoards(trx, partnershipId),
      })),

    create: (partnershipId: string, actor: Actor, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const input = parseInput(scorecardSchema, body);
        await checkBoard(trx, partnershipId, input.boardId);
        const created = await trx
          .insertInto('scorecards')
          .values({
            partnership_id: partnershipId,
            board_id: input.boardId,
            title: input.title,
            description: input.description,
            columns: JSON.stringify(input.columns),
            previous_periods: input.previousPeriods,
            as_at: input.asAt,
            published: input.published,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit({
          action: 'create',
          entityType: 'scorecard',
          entityId: created.id,
          summary: `Created the scorecard ${input.title}`,
          after: input,
        });
        return created.id;
      }),

    update: (partnershipId: string, actor: Actor, id: string, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const before = await findScorecard(trx, partnershipId, id);
        const input = parseInput(scorecardSchema, body);
        const version = Number((body as Record<string, unknown>)?.version);
        await checkBoard(trx, partnershipId, input.boardId);
        const saved = await trx
          .updateTable('scorecards')
          .set({
            board_id: input.boardId,
            title: input.title,
            description: input.description,
            columns: JSON.stringify(input.columns),
            previous_periods: input.previousPeriods,
            as_at: input.asAt,
            published: input.published,
            version: before.version + 1,
            updated_at: new Date(),
          })
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(saved.numUpdatedRows) === 0) throw new ConflictError();
        await audit({
          action: 'update',
          entityType: 'scorecard',
          entityId: id,
          summary: `Changed the scorecard ${input.title}`,
          before,
          after: input,
        });
      }),

    /** The scorecard for reading, as at a date (its own date, or today). */
    read: (partnershipId: string, actor: Actor, id: string, asAt?: string) =>
      tenant(partnershipId, actor, (trx) => view(trx, partnershipId, id, asAt)),

    /** What the builder needs: the layout, and the indicators and areas a row may use. */
    builder: (partnershipId: string, actor: Actor, id: string) =>
      tenant(partnershipId, actor, async (trx) => ({
        scorecard: await findScorecard(trx, partnershipId, id),
        layout: await repo.scorecardLayout(trx, partnershipId, id),
        indicators: await listIndicators(trx),
        areas: (await listAreas(trx)).filter((a) => a.level !== 'regional'),
        boards: await listBoards(trx, partnershipId),
      })),

    addSection: (partnershipId: string, actor: Actor, id: string, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        await findScorecard(trx, partnershipId, id);
        const input = parseInput(sectionSchema, body);
        const position = await repo.nextPosition(trx, 'scorecard_sections', 'scorecard_id', id);
        const section = await trx
          .insertInto('scorecard_sections')
          .values({ partnership_id: partnershipId, scorecard_id: id, position, title: input.title })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit({
          action: 'create',
          entityType: 'scorecard_section',
          entityId: section.id,
          summary: `Added the section ${input.title}`,
        });
      }),

    addRow: (partnershipId: string, actor: Actor, id: string, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        await findScorecard(trx, partnershipId, id);
        const input = parseInput(rowSchema, body);
        const layout = await repo.scorecardLayout(trx, partnershipId, id);
        if (!layout.some((s) => s.id === input.sectionId)) throw new ValidationError({ sectionId: 'Choose a section of this scorecard' });
        const indicator = (await listIndicators(trx)).find((i) => i.code === input.indicatorCode);
        if (!indicator) throw new ValidationError({ indicatorCode: `There is no indicator with the code ${input.indicatorCode}` });
        const areas = await listAreas(trx);
        const area = input.areaCode
          ? areas.find(
              (a) =>
                a.code === input.areaCode ||
                a.code === input.areaCode.toUpperCase() ||
                a.old_code === input.areaCode ||
                a.id === input.areaCode,
            )
          : undefined;
        if (input.areaCode && !area) throw new ValidationError({ areaCode: `There is no area with the code ${input.areaCode}` });
        const position = await repo.nextPosition(trx, 'scorecard_rows', 'section_id', input.sectionId);
        const row = await trx
          .insertInto('scorecard_rows')
          .values({
            partnership_id: partnershipId,
            section_id: input.sectionId,
            position,
            indicator_id: indicator.id,
            area_id: area?.id ?? null,
            breakdown: input.breakdown,
            rag_rule: input.ragRule,
            tolerance: input.tolerance,
            maintained_band: input.maintainedBand,
            note: input.note,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit({
          action: 'create',
          entityType: 'scorecard_row',
          entityId: row.id,
          summary: `Added ${indicator.title} to a scorecard`,
          after: input,
        });
      }),

    /** Moves a row up or down its section (swapping places with its neighbour). */
    moveRow: (partnershipId: string, actor: Actor, id: string, rowId: string, direction: 'up' | 'down') =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const section = (await repo.scorecardLayout(trx, partnershipId, id)).find((s) => s.rows.some((r) => r.id === rowId));
        if (!section) throw new NotFoundError('No such row in this scorecard');
        const at = section.rows.findIndex((r) => r.id === rowId);
        const other = section.rows[direction === 'up' ? at - 1 : at + 1];
        if (!other) return;
        const row = section.rows[at]!;
        await trx.updateTable('scorecard_rows').set({ position: other.position }).where('id', '=', row.id).execute();
        await trx.updateTable('scorecard_rows').set({ position: row.position }).where('id', '=', other.id).execute();
        await audit({ action: 'update', entityType: 'scorecard_row', entityId: rowId, summary: `Moved a scorecard row ${direction}` });
      }),

    removeRow: (partnershipId: string, actor: Actor, id: string, rowId: string) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const found = (await repo.scorecardLayout(trx, partnershipId, id)).some((s) => s.rows.some((r) => r.id === rowId));
        if (!found) return;
        await trx.deleteFrom('scorecard_rows').where('id', '=', rowId).execute();
        await audit({ action: 'delete', entityType: 'scorecard_row', entityId: rowId, summary: 'Removed a row from a scorecard' });
      }),
  };
}

interface RowContext {
  row: repo.LayoutRow;
  indicator: Indicator;
  area: AreaRow;
  asAt: string;
  areas: ReadonlyMap<string, AreaRow>;
  comparator: string;
  previousPeriods: number;
}

/** One row: its area's series (the partnership's own figure where it has one), benchmarks and targets. */
async function rowView(trx: Trx, partnershipId: string, ctx: RowContext): Promise<ScorecardRowView> {
  const { row, indicator, area } = ctx;
  const england = [...ctx.areas.values()].find((a) => a.code === ENGLAND);
  const ids = [area.id, ...(england && england.id !== area.id ? [england.id] : [])];
  const figures = (await observationsFor(trx, indicator.id, ids)).filter((o) => o.breakdown === row.breakdown);
  const byPeriod = new Map<string, (typeof figures)[number]>();
  for (const f of figures.filter((o) => o.areaId === area.id))
    if (!byPeriod.has(f.periodCode) || f.partnershipId !== null) byPeriod.set(f.periodCode, f);
  const series: SeriesFigure[] = [...byPeriod.values()]
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.periodStart.localeCompare(b.periodStart))
    .map((f) => ({
      periodCode: f.periodCode,
      periodLabel: parsePeriod(f.periodCode)?.label ?? f.periodCode,
      periodType: f.periodType,
      periodStart: f.periodStart,
      periodEnd: f.periodEnd,
      value: f.value,
      marker: f.marker,
      local: f.partnershipId !== null,
      status: f.status,
      qualityNote: f.qualityNote,
    }));
  const shown = series.filter((f) => f.periodStart <= ctx.asAt && (f.value !== null || f.marker !== null));
  let benchmarks: RowBenchmarks | undefined;
  const current = shown.at(-1);
  if (current) {
    const published = indicator.partnershipId === null && area.level === 'la' && row.breakdown === '';
    const panel = published ? (await panelFor(trx, ctx.areas, indicator, area, current.periodCode, ctx.comparator)).panel : undefined;
    // England for the row's period where there is one; otherwise its latest figure of the same kind
    // of period begun by the scorecard's date, named ("75.5 (2012-13)"), as board papers print it.
    const englandFigures = figures
      .filter((o) => o.areaId === england?.id && o.periodType === current.periodType && o.periodStart <= ctx.asAt && o.value !== null)
      .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
    const sameEngland = englandFigures.find((o) => o.periodCode === current.periodCode);
    const latestEngland = englandFigures.at(-1);
    const englandValue = panel?.england ?? sameEngland?.value ?? latestEngland?.value ?? null;
    const englandPeriod =
      panel?.england == null && !sameEngland && latestEngland
        ? (parsePeriod(latestEngland.periodCode)?.label ?? latestEngland.periodCode)
        : undefined;
    benchmarks = {
      england: englandValue,
      englandPeriod,
      region: panel?.region ?? null,
      neighbourMean: panel?.neighbourMean ?? null,
      band: panel?.band ?? null,
      significance: panel?.significance ?? null,
    };
  }
  const currentCode = current?.periodCode;
  const targets = (await listTargets(trx, partnershipId, indicator.id)).filter((t) => t.areaId === area.id);
  const view = scorecardRow({
    indicator,
    series,
    asAt: ctx.asAt,
    previousPeriods: ctx.previousPeriods,
    benchmarksFor: (code) => (code === currentCode ? benchmarks : undefined),
    targetFor: (code) => {
      const target = targets.find((t) => t.periodCode === code);
      return target && { value: target.value, tolerance: target.tolerance };
    },
    ragRule: row.ragRule,
    tolerance: row.tolerance,
    maintainedBand: row.maintainedBand,
  });
  return { ...view, id: row.id, indicator, areaName: area.name, breakdown: row.breakdown, note: row.note, ragRule: row.ragRule };
}
