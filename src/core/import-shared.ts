export { isFormulaText } from './text.ts';
import { isFormulaText } from './text.ts';
import { toCsv } from './csv.ts';
import type { ImportContext, ImportIssue, ObservationInput } from './indicators.ts';
import type { PeriodType } from './periods.ts';

/** What the template and DfE readers (imports.ts, import-dfe.ts) share: limits, issue lists and text checks. */

export interface ImportResult {
  rows: ObservationInput[];
  issues: ImportIssue[];
}

export interface TemplateColumn {
  name: string;
  required: boolean;
  description: string;
}

/** The columns of Baton's upload template, in the order the downloadable template lists them. */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { name: 'indicator_code', required: true, description: 'The indicator’s code, as shown on its page in Baton (e.g. cp-plan-rate).' },
  {
    name: 'area_code',
    required: true,
    description: 'The area: an ONS code (E08000030), an old DfE council code (335) or a locality’s code.',
  },
  {
    name: 'period',
    required: true,
    description: 'The period: 2013-14-Q3 (quarter), FY2013-14 (year), AT2013-03-31 (a day) or 2013-11 (month).',
  },
  {
    name: 'breakdown',
    required: false,
    description: 'The part of the population the figure is for (e.g. Free school meals); blank for everyone.',
  },
  {
    name: 'value',
    required: true,
    description:
      'The figure (for a count, a whole number of 0 or more), or DfE’s marker where there is none: c (suppressed), x or : (not available), z (not applicable), low (rounds to zero), u (low reliability).',
  },
  { name: 'numerator', required: false, description: 'The count a rate or percentage is worked out from; 0 or more, or blank.' },
  { name: 'denominator', required: false, description: 'What the count is out of; more than 0, or blank.' },
  { name: 'status', required: false, description: 'provisional, final, revised or estimated; blank means final.' },
  { name: 'quality_note', required: false, description: 'Anything a reader should know about the figure, up to 1,000 characters.' },
];

export const MAX_ISSUES = 1_000;
export const MAX_SHOWN = 80;
export const MAX_BREAKDOWN = 100;
export const MAX_NOTE = 1_000;
export const PERIOD_EXAMPLES =
  'write it like 2013-14-Q3 (a financial quarter), FY2013-14 (a financial year), AT2013-03-31 (a day) or 2013-11 (a month)';
export const PERIOD_KINDS: Record<PeriodType, string> = {
  month: 'month (e.g. 2013-11)',
  'calendar-quarter': 'calendar quarter (e.g. 2013-Q4)',
  'financial-quarter': 'financial quarter (e.g. 2013-14-Q3)',
  'financial-year': 'financial year (e.g. FY2013-14)',
  'academic-year': 'academic year (e.g. AY2013-14)',
  'calendar-year': 'calendar year (e.g. CY2013)',
  'rolling-12-months': 'rolling 12 months (e.g. R12-2014-03)',
  'multi-year': 'range of years (e.g. FY2014-15_FY2016-17)',
  point: 'day (e.g. AT2013-03-31)',
};

/** The issues as CSV text (row, column, value, reason) for a person to download and work through. */
export function issuesToCsv(issues: readonly ImportIssue[]): string {
  return toCsv(
    ['row', 'column', 'value', 'reason'],
    issues.map((issue) => [issue.row, issue.column, issue.value, issue.reason]),
  );
}

export type Add = (row: number, column: string, value: string, reason: string) => void;
export type Checked<T> = { ok: T } | { reason: string };
export type ImportIndicator = ImportContext['indicators'] extends ReadonlyMap<string, infer I> ? I : never;
export type Table = readonly (readonly string[])[];

export const NO_ROWS = 'The file has no rows of data';
export const shorten = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text);
export const isBlankRow = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');
export const cellAt = (cells: readonly string[], index: number) => (index < 0 ? '' : (cells[index] ?? '').trim());
export const thousands = (n: number) => n.toLocaleString('en-GB');

/** Collects issues: the first 1,000, then one saying how many more there were. */
export function issueList(): { add: Add; list: () => ImportIssue[] } {
  const issues: ImportIssue[] = [];
  let more = 0;
  const add: Add = (row, column, value, reason) => {
    if (issues.length < MAX_ISSUES) issues.push({ row, column, value: shorten(value), reason });
    else more++;
  };
  const summary = () =>
    `${thousands(more)} more ${more === 1 ? 'problem was' : 'problems were'} found; fix these and try again to see the rest`;
  return { add, list: () => (more === 0 ? issues : [...issues, { row: 0, column: '', value: '', reason: summary() }]) };
}

/**
 * Why a value cannot be a count indicator's figure: a count of children or events is a whole number
 * of 0 or more (a negative one was once saved and published). Undefined when it is fine.
 * @example countProblem({ unit: 'count' }, -5) // 'A count cannot be less than 0; …'
 */
export function countProblem(indicator: Pick<ImportIndicator, 'unit'>, value: number | null): string | undefined {
  if (indicator.unit !== 'count' || value === null) return undefined;
  if (value < 0) return 'A count cannot be less than 0; give the number, 0 or more, or a marker such as c or x';
  return Number.isInteger(value) ? undefined : 'A count is a whole number; give it without a fraction, or a marker such as c or x';
}

/** Why a text field is refused (it would run as a formula, or is too long); undefined when it is fine. */
export function textProblem(text: string, max: number): string | undefined {
  if (/^[\t\r]/.test(text)) return 'This starts with a tab or line break, which a spreadsheet may run as a formula; remove it';
  if (isFormulaText(text)) return `This looks like a spreadsheet formula; remove the leading ${text.trimStart()[0]}`;
  const length = text.trim().length;
  return length > max ? `This is ${thousands(length)} characters long; the most Baton keeps is ${thousands(max)}` : undefined;
}
