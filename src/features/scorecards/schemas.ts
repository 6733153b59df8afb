import { z } from 'zod';
import { SCORECARD_COLUMNS } from '../../core/scorecard.ts';
import { isFormulaText } from '../../core/text.ts';
import { numberInput, optionalDate, optionalPlainText, versionInput, withDateInputs } from '../../services/validation.ts';

const number = (label: string) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 0;
      const n = typeof v === 'number' ? v : Number(v.trim());
      if (!Number.isFinite(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a number, 0 or more` });
        return z.NEVER;
      }
      return n;
    });

/** A checkbox ("yes") or a boolean from the API: true only when ticked. */
const yes = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 'yes');

const scorecardFields = z.object({
  title: z.string({ error: 'Enter a title' }).trim().min(1, 'Enter a title').max(200, 'The title must be 200 characters or fewer'),
  description: optionalPlainText('The description', 2000),
  boardId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null),
  previousPeriods: numberInput(
    z.coerce
      .number({ error: 'Choose how many earlier periods to show' })
      .int('Choose how many earlier periods to show')
      .min(0, 'Show between 0 and 5 earlier periods')
      .max(5, 'Show between 0 and 5 earlier periods'),
  ),
  columns: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(SCORECARD_COLUMNS, { error: 'Choose columns from the list' }))),
  asAt: optionalDate('the date the figures are read at'),
  published: yes,
});

/** A scorecard's settings; its "as at" date from a date input's boxes (or written whole, by the API). */
export const scorecardSchema = withDateInputs(['asAt'], scorecardFields);

export type ScorecardInput = z.infer<typeof scorecardSchema>;

/** The version of the scorecard's settings a change was made from (0, never saved, is simply stale). */
export const scorecardVersionSchema = z.object({ version: versionInput(undefined, 0) });

export const sectionSchema = z.object({
  title: z.string({ error: 'Name the section' }).trim().min(1, 'Name the section').max(200, 'The name must be 200 characters or fewer'),
});

export const rowSchema = z.object({
  sectionId: z.string({ error: 'Choose a section' }).trim().min(1, 'Choose a section'),
  indicatorCode: z.string({ error: 'Choose the indicator' }).trim().min(1, 'Choose the indicator'),
  areaCode: z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? ''),
  breakdown: optionalPlainText('The breakdown', 100),
  ragRule: z.enum(['target', 'england', 'neighbours', 'band', 'none'], { error: 'Choose how the row is rated' }),
  tolerance: number('The tolerance'),
  maintainedBand: number('The maintained band'),
  note: optionalPlainText('The note', 500),
  chart: yes,
});

/** A placed row's changes: how it is rated, its note and its chart (its indicator, area and breakdown stay). */
export const rowChangeSchema = rowSchema.pick({ ragRule: true, tolerance: true, maintainedBand: true, note: true, chart: true });

/** Up or down, from a Move button; anything else is no move a person asked for. */
export const directionOf = (body: unknown): 'up' | 'down' | undefined => {
  const direction = (body as { direction?: unknown } | null)?.direction;
  return direction === 'up' || direction === 'down' ? direction : undefined;
};

export const overrideSchema = z.object({
  period: z.string({ error: 'Say which period the rating is for' }).trim().min(1, 'Say which period the rating is for').max(40),
  rag: z
    .enum(['green', 'amber', 'red', ''], { error: 'Choose a rating' })
    .optional()
    .transform((v) => (v ? v : null)),
  reason: z
    .string({ error: 'Give the reason for rating it by hand' })
    .trim()
    .min(5, 'Give the reason for rating it by hand (at least 5 characters)')
    .max(1000, 'The reason must be 1000 characters or fewer')
    .refine((v) => !isFormulaText(v), 'The reason must not start with = + - or @'),
});
