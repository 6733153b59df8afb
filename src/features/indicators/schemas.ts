import { z } from 'zod';
import { FREQUENCIES_FOR, frequencyFits, MAX_DUE_DAYS } from '../../core/figures-owed.ts';
import { FREQUENCIES, FREQUENCY_LABELS, OBA_CATEGORIES, UNITS, type IndicatorDefinition } from '../../core/indicators.ts';
import { parsePeriod, PERIOD_TYPES, type PeriodType } from '../../core/periods.ts';
import { queryDate, queryNotice, queryText } from '../../web/query.ts';
import { numberInput, optionalPlainText, versionInput } from '../../services/validation.ts';

export const PERIOD_TYPE_LABELS: Record<PeriodType, string> = {
  month: 'Month',
  'calendar-quarter': 'Calendar quarter',
  'financial-quarter': 'Financial quarter (April to March year)',
  'financial-year': 'Financial year (April to March)',
  'academic-year': 'Academic year (September to August)',
  'calendar-year': 'Calendar year',
  'rolling-12-months': 'Rolling 12 months',
  'multi-year': 'Several years together',
  point: 'A point in time (for example at 31 March)',
};

const optionalNumber = (message: string) =>
  z
    .union([z.string(), z.number()], { error: message })
    .nullable()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
      const n = typeof v === 'number' ? v : Number(v.trim().replaceAll(',', ''));
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });

export const indicatorSchema = z
  .object({
    code: z
      .string({ error: 'Enter a code' })
      .trim()
      .toLowerCase()
      .regex(
        /^[a-z0-9][a-z0-9-]{0,59}$/,
        'The code must be lower-case letters, digits and hyphens, up to 60 characters, such as ‘eh-assessments-45-days’',
      ),
    title: z.string({ error: 'Enter a title' }).trim().min(1, 'Enter a title').max(200, 'The title must be 200 characters or fewer'),
    definition: optionalPlainText('The definition', 3000),
    numeratorDefinition: optionalPlainText('The numerator definition', 1000),
    denominatorDefinition: optionalPlainText('The denominator definition', 1000),
    unit: z.enum(UNITS, { error: 'Choose the unit' }),
    decimals: numberInput(
      z.coerce
        .number({ error: 'Enter how many decimal places to show' })
        .int('Decimal places must be a whole number')
        .min(0, 'Decimal places must be 0 to 4')
        .max(4, 'Decimal places must be 0 to 4'),
    ),
    polarity: z.enum(['bigger', 'smaller', 'band', 'none'], { error: 'Choose whether bigger or smaller is better' }),
    bandLow: optionalNumber('The lower end of the band must be a number'),
    bandHigh: optionalNumber('The upper end of the band must be a number'),
    frequency: z.enum(FREQUENCIES, { error: 'Choose how often it is reported' }),
    periodType: z.enum(PERIOD_TYPES, { error: 'Choose the kind of period' }),
    dueDays: z
      .union([z.string(), z.number()], { error: 'Enter how many days after the period ends the figure is due' })
      .nullable()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
        const n = typeof v === 'number' ? v : Number(v.trim());
        if (!Number.isInteger(n) || n < 0 || n > MAX_DUE_DAYS) {
          ctx.addIssue({ code: 'custom', message: `Enter the days after the period ends as a whole number from 0 to ${MAX_DUE_DAYS}` });
          return z.NEVER;
        }
        return n;
      }),
    lag: optionalPlainText('The publication lag', 200),
    source: optionalPlainText('The source', 200),
    agencyId: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null),
    obaCategory: z.enum(OBA_CATEGORIES, { error: 'Choose which question it answers' }),
    themes: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((t) => t.trim()).filter(Boolean)),
  })
  .superRefine((v, ctx) => {
    if (!frequencyFits(v.periodType, v.frequency)) {
      const fits = FREQUENCIES_FOR[v.periodType].map((f) => FREQUENCY_LABELS[f]).join(' or ');
      const kind = PERIOD_TYPE_LABELS[v.periodType].replace(/ \(.*/, '').toLowerCase();
      ctx.addIssue({
        code: 'custom',
        path: ['frequency'],
        message: `A figure counted by ${kind} cannot be reported ${FREQUENCY_LABELS[v.frequency].toLowerCase()}: choose ${fits}`,
      });
    }
    if (v.polarity !== 'band') return;
    if (v.bandLow === null) ctx.addIssue({ code: 'custom', path: ['bandLow'], message: 'Enter the lower end of the ideal band' });
    if (v.bandHigh === null) ctx.addIssue({ code: 'custom', path: ['bandHigh'], message: 'Enter the upper end of the ideal band' });
    if (v.bandLow !== null && v.bandHigh !== null && v.bandLow > v.bandHigh)
      ctx.addIssue({ code: 'custom', path: ['bandHigh'], message: 'The upper end of the band must not be below the lower end' });
  });

export type IndicatorInput = z.infer<typeof indicatorSchema>;

export function definitionOf(input: IndicatorInput): IndicatorDefinition {
  const { agencyId, ...def } = input;
  void agencyId;
  return def;
}

const periodCode = z
  .string({ error: 'Enter the period' })
  .trim()
  .refine((v) => parsePeriod(v) !== undefined, 'Enter a period code such as 2013-14-Q3, FY2013-14 or AT2014-03-31');

export const targetSchema = z.object({
  areaId: z.string({ error: 'Choose the area' }).trim().min(1, 'Choose the area'),
  period: periodCode,
  value: optionalNumber('The target must be a number').refine((v) => v !== null, 'Enter the target'),
  tolerance: optionalNumber('The tolerance must be a number').refine((v) => v === null || v >= 0, 'The tolerance must be zero or more'),
  note: optionalPlainText('The note', 500),
});

export { periodCode };

/** The library's search: a word from a title or a code. */
export const libraryQuery = { q: queryText(200) };

/**
 * Which area's figures and which period's benchmarks an indicator's page shows (an area's code
 * or name and a period code; the page falls back to its defaults for ones it does not know).
 */
export const figuresQuery = { area: queryText(200), period: queryText(40), asAt: queryDate, notice: queryNotice };

/** The version of the indicator a change was made from. */
export const indicatorVersionSchema = z.object({
  version: versionInput('Send the version of the indicator you read, so a change made since is not overwritten'),
});
