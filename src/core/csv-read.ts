/**
 * Reading CSV files people upload or DfE publishes: decoding their bytes (UTF-8 with or without a
 * byte-order mark, UTF-16 with one, or Windows-1252 from older spreadsheets) and splitting RFC 4180
 * text into rows.
 * Pure functions; every problem is reported with the line it is on.
 */

export class CsvError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(`Line ${line}: ${message}`);
    this.line = line;
  }
}

/** Which encoding a file was read as. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const SAVE_AS_CSV = 'Save it as “CSV UTF-8” and try again.';

/** The UTF-16 byte order a file's byte-order mark names, if it starts with one. */
function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Whether NUL bytes sit at every other place near the start, as UTF-16 text without a byte-order mark has them. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const start = bytes.subarray(0, 200);
  const nulAt = (parity: number) => start.filter((b, i) => i % 2 === parity && b === 0).length;
  const half = Math.floor(start.length / 2);
  return half >= 4 && (nulAt(0) >= half * 0.9 || nulAt(1) >= half * 0.9) && nulAt(0) + nulAt(1) <= half * 1.1;
}

/**
 * Decodes a file's bytes: UTF-16 (little- or big-endian) when it starts with that byte-order mark,
 * as spreadsheet programs save "Unicode" CSV; UTF-8 when they are valid UTF-8 (a byte-order mark is
 * dropped); otherwise Windows-1252, which Excel on Windows writes and which covers ISO-8859-1.
 * Text holding NUL is not text and is refused, naming UTF-16 without a byte-order mark when it
 * looks like that.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const utf16 = utf16Bom(bytes);
  if (utf16) {
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw new CsvError(`This file starts as UTF-16 text but is not valid UTF-16. ${SAVE_AS_CSV}`, 1);
    }
    if (text.includes('\0')) throw new CsvError(`This is not a text file (it contains NUL characters). ${SAVE_AS_CSV}`, 1);
    return { text, encoding: utf16 };
  }
  if (bytes.includes(0)) {
    if (looksLikeUtf16(bytes))
      throw new CsvError(
        `This looks like UTF-16 text without a byte-order mark, which Baton cannot tell apart from other bytes. ${SAVE_AS_CSV}`,
        1,
      );
    throw new CsvError('This is not a text file (it contains NUL bytes). Save it as CSV and try again.', 1);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Splits CSV text into rows of fields (RFC 4180: commas, double quotes doubled inside quoted
 * fields, CRLF or LF line ends, line breaks allowed inside quotes). A blank last line is ignored.
 * @example parseCsv('a,"b ""c"""\n1,2') // [['a', 'b "c"'], ['1', '2']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          const next = text[i + 1];
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
            throw new CsvError('A quoted field is followed by more text before the next comma.', line);
          }
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '') throw new CsvError('A field has a double quote in the middle; quote the whole field.', line);
      quoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new CsvError('A quoted field is never closed.', quoteLine);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** DfE's markers for a value that is not published, and what each means. */
export const DFE_MARKERS = {
  c: 'Suppressed to protect confidentiality',
  x: 'Not available',
  z: 'Not applicable',
  ':': 'Not available',
  low: 'Rounds to zero but is not zero',
  u: 'Low reliability',
} as const;
export type DfeMarker = keyof typeof DFE_MARKERS;

export type DfeValue = { value: number; marker?: undefined } | { value: null; marker: DfeMarker | 'blank' };

/**
 * Reads one value from a DfE statistics file: a number (thousands separators allowed), one of
 * DfE's markers, or blank. Anything else is an error the caller reports with its row and column.
 * @example parseDfeValue('1,234') // { value: 1234 }
 * @example parseDfeValue('c') // { value: null, marker: 'c' }
 */
export function parseDfeValue(text: string): DfeValue | { error: string } {
  const t = text.trim();
  if (t === '') return { value: null, marker: 'blank' };
  const lower = t.toLowerCase();
  if (lower in DFE_MARKERS) return { value: null, marker: lower as DfeMarker };
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t) && !/^-?\.\d+$/.test(t)) {
    return { error: `“${t.length > 40 ? `${t.slice(0, 37)}…` : t}” is not a number or one of DfE’s markers (c, x, z, :, low, u)` };
  }
  return { value: Number(t.replaceAll(',', '')) };
}
