import { z } from 'zod';
import { dateInWords, todayInEngland as today } from '../../core/dates.ts';
import { isApproved, type PlanStatus } from '../../core/plans.ts';
import type { Actor } from '../../core/policy.ts';
import type { ReportMove } from '../../core/sponsor-report.ts';
import type { Trx } from '../../data/db.ts';
import { listBoards } from '../../data/repositories/boards.ts';
import { insertRebaseline, type Rebaseline, type RebaselineValues } from '../../data/repositories/rebaselines.ts';
import { ValidationError } from '../../services/errors.ts';
import { optionalDate, optionalText, withDateInputs } from '../../services/validation.ts';

/**
 * Re-baselining (decision 0014): once a plan is approved, its promised dates and targets are
 * promises. Moving one needs a reason and who agreed it — the sponsor, or a board at a meeting —
 * and every move is kept. The form fields are the same wherever a promise can move.
 */

export const AGREED_BY = { sponsor: 'The priority’s sponsor', board: 'A board, at a meeting' } as const;
export type AgreedBy = keyof typeof AGREED_BY;

export const AGREEMENT_DATES = ['agreedMeetingOn'] as const;
const agreementSchema = withDateInputs(
  AGREEMENT_DATES,
  z.object({
    moveReason: optionalText('The reason', 1000),
    agreedBy: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === '' || v === undefined ? null : v)),
    agreedBoardId: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === '' || v === undefined ? null : v)),
    agreedMeetingOn: optionalDate('the date of the meeting'),
  }),
);

/** Who agreed a move and why, as read from a form or an API body. */
export interface Agreement {
  reason: string;
  agreedBy: AgreedBy;
  boardId: string | null;
  meetingOn: string | null;
}

/** Whether a record of a plan in this status may only move with an agreement. */
export const movesNeedAgreement = (status: PlanStatus) => isApproved(status);

/**
 * Reads who agreed a move of `what` ("the due date", "the target") and why, or refuses with a
 * message for each missing part. The board must be one of the partnership's, the meeting not in the future.
 */
export async function readAgreement(trx: Trx, partnershipId: string, input: unknown, what: string): Promise<Agreement> {
  const parsed = agreementSchema.safeParse(input);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'moveReason')] ??= issue.message;
    throw new ValidationError(errors);
  }
  const { moveReason, agreedBy, agreedBoardId, agreedMeetingOn } = parsed.data;
  if (moveReason === '') errors.moveReason = `The plan is approved: enter why ${what} is moving`;
  if (agreedBy !== 'sponsor' && agreedBy !== 'board') errors.agreedBy = `Choose who agreed to move ${what}`;
  if (agreedBy === 'board') {
    if (agreedBoardId === null) errors.agreedBoardId = 'Choose the board that agreed it';
    else if (!(await listBoards(trx, partnershipId)).some((b) => b.id === agreedBoardId))
      errors.agreedBoardId = 'Choose one of the partnership’s boards';
    if (agreedMeetingOn === null) errors.agreedMeetingOn = 'Enter the date of the meeting';
    else if (agreedMeetingOn > today()) errors.agreedMeetingOn = 'The date of the meeting must be today or in the past';
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const board = agreedBy === 'board';
  return {
    reason: moveReason,
    agreedBy: agreedBy as AgreedBy,
    boardId: board ? agreedBoardId : null,
    meetingOn: board ? agreedMeetingOn : null,
  };
}

/** Keeps one agreed move. */
export function recordMove(
  trx: Trx,
  partnershipId: string,
  actor: Actor,
  change: Pick<RebaselineValues, 'entity_type' | 'entity_id' | 'field' | 'before' | 'after'>,
  agreement: Agreement,
): Promise<string> {
  return insertRebaseline(trx, partnershipId, {
    ...change,
    reason: agreement.reason,
    agreed_by: agreement.agreedBy,
    board_id: agreement.boardId,
    meeting_on: agreement.meetingOn,
    recorded_by: actor.userId,
    recorded_by_label: actor.label.replace(/ <[^>]*>$/, ''),
  });
}

/** Who agreed a move, in words: "the sponsor", "the Children’s Trust Board at its meeting on 26 November 2013". */
export function agreedByWords(move: Pick<Rebaseline, 'agreedBy' | 'boardName' | 'meetingOn'>): string {
  return move.agreedBy === 'board' && move.boardName && move.meetingOn
    ? `the ${move.boardName.replace(/^the\s+/i, '')} at its meeting on ${dateInWords(move.meetingOn)}`
    : 'the sponsor';
}

/** A recorded move as the sponsor's report tells it. */
export const reportMove = (m: Rebaseline): ReportMove => ({
  from: m.before,
  to: m.after,
  reason: m.reason,
  agreedBy: agreedByWords(m),
  recordedOn: today(m.recordedAt),
});
