import { z } from 'zod';
import { CANDIDATE_QUESTIONS, SCORE_MAX, SCORE_MIN } from '../../core/candidates.ts';
import { numberInput, versionInput } from '../../services/validation.ts';

const answer = z
  .string()
  .trim()
  .max(3000, 'Each answer must be 3000 characters or fewer')
  .optional()
  .transform((v) => v ?? '');

export const candidateSchema = z.object({
  title: z
    .string({ error: 'Enter the priority you propose' })
    .trim()
    .min(1, 'Enter the priority you propose')
    .max(300, 'The priority must be 300 characters or fewer'),
  description: z
    .string()
    .trim()
    .max(3000, 'The description must be 3000 characters or fewer')
    .optional()
    .transform((v) => v ?? ''),
  ...Object.fromEntries(CANDIDATE_QUESTIONS.map((_, i) => [`answer${i + 1}`, answer])),
});

/** The answers, in the order of the questions. */
export function answersOf(form: Record<string, unknown>): string[] {
  return CANDIDATE_QUESTIONS.map((_, i) => String(form[`answer${i + 1}`] ?? ''));
}

/** One score per criterion, posted as `score-<criterion id>`. */
export function scoresSchema(criterionIds: readonly string[]) {
  return z.object(
    Object.fromEntries(
      criterionIds.map((id, i) => [
        `score-${id}`,
        numberInput(
          z.coerce
            .number({ error: `Score criterion ${i + 1}` })
            .int(`Score criterion ${i + 1}`)
            .min(SCORE_MIN, `Score criterion ${i + 1}`)
            .max(SCORE_MAX, `Score criterion ${i + 1}`),
        ),
      ]),
    ),
  );
}

export const criteriaSchema = z.object({
  criteria: z
    .string({ error: 'List at least one criterion' })
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(300, 'Each criterion must be 300 characters or fewer'))
        .min(1, 'List at least one criterion')
        .max(10, 'List at most 10 criteria'),
    ),
});

export const decisionSchema = z
  .object({
    decision: z.enum(['agreed', 'not_agreed'], { error: 'Choose whether the board agreed it' }),
    number: numberInput(z.coerce.number().int().min(1).max(99).optional()),
    note: z
      .string()
      .trim()
      .max(2000, 'The note must be 2000 characters or fewer')
      .optional()
      .transform((v) => v ?? ''),
    version: versionInput(),
  })
  .refine((d) => d.decision !== 'not_agreed' || d.note !== '', { path: ['note'], message: 'Say why the board did not agree it' });
