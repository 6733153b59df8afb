import { z } from 'zod';
import type { DfeMapping } from '../../core/indicators.ts';

/** How many measures one mapping form offers. */
export const MAPPING_MEASURES = 6;

const column = z
  .string()
  .trim()
  .max(100, 'A column name must be 100 characters or fewer')
  .optional()
  .transform((v) => v || undefined);

const measureFields = Object.fromEntries(
  Array.from({ length: MAPPING_MEASURES }, (_, i) => [
    [`indicator${i + 1}`, column],
    [`valueColumn${i + 1}`, column],
    [`numeratorColumn${i + 1}`, column],
    [`denominatorColumn${i + 1}`, column],
  ]).flat(),
) as Record<string, typeof column>;

export const mappingSchema = z
  .object({
    name: z.string({ error: 'Name the mapping' }).trim().min(1, 'Name the mapping').max(100, 'The name must be 100 characters or fewer'),
    filters: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .transform((v) => v ?? ''),
    breakdownColumn: column,
    periodAsPoint: z
      .string()
      .optional()
      .transform((v) => v === 'yes'),
    ...measureFields,
  })
  .superRefine((v, ctx) => {
    const values = v as Record<string, unknown>;
    let measures = 0;
    for (let i = 1; i <= MAPPING_MEASURES; i++) {
      const indicator = values[`indicator${i}`];
      const hasColumn = values[`valueColumn${i}`] || (values[`numeratorColumn${i}`] && values[`denominatorColumn${i}`]);
      if (indicator && !hasColumn)
        ctx.addIssue({
          code: 'custom',
          path: [`valueColumn${i}`],
          message: `Give the column that holds measure ${i}’s value, or its numerator and denominator columns`,
        });
      if (!indicator && hasColumn)
        ctx.addIssue({ code: 'custom', path: [`indicator${i}`], message: `Give the indicator code measure ${i} feeds` });
      if (indicator) measures++;
    }
    if (measures === 0) ctx.addIssue({ code: 'custom', path: ['indicator1'], message: 'Map at least one column to an indicator' });
    for (const line of v.filters.split(/\r?\n/).filter((l) => l.trim())) {
      if (!line.includes('='))
        ctx.addIssue({
          code: 'custom',
          path: ['filters'],
          message: `Write each filter as column = value (“${line.slice(0, 40)}” has no =)`,
        });
    }
  });

export type MappingInput = z.infer<typeof mappingSchema>;

/** The mapping a form describes. */
export function mappingFromForm(input: MappingInput): DfeMapping {
  const values = input as Record<string, unknown>;
  const measures = [];
  for (let i = 1; i <= MAPPING_MEASURES; i++) {
    const indicatorCode = values[`indicator${i}`] as string | undefined;
    if (!indicatorCode) continue;
    measures.push({
      indicatorCode: indicatorCode.toLowerCase(),
      valueColumn: values[`valueColumn${i}`] as string | undefined,
      numeratorColumn: values[`numeratorColumn${i}`] as string | undefined,
      denominatorColumn: values[`denominatorColumn${i}`] as string | undefined,
    });
  }
  const filters = input.filters
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((line) => {
      const at = line.indexOf('=');
      return { column: line.slice(0, at).trim(), equals: line.slice(at + 1).trim() };
    });
  return { filters, periodAsPoint: input.periodAsPoint, breakdownColumn: input.breakdownColumn, measures };
}
