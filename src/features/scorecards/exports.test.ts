import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { unzip } from '../../../tests/support/zip.ts';
import { parseCsv } from '../../core/csv-read.ts';
import type { Marker, Unit } from '../../core/indicators.ts';
import { parsePeriod } from '../../core/periods.ts';
import {
  scorecardRow,
  SCORECARD_COLUMNS,
  type RowBenchmarks,
  type RowRagRule,
  type ScorecardColumn,
  type SeriesFigure,
} from '../../core/scorecard.ts';
import { BAND_LABELS, SIGNIFICANCE_LABELS } from '../../core/benchmark-panel.ts';
import { POLARITY_LABELS } from '../../core/indicators.ts';
import { DIRECTION_LEGEND, RAG_LABELS } from '../../core/judgements.ts';
import type { Polarity } from '../../core/benchmarks.ts';
import type { Indicator } from '../../data/repositories/indicators.ts';
import {
  CSV_COLUMNS,
  EmptyScorecardError,
  EXTRA_HEADERS,
  extraColumns,
  numberFormat,
  periodLayout,
  roundTo,
  rowNotes,
  safeText,
  scorecardCsv,
  scorecardDocx,
  scorecardFilename,
  scorecardXlsx,
  sheetNames,
  type ScorecardExport,
} from './exports.ts';
import { PDF_UNAVAILABLE, renderPdf } from './pdf.ts';
import type { ScorecardRowView } from './service.ts';

// ---- Fixture: Walsall-like rows, worked out by core/scorecard.ts --------------------------------

const QUALITY = 'Known recording issues: likely an under-estimate';
const FORMULA_NOTE = '=HYPERLINK("x")';
const REPEATED = 'Figures for 2011-12 were re-based after an audit';

function indicator(code: string, title: string, unit: Unit, decimals: number, polarity: Polarity): Indicator {
  return {
    id: `id-${code}`,
    partnershipId: null,
    agencyId: null,
    version: 1,
    code,
    title,
    definition: '',
    numeratorDefinition: '',
    denominatorDefinition: '',
    unit,
    decimals,
    polarity,
    bandLow: null,
    bandHigh: null,
    frequency: 'annual',
    periodType: 'financial-year',
    lag: '',
    source: '',
    obaCategory: 'how-well',
    themes: [],
  };
}

type Figure = [code: string, label: string, value: number | null, marker?: Marker, qualityNote?: string];

interface RowSpec {
  indicator: Indicator;
  figures: Figure[];
  benchmarks?: RowBenchmarks;
  target?: number;
  ragRule?: RowRagRule;
  breakdown?: string;
  note?: string;
}

function row(spec: RowSpec): ScorecardRowView {
  const series: SeriesFigure[] = spec.figures.map(([code, label, value, marker, qualityNote]) => ({
    periodCode: code,
    periodLabel: label,
    periodType: parsePeriod(code)!.type,
    periodStart: parsePeriod(code)!.start,
    periodEnd: parsePeriod(code)!.end,
    value,
    marker: marker ?? null,
    local: false,
    status: 'final',
    qualityNote: qualityNote ?? '',
  }));
  const view = scorecardRow({
    indicator: spec.indicator,
    series,
    asAt: '2013-11-26',
    previousPeriods: 2,
    benchmarksFor: () => spec.benchmarks,
    targetFor: () => (spec.target === undefined ? undefined : { value: spec.target, tolerance: 1 }),
    ragRule: spec.ragRule ?? 'none',
    tolerance: 1,
    maintainedBand: 0,
  });
  return {
    ...view,
    id: `row-${spec.indicator.code}`,
    indicator: spec.indicator,
    areaName: 'Walsall',
    areaCode: 'E08000030',
    breakdown: spec.breakdown ?? '',
    note: spec.note ?? '',
    ragRule: spec.ragRule ?? 'none',
    chart: false,
    englandTrend: [],
  };
}

const cpRate = row({
  indicator: indicator('cp-plan-rate', 'Children subject to a child protection plan, rate per 10,000', 'rate-10000', 1, 'smaller'),
  figures: [
    ['AT2011-03-31', 'At 31 March 2011', 35.2],
    ['AT2012-03-31', 'At 31 March 2012', 38.0, undefined, QUALITY],
    ['AT2013-03-31', 'At 31 March 2013', 39.598649544063356],
  ],
  benchmarks: { england: 37.9, region: 42.1, neighbourMean: 45.27642, band: 'B', significance: 'similar' },
  target: 36,
  ragRule: 'target',
  note: FORMULA_NOTE,
});

const secondPlans = row({
  indicator: indicator('cp-plan-second-pct', 'Child protection plans for a second or later time', 'percentage', 1, 'smaller'),
  figures: [
    ['FY2011-12', '2011-12', 12.0, undefined, REPEATED],
    ['FY2012-13', '2012-13', null, 'c'],
  ],
  note: REPEATED,
});

const assessments = row({
  indicator: indicator('eh-assessments', 'Early help assessments started', 'count', 0, 'bigger'),
  figures: [
    ['FY2011-12', '2011-12', 1234],
    ['FY2012-13', '2012-13', 1500],
  ],
  benchmarks: { england: null, region: null, neighbourMean: null, band: null, significance: null },
});

const takeUp = row({
  indicator: indicator('eh-take-up', 'Families taking up early help', 'percentage', 1, 'bigger'),
  figures: [
    ['FY2011-12', '2011-12', 64.9],
    ['FY2012-13', '2012-13', 46.0],
  ],
  breakdown: 'Under 5s',
});

const fixture: ScorecardExport = {
  title: 'Children’s Board scorecard',
  partnershipName: 'Walsall Children and Young People’s Partnership',
  boardName: 'Children’s Board',
  asAtLabel: '26 November 2013',
  presentedAs: 'As presented to the Scrutiny and Performance Panel, 26 November 2013',
  columns: [...SCORECARD_COLUMNS],
  sections: [
    { title: 'Safeguarding', rows: [cpRate, secondPlans] },
    { title: 'Early help', rows: [assessments, takeUp] },
  ],
};

const empties: [string, ScorecardExport][] = [
  ['no sections', { ...fixture, sections: [] }],
  ['no rows', { ...fixture, sections: [{ title: 'Safeguarding', rows: [] }] }],
  [
    'rows without figures',
    { ...fixture, sections: [{ title: 'Safeguarding', rows: [{ ...cpRate, periods: [], figures: [], current: null }] }] },
  ],
];

// ---- CSV ----------------------------------------------------------------------------------------

describe('scorecardCsv', () => {
  const lines = parseCsv(scorecardCsv(fixture));
  const header = lines[0]!;
  const records = lines.slice(1).map((line) => Object.fromEntries(header.map((h, i) => [h, line[i]])));

  it('has a line per row and period shown, under the long-format header', () => {
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(records).toHaveLength(9);
    expect(records.map((r) => `${r.indicator_code} ${r.period}`)).toEqual([
      'cp-plan-rate At 31 March 2011',
      'cp-plan-rate At 31 March 2012',
      'cp-plan-rate At 31 March 2013',
      'cp-plan-second-pct 2011-12',
      'cp-plan-second-pct 2012-13',
      'eh-assessments 2011-12',
      'eh-assessments 2012-13',
      'eh-take-up 2011-12',
      'eh-take-up 2012-13',
    ]);
  });

  it('puts the benchmarks and judgements on the current line, with plain numbers', () => {
    const current = records[2]!;
    expect(current).toMatchObject({
      section: 'Safeguarding',
      area: 'Walsall',
      value: '39.6',
      is_current: 'yes',
      england: '37.9',
      region: '42.1',
      neighbour_mean: '45.3',
      quartile_band: 'B',
      significance: 'Similar to England',
      target: '36',
      direction: 'Deteriorated',
      rag: 'Red',
    });
    expect(records[1]).toMatchObject({ value: '38', is_current: 'no', england: '', direction: '', quality_notes: QUALITY });
    expect(records[4]).toMatchObject({ note: REPEATED, quality_notes: '' });
    expect(records[6]).toMatchObject({ value: '1500', direction: 'Improved' });
    expect(records[8]).toMatchObject({ value: '46', breakdown: 'Under 5s', direction: 'Deteriorated' });
  });

  it('writes markers as markers and neutralises formulas', () => {
    expect(records[4]).toMatchObject({ value: '', marker: 'c', is_current: 'yes' });
    expect(records[2]!.note).toBe(`'${FORMULA_NOTE}`);
  });
});

// ---- Excel --------------------------------------------------------------------------------------

/** A workbook as Excel would open it, read by a library other than the one that wrote it. */
async function workbook(x: ScorecardExport): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const file = await scorecardXlsx(x);
  // ExcelJS declares its own Buffer (an ArrayBuffer); it reads Node's.
  await book.xlsx.load(file as unknown as Parameters<typeof book.xlsx.load>[0]);
  return book;
}

/** A sheet's rows as plain values, from the first column (ExcelJS counts from 1). */
const valuesOf = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1)] : []));

/** The cell in a sheet's row under a header. */
function cellUnder(sheet: ExcelJS.Worksheet, rowNumber: number, header: string): ExcelJS.Cell {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(headers).toContain(header);
  return sheet.getRow(rowNumber).getCell(headers.indexOf(header) + 1);
}

const IDENTITY = ['Indicator', 'Area', 'Breakdown', 'Better when'];

describe('scorecardXlsx', () => {
  it('puts the scorecard on one sheet named for it, then Exceptions and a Legend', async () => {
    const book = await workbook(fixture);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Children’s Board scorecard', 'Exceptions', 'Legend']);
  });

  it.each<{ name: string; columns: ScorecardColumn[]; header: string[] }>([
    {
      name: 'every column',
      columns: [...SCORECARD_COLUMNS],
      header: [
        ...IDENTITY,
        '2 periods before',
        'Period before',
        'Latest',
        'Periods shown',
        'England',
        'Region',
        'Neighbour mean',
        'Quartile band',
        'Against England',
        'Target',
        'Direction',
        'RAG',
        'RAG reason',
        'Notes',
      ],
    },
    { name: 'only the rating', columns: ['rag'], header: [...IDENTITY, 'Latest', 'Periods shown', 'RAG', 'RAG reason'] },
    {
      name: 'the benchmarks, in the page’s order whatever order they were chosen in',
      columns: ['band', 'neighbours', 'previous'],
      header: [...IDENTITY, '2 periods before', 'Period before', 'Latest', 'Periods shown', 'Neighbour mean', 'Quartile band'],
    },
  ])('heads the scorecard sheet with the periods and exactly the columns chosen: $name', async ({ columns, header }) => {
    const sheet = (await workbook({ ...fixture, columns })).worksheets[0]!;
    expect(valuesOf(sheet)[0]).toEqual(header);
  });

  it('heads the period columns with the periods themselves when every row shows the same ones', async () => {
    const sheet = (await workbook({ ...fixture, sections: [fixture.sections[1]!] })).worksheets[0]!;
    expect(valuesOf(sheet)[0]!.slice(4, 7)).toEqual(['2011-12', '2012-13', 'England']);
  });

  it('groups each section’s rows under a bold heading row, which names the periods its rows share', async () => {
    const sheet = (await workbook(fixture)).worksheets[0]!;
    const rows = valuesOf(sheet).map((r) => r[0]);
    expect(rows).toEqual([
      'Indicator',
      'Safeguarding',
      cpRate.indicator.title,
      secondPlans.indicator.title,
      'Early help',
      assessments.indicator.title,
      takeUp.indicator.title,
    ]);
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => sheet.getRow(n).outlineLevel)).toEqual([0, 0, 1, 1, 0, 1, 1]);
    expect(sheet.getCell('A2').font?.bold).toBe(true);
    expect(cellUnder(sheet, 5, 'Latest').value).toBe('2012-13');
    expect(cellUnder(sheet, 2, 'Latest').value).toBeNull();
    expect(sheet.properties.outlineLevelRow).toBe(1);
  });

  it.each([
    { what: 'a current figure', row: 3, header: 'Latest', value: 39.6, numFmt: '#,##0.0' },
    { what: 'an earlier figure', row: 3, header: '2 periods before', value: 35.2, numFmt: '#,##0.0' },
    { what: 'a neighbour mean', row: 3, header: 'Neighbour mean', value: 45.3, numFmt: '#,##0.0' },
    { what: 'a target', row: 3, header: 'Target', value: 36, numFmt: '#,##0.0' },
    { what: 'a count', row: 6, header: 'Latest', value: 1500, numFmt: '#,##0' },
    { what: 'a percentage', row: 7, header: 'Latest', value: 46, numFmt: '#,##0.0"%"' },
  ])('stores $what as a number rounded to the indicator’s decimals, with its number format', async ({ row, header, value, numFmt }) => {
    const cell = cellUnder((await workbook(fixture)).worksheets[0]!, row, header);
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.value).toBe(value);
    expect(cell.numFmt).toBe(numFmt);
  });

  it('writes markers as text, judgements in words and notes once', async () => {
    const sheet = (await workbook(fixture)).worksheets[0]!;
    const marker = cellUnder(sheet, 4, 'Latest');
    expect(marker.type).toBe(ExcelJS.ValueType.String);
    expect(marker.value).toBe('c');
    expect(cellUnder(sheet, 4, 'Periods shown').value).toBe('2011-12; 2012-13');
    expect(cellUnder(sheet, 3, 'Direction').value).toBe('▼ Deteriorated');
    expect(cellUnder(sheet, 3, 'RAG').value).toBe('Red – off track');
    expect(cellUnder(sheet, 3, 'RAG reason').value).toBe(cpRate.rag.reason);
    expect(cellUnder(sheet, 3, 'Quartile band').value).toBe('B');
    expect(cellUnder(sheet, 3, 'Against England').value).toBe('Similar to England');
    expect(cellUnder(sheet, 3, 'Better when').value).toBe('Lower');
    expect(cellUnder(sheet, 3, 'Notes').value).toBe(`'${FORMULA_NOTE}\n${QUALITY}`);
    expect(cellUnder(sheet, 4, 'Notes').value).toBe(REPEATED);
    expect(cellUnder(sheet, 7, 'Breakdown').value).toBe('Under 5s');
  });

  it('freezes the header, and prints every sheet landscape on A4, one page wide, the header on each page', async () => {
    const book = await workbook(fixture);
    expect(book.worksheets[0]!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (const sheet of book.worksheets)
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(book.worksheets[0]!.pageSetup.printTitlesRow).toBe('1:1');
    expect(book.worksheets[0]!.getColumn(1).width).toBe(44);
  });

  it('lists the red and deteriorating rows in Exceptions, without commentary columns when the export has none', async () => {
    const sheet = (await workbook(fixture)).worksheets[1]!;
    const [header, ...rows] = valuesOf(sheet);
    expect(header).toEqual(['Section', 'Indicator', 'Area', 'Period', 'Figure', 'Direction', 'RAG', 'RAG reason']);
    expect(rows.map((r) => r[1])).toEqual([cpRate.indicator.title, takeUp.indicator.title]);
    expect(sheet.getCell('E2').value).toBe(39.6);
    expect(sheet.getCell('E2').numFmt).toBe('#,##0.0');
  });

  it('explains the columns, markers and the notes on the data in the Legend', async () => {
    const legend = valuesOf((await workbook(fixture)).worksheets[2]!).map((r) => r.filter(Boolean).join(' | '));
    expect(legend).toContain('▼ Deteriorated | Worse than the previous comparable period');
    expect(legend).toContain('c | Suppressed to protect confidentiality');
    expect(legend).toContain('B | B – second quarter');
    expect(legend).toContain('Presented | As presented to the Scrutiny and Performance Panel, 26 November 2013');
    expect(legend).toContain('Notes on the data');
    expect(legend).toContain(QUALITY);
    expect(legend.find((l) => l.startsWith('Period columns'))).toContain('how far back');
  });

  it('formats numbers with the indicator’s decimals', () => {
    expect(numberFormat('percentage', 1)).toBe('#,##0.0"%"');
    expect(numberFormat('count', 0)).toBe('#,##0');
    expect(numberFormat('currency', 2)).toBe('"£"#,##0.00');
    expect(numberFormat('rate-10000', 1)).toBe('#,##0.0');
  });

  it('names sheets as Excel allows', () => {
    const names = sheetNames(
      [
        'Legend',
        'Health: [0-5] / school?',
        'A very long section title that goes on and on',
        'A very long section title that goes on and on',
        '',
        'history',
      ],
      ['Legend'],
    );
    expect(names).toEqual([
      'Legend (2)',
      'Health 0-5 school',
      'A very long section title that',
      'A very long section title t (2)',
      'Section 5',
      'History section',
    ]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });

  it('neutralises text that a spreadsheet would run', () => {
    expect(safeText('=1+1')).toBe("'=1+1");
    expect(safeText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeText('-2')).toBe("'-2");
    expect(safeText('Walsall')).toBe('Walsall');
  });
});

describe('roundTo', () => {
  it.each([
    { value: 39.598649544063356, decimals: 1, out: 39.6 },
    { value: 1234.5, decimals: 0, out: 1235 },
    { value: 0.125, decimals: 2, out: 0.13 },
    { value: -0.04, decimals: 1, out: 0 },
    { value: 46, decimals: 1, out: 46 },
    { value: 1 / 3, decimals: 20, out: 0.3333333333 },
  ])('rounds $value to $decimals places as the page shows it: $out', ({ value, decimals, out }) => {
    expect(roundTo(value, decimals)).toBe(out);
  });
});

describe('rowNotes', () => {
  it.each([
    { note: '', quality: [QUALITY], out: [QUALITY] },
    { note: REPEATED, quality: [REPEATED], out: [REPEATED] },
    { note: `${REPEATED}.`, quality: [REPEATED.toUpperCase(), QUALITY], out: [`${REPEATED}.`, QUALITY] },
    { note: `${QUALITY} (see the appendix)`, quality: [QUALITY], out: [`${QUALITY} (see the appendix)`] },
    // One note saying all another does: the fuller one stands in the first one's place.
    { note: 'Provisional', quality: ['Provisional figures: may be revised'], out: ['Provisional figures: may be revised'] },
    { note: '  ', quality: [], out: [] },
  ])('says each note once: $note with $quality', ({ note, quality, out }) => {
    expect(rowNotes({ note, qualityNotes: quality })).toEqual(out);
  });
});

// ---- Word ---------------------------------------------------------------------------------------

describe('scorecardDocx', () => {
  it('is a board paper with a table per section, words for judgements, and footnotes', async () => {
    const files = unzip(await scorecardDocx(fixture));
    const document = files.get('word/document.xml')!.toString('utf8');
    const footnotes = files.get('word/footnotes.xml')!.toString('utf8');
    expect(document).toContain('Children’s Board scorecard');
    expect(document).toContain('Figures as at 26 November 2013');
    expect(document).toContain('As presented to the Scrutiny and Performance Panel, 26 November 2013');
    expect(document).toContain('>Safeguarding<');
    expect(document).toContain('>Early help<');
    expect(document.match(/<w:tbl>/g)).toHaveLength(2);
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('▼ Deteriorated');
    expect(document).toContain('▲ Improved');
    expect(document).toContain('Red – off track');
    expect(document).toContain('39.6');
    expect(document).toContain('46.0%');
    expect(document).toContain('1,500');
    expect(document).toContain('w:footnoteReference w:id="1"');
    expect(footnotes).toContain(`Data quality: ${QUALITY}`);
    // A note the row's note already says is not footnoted as well.
    expect(footnotes).not.toContain(REPEATED);
    expect(document.split(REPEATED)).toHaveLength(2);
    expect(document).toContain('How to read this scorecard');
    expect(document).toContain('w:orient="landscape"');
    expect([...files.keys()].filter((name) => name.startsWith('word/media/'))).toEqual([]);
    expect(document).not.toContain('Charts for selected areas');
  });

  it('prints the rows chosen for charting as images with alt text, each with a table of its figures', async () => {
    const charted = { ...cpRate, chart: true, englandTrend: [35.5, 37.8, 37.9] };
    const unchartable = { ...secondPlans, chart: true, figures: secondPlans.figures.map((f) => ({ ...f, value: null })) };
    const files = unzip(await scorecardDocx({ ...fixture, sections: [{ title: 'Safeguarding', rows: [charted, unchartable] }] }));
    const document = files.get('word/document.xml')!.toString('utf8');
    const images = [...files.keys()].filter((name) => name.startsWith('word/media/'));
    expect(images).toHaveLength(1);
    const png = files.get(images[0]!)!;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1280); // IHDR width: twice the 640 pixels it is shown at
    expect(document).toContain('Charts for selected areas');
    const alt =
      'Line chart of Children subject to a child protection plan, rate per 10,000, Walsall. ' +
      'Walsall from 35.2 at 31 March 2011 to 39.6 at 31 March 2013; England 35.5 to 37.9.';
    expect(document).toContain(`descr="${alt}"`);
    // The chart's figures as a table: period, Walsall and England, after the section's own table.
    expect(document.match(/<w:tbl>/g)).toHaveLength(2);
    expect(document.slice(document.indexOf('Charts for selected areas'))).toMatch(/At 31 March 2012[\s\S]*38\.0[\s\S]*37\.8/);
  });
});

describe('the exception report in the papers', () => {
  const withExceptions: ScorecardExport = {
    ...fixture,
    exceptions: [
      {
        section: 'Safeguarding',
        row: cpRate,
        commentary: {
          story: 'More families stepped up from early help.',
          whatWorks: '=HYPERLINK("x")',
          nextSteps: 'Review every plan open over 18 months.',
          who: 'Head of safeguarding',
          byWhen: '2014-03-31',
        },
      },
      { section: 'Early help', row: takeUp, commentary: null },
    ],
  };

  it('puts each row and its commentary in the Word paper, and says where there is none', async () => {
    const document = unzip(await scorecardDocx(withExceptions))
      .get('word/document.xml')!
      .toString('utf8');
    const report = document.slice(document.indexOf('>Exception report<'));
    expect(report).toContain('Children subject to a child protection plan, rate per 10,000, Walsall: 39.6 (At 31 March 2013)');
    expect(report).toMatch(/The story behind the curve[\s\S]*More families stepped up from early help\./);
    expect(report).toMatch(/By when[\s\S]*31 March 2014/);
    expect(report).toContain('No commentary had been written when the pack was frozen.');
  });

  it('gives it the Exceptions sheet in Excel, a line per row with its commentary, neutralised', async () => {
    const sheet = (await workbook(withExceptions)).getWorksheet('Exceptions')!;
    const [header, first, second] = valuesOf(sheet);
    expect(header).toEqual([
      'Section',
      'Indicator',
      'Area',
      'Period',
      'Figure',
      'Direction',
      'RAG',
      'RAG reason',
      'The story behind the curve',
      'What works',
      'What we will do',
      'Who',
      'By when',
    ]);
    expect(first).toEqual([
      'Safeguarding',
      'Children subject to a child protection plan, rate per 10,000',
      'Walsall',
      'At 31 March 2013',
      39.6,
      '▼ Deteriorated',
      'Red – off track',
      cpRate.rag.reason,
      'More families stepped up from early help.',
      `'=HYPERLINK("x")`,
      'Review every plan open over 18 months.',
      'Head of safeguarding',
      '31 March 2014',
    ]);
    expect(second?.[8]).toBe('No commentary had been written when the pack was frozen.');
  });

  it('says so in Excel when no row is an exception', async () => {
    const sheet = (await workbook({ ...withExceptions, exceptions: [] })).getWorksheet('Exceptions')!;
    expect(valuesOf(sheet)[1]).toEqual(['No row was red or worse than the period before.']);
  });

  it('leaves it out of a Word paper that was not given one', async () => {
    expect(
      unzip(await scorecardDocx(fixture))
        .get('word/document.xml')!
        .toString('utf8'),
    ).not.toContain('>Exception report<');
  });
});

describe('an empty scorecard', () => {
  it.each(empties)('with %s is refused by every format', async (_name, empty) => {
    expect(() => scorecardCsv(empty)).toThrow(EmptyScorecardError);
    await expect(scorecardXlsx(empty)).rejects.toThrow(EmptyScorecardError);
    await expect(scorecardDocx(empty)).rejects.toThrow('This scorecard has no figures to export yet');
  });
});

describe('scorecardFilename', () => {
  it('is letters, digits and hyphens', () => {
    expect(scorecardFilename('Children’s Board: scorecard 2013/14', 'xlsx')).toBe('children-s-board-scorecard-2013-14.xlsx');
    expect(scorecardFilename('   ', 'pdf')).toBe('scorecard.pdf');
  });
});

// ---- PDF ----------------------------------------------------------------------------------------

const root = fileURLToPath(new URL('../../../', import.meta.url));
const views = new nunjucks.Environment(
  new nunjucks.FileSystemLoader(['src/web/views', 'src/features', 'node_modules/govuk-frontend/dist'].map((p) => path.join(root, p))),
  { autoescape: true },
);
views.addFilter('date', (d: string) => d);

/** The page Chromium prints, as the routes render it. */
const printPage = (x: ScorecardExport, template = 'scorecards/views/print.njk') =>
  views.render(template, { x, charts: [], POLARITY_LABELS, RAG_LABELS, SIGNIFICANCE_LABELS, BAND_LABELS, DIRECTION_LEGEND });

const textOf = (html: string) => html.replace(/<[^>]+>/g, '').trim();
const cellsOf = (html: string, tag: 'th' | 'td') =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
const printHeader = (html: string) => cellsOf(html.slice(html.indexOf('<thead>'), html.indexOf('</thead>')), 'th').map(textOf);
const printRow = (html: string, title: string) => {
  const start = html.lastIndexOf('<tr>', html.indexOf(`>${title}`));
  return html.slice(start, html.indexOf('</tr>', start));
};

describe('the print page the PDF is made from', () => {
  it.each<{ name: string; columns: ScorecardColumn[]; header: string[] }>([
    {
      name: 'every column',
      columns: [...SCORECARD_COLUMNS],
      header: [
        'Indicator',
        '2 periods before',
        'Period before',
        'Latest',
        'England',
        'Region',
        'Neighbour mean',
        'Quartile band',
        'Against England',
        'Target',
        'Direction',
        'RAG',
      ],
    },
    { name: 'only the rating', columns: ['rag'], header: ['Indicator', 'Latest', 'RAG'] },
    {
      name: 'the benchmarks the testers missed',
      columns: ['neighbours', 'band', 'previous', 'region', 'significance', 'target'],
      header: [
        'Indicator',
        '2 periods before',
        'Period before',
        'Latest',
        'Region',
        'Neighbour mean',
        'Quartile band',
        'Against England',
        'Target',
      ],
    },
  ])('carries exactly the columns chosen, as the workbook does: $name', ({ columns, header }) => {
    const x = { ...fixture, columns };
    expect(printHeader(printPage(x))).toEqual(header);
    const workbookColumns = extraColumns(x).filter((c) => c !== 'note');
    expect(printHeader(printPage(x))).toEqual(['Indicator', ...periodLayout(x).headings, ...workbookColumns.map((c) => EXTRA_HEADERS[c])]);
  });

  it('heads the period columns with the periods when every row shows the same ones, as the workbook does', () => {
    const x = { ...fixture, sections: [fixture.sections[1]!] };
    expect(printHeader(printPage(x)).slice(0, 3)).toEqual(['Indicator', '2011-12', '2012-13']);
    expect(periodLayout(x).headings).toEqual(['2011-12', '2012-13']);
  });

  it('is one table with a header that repeats on each page, the sections as groups of rows', () => {
    const html = printPage(fixture);
    expect(html.match(/<table class="scorecard"/g)).toHaveLength(1);
    expect(html.match(/<thead>/g)).toHaveLength(1);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('@page { size: A4 landscape; }');
    expect(cellsOf(html, 'th').filter((c) => c === 'Safeguarding' || c === 'Early help')).toEqual(['Safeguarding', 'Early help']);
  });

  it('shows the benchmarks and judgements the page shows, and each figure’s period where the headings cannot', () => {
    const rate = printRow(printPage(fixture), cpRate.indicator.title);
    expect(cellsOf(rate, 'td').map(textOf)).toEqual([
      '35.2At 31 March 2011',
      '38.0At 31 March 2012',
      '39.6At 31 March 2013',
      '37.9',
      '42.1',
      '45.3',
      'B',
      'Similar to England',
      '36.0',
      '▼ Deteriorated',
      'Red – off track',
    ]);
  });

  it('puts why a row is rated and its notes, each once, under its title', () => {
    const html = printPage(fixture);
    const rate = cellsOf(printRow(html, cpRate.indicator.title), 'th')[0]!;
    expect(rate).toContain(`<span class="note">${cpRate.rag.reason}</span>`);
    expect(rate).toContain(`<span class="note">${QUALITY}</span>`);
    expect(rate).toContain('<span class="note">=HYPERLINK(&quot;x&quot;)</span>');
    const second = cellsOf(printRow(html, secondPlans.indicator.title), 'th')[0]!;
    expect(second.split(REPEATED)).toHaveLength(2);
    expect(printRow(printPage({ ...fixture, columns: ['rag'] }), secondPlans.indicator.title)).not.toContain(REPEATED);
  });

  it('says in a pack’s print page that it is as presented', () => {
    const html = printPage(fixture, 'packs/views/print.njk');
    expect(html).toContain('As presented to the Scrutiny and Performance Panel, 26 November 2013.');
    expect(printHeader(html)).toContain('Neighbour mean');
  });
});

describe('renderPdf', () => {
  it('says PDF is unavailable when Chromium is missing', async () => {
    expect(await renderPdf('<p>Hello</p>', '/nonexistent/chromium')).toEqual({ unavailable: PDF_UNAVAILABLE });
  });

  it.skipIf(!existsSync(loadConfig().chromiumPath))(
    'prints the scorecard’s print page with Chromium, landscape',
    async () => {
      const pdf = await renderPdf(
        printPage(fixture).replace('</head>', '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>'),
        loadConfig().chromiumPath,
      );
      expect(Buffer.isBuffer(pdf)).toBe(true);
      const text = (pdf as Buffer).toString('latin1');
      expect(text.slice(0, 5)).toBe('%PDF-');
      const [, width, height] = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text)!.map(Number);
      expect(width).toBeGreaterThan(height!);
    },
    60_000,
  );
});
