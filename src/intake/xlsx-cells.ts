export const NOT_XLSX = 'This is not an Excel (.xlsx) file Baton can read';

/** Numbers as a person typed them: no float noise past 15 significant digits (Excel's own precision), no exponent. */
const NUMBER = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

/**
 * A cell as text: numbers without float noise (0.30000000000000004 reads "0.3"), dates as
 * YYYY-MM-DD, TRUE/FALSE as Excel shows them, and an empty cell as ''.
 */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return cell === 0 ? '0' : NUMBER.format(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}
