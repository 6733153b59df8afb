import { z } from 'zod';
import type { Db } from '../../data/db.ts';
import { insertCommentary, listCommentary } from '../../data/repositories/scorecard-commentary.ts';
import { findScorecardRow } from '../../data/repositories/scorecards.ts';
import { found, ValidationError, type Actor } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { optionalDate, optionalPlainText, parseInput, withDateInputs } from '../../services/validation.ts';
import type { createScorecardsService, ScorecardRowView } from './service.ts';

const answer = (label: string) => optionalPlainText(label, 3000);

const commentaryFields = z
  .object({
    period: z.string({ error: 'Say which period the commentary is for' }).trim().min(1, 'Say which period the commentary is for'),
    story: answer('The story behind the curve'),
    whatWorks: answer('What works'),
    nextSteps: answer('What we will do'),
    who: answer('Who'),
    byWhen: optionalDate('the date it will be done by'),
  })
  .superRefine((v, ctx) => {
    if (!v.story && !v.nextSteps)
      ctx.addIssue({ code: 'custom', path: ['story'], message: 'Tell the story behind the curve, or what we will do' });
  });

/** Commentary on an exception; "by when" from a date input's boxes (or written whole, by the API). */
export const commentarySchema = withDateInputs(['byWhen'], commentaryFields);

/** The latest commentary on a row for a period, as the exception report shows it. */
export interface Commentary {
  story: string;
  whatWorks: string;
  nextSteps: string;
  who: string;
  byWhen: string | null;
  author: string;
  savedAt: Date;
  earlier: number;
}

/** Why a row is an exception: red, or worse than the previous period. */
export function isException(row: ScorecardRowView): boolean {
  return row.rag.rag === 'red' || row.direction?.direction === 'deteriorated';
}

/**
 * The exception report: the rows of a scorecard that are red or deteriorating, each with its
 * owner's commentary for the current period in outcome-based-accountability form. Commentary is
 * never overwritten: each save is kept, and the latest is shown with how many came before.
 */
export function createExceptionsService(db: Db, scorecards: ReturnType<typeof createScorecardsService>) {
  const tenant = tenantRunner(db);
  return {
    report: async (partnershipId: string, actor: Actor, id: string, asAt?: string) => {
      const read = await scorecards.read(partnershipId, actor, id, asAt);
      const rows = read.sections.flatMap((s) => s.rows.filter(isException).map((row) => ({ section: s.title, row })));
      const commentary = await tenant(partnershipId, actor, (trx) =>
        listCommentary(
          trx,
          partnershipId,
          rows.map((r) => r.row.id),
        ),
      );
      return {
        ...read,
        exceptions: rows.map(({ section, row }) => {
          const forPeriod = commentary.filter((c) => c.row_id === row.id && c.period_code === row.current?.periodCode);
          const latest = forPeriod[0];
          const shown: Commentary | null = latest
            ? {
                story: latest.story,
                whatWorks: latest.what_works,
                nextSteps: latest.next_steps,
                who: latest.who,
                byWhen: latest.by_when,
                author: latest.author_label,
                savedAt: latest.created_at,
                earlier: forPeriod.length - 1,
              }
            : null;
          return { section, row, commentary: shown };
        }),
      };
    },

    comment: (partnershipId: string, actor: Actor, scorecardId: string, rowId: string, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const input = parseInput(commentarySchema, body);
        found(await findScorecardRow(trx, partnershipId, scorecardId, rowId), 'No such row in this scorecard');
        if (!/^[A-Za-z0-9-_]{2,30}$/.test(input.period)) throw new ValidationError({ period: 'Say which period the commentary is for' });
        const id = await insertCommentary(trx, partnershipId, {
          row_id: rowId,
          period_code: input.period,
          story: input.story,
          what_works: input.whatWorks,
          next_steps: input.nextSteps,
          who: input.who,
          by_when: input.byWhen,
          author_id: actor.userId,
          author_label: actor.label.replace(/ <[^>]*>$/, ''),
        });
        await audit({
          action: 'create',
          entityType: 'scorecard_commentary',
          entityId: id,
          summary: `Commented on a scorecard exception for ${input.period}`,
          after: input,
        });
      }),
  };
}
