import { z } from 'zod';
import { isIsoDate } from '../../core/promises.ts';
import { isFormulaText } from '../../core/text.ts';

const date = (missing: string, label: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .refine((v) => isIsoDate(v), `${label} must be a real date, written YYYY-MM-DD`);

/** Freezing a scorecard as presented to a meeting. */
export const freezeSchema = z.object({
  meeting: z
    .string({ error: 'Enter the meeting the pack was presented to' })
    .trim()
    .min(1, 'Enter the meeting the pack was presented to')
    .max(200, 'The meeting must be 200 characters or fewer')
    .refine((v) => !isFormulaText(v), 'The meeting must not start with = + - or @'),
  presentedOn: date('Enter the date of the meeting', 'The date of the meeting'),
  asAt: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isIsoDate(v), 'The figures’ date must be a real date, written YYYY-MM-DD, or left empty')
    .transform((v) => v || null),
});

export type FreezeInput = z.infer<typeof freezeSchema>;
