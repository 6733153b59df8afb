import { moveOne, renumbered, type Direction } from '../../core/order.ts';
import { parsePeriod } from '../../core/periods.ts';
import type { Trx } from '../../data/db.ts';
import { listAreas } from '../../data/repositories/areas.ts';
import { listBoards } from '../../data/repositories/boards.ts';
import { listIndicators } from '../../data/repositories/indicators.ts';
import { partnershipSettings } from '../../data/repositories/partnerships.ts';
import * as repo from '../../data/repositories/scorecards.ts';
import { listTargets } from '../../data/repositories/targets.ts';
import { found, ValidationError, type Actor } from '../../services/errors.ts';
import type { Tenant } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import { rowChangeSchema, rowSchema, sectionSchema } from './schemas.ts';

type Layout = Awaited<ReturnType<typeof repo.scorecardLayout>>;

const NO_ROW = 'No such row in this scorecard';
const NO_SECTION = 'No such section in this scorecard';

/** The row of `rowId` in a layout, with its section; 404 when the scorecard has no such row. */
function rowIn(layout: Layout, rowId: string) {
  const section = found(
    layout.find((s) => s.rows.some((r) => r.id === rowId)),
    NO_ROW,
  );
  return { section, row: section.rows.find((r) => r.id === rowId)! };
}

/**
 * Building a scorecard: its sections and rows added, changed, put in order and removed. Each
 * change that reorders or removes holds the scorecard first (repo.lockScorecard), so two people
 * doing so at once take turns and positions stay 1, 2, 3, ….
 */
export function createScorecardBuilder(tenant: Tenant) {
  const findScorecard = async (trx: Trx, partnershipId: string, id: string) =>
    found(await repo.findScorecard(trx, partnershipId, id), 'No such scorecard in this partnership');

  /** The scorecard's layout, the scorecard held until the transaction ends. */
  const heldLayout = async (trx: Trx, partnershipId: string, id: string) => {
    found(await repo.lockScorecard(trx, partnershipId, id), 'No such scorecard in this partnership');
    return repo.scorecardLayout(trx, partnershipId, id);
  };

  return {
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
        const sectionId = await repo.insertSection(trx, partnershipId, id, position, input.title);
        await audit({
          action: 'create',
          entityType: 'scorecard_section',
          entityId: sectionId,
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
        const code = input.areaCode;
        const area = code
          ? (await listAreas(trx)).find((a) => a.code === code || a.code === code.toUpperCase() || a.old_code === code || a.id === code)
          : undefined;
        if (code && !area) throw new ValidationError({ areaCode: `There is no area with the code ${code}` });
        const position = await repo.nextPosition(trx, 'scorecard_rows', 'section_id', input.sectionId);
        const rowId = await repo.insertRow(trx, partnershipId, input.sectionId, position, {
          indicator_id: indicator.id,
          area_id: area?.id ?? null,
          breakdown: input.breakdown,
          rag_rule: input.ragRule,
          tolerance: input.tolerance,
          maintained_band: input.maintainedBand,
          note: input.note,
          chart: input.chart,
        });
        await audit({
          action: 'create',
          entityType: 'scorecard_row',
          entityId: rowId,
          summary: `Added ${indicator.title} to a scorecard`,
          after: input,
        });
      }),

    /**
     * A row as its change page shows it: its section, its area, and the targets set for its
     * indicator and area (targets belong to the indicator, shared by every scorecard).
     */
    row: (partnershipId: string, actor: Actor, id: string, rowId: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const scorecard = await findScorecard(trx, partnershipId, id);
        const { section, row } = rowIn(await repo.scorecardLayout(trx, partnershipId, id), rowId);
        const areaId = row.areaId ?? (await partnershipSettings(trx, partnershipId)).home_area_id;
        const area = (await listAreas(trx)).find((a) => a.id === areaId);
        const targets = (await listTargets(trx, partnershipId, row.indicatorId))
          .filter((t) => t.areaId === areaId)
          .map((t) => ({ ...t, periodLabel: parsePeriod(t.periodCode)?.label ?? t.periodCode }));
        return { scorecard, section: { id: section.id, title: section.title }, row, area, targets };
      }),

    /** Changes how a row is rated, its standing note and whether it is charted. */
    changeRow: (partnershipId: string, actor: Actor, id: string, rowId: string, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const { row } = rowIn(await heldLayout(trx, partnershipId, id), rowId);
        const input = parseInput(rowChangeSchema, body);
        await repo.updateRow(trx, partnershipId, rowId, {
          rag_rule: input.ragRule,
          tolerance: input.tolerance,
          maintained_band: input.maintainedBand,
          note: input.note,
          chart: input.chart,
        });
        await audit({
          action: 'update',
          entityType: 'scorecard_row',
          entityId: rowId,
          summary: `Changed how ${row.indicatorTitle} is rated on a scorecard`,
          before: { ragRule: row.ragRule, tolerance: row.tolerance, maintainedBand: row.maintainedBand, note: row.note, chart: row.chart },
          after: input,
        });
      }),

    /** Moves a row one place up or down its section; at either end, nothing changes. */
    moveRow: (partnershipId: string, actor: Actor, id: string, rowId: string, direction: Direction) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const { section, row } = rowIn(await heldLayout(trx, partnershipId, id), rowId);
        const order = moveOne(section.rows, rowId, direction);
        if (!order) return;
        for (const p of renumbered(order)) await repo.setRowPosition(trx, partnershipId, p.id, p.position);
        await audit({
          action: 'update',
          entityType: 'scorecard_row',
          entityId: rowId,
          summary: `Moved ${row.indicatorTitle} ${direction} in the section ${section.title}`,
        });
      }),

    /** Moves a section one place up or down the scorecard; at either end, nothing changes. */
    moveSection: (partnershipId: string, actor: Actor, id: string, sectionId: string, direction: Direction) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const layout = await heldLayout(trx, partnershipId, id);
        const section = found(
          layout.find((s) => s.id === sectionId),
          NO_SECTION,
        );
        const order = moveOne(layout, sectionId, direction);
        if (!order) return;
        for (const p of renumbered(order)) await repo.setSectionPosition(trx, partnershipId, p.id, p.position);
        await audit({
          action: 'update',
          entityType: 'scorecard_section',
          entityId: sectionId,
          summary: `Moved the section ${section.title} ${direction}`,
        });
      }),

    /** Chooses whether a row is charted on the page and in the paper ("charts for selected areas"). */
    setChart: (partnershipId: string, actor: Actor, id: string, rowId: string, chart: boolean) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const { row } = rowIn(await repo.scorecardLayout(trx, partnershipId, id), rowId);
        if (row.chart === chart) return;
        await repo.setRowChart(trx, partnershipId, rowId, chart);
        await audit({
          action: 'update',
          entityType: 'scorecard_row',
          entityId: rowId,
          summary: chart ? 'Chose to chart a scorecard row in the paper' : 'Stopped charting a scorecard row in the paper',
        });
      }),

    /** A section as its removal page shows it: its title and how many rows go with it. */
    section: (partnershipId: string, actor: Actor, id: string, sectionId: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const scorecard = await findScorecard(trx, partnershipId, id);
        const section = found(
          (await repo.scorecardLayout(trx, partnershipId, id)).find((s) => s.id === sectionId),
          NO_SECTION,
        );
        return { scorecard, section };
      }),

    /** Removes a row; removing one already gone changes nothing (a second click is harmless). */
    removeRow: (partnershipId: string, actor: Actor, id: string, rowId: string) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const row = (await heldLayout(trx, partnershipId, id)).flatMap((s) => s.rows).find((r) => r.id === rowId);
        if (!row) return;
        await repo.deleteRow(trx, partnershipId, rowId);
        await audit({
          action: 'delete',
          entityType: 'scorecard_row',
          entityId: rowId,
          summary: `Removed ${row.indicatorTitle} from a scorecard`,
          before: row,
        });
      }),

    /** Removes a section with its rows; removing one already gone changes nothing. */
    removeSection: (partnershipId: string, actor: Actor, id: string, sectionId: string) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const section = (await heldLayout(trx, partnershipId, id)).find((s) => s.id === sectionId);
        if (!section) return;
        await repo.deleteSection(trx, partnershipId, sectionId);
        await audit({
          action: 'delete',
          entityType: 'scorecard_section',
          entityId: sectionId,
          summary: `Removed the section ${section.title} and its ${section.rows.length} row${section.rows.length === 1 ? '' : 's'} from a scorecard`,
          before: { title: section.title, rows: section.rows.map((r) => r.indicatorCode) },
        });
      }),
  };
}
