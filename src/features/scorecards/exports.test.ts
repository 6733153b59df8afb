import { existsSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { unzip } from '../../../tests/support/zip.ts';
import { parseCsv } from '../../core/csv-read.ts';
import type { Marker, Unit } from '../../core/indicators.ts';
import { parsePeriod } from '../../core/periods.ts';
import { scorecardRow, SCORECARD_COLUMNS, type RowBenchmarks, type RowRagRule, type SeriesFigure } from '../../core/scorecard.ts';
import type { Polarity } from '../../core/benchmarks.ts';
import type { Indicator } from '../../data/repositories/indicators.ts';
import {
  CSV_COLUMNS,
  EmptyScorecardError,
  numberFormat,
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
    ['AT2013-03-31', 'At 31 March 2013', 39.6],
  ],
  benchmarks: { england: 37.9, region: 42.1, neighbourMean: 45.3, band: 'B', significance: 'similar' },
  target: 36,
  ragRule: 'target',
  note: FORMULA_NOTE,
});

const secondPlans = row({
  indicator: indicator('cp-plan-second-pct', 'Child protection plans for a second or later time', 'percentage', 1, 'smaller'),
  figures: [
    ['FY2011-12', '2011-12', 12.0],
    ['FY2012-13', '2012-13', null, 'c'],
  ],
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
    expect(records[6]).toMatchObject({ value: '1500', direction: 'Improved' });
    expect(records[8]).toMatchObject({ value: '46', breakdown: 'Under 5s', direction: 'Deteriorated' });
  });

  it('writes markers as markers and neutralises formulas', () => {
    expect(records[4]).toMatchObject({ value: '', marker: 'c', is_current: 'yes' });
    expect(records[2]!.note).toBe(`'${FORMULA_NOTE}`);
  });
});

// ---- Excel --------------------------------------------------------------------------------------

describe('scorecardXlsx', () => {
  it('has a sheet per section and a legend, with numbers as numbers', async () => {
    const sheets = await readXlsxFile(await scorecardXlsx(fixture));
    expect(sheets.map((s) => s.sheet)).toEqual(['Safeguarding', 'Early help', 'Legend']);

    const [header, rate, second] = sheets[0]!.data;
    expect(header).toEqual([
      'Indicator',
      'Area',
      'Better when',
      'At 31 March 2011',
      '2011-12',
      'At 31 March 2012',
      '2012-13',
      'At 31 March 2013',
      'England',
      'Region',
      'Neighbour mean',
      'Band',
      'Significance',
      'Target',
      'Direction',
      'RAG',
      'RAG reason',
      'Notes',
      'Data quality',
    ]);
    const cell = (r: unknown[] | undefined, name: string) => r?.[header!.indexOf(name)];
    expect(cell(rate, 'At 31 March 2013')).toBe(39.6);
    expect(cell(rate, 'At 31 March 2011')).toBe(35.2);
    expect(cell(rate, '2012-13')).toBeNull();
    expect(cell(rate, 'England')).toBe(37.9);
    expect(cell(rate, 'Target')).toBe(36);
    expect(cell(rate, 'Direction')).toBe('▼ Deteriorated');
    expect(cell(rate, 'RAG')).toBe('Red – off track');
    expect(cell(rate, 'Better when')).toBe('Lower');
    expect(cell(rate, 'Notes')).toBe(`'${FORMULA_NOTE}`);
    expect(cell(rate, 'Data quality')).toBe(QUALITY);
    expect(cell(second, '2012-13')).toBe('c');
    expect(cell(second, '2011-12')).toBe(12);

    const [earlyHeader, count, pct] = sheets[1]!.data;
    expect(earlyHeader!.slice(0, 6)).toEqual(['Indicator', 'Area', 'Breakdown', 'Better when', '2011-12', '2012-13']);
    expect(count![5]).toBe(1500);
    expect(pct![5]).toBe(46);
    expect(pct![2]).toBe('Under 5s');

    const legend = sheets[2]!.data.map((r) => r.join(' | '));
    expect(legend).toContain('▼ Deteriorated | Worse than the previous comparable period');
    expect(legend).toContain('c | Suppressed to protect confidentiality');
    expect(legend).toContain('Presented | As presented to the Scrutiny and Performance Panel, 26 November 2013');
  });

  it('shows only the current figures without the previous column, and only the columns chosen', async () => {
    const sheets = await readXlsxFile(await scorecardXlsx({ ...fixture, columns: ['rag'] }));
    expect(sheets[0]!.data[0]).toEqual([
      'Indicator',
      'Area',
      'Better when',
      '2012-13',
      'At 31 March 2013',
      'RAG',
      'RAG reason',
      'Data quality',
    ]);
    expect(sheets[0]!.data[1]!.slice(3, 5)).toEqual([null, 39.6]);
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

  it('gives it a sheet in Excel, a line per row, commentary neutralised', async () => {
    const sheets = await readXlsxFile(await scorecardXlsx(withExceptions));
    expect(sheets.map((s) => s.sheet)).toEqual(['Safeguarding', 'Early help', 'Exception report', 'Legend']);
    const [header, first, second] = sheets[2]!.data;
    expect(header).toEqual([
      'Section',
      'Indicator',
      'Area',
      'Period',
      'Figure',
      'Direction of travel',
      'RAG',
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
      '39.6',
      cpRate.direction ? `${cpRate.direction.symbol} ${cpRate.direction.label}` : 'No comparison',
      expect.stringMatching(/^(Red|Amber|Green|Not rated)/),
      'More families stepped up from early help.',
      `'=HYPERLINK("x")`,
      'Review every plan open over 18 months.',
      'Head of safeguarding',
      '31 March 2014',
    ]);
    expect(second?.[7]).toBe('No commentary had been written when the pack was frozen.');
  });

  it('leaves it out of a paper that was not given one', async () => {
    const sheets = await readXlsxFile(await scorecardXlsx(fixture));
    expect(sheets.map((s) => s.sheet)).not.toContain('Exception report');
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

describe('renderPdf', () => {
  it('says PDF is unavailable when Chromium is missing', async () => {
    expect(await renderPdf('<p>Hello</p>', '/nonexistent/chromium')).toEqual({ unavailable: PDF_UNAVAILABLE });
  });

  it.skipIf(!existsSync(loadConfig().chromiumPath))(
    'prints a page with Chromium',
    async () => {
      const pdf = await renderPdf(
        '<!doctype html><html><head><title>T</title><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body><h1>Scorecard</h1></body></html>',
        loadConfig().chromiumPath,
      );
      expect(Buffer.isBuffer(pdf)).toBe(true);
      expect((pdf as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    60_000,
  );
});
