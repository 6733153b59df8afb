import { Worker } from 'node:worker_threads';
import { UPLOAD_LIMITS, UploadLimitError, type UploadLimits } from './zip-bounds.ts';

/**
 * Reading an uploaded Excel workbook as the same table of text that parseCsv gives for a CSV file,
 * so one set of checks (core/imports.ts) serves both.
 */
export { cellText, NOT_XLSX } from './xlsx-cells.ts';

const WORKER = new URL('./xlsx-worker.ts', import.meta.url);

/**
 * Reads the first sheet of an .xlsx workbook as rows of text, without the empty rows at its end.
 * The work happens on a worker thread within UPLOAD_LIMITS (unpacked size, rows, time), so a
 * decompression bomb or a huge sheet is refused while every other request is answered.
 * Throws an Error (NOT_XLSX) for anything that is not a workbook, such as an old .xls file or a
 * CSV, and an UploadLimitError naming the limit for one too big to read.
 * @example await readXlsxTable(bytes) // [['indicator_code', 'area_code', …], ['cp-plan-rate', 'E08000030', …]]
 */
export function readXlsxTable(bytes: Uint8Array, limits: UploadLimits = UPLOAD_LIMITS): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { bytes, limits } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new UploadLimitError(
          `This workbook took longer than ${limits.seconds} seconds to read, the most Baton allows. Save the figures as CSV, or split them into smaller files.`,
        ),
      );
    }, limits.seconds * 1000);
    worker.once('message', (answer: { rows: string[][] } | { error: string; limit: boolean }) => {
      clearTimeout(timer);
      void worker.terminate();
      if ('error' in answer) return reject(answer.limit ? new UploadLimitError(answer.error) : new Error(answer.error));
      const rows = answer.rows;
      while (rows.length > 0 && rows.at(-1)!.every((cell) => cell.trim() === '')) rows.pop();
      resolve(rows);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
