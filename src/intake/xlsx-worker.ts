// Reads an uploaded workbook away from the thread that answers requests (see xlsx.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { readSheet } from 'read-excel-file/node';
import { cellText, NOT_XLSX } from './xlsx-cells.ts';
import { checkSheetRows, unpackWithin, UploadLimitError, type UploadLimits } from './zip-bounds.ts';

async function read({ bytes, limits }: { bytes: Uint8Array; limits: UploadLimits }): Promise<string[][]> {
  let parts: Map<string, Buffer>;
  try {
    parts = unpackWithin(bytes, limits.unpackedBytes);
  } catch (error) {
    if (error instanceof UploadLimitError) throw error;
    throw new Error(NOT_XLSX, { cause: error });
  }
  checkSheetRows(parts, limits.rows);
  let sheet: unknown[][];
  try {
    sheet = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new Error(NOT_XLSX, { cause: error });
  }
  return sheet.map((row) => row.map(cellText));
}

read(workerData as { bytes: Uint8Array; limits: UploadLimits }).then(
  (rows) => parentPort!.postMessage({ rows }),
  (error: unknown) => parentPort!.postMessage({ error: (error as Error).message, limit: error instanceof UploadLimitError }),
);
