import { neutraliseFormula } from './text.ts';

/**
 * Formats one CSV field: quoted when needed, and prefixed with an apostrophe when a spreadsheet
 * would otherwise run it as a formula (OWASP "CSV injection").
 * @example csvField('=SUM(A1)') // "'=SUM(A1)"
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string') text = neutraliseFormula(text);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Formats rows as CSV text with CRLF line ends (RFC 4180). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
