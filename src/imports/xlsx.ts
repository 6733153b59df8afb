import { readSheet } from 'read-excel-file/node';

/**
 * Reading an uploaded Excel workbook as the same table of text that parseCsv gives for a CSV file,
 * so one set of checks (core/imports.ts) serves both.
 */

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

/**
 * Reads the first sheet of an .xlsx workbook as rows of text, without the empty rows at its end.
 * Throws an Error (NOT_XLSX) for anything that is not a workbook, such as an old .xls file or a CSV.
 * @example await readXlsxTable(bytes) // [['indicator_code', 'area_code', …], ['cp-plan-rate', 'E08000030', …]]
 */
export async function readXlsxTable(bytes: Uint8Array): Promise<string[][]> {
  let sheet: unknown[][];
  try {
    // A string would be read as a file path: always hand over the bytes as a Buffer.
    sheet = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new Error(NOT_XLSX, { cause: error });
  }
  const rows = sheet.map((row) => row.map(cellText));
  while (rows.length > 0 && rows.at(-1)!.every((cell) => cell.trim() === '')) rows.pop();
  return rows;
}
