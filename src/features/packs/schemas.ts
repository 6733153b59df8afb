import { z } from 'zod';
import { isFormulaText } from '../../core/text.ts';
import { optionalDate, requiredDate, withDateInputs } from '../../services/validation.ts';

/** Freezing a scorecard as presented to a meeting: its dates from date inputs (or written whole, by the API). */
export const freezeSchema = withDateInputs(
  ['presentedOn', 'asAt'],
  z.object({
    meeting: z
      .string({ error: 'Enter the meeting the pack was presented to' })
      .trim()
      .min(1, 'Enter the meeting the pack was presented to')
      .max(200, 'The meeting must be 200 characters or fewer')
      .refine((v) => !isFormulaText(v), 'The meeting must not start with = + - or @'),
    presentedOn: requiredDate('the date of the meeting'),
    asAt: optionalDate('the figures’ date'),
  }),
);

export type FreezeInput = z.infer<typeof freezeSchema>;
