import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendDownload, type DownloadFormat } from '../../web/downloads.ts';
import { EmptyScorecardError, scorecardCsv, scorecardDocx, scorecardXlsx, type ScorecardExport } from './exports.ts';
import { renderPdf } from './pdf.ts';

/**
 * Sends a scorecard, or a board pack, as the file asked for: CSV, Excel or Word built from `x`, or
 * the PDF Chromium prints from `printPage()`. Goes `back` to the page with the notice `empty` when
 * there is nothing to show, or `pdf-unavailable` when this server cannot print.
 */
export async function sendScorecardExport(
  request: FastifyRequest,
  reply: FastifyReply,
  file: {
    format: DownloadFormat;
    filename: string;
    x: ScorecardExport;
    printPage: () => Promise<string>;
    back: (notice: 'empty' | 'pdf-unavailable') => FastifyReply;
  },
) {
  const { format, filename, x } = file;
  try {
    if (format === 'csv') return sendDownload(reply, { filename, format, body: scorecardCsv(x) });
    if (format === 'xlsx') return sendDownload(reply, { filename, format, body: await scorecardXlsx(x) });
    if (format === 'docx') return sendDownload(reply, { filename, format, body: await scorecardDocx(x) });
    if (!x.sections.some((s) => s.rows.some((r) => r.current))) throw new EmptyScorecardError();
    const pdf = await renderPdf(await file.printPage(), request.server.config.chromiumPath);
    if (Buffer.isBuffer(pdf)) return sendDownload(reply, { filename, format, body: pdf });
    request.log.warn({ cause: pdf.cause }, 'PDF export unavailable');
    return file.back('pdf-unavailable');
  } catch (error) {
    if (error instanceof EmptyScorecardError) return file.back('empty');
    throw error;
  }
}
