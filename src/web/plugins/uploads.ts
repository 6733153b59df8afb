import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** An uploaded file as a route receives it in its form body. */
export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && 'bytes' in value && Buffer.isBuffer((value as UploadedFile).bytes);
}

/**
 * File uploads (multipart forms): fields arrive in the body as text beside the file, so the CSRF
 * check and the routes read them as from any form; a file over the limit is refused with 413.
 */
export async function registerUploads(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: maxBytes, files: 1, fields: 60, parts: 61, fieldSize: 100_000 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      (part as unknown as { value: UploadedFile }).value = { filename: part.filename, bytes };
    },
  });
}
