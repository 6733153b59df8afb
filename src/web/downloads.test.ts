import { describe, expect, it } from 'vitest';
import { attachment, isDownloadFormat } from './downloads.ts';

describe('attachment', () => {
  it.each([
    { name: 'board-pack-2013-11-26.docx', header: 'attachment; filename="board-pack-2013-11-26.docx"' },
    { name: 'Café report.docx', header: `attachment; filename="Cafe report.docx"; filename*=UTF-8''Caf%C3%A9%20report.docx` },
    { name: 'say "hi".csv', header: `attachment; filename="say _hi_.csv"; filename*=UTF-8''say%20%22hi%22.csv` },
    { name: 'a\\b/c%d.csv', header: `attachment; filename="a_b_c_d.csv"; filename*=UTF-8''a%5Cb%2Fc%25d.csv` },
    { name: "Children's (draft).pdf", header: `attachment; filename="Children's (draft).pdf"` },
    { name: 'line\r\nbreak.csv', header: `attachment; filename="line__break.csv"; filename*=UTF-8''line%0D%0Abreak.csv` },
    {
      name: 'Ünïcode – 2025.xlsx',
      header: `attachment; filename="Unicode _ 2025.xlsx"; filename*=UTF-8''%C3%9Cn%C3%AFcode%20%E2%80%93%202025.xlsx`,
    },
  ])('names $name as $header', ({ name, header }) => {
    expect(attachment(name)).toBe(header);
  });
});

describe('isDownloadFormat', () => {
  it.each([
    { format: 'csv', sent: true },
    { format: 'pdf', sent: true },
    { format: 'html', sent: false },
    { format: 'toString', sent: false },
  ])('$format: $sent', ({ format, sent }) => {
    expect(isDownloadFormat(format)).toBe(sent);
  });
});
