import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../core/csv-read.ts';
import { NATIONAL_FILES } from './catalogue.ts';
import { areaCodeIndex, nationalFileTable, readAreas, readLait, readNeighbours, readPopulation, readSfr36Cla2013 } from './reference.ts';

const reference = (name: string) => decodeText(readFileSync(new URL(`../../reference/benchmarks/${name}`, import.meta.url))).text;

const POPULATION_FILE = 'ons_mid-year_population_estimates_2012_to_2024.csv';
const TIDY_FILES = [...new Set(NATIONAL_FILES.map((file) => file.file)), POPULATION_FILE];

/** Everything the national loader reads, through these functions. */
function readAll() {
  const areas = readAreas(reference('la_lookup.csv'), TIDY_FILES.map(reference));
  return {
    areas,
    sn2021: readNeighbours(reference('statistical_neighbours_2021.csv'), 'sn2021'),
    sn2025: readNeighbours(reference('statistical_neighbours_2025.csv'), 'sn2025'),
    population: readPopulation(reference(POPULATION_FILE)),
    lait: readLait(reference('lait_measures.csv'), reference('lait_scorecard_subset_2016_2025.csv'), areas),
    sfr36: readSfr36Cla2013(reference('SFR36_CLA2013_la_table.csv'), areas),
    tables: NATIONAL_FILES.map((file) => nationalFileTable(file, reference(file.file))),
  };
}

// How long reading takes is measured by `npm run bench`, not asserted here (timed tests are flaky).
const all = readAll();

const { areas, sn2021, sn2025, population, lait, sfr36 } = all;
const area = (oldCode: string) => areas.find((a) => a.oldCode === oldCode);
const councils = areas.filter((a) => a.level === 'la');
const currentCouncils = councils.filter((a) => a.lastYear === null);
const lastYears = (codes: string[]) => Object.fromEntries(codes.map((code) => [code, area(code)?.lastYear]));
const neighbourCount = (rows: typeof sn2025, oldCode: string) => rows.filter((row) => row.areaOldCode === oldCode).length;
const laitRow = (indicatorCode: string, areaCode: string, period: string) =>
  lait.find((row) => row.indicatorCode === indicatorCode && row.areaCode === areaCode && row.period.code === period);
const significantDigits = (value: number) => String(value).replace(/^-?0?\.?0*|[.-]|e.*$/g, '').length;

describe('readAreas', () => {
  it('has England, the nine regions and at least 150 councils, each once', () => {
    expect(areas.filter((a) => a.level !== 'la').map((a) => a.code)).toEqual([
      'E92000001',
      'E12000001',
      'E12000002',
      'E12000003',
      'E12000004',
      'E12000005',
      'E12000006',
      'E12000007',
      'E12000008',
      'E12000009',
    ]);
    expect(councils.length).toBeGreaterThanOrEqual(150);
    expect(new Set(areas.map((a) => a.code)).size).toBe(areas.length);
    expect(new Set(councils.map((a) => a.oldCode)).size).toBe(councils.length);
  });

  it('knows Walsall', () => {
    expect(area('335')).toEqual({
      code: 'E08000030',
      oldCode: '335',
      name: 'Walsall',
      level: 'la',
      regionCode: 'E12000005',
      laType: 'MD',
      lastYear: null,
      formerCodes: [],
    });
  });

  it('puts every council in one of the nine regions, London councils in London', () => {
    expect(councils.filter((a) => !/^E1200000[1-9]$/.test(a.regionCode ?? ''))).toEqual([]);
    expect(area('202')?.regionCode).toBe('E12000007');
  });

  it('gives abolished councils the last year ending 31 March they existed in', () => {
    expect(lastYears(['928', '909', '835', '836', '837', '940'])).toEqual({
      928: 2021,
      909: 2023,
      835: 2019,
      836: 2019,
      837: 2019,
      940: null,
    });
  });

  it('keeps one area for a council whose ONS code changed, with the old code as a former code', () => {
    expect(area('815')).toMatchObject({ code: 'E06000065', name: 'North Yorkshire', formerCodes: ['E10000023'] });
    expect(area('390')).toMatchObject({ code: 'E08000037', formerCodes: ['E08000020'] });
  });
});

describe('areaCodeIndex', () => {
  const resolve = areaCodeIndex(areas);
  it.each([
    ['E08000030', 'E08000030'],
    ['335', 'E08000030'],
    ['335.0', 'E08000030'],
    ['e08000030', 'E08000030'],
    ['E10000023', 'E06000065'],
    ['E12000005', 'E12000005'],
    ['E13000001', undefined],
    ['999', undefined],
  ])('reads %s as %s', (code, expected) => {
    expect(resolve(code)).toBe(expected);
  });
});

describe('readNeighbours', () => {
  it('gives each current council ten 2025 neighbours, all known councils', () => {
    expect(currentCouncils.filter((a) => neighbourCount(sn2025, a.oldCode ?? '') !== 10)).toEqual([]);
    expect(sn2025.filter((row) => !area(row.neighbourOldCode))).toEqual([]);
  });

  it("reads Walsall's 2025 list in order, closeness trimmed", () => {
    expect(
      sn2025.filter((row) => row.areaOldCode === '335').map((row) => `${row.position} ${row.neighbourOldCode} ${row.closeness}`),
    ).toEqual([
      '1 354 Very close',
      '2 861 Very close',
      '3 357 Very close',
      '4 336 Very close',
      '5 371 Very close',
      '6 831 Very close',
      '7 350 Very close',
      '8 372 Very close',
      '9 812 Close',
      '10 333 Close',
    ]);
  });

  it('reads the 2021 layout (repeated SNP headings, trailing column, old lists of abolished councils)', () => {
    expect(sn2021.find((row) => row.areaOldCode === '335' && row.position === 10)).toEqual({
      set: 'sn2021',
      areaOldCode: '335',
      neighbourOldCode: '894',
      position: 10,
      closeness: 'Close',
    });
    expect(neighbourCount(sn2021, '928')).toBe(10);
    expect(sn2021.filter((row) => !area(row.neighbourOldCode))).toEqual([]);
  });

  it('writes closeness one way in both sets', () => {
    expect(new Set([...sn2021, ...sn2025].map((row) => row.closeness))).toEqual(
      new Set(['Extremely close', 'Very close', 'Close', 'Somewhat close', 'Not close']),
    );
  });
});

describe('readPopulation', () => {
  it("has Walsall's children aged 0 to 17 in mid-2012", () => {
    expect(population.get('E08000030')?.get(2012)).toBe(63_386);
  });

  it('has England and the regions', () => {
    expect(population.get('E92000001')?.get(2024)).toBe(12_183_016);
    expect(population.get('E12000001')?.get(2024)).toBe(542_710);
  });

  it("finds a council's figures under each code it has had", () => {
    expect(population.get('E06000065')?.get(2022)).toBe(114_700);
    expect(population.get('E10000023')?.get(2024)).toBe(115_721);
  });
});

describe('readLait', () => {
  it('reads years by the year type: financial, academic, calendar, at 31 March, to 30 September', () => {
    expect(laitRow('lait-cpp-total-num-ref', 'E08000030', 'FY2015-16')?.value).toBe(3899);
    expect(laitRow('lait-ks2rwm-expected-std', 'E92000001', 'AY2015-16')?.value).toBe(54);
    expect(laitRow('lait-ks2rwm-expected-std', 'E92000001', 'AY2019-20')).toMatchObject({ value: null, marker: 'x' });
    expect(laitRow('lait-tot-perm-ex', 'E08000030', 'AY2015-16')?.value).toBe(0.15917);
    expect(laitRow('lait-inf-mort', 'E92000001', 'CY2016')?.value).toBe(3.9);
    expect(laitRow('lait-cpp-rate', 'E08000030', 'AT2016-03-31')?.value).toBe(57.7);
    expect(laitRow('lait-work-force-agecy-rate', 'E92000001', 'AT2016-09-30')?.value).toBe(16.1);
    expect(laitRow('lait-work-force-to-rate', 'E92000001', 'R12-2016-09')?.value).toBe(15.1);
  });

  it('places England and regions by name, skipping Inner and Outer London', () => {
    expect(laitRow('lait-cpp-rate', 'E12000003', 'AT2016-03-31')?.oldLaCode).toBe('982');
    expect(lait.filter((row) => ['987', '988'].includes(row.oldLaCode))).toEqual([]);
  });

  it('cleans float noise and reads exponents', () => {
    expect(laitRow('lait-prev-reg-cpr', 'E92000001', 'FY2015-16')?.value).toBe(17.9);
    expect(lait.filter((row) => row.value !== null && significantDigits(row.value) > 10)).toEqual([]);
  });

  it('reads a duplicated measure once', () => {
    expect(lait.filter((row) => row.indicatorCode === 'lait-lac-pers-abs' && row.areaCode === 'E08000030')).toHaveLength(9);
  });

  it("leaves out LAIT's England first-time-entrant figure, which is the regions' rates added up", () => {
    expect(laitRow('lait-first-yjs', 'E92000001', 'CY2016')).toMatchObject({
      value: null,
      marker: 'x',
      qualityNote: expect.stringMatching(/sum/),
    });
    expect(laitRow('lait-first-yjs', 'E08000030', 'CY2016')?.value).toBe(284);
  });
});

describe('readSfr36Cla2013', () => {
  const counts = Object.fromEntries(sfr36.map((row) => [row.areaCode, row.count]));

  it('gives children looked after at 31 March 2013 for England, the nine regions and each council', () => {
    expect(sfr36).toHaveLength(161);
    expect(counts).toMatchObject({ E92000001: 68_110, E12000007: 10_090, E08000030: 576 });
    expect(sfr36[0]?.period.code).toBe('AT2013-03-31');
  });

  it("files a council under today's code", () => {
    expect(sfr36.find((row) => row.oldLaCode === '390')).toMatchObject({ areaCode: 'E08000037', count: 388 });
  });

  const walsallWith = (value: string) =>
    readSfr36Cla2013(`New_geog_code,geog_l,geog_c,geog_n,CLA_Mar2013\r\nE08000030,LA,335,Walsall,"${value}"\r\n`, areas)[0];
  it.each([
    ['1,234', 1234, null],
    ['576', 576, null],
    ['x', null, 'c'],
    ['.', null, 'z'],
    ['..', null, 'x'],
    ['#VALUE!', null, 'x'],
  ])('reads %s as %s (%s)', (value, count, marker) => {
    expect(walsallWith(value)).toMatchObject({ count, marker });
  });
});

describe('nationalFileTable', () => {
  const table = nationalFileTable(
    { pairTotals: NATIONAL_FILES.find((file) => file.pairTotals)?.pairTotals },
    reference('la_cla_placement_stability.csv'),
  );
  const walsall2025 = table.filter((row) => row[0] === '2025' && row[7] === '335').map((row) => `${row[11]}: ${row[12]} of ${row[14]}`);

  it("adds each group's total to its rows", () => {
    expect(table[0]?.at(-1)).toBe('total_children');
    expect(walsall2025).toEqual([
      'Living with the same carer for at least 2 years: 174 of 253',
      'Total children: 253 of 253',
      'Total children: 486 of 486',
      'With 3 or more placements during the previous 2 years: 110 of 486',
      'Total children: 578 of 578',
      'With 3 or more placements during the year: 51 of 578',
    ]);
  });

  it('leaves a file without totals as parsed', () => {
    expect(nationalFileTable({}, 'a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
