import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import type { SheetData } from 'write-excel-file/node';
import { readTemplate } from '../core/imports.ts';
import type { ImportContext } from '../core/indicators.ts';
import { cellText, NOT_XLSX, readXlsxTable } from './xlsx.ts';

// ---- Test data ----------------------------------------------------------------------------------

const march31 = new Date(Date.UTC(2013, 2, 31));
const testSheet: SheetData = [
  ['indicator_code', 'area_code', 'period', 'value', 'denominator', 'quality_note'],
  ['cp-plan-rate', 335, 'AT2013-03-31', 39.6, 63386, null],
  ['cp-plan-rate', 'E08000028', 'AT2013-03-31', 0.1 + 0.2, 1234567.891, { value: march31, format: 'yyyy-mm-dd' }],
  ['cp-plan-rate', 'E09000012', 'AT2013-03-31', 'c', null, true],
  [null, null, null, null, null, null],
  ['', '', '', '', '', ''],
];
const secondSheet: SheetData = [['not read']];

const testContext: ImportContext = {
  indicators: new Map([['cp-plan-rate', { code: 'cp-plan-rate', unit: 'rate-10000', decimals: 1, periodType: 'point' }]]),
  areaCode: (code) => ({ '335': 'E08000030', E08000028: 'E08000028', E09000012: 'E09000012' })[code],
};

const notAWorkbook = fs.readFileSync(new URL('../../tests/fixtures/imports/not_a_workbook.xlsx', import.meta.url));
const truncatedZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
const wordDocument = async () =>
  new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Board pack')] }] })));

let dir = '';
let workbook = new Uint8Array();
let twoSheets = new Uint8Array();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-xlsx-'));
  await writeExcelFile(testSheet).toFile(path.join(dir, 'template.xlsx'));
  await writeExcelFile([
    { sheet: 'Figures', data: testSheet },
    { sheet: 'Notes', data: secondSheet },
  ]).toFile(path.join(dir, 'two-sheets.xlsx'));
  workbook = new Uint8Array(fs.readFileSync(path.join(dir, 'template.xlsx')));
  twoSheets = new Uint8Array(fs.readFileSync(path.join(dir, 'two-sheets.xlsx')));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const expectedTable = [
  ['indicator_code', 'area_code', 'period', 'value', 'denominator', 'quality_note'],
  ['cp-plan-rate', '335', 'AT2013-03-31', '39.6', '63386', ''],
  ['cp-plan-rate', 'E08000028', 'AT2013-03-31', '0.3', '1234567.891', '2013-03-31'],
  ['cp-plan-rate', 'E09000012', 'AT2013-03-31', 'c', '', 'TRUE'],
];

// ---- Tests --------------------------------------------------------------------------------------

describe('cellText', () => {
  it.each<[string, unknown, string]>([
    ['text', 'Walsall', 'Walsall'],
    ['a whole number', 63386, '63386'],
    ['a decimal', 39.6, '39.6'],
    ['float noise', 0.1 + 0.2, '0.3'],
    ['float noise past 15 digits', 9.3699999999999992, '9.37'],
    ['a negative number', -2.5, '-2.5'],
    ['negative zero', -0, '0'],
    ['a tiny number, without an exponent', 1e-7, '0.0000001'],
    ['a huge number, without an exponent', 1e21, '1000000000000000000000'],
    ['a date', march31, '2013-03-31'],
    ['an invalid date', new Date(Number.NaN), ''],
    ['true', true, 'TRUE'],
    ['false', false, 'FALSE'],
    ['an empty cell', null, ''],
    ['a missing cell', undefined, ''],
  ])('writes %s', (_name, cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});

describe('readXlsxTable', () => {
  it('reads the first sheet as text, without its empty last rows', async () => {
    expect(await readXlsxTable(workbook)).toEqual(expectedTable);
  });

  it('reads only the first of several sheets', async () => {
    expect(await readXlsxTable(twoSheets)).toEqual(expectedTable);
  });

  it('reads bytes that are a view into a larger buffer', async () => {
    const padded = new Uint8Array(workbook.length + 16);
    padded.set(workbook, 8);
    expect(await readXlsxTable(padded.subarray(8, 8 + workbook.length))).toEqual(expectedTable);
  });

  it('gives a table the template reader takes', async () => {
    const result = readTemplate(await readXlsxTable(workbook), testContext);
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => [row.areaCode, row.value, row.marker, row.qualityNote])).toEqual([
      ['E08000030', 39.6, null, ''],
      ['E08000028', 0.3, null, '2013-03-31'],
      ['E09000012', null, 'c', 'TRUE'],
    ]);
  });

  it.each<[string, () => Uint8Array | Promise<Uint8Array>]>([
    ['a CSV file renamed .xlsx', () => notAWorkbook],
    ['an empty file', () => new Uint8Array()],
    ['a damaged zip', () => truncatedZip],
    ['a Word document', wordDocument],
  ])('refuses %s', async (_name, bytes) => {
    await expect(readXlsxTable(await bytes())).rejects.toThrow(NOT_XLSX);
  });
});
