import { z } from 'zod';
import type { TrajectoryPoint } from '../../core/measures.ts';
import { parsePeriod } from '../../core/periods.ts';

// The fields that link a success measure to an indicator's figures, as a form or an API body sends
// them. All are optional: a measure with no indicator is text only.

const PERIOD_HINT = 'a period code such as FY2013-14, AY2013-14 or CY2013';

const blankToNull = (v: unknown) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v);

const optionalId = (message: string) => z.preprocess(blankToNull, z.uuid({ error: message }).nullable());

/** A figure typed in a box ("37.3", "37.3%", "1,250") or sent as a number; empty is null. */
const optionalFigure = (label: string) =>
  z.preprocess(
    (v) => {
      const blank = blankToNull(v);
      return typeof blank === 'string' ? figureOf(blank) : blank;
    },
    z
      .number({ error: `${label} must be a number, like 37.3` })
      .finite(`${label} must be a number, like 37.3`)
      .min(-1e12, `${label} is too large`)
      .max(1e12, `${label} is too large`)
      .nullable(),
  );

const periodCode = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: `Enter ${label} as ${PERIOD_HINT}` })
      .max(40, `Enter ${label} as ${PERIOD_HINT}`)
      .refine((code) => parsePeriod(code) !== undefined, `Enter ${label} as ${PERIOD_HINT}`),
  );

/** One interim target a line, "AY2014-15: 36.5"; an API body may send [{ "period": …, "value": … }]. Errors name the field as a whole. */
const trajectory = z
  .union([z.string(), z.array(z.object({ period: z.unknown(), value: z.unknown() }))], {
    error: 'List the interim targets one a line, like AY2014-15: 36.5',
  })
  .optional()
  .transform((v, ctx) => {
    const points = Array.isArray(v)
      ? v
      : (v ?? '')
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean)
          .map((line) => {
            const [period, value] = line.split(/\s*[:=]\s*/, 2);
            return { period: period ?? '', value: value ?? '' };
          });
    const read: TrajectoryPoint[] = [];
    for (const p of points) {
      const period = typeof p.period === 'string' ? p.period.trim() : '';
      const value = typeof p.value === 'number' ? p.value : typeof p.value === 'string' ? figureOf(p.value) : Number.NaN;
      if (!parsePeriod(period) || !Number.isFinite(value)) {
        ctx.addIssue({ code: 'custom', message: 'Write each interim target as a period code, a colon and a figure, like AY2014-15: 36.5' });
        return z.NEVER;
      }
      read.push({ period, value });
    }
    if (read.length > 20) {
      ctx.addIssue({ code: 'custom', message: 'List at most 20 interim targets' });
      return z.NEVER;
    }
    return read;
  });

const figureOf = (text: string) => {
  const cleaned = text.trim().replace(/,/g, '').replace(/%$/, '');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
};

/** The link fields, spread into the measure schema. */
export const measureLinkFields = {
  indicatorId: optionalId('Choose an indicator from the list'),
  areaId: optionalId('Choose an area from the list'),
  breakdown: z
    .string()
    .trim()
    .max(200, 'The breakdown must be 200 characters or fewer')
    .optional()
    .transform((v) => v ?? ''),
  baselineValue: optionalFigure('The baseline figure'),
  baselinePeriod: z.preprocess(blankToNull, periodCode('the baseline period').nullable()),
  targetValue: optionalFigure('The target figure'),
  tolerance: optionalFigure('The tolerance')
    .refine((n) => n === null || n >= 0, 'The tolerance must be 0 or more')
    .transform((n) => n ?? 0),
  trajectory,
};

interface LinkValues {
  indicatorId: string | null;
  baselineValue: number | null;
  baselinePeriod: string | null;
  targetValue: number | null;
  trajectory: unknown[];
}

/** Figures need an indicator to be judged against, and a baseline figure needs its period. */
export function checkMeasureLink(m: LinkValues, ctx: z.RefinementCtx): void {
  const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (m.indicatorId === null) {
    if (m.baselineValue !== null || m.targetValue !== null || m.trajectory.length > 0) {
      need('indicatorId', 'Choose the indicator the figures are for, or leave the baseline and target figures empty');
    }
    return;
  }
  if (m.baselineValue !== null && m.baselinePeriod === null) need('baselinePeriod', `Enter the baseline period as ${PERIOD_HINT}`);
  if (m.baselineValue === null && m.baselinePeriod !== null) need('baselineValue', 'Enter the baseline figure for that period');
}
