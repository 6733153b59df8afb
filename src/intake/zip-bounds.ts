import { inflateRawSync } from 'node:zlib';

/** What an uploaded workbook may unpack to, and how long reading it may take. */
export const UPLOAD_LIMITS: UploadLimits = {
  /** All of a workbook's parts together, unpacked. */
  unpackedBytes: 64 * 1024 * 1024,
  /** Rows of a sheet (or lines of a CSV file). */
  rows: 200_000,
  /** Reading a workbook, start to finish. */
  seconds: 30,
};

export interface UploadLimits {
  unpackedBytes: number;
  rows: number;
  seconds: number;
}

/** An upload over one of the limits: the message names the limit. */
export class UploadLimitError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function endOfCentralDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--) if (zip.readUInt32LE(at) === EOCD) return at;
  throw new Error('no zip directory');
}

/**
 * Unpacks every part of a zip archive within a budget, trusting neither the sizes it declares nor
 * its compression: each part is inflated with a ceiling at its declared size, and the declared sizes
 * together must fit the budget, so a decompression bomb is refused after unpacking at most the
 * budget. Returns the parts by name.
 */
export function unpackWithin(bytes: Uint8Array, budget = UPLOAD_LIMITS.unpackedBytes): Map<string, Buffer> {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfCentralDirectory(zip);
  const parts = new Map<string, Buffer>();
  let total = 0;
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error('damaged zip directory');
    const method = zip.readUInt16LE(at + 10);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    total += size;
    if (size === 0xffffffff || total > budget) {
      throw new UploadLimitError(
        `This workbook unpacks to more than ${mib(budget)}, the most Baton reads. Save the figures as CSV, or split them into smaller files.`,
      );
    }
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error('damaged zip entry');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + packed);
    let unpacked: Buffer;
    try {
      unpacked = method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new UploadLimitError(`Part ${name} of this workbook unpacks to more than it declares: Baton does not read it.`);
      }
      throw error;
    }
    if (unpacked.length !== size) throw new Error(`zip entry ${name} is not the size it declares`);
    parts.set(name, unpacked);
  }
  return parts;
}

/** Refuses a workbook any of whose sheets has more rows than Baton reads. */
export function checkSheetRows(parts: ReadonlyMap<string, Buffer>, limit = UPLOAD_LIMITS.rows): void {
  for (const [name, xml] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    let rows = 0;
    for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) {
      if (++rows > limit)
        throw new UploadLimitError(
          `A sheet of this workbook has more than ${limit.toLocaleString('en-GB')} rows, the most Baton reads in one file. Split it into smaller files.`,
        );
    }
  }
}
