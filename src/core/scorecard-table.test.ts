import { describe, expect, it } from 'vitest';
import { parsePeriod } from './periods.ts';
import { alignFigure, isExceptionRow, rowNotes, scorecardTable, shortPeriodLabel, type TableSourceRow } from './scorecard-table.ts';

const row = (over: Partial<TableSourceRow> & { id: string }): TableSourceRow => ({
  code: over.id,
  title: `Row ${over.id}`,
  meta: 'Walsall',
  breakdown: '',
  periods: [],
  figures: [],
  current: null,
  england: { text: '–' },
  region: { text: '–' },
  neighbours: { text: '–' },
  band: { text: '–' },
  significance: { text: '–' },
  target: { text: '–' },
  direction: null,
  rag: null,
  ragReason: '',
  note: '',
  qualityNotes: [],
  ...over,
});

const months = (...codes: string[]) => codes.map((code) => ({ code, label: parsePeriod(code)!.label }));
const figures = (...texts: string[]) => texts.map((text) => ({ text }));
const current = (text: string, periodCode: string) => ({ text, periodCode, periodLabel: periodCode, provisional: false });
const deteriorated = { direction: 'deteriorated', symbol: '▼', label: 'Deteriorated' };
const improved = { direction: 'improved', symbol: '▲', label: 'Improved' };

describe('alignFigure', () => {
  it.each([
    ['46.0%', '46', '.0%', ''],
    ['1,196', '1,196', '', ''],
    ['0.88', '0', '.88', ''],
    ['75.5% (2012-13)', '75', '.5%', '(2012-13)'],
    ['59.7 (At 31 March 2013)', '59', '.7', '(At 31 March 2013)'],
    ['£1,250.50', '£1,250', '.50', ''],
    ['-3.2', '-3', '.2', ''],
    ['67%', '67', '%', ''],
    ['c', 'c', '', ''],
    ['–', '–', '', ''],
  ])('%s → %s | %s | %s', (text, whole, fraction, aside) => {
    expect(alignFigure({ text })).toMatchObject({ text, whole, fraction, aside });
  });
});

describe('shortPeriodLabel', () => {
  it.each([
    ['2013-11', 'November 2013', 'Nov 2013'],
    ['2013-14-Q3', '2013-14 Q3 (October to December 2013)', '2013-14 Q3'],
    ['2013-Q4', 'October to December 2013', 'Oct–Dec 2013'],
    ['FY2013-14', '2013-14', '2013-14'],
    ['AY2013-14', 'Academic year 2013/14', 'AY 2013/14'],
    ['CY2013', '2013', '2013'],
    ['R12-2014-03', '12 months to March 2014', '12 months to Mar 2014'],
    ['AT2013-03-31', 'At 31 March 2013', '31 Mar 2013'],
    ['not a period', 'Whatever it was called', 'Whatever it was called'],
  ])('%s → %s', (code, label, short) => {
    expect(shortPeriodLabel(code, label)).toBe(short);
  });
});

describe('rowNotes', () => {
  it.each([
    { note: '', quality: [], notes: [] },
    { note: '10–15% is considered ideal', quality: [], notes: ['10–15% is considered ideal'] },
    { note: 'Year to date', quality: ['Year to date'], notes: ['Year to date'] },
    {
      note: 'Known recording issues',
      quality: ['Known recording issues: likely an under-estimate'],
      notes: ['Known recording issues: likely an under-estimate'],
    },
    {
      note: 'Known recording issues: likely an under-estimate',
      quality: ['Known recording issues'],
      notes: ['Known recording issues: likely an under-estimate'],
    },
    {
      note: 'Local figure',
      quality: ['Figure revised', 'Local figures only'],
      notes: ['Local figure', 'Figure revised', 'Local figures only'],
    },
    { note: '', quality: ['A', 'B'], notes: ['A', 'B'] },
    { note: 'Local figure.', quality: ['local figure'], notes: ['Local figure.'] },
  ])('$note + $quality', ({ note, quality, notes }) => {
    expect(rowNotes(note, quality)).toEqual(notes);
  });
});

describe('isExceptionRow', () => {
  it.each([
    [{ rag: 'red' as const, direction: null }, true],
    [{ rag: 'green' as const, direction: deteriorated }, true],
    [{ rag: 'amber' as const, direction: improved }, false],
    [{ rag: null, direction: null }, false],
    // Withheld on the public page: nothing narrows a hidden figure down, so it is no exception there.
    [{ rag: 'red' as const, ragHidden: true, direction: deteriorated, directionHidden: true }, false],
  ])('%j → %s', (r, expected) => {
    expect(isExceptionRow(r)).toBe(expected);
  });
});

describe('scorecardTable', () => {
  const sections = [
    {
      title: 'Early help',
      rows: [
        row({
          id: 'eh',
          periods: months('2013-09', '2013-10', '2013-11'),
          figures: figures('169.2', '210.5', '267.5'),
          current: current('267.5', '2013-11'),
          direction: deteriorated,
          note: 'Known recording issues',
          qualityNotes: ['Known recording issues: likely an under-estimate'],
        }),
      ],
    },
    {
      title: 'Assessments',
      rows: [
        row({
          id: 'ia',
          periods: months('FY2012-13', 'FY2013-14'),
          figures: figures('64.9%', '46.0%'),
          current: current('46.0%', 'FY2013-14'),
          rag: 'red',
          direction: deteriorated,
        }),
        row({
          id: 'ca',
          periods: months('FY2012-13', 'FY2013-14'),
          figures: figures('64.7%', '82.6%'),
          current: current('82.6%', 'FY2013-14'),
          rag: 'green',
          direction: improved,
        }),
        row({ id: 'none' }),
      ],
    },
  ];
  const columns = ['previous', 'england', 'direction', 'rag', 'note'];

  it('puts the current figure in the last period column, padding a shorter row on the left', () => {
    const table = scorecardTable(sections, columns, 2);
    expect(table.periodColumns).toBe(3);
    const ia = table.sections[1]!.rows[0]!;
    expect(ia.periods.map((p) => p?.text ?? null)).toEqual([null, '64.9%', '46.0%']);
    expect(ia.periods[2]).toMatchObject({ current: true, whole: '46', fraction: '.0%' });
    expect(table.sections[1]!.rows[2]!.periods).toEqual([null, null, null]);
  });

  it('labels each section with its periods when they differ between sections, and the header generically', () => {
    const table = scorecardTable(sections, columns, 2);
    expect(table.labelledPeriods).toBe(true);
    expect(table.periodHeadings).toEqual(['2 periods before', 'Period before', 'Latest']);
    expect(table.sections.map((s) => s.periodLabels)).toEqual([
      ['Sep 2013', 'Oct 2013', 'Nov 2013'],
      ['', '2012-13', '2013-14'],
    ]);
  });

  it('heads the columns with the periods themselves when every row shares them', () => {
    const table = scorecardTable([sections[1]!], columns, 1);
    expect(table.periodHeadings).toEqual(['2012-13', '2013-14']);
    expect(table.labelledPeriods).toBe(false);
    expect(table.sections[0]!.periodLabels).toBeNull();
  });

  it('shows only the current figure without the "previous" column', () => {
    const table = scorecardTable(sections, ['england', 'rag'], 2);
    expect(table.periodColumns).toBe(1);
    expect(table.sections[0]!.rows[0]!.periods.map((p) => p?.text)).toEqual(['267.5']);
    expect(table.columns.map((c) => c.key)).toEqual(['england', 'rag']);
    expect(table.notes).toBe(false);
  });

  it('keeps the chosen judgement columns in the paper’s order, whatever order they were chosen in', () => {
    const table = scorecardTable(sections, ['rag', 'band', 'neighbours', 'england', 'direction', 'target'], 0);
    expect(table.columns.map((c) => [c.key, c.numeric])).toEqual([
      ['england', true],
      ['neighbours', true],
      ['band', false],
      ['target', true],
      ['direction', false],
      ['rag', false],
    ]);
  });

  it('says each note once', () => {
    expect(scorecardTable(sections, columns, 2).sections[0]!.rows[0]!.notes).toEqual(['Known recording issues: likely an under-estimate']);
  });

  it('summarises ratings, travel, exceptions and contents', () => {
    expect(scorecardTable(sections, columns, 2).summary).toEqual({
      rows: 4,
      rag: { red: 1, amber: 0, green: 1, unrated: 2 },
      travel: { improved: 1, maintained: 0, deteriorated: 2, other: 1 },
      exceptions: [
        { id: 'eh', title: 'Row eh', section: 'Early help', rag: null, deteriorated: true },
        { id: 'ia', title: 'Row ia', section: 'Assessments', rag: 'red', deteriorated: true },
      ],
      contents: [
        { id: 'section-1', title: 'Early help', rows: 1 },
        { id: 'section-2', title: 'Assessments', rows: 3 },
      ],
    });
  });

  it('counts a withheld rating as not rated and withheld travel as not judged', () => {
    const hidden = row({ id: 'h', rag: 'red', ragHidden: true, direction: deteriorated, directionHidden: true });
    const { summary } = scorecardTable([{ title: 'S', rows: [hidden] }], columns, 0);
    expect(summary.rag).toEqual({ red: 0, amber: 0, green: 0, unrated: 1 });
    expect(summary.travel).toEqual({ improved: 0, maintained: 0, deteriorated: 0, other: 1 });
    expect(summary.exceptions).toEqual([]);
  });
});
