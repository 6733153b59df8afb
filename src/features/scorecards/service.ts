import { isIsoDate } from '../../core/promises.ts';
import type { Db, Trx } from '../../data/db.ts';
import { listAreas } from '../../data/repositories/areas.ts';
import { listBoards } from '../../data/repositories/boards.ts';
import { listIndicators } from '../../data/repositories/indicators.ts';
import { partnershipSettings } from '../../data/repositories/partnerships.ts';
import { revisionOf } from '../../data/repositories/revisions.ts';
import { insertRagOverride } from '../../data/repositories/scorecard-overrides.ts';
import * as repo from '../../data/repositories/scorecards.ts';
import { ENGLAND } from '../../services/benchmarks.ts';
import { found, savedOrConflict, ValidationError, type Actor } from '../../services/errors.ts';
import { RevisionCache } from '../../services/revision-cache.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import { createScorecardBuilder } from './builder.ts';
import { rowViews, type ScorecardRowView } from './rows.ts';
import { overrideSchema, scorecardSchema, scorecardVersionSchema, type ScorecardInput } from './schemas.ts';
import { todayInEngland as today } from '../../core/dates.ts';
import { asKnownLine } from '../../core/publication.ts';

export type { ScorecardRowView } from './rows.ts';

/** How many scorecard readings (partnership, revision, scorecard, date) a server keeps worked out. */
const READ_CACHE_SIZE = 64;

/** A scorecard as read as at a date: its settings, the date, and its sections' rows worked out. */
export interface ScorecardView {
  scorecard: NonNullable<Awaited<ReturnType<typeof repo.findScorecard>>>;
  asAt: string;
  /** "Figures as known at …" when the date is before today, so figures published since are left out (decision 0015); else null. */
  knownLine: string | null;
  sections: { id: string; title: string; rows: ScorecardRowView[] }[];
}

/**
 * Scorecards: an analyst builds a board's scorecard of sections and rows; everyone in the
 * partnership reads it as at any date, each row judged by core/scorecard.ts.
 */
export function createScorecardsService(db: Db) {
  const tenant = tenantRunner(db);
  const readCache = new RevisionCache<ScorecardView>(READ_CACHE_SIZE);

  const findScorecard = async (trx: Trx, partnershipId: string, id: string) =>
    found(await repo.findScorecard(trx, partnershipId, id), 'No such scorecard in this partnership');

  const checkBoard = async (trx: Trx, partnershipId: string, boardId: string | null) => {
    if (boardId && !(await listBoards(trx, partnershipId)).some((b) => b.id === boardId))
      throw new ValidationError({ boardId: 'Choose one of the partnership’s boards' });
  };

  /** Every row of a scorecard worked out as at a date. */
  const view = async (trx: Trx, partnershipId: string, id: string, asAtAsked: string | undefined): Promise<ScorecardView> => {
    const scorecard = await findScorecard(trx, partnershipId, id);
    const asAt = asAtAsked && isIsoDate(asAtAsked) ? asAtAsked : (scorecard.as_at ?? today());
    const layout = await repo.scorecardLayout(trx, partnershipId, id);
    const [indicators, areas, settings] = await Promise.all([listIndicators(trx), listAreas(trx), partnershipSettings(trx, partnershipId)]);
    const indicatorById = new Map(indicators.map((i) => [i.id, i]));
    const areaById = new Map(areas.map((a) => [a.id, a]));
    const england = areas.find((a) => a.code === ENGLAND);
    const placed = layout.flatMap((section) =>
      section.rows.map((row) => ({
        row,
        indicator: indicatorById.get(row.indicatorId)!,
        area: areaById.get(row.areaId ?? settings.home_area_id ?? '') ?? england!,
      })),
    );
    const views = await rowViews(
      trx,
      { partnershipId, asAt, areas: areaById, comparator: settings.comparator, previousPeriods: scorecard.previous_periods },
      placed,
    );
    const byId = new Map(views.map((v) => [v.id, v]));
    const sections = layout.map((section) => ({
      id: section.id,
      title: section.title,
      rows: section.rows.map((row) => byId.get(row.id)!),
    }));
    return { scorecard, asAt, knownLine: asAt < today() ? asKnownLine(asAt) : null, sections };
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
        const created = await repo.insertScorecard(trx, partnershipId, settingsColumns(input));
        await audit({
          action: 'create',
          entityType: 'scorecard',
          entityId: created,
          summary: `Created the scorecard ${input.title}`,
          after: input,
        });
        return created;
      }),

    update: (partnershipId: string, actor: Actor, id: string, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const before = await findScorecard(trx, partnershipId, id);
        const input = parseInput(scorecardSchema, body);
        const { version } = parseInput(scorecardVersionSchema, body);
        await checkBoard(trx, partnershipId, input.boardId);
        savedOrConflict(await repo.updateScorecard(trx, partnershipId, id, version, settingsColumns(input)));
        await audit({
          action: 'update',
          entityType: 'scorecard',
          entityId: id,
          summary: `Changed the scorecard ${input.title}`,
          before,
          after: input,
        });
      }),

    /**
     * The scorecard for reading, as at a date (its own date, or today). Worked out once per data
     * revision of the partnership (see the data-revision migration) and shared, read-only, by
     * every reader: nothing in it depends on who reads.
     */
    read: async (partnershipId: string, actor: Actor, id: string, asAt?: string, dataRevision?: string) => {
      // A page that read the revision with the session (web/tenant.ts, issue 13) gives it.
      const revision = dataRevision ?? (await revisionOf(db, partnershipId, 'data'));
      return readCache.get([partnershipId, revision, id, asAt ?? '', today()], () =>
        tenant(partnershipId, actor, (trx) => view(trx, partnershipId, id, asAt)),
      );
    },

    /** A manual RAG rating for a row's current period, with its reason (audited); an empty rating returns to the rule's. */
    overrideRating: (partnershipId: string, actor: Actor, id: string, rowId: string, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const input = parseInput(overrideSchema, body);
        found(
          (await repo.scorecardLayout(trx, partnershipId, id)).flatMap((s) => s.rows).find((r) => r.id === rowId),
          'No such row in this scorecard',
        );
        await insertRagOverride(trx, partnershipId, {
          row_id: rowId,
          period_code: input.period,
          rag: input.rag,
          reason: input.reason,
          author_id: actor.userId,
          author_label: actor.label.replace(/ <[^>]*>$/, ''),
        });
        await audit({
          action: 'update',
          entityType: 'scorecard_row',
          entityId: rowId,
          summary: input.rag
            ? `Rated a scorecard row ${input.rag} by hand for ${input.period}: ${input.reason}`
            : `Returned a scorecard row to its rule’s rating for ${input.period}: ${input.reason}`,
          after: input,
        });
      }),

    ...createScorecardBuilder(tenant),
  };
}

/** A scorecard's settings as its table's columns. */
function settingsColumns(input: ScorecardInput): repo.ScorecardSettings {
  return {
    board_id: input.boardId,
    title: input.title,
    description: input.description,
    columns: JSON.stringify(input.columns),
    previous_periods: input.previousPeriods,
    as_at: input.asAt,
    published: input.published,
  };
}
