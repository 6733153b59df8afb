import { comparePacks } from '../../core/pack-compare.ts';
import type { ScorecardColumn } from '../../core/scorecard.ts';
import type { Db, Trx } from '../../data/db.ts';
import { listBoards } from '../../data/repositories/boards.ts';
import * as repo from '../../data/repositories/packs.ts';
import { findScorecard, listScorecards } from '../../data/repositories/scorecards.ts';
import { ConflictError, found, ValidationError, type Actor } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import type { createExceptionsService } from '../scorecards/exceptions.ts';
import type { ScorecardRowView } from '../scorecards/service.ts';
import { freezeSchema } from './schemas.ts';
import { dateInWords } from '../../core/dates.ts';

/** The owner's commentary on an exception row, as it stood when the pack was frozen. */
export interface FrozenCommentary {
  story: string;
  whatWorks: string;
  nextSteps: string;
  who: string;
  byWhen: string | null;
  author: string;
  savedAt: string;
  earlier: number;
}

/** What a board was shown: the scorecard as read on the day, and its exception report. Never changes. */
export interface PackSnapshot {
  scorecard: {
    id: string;
    title: string;
    description: string;
    boardId: string | null;
    boardName: string | null;
    columns: ScorecardColumn[];
    previousPeriods: number;
  };
  asAt: string;
  /** "Figures as known at …" when figures published later were left out (decision 0015); absent in packs frozen before. */
  knownLine?: string | null;
  sections: { id: string; title: string; rows: ScorecardRowView[] }[];
  exceptions: { section: string; rowId: string; commentary: FrozenCommentary | null }[];
}

/** A change to a frozen pack was asked for: refused, and nothing changed. */
export class FrozenPackError extends ConflictError {
  readonly pack: repo.BoardPackSummary;
  constructor(pack: repo.BoardPackSummary) {
    super('A board pack is frozen and cannot be changed');
    this.pack = pack;
  }
}

/** A date in words, as board papers print it: "26 November 2013". */

/** "As presented to the Scrutiny and Performance Panel, 26 November 2013". */
export const presentedAs = (pack: { meeting: string; presentedOn: string }) =>
  `As presented to ${pack.meeting}, ${dateInWords(pack.presentedOn)}`;

/** Whether pack x was presented after pack y (or, the same day, frozen after it). */
const presentedLater = (x: repo.BoardPackSummary, y: repo.BoardPackSummary) =>
  x.presentedOn === y.presentedOn ? new Date(x.createdAt) > new Date(y.createdAt) : x.presentedOn > y.presentedOn;

type ExceptionsService = ReturnType<typeof createExceptionsService>;
type Report = Awaited<ReturnType<ExceptionsService['report']>>;

function snapshotOf(report: Report): PackSnapshot {
  const s = report.scorecard;
  return {
    scorecard: {
      id: s.id,
      title: s.title,
      description: s.description,
      boardId: s.board_id,
      boardName: s.boardName,
      columns: s.columns,
      previousPeriods: s.previous_periods,
    },
    asAt: report.asAt,
    knownLine: report.knownLine,
    sections: report.sections,
    exceptions: report.exceptions.map((e) => ({
      section: e.section,
      rowId: e.row.id,
      commentary: e.commentary && { ...e.commentary, savedAt: new Date(e.commentary.savedAt).toISOString() },
    })),
  };
}

/**
 * Board packs: a scorecard and its exception report frozen as presented to a named meeting on a
 * date. The snapshot is stored whole, so later revisions to the data never reach it; the database
 * refuses any change to a pack (migration 2026-11-23T2000), and so does this service.
 */
export function createPacksService(db: Db, exceptions: ExceptionsService) {
  const tenant = tenantRunner(db);

  const scorecardOf = async (trx: Trx, partnershipId: string, id: string) =>
    found(await findScorecard(trx, partnershipId, id), 'No such scorecard in this partnership');

  const packOf = async (trx: Trx, partnershipId: string, id: string) => {
    const pack = found(await repo.findPack(trx, partnershipId, id), 'No such board pack in this partnership');
    const { snapshot, ...summary } = pack;
    return { ...summary, snapshot: snapshot as PackSnapshot };
  };

  return {
    /** The packs, grouped by board (each board's newest meeting first; packs of no board last). */
    list: (partnershipId: string, actor: Actor, boardId?: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const packs = await repo.listPacks(trx, partnershipId, boardId);
        const boards = await listBoards(trx, partnershipId);
        const groups = [...boards.map((b) => ({ id: b.id, name: b.name })), { id: null, name: null }]
          .map((board) => ({ board: board.id ? board : null, packs: packs.filter((p) => p.boardId === board.id) }))
          .filter((g) => g.packs.length > 0);
        return { groups, boards, scorecards: await listScorecards(trx, partnershipId) };
      }),

    /** What the freeze form needs: the scorecard, and the packs already frozen from it. */
    freezeForm: (partnershipId: string, actor: Actor, scorecardId: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const scorecard = await scorecardOf(trx, partnershipId, scorecardId);
        const packs = (await repo.listPacks(trx, partnershipId)).filter((p) => p.scorecardId === scorecardId);
        return { scorecard: { id: scorecard.id, title: scorecard.title, boardName: scorecard.boardName, asAt: scorecard.as_at }, packs };
      }),

    /**
     * Freezes a scorecard as presented to a meeting: reads it and its exception report as at
     * `asAt` (by default the scorecard's own date, else the meeting's) and stores what it shows.
     */
    freeze: async (partnershipId: string, actor: Actor, scorecardId: string, body: unknown) => {
      const input = parseInput(freezeSchema, body);
      const scorecard = await tenant(partnershipId, actor, (trx) => scorecardOf(trx, partnershipId, scorecardId));
      const asAt = input.asAt ?? scorecard.as_at ?? input.presentedOn;
      const snapshot = snapshotOf(await exceptions.report(partnershipId, actor, scorecardId, asAt));
      if (!snapshot.sections.some((s) => s.rows.length > 0))
        throw new ValidationError({ form: 'This scorecard has no rows to freeze yet' });
      const title = `${scorecard.title} as presented to ${input.meeting}, ${dateInWords(input.presentedOn)}`;
      if (title.length > 300)
        throw new ValidationError({
          meeting: `The meeting must be ${300 - (title.length - input.meeting.length)} characters or fewer for this scorecard`,
        });
      return tenant(partnershipId, actor, async (trx, audit) => {
        const id = await repo.insertPack(trx, {
          partnershipId,
          scorecardId,
          boardId: scorecard.board_id,
          title,
          meeting: input.meeting,
          presentedOn: input.presentedOn,
          asAt,
          snapshot,
          createdBy: actor.userId,
        });
        await audit({
          action: 'create',
          entityType: 'board_pack',
          entityId: id,
          summary: `Froze the board pack ${title}`,
          after: { scorecardId, meeting: input.meeting, presentedOn: input.presentedOn, asAt },
        });
        return id;
      });
    },

    /** One pack as frozen. */
    pack: (partnershipId: string, actor: Actor, id: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const pack = await packOf(trx, partnershipId, id);
        const rows = new Map(pack.snapshot.sections.flatMap((s) => s.rows.map((r) => [r.id, r])));
        return {
          pack,
          exceptions: pack.snapshot.exceptions.flatMap((e) => {
            const row = rows.get(e.rowId);
            return row ? [{ ...e, row }] : [];
          }),
          others: (await repo.listPacks(trx, partnershipId)).filter((p) => p.id !== id),
        };
      }),

    /** What moved and what was revised between two packs, the earlier meeting's first. */
    compare: (partnershipId: string, actor: Actor, a: string, b: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const x = await packOf(trx, partnershipId, a);
        const y = await packOf(trx, partnershipId, b);
        const [earlier, later] = presentedLater(x, y) ? [y, x] : [x, y];
        return { earlier, later, comparison: comparePacks(earlier.snapshot, later.snapshot) };
      }),

    /** Any attempt to change a pack: it exists (or the answer is 404), and it is refused. */
    refuseChange: (partnershipId: string, actor: Actor, id: string) =>
      tenant(partnershipId, actor, async (trx): Promise<never> => {
        const { snapshot, ...pack } = await packOf(trx, partnershipId, id);
        void snapshot;
        throw new FrozenPackError(pack);
      }),
  };
}

export type PacksService = ReturnType<typeof createPacksService>;
