import { describe, expect, it } from 'vitest';
import { zipOf } from '../../tests/support/zip.ts';
import { readXlsxTable } from './xlsx.ts';
import { checkSheetRows, unpackWithin, UploadLimitError } from './zip-bounds.ts';

const MB = 1024 * 1024;
const zeros = (bytes: number) => Buffer.alloc(bytes, 0x30);
const sheet = (rows: number) =>
  Buffer.from(`<worksheet><sheetData>${'<row r="1"><c><v>1</v></c></row>'.repeat(rows)}</sheetData></worksheet>`);
const LIMITS = { unpackedBytes: 1 * MB, rows: 10, seconds: 30 };

describe('unpacking an uploaded workbook within a budget', () => {
  it('unpacks honest parts within the budget', () => {
    const parts = unpackWithin(
      zipOf([
        { name: 'a.xml', data: Buffer.from('<a/>') },
        { name: 'b.xml', data: zeros(1000) },
      ]),
      MB,
    );
    expect([...parts.keys()]).toEqual(['a.xml', 'b.xml']);
    expect(parts.get('b.xml')!.length).toBe(1000);
  });

  it.each([
    {
      case: 'declares more than the budget',
      part: { name: 'xl/worksheets/sheet1.xml', data: zeros(2 * MB) },
      message: 'unpacks to more than 1 MB',
    },
    {
      case: 'declares little but unpacks to much more (a bomb)',
      part: { name: 'xl/worksheets/sheet1.xml', data: zeros(8 * MB), declaredSize: 1000 },
      message: 'Part xl/worksheets/sheet1.xml of this workbook unpacks to more than it declares',
    },
  ])('refuses a part that $case, naming the limit', ({ part, message }) => {
    expect(() => unpackWithin(zipOf([part]), MB)).toThrow(UploadLimitError);
    expect(() => unpackWithin(zipOf([part]), MB)).toThrow(message);
  });

  it('refuses a sheet with more rows than Baton reads, and takes one at the limit', () => {
    expect(() => checkSheetRows(new Map([['xl/worksheets/sheet1.xml', sheet(11)]]), 10)).toThrow('more than 10 rows');
    expect(() => checkSheetRows(new Map([['xl/worksheets/sheet1.xml', sheet(10)]]), 10)).not.toThrow();
  });

  it('says which limit a bomb broke when read as a workbook (on its worker thread)', async () => {
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: zeros(8 * MB), declaredSize: 100 }]);
    await expect(readXlsxTable(bomb, LIMITS)).rejects.toThrow('unpacks to more than it declares');
  });

  it('gives up on a workbook that takes longer than the time allowed', async () => {
    const slow = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: sheet(5) }]);
    await expect(readXlsxTable(slow, { ...LIMITS, seconds: 0 })).rejects.toThrow('took longer than 0 seconds to read');
  });
});
