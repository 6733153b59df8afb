import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTo, sheetNames } from '../src/features/scorecards/exports.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';

const Q3_2013 = 'Children’s Scrutiny Board scorecard, Q3 2013';
const BENCHMARKS = 'Children’s social care benchmarks (published statistics)';

/** The decimal places an Excel number format shows, e.g. 1 for '#,##0.0"%"'. */
const placesOf = (numFmt: string) => /\.(0+)/.exec(numFmt)?.[1]?.length ?? 0;

describe.each(DIALECTS)('scorecard exports as the page shows them (%s)', (dialect) => {
  let t: TestApp;
  let viewer: Client;
  const hrefs = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    viewer = await t.signedIn('viewer@walsall.example');
    const list = (await viewer.get('/p/walsall/scorecards')).body;
    for (const title of [Q3_2013, BENCHMARKS])
      hrefs.set(title, new RegExp(`href="(/p/walsall/scorecards/[0-9a-f-]{36})">${title.replace(/[()]/g, '\\$&')}`).exec(list)![1]!);
  });
  afterAll(() => t.close());

  const workbookOf = async (title: string) => {
    const res = await viewer.get(`${hrefs.get(title)}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as Parameters<typeof book.xlsx.load>[0]);
    return book;
  };

  it('sends the Q3 2013 scorecard as one sheet named for it, then Exceptions and a Legend', async () => {
    const book = await workbookOf(Q3_2013);
    expect(book.worksheets.map((s) => s.name)).toEqual([...sheetNames([Q3_2013], ['Exceptions', 'Legend']), 'Exceptions', 'Legend']);
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['Indicator', 'Latest', 'England', 'Direction', 'RAG', 'RAG reason', 'Notes']));
    expect(header).not.toContain('Neighbour mean');
    const exceptions = book.getWorksheet('Exceptions')!;
    expect(exceptions.getColumn(2).values).toContain('Initial assessments completed within 10 working days');
  });

  it('stores every figure rounded to the decimals its number format shows, as the page shows it', async () => {
    const sheet = (await workbookOf(Q3_2013)).worksheets[0]!;
    const numbers: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => (cell.type === ExcelJS.ValueType.Number ? numbers.push(cell) : undefined)));
    expect(numbers.length).toBeGreaterThan(20);
    for (const cell of numbers) expect(cell.value).toBe(roundTo(cell.value as number, placesOf(cell.numFmt)));
    const initial = sheet.getColumn(1).values.indexOf('Initial assessments completed within 10 working days');
    const latest = (sheet.getRow(1).values as unknown[]).indexOf('Latest');
    expect(sheet.getRow(initial).getCell(latest).value).toBe(46);
    expect(sheet.getRow(initial).getCell(latest).numFmt).toBe('#,##0.0"%"');
  });

  it('carries the neighbour mean, quartile band, region and significance the benchmarks scorecard chose', async () => {
    const header = ((await workbookOf(BENCHMARKS)).worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(header.indexOf('England'))).toEqual([
      'England',
      'Region',
      'Neighbour mean',
      'Quartile band',
      'Against England',
      'Direction',
      'RAG',
      'RAG reason',
    ]);
  });
});
