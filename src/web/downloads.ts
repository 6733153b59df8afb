import type { FastifyReply } from 'fastify';

/** The files Baton offers for download, by extension, with the content type each is sent as. */
export const DOWNLOAD_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export type DownloadFormat = keyof typeof DOWNLOAD_TYPES;

/** Whether a URL's extension (`export.:format`) names a file Baton sends. */
export const isDownloadFormat = (format: string): format is DownloadFormat => Object.hasOwn(DOWNLOAD_TYPES, format);

/**
 * The Content-Disposition of a download (RFC 6266): the name in plain ASCII, which every browser
 * reads, and, only when the name holds anything else, its exact UTF-8 spelling as `filename*`
 * (RFC 8187, formerly RFC 5987), which modern browsers prefer.
 *
 * @example attachment('Café report.docx') // attachment; filename="Cafe report.docx"; filename*=UTF-8''Caf%C3%A9%20report.docx
 */
export function attachment(filename: string): string {
  const ascii = filename
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%/]/g, '_');
  if (ascii === filename) return `attachment; filename="${ascii}"`;
  const exact = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/**
 * Sends a file to download: its content type, a Content-Disposition that names it safely, and
 * `private, no-store`, so no shared cache keeps a partnership's figures.
 *
 * @example return sendDownload(reply, { filename: 'audit-walsall.csv', format: 'csv', body: csv });
 */
export function sendDownload(reply: FastifyReply, file: { filename: string; format: DownloadFormat; body: string | Buffer }) {
  return reply
    .header('content-type', DOWNLOAD_TYPES[file.format])
    .header('content-disposition', attachment(file.filename))
    .header('cache-control', 'private, no-store')
    .send(file.body);
}
