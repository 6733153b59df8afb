import fs from 'node:fs';
import path from 'node:path';
import { ratePer } from '../core/benchmarks.ts';
import { decodeText } from '../core/csv-read.ts';
import { readDfeTidy } from '../core/imports.ts';
import type { ImportContext, ImportIssue, IndicatorDefinition, ObservationInput } from '../core/indicators.ts';
import { parsePeriod } from '../core/periods.ts';
import { byPublication, POPULATION_INDICATOR, toWrites } from './figures.ts';
import { withNationalLoad, type Db } from '../data/db.ts';
import { nationalAreaIds, upsertNationalAreas, type NeighbourLink } from '../data/repositories/areas.ts';
import { moveEveryDataRevision } from '../data/repositories/revisions.ts';
import { upsertNationalIndicators } from '../data/repositories/indicators.ts';
import type { SaveSummary } from './observation-writer.ts';
import { writeLibrary } from './national-write.ts';
import { NATIONAL_FILES, NATIONAL_INDICATORS, SFR36_CLA_2013 } from '../national/catalogue.ts';
import {
  areaCodeIndex,
  nationalFileTable,
  readAreas,
  readLait,
  readNeighbours,
  readPopulation,
  readSfr36Cla2013,
  type ReferenceArea,
} from '../national/reference.ts';

/** The bundled official statistics (see reference/benchmarks/README.md). */
export const REFERENCE_DIR = path.resolve(import.meta.dirname, '../../reference/benchmarks');

/** Everything the bundled files hold, parsed and checked, ready to be written. */
export interface NationalBundle {
  areas: ReferenceArea[];
  neighbours: NeighbourLink[];
  observations: ObservationInput[];
  issues: (ImportIssue & { file: string })[];
  files: number;
  bytes: number;
}

const text = (dir: string, file: string, read: { bytes: number }) => {
  const bytes = fs.readFileSync(path.join(dir, file));
  read.bytes += bytes.length;
  return decodeText(bytes).text;
};

/** Reads every bundled file into areas, neighbour lists and figures (no database). */
export function parseNationalData(dir = REFERENCE_DIR): NationalBundle {
  const read = { bytes: 0 };
  const tidy = new Map<string, string>();
  for (const f of NATIONAL_FILES) if (!tidy.has(f.file)) tidy.set(f.file, text(dir, f.file, read));
  const populationText = text(dir, 'ons_mid-year_population_estimates_2012_to_2024.csv', read);
  const areas = withLondonParts(readAreas(text(dir, 'la_lookup.csv', read), [...tidy.values(), populationText]));
  const resolve = areaCodeIndex(areas);
  const population = readPopulation(populationText);
  const ctx: ImportContext = {
    indicators: new Map([...NATIONAL_INDICATORS, POPULATION_DEFINITION].map((i) => [i.code, i])),
    areaCode: resolve,
    population: (code, year) => population.get(code)?.get(year),
  };
  const observations: ObservationInput[] = [];
  const issues: NationalBundle['issues'] = [];
  for (const f of NATIONAL_FILES) {
    const result = readDfeTidy(nationalFileTable(f, tidy.get(f.file)!), f.mapping, ctx);
    observations.push(...result.rows);
    issues.push(...result.issues.map((issue) => ({ ...issue, file: f.file })));
  }
  for (const o of readLait(text(dir, 'lait_measures.csv', read), text(dir, 'lait_scorecard_subset_2016_2025.csv', read), areas)) {
    const { oldLaCode, ...observation } = o;
    void oldLaCode;
    observations.push(observation);
  }
  observations.push(...cla2013(text(dir, SFR36_CLA_2013.file, read), areas, ctx));
  observations.push(...populationFigures(population, resolve));
  const neighbours: NeighbourLink[] = [];
  for (const set of ['sn2021', 'sn2025'] as const) {
    for (const n of readNeighbours(text(dir, `statistical_neighbours_${set.slice(2)}.csv`, read), set)) {
      const areaCode = resolve(n.areaOldCode);
      const neighbourCode = resolve(n.neighbourOldCode);
      if (areaCode && neighbourCode) neighbours.push({ set, areaCode, neighbourCode, position: n.position, closeness: n.closeness });
    }
  }
  return { areas, neighbours, observations, issues, files: tidy.size + 7, bytes: read.bytes };
}

/**
 * Older DfE files also give Inner and Outer London (E13) as regions of their own. They are kept as
 * areas so those rows load, while each London council's region stays London (E12000007).
 */
function withLondonParts(areas: ReferenceArea[]): ReferenceArea[] {
  const parts = [
    { code: 'E13000001', name: 'Inner London' },
    { code: 'E13000002', name: 'Outer London' },
  ].filter((p) => !areas.some((a) => a.code === p.code));
  return [
    ...areas,
    ...parts.map((p) => ({
      ...p,
      oldCode: null,
      level: 'regional' as const,
      regionCode: null,
      laType: '',
      lastYear: null,
      formerCodes: [],
    })),
  ];
}

/** The ONS mid-year estimates as figures of their own, at 30 June each year (the denominator of every rate per child). */
function populationFigures(
  population: ReadonlyMap<string, ReadonlyMap<number, number>>,
  resolve: (code: string) => string | undefined,
): ObservationInput[] {
  const figures = new Map<string, ObservationInput>();
  for (const [code, years] of population) {
    const areaCode = resolve(code);
    if (!areaCode) continue;
    for (const [year, count] of years) {
      const period = parsePeriod(`AT${year}-06-30`)!;
      figures.set(`${areaCode}|${year}`, {
        indicatorCode: POPULATION_INDICATOR,
        areaCode,
        period,
        breakdown: '',
        value: count,
        numerator: null,
        denominator: null,
        marker: null,
        status: 'final',
        qualityNote: '',
        row: 0,
      });
    }
  }
  return [...figures.values()];
}

/** Children aged 0 to 17 by ONS mid-year estimate: the national library holds the denominator too. */
const POPULATION_DEFINITION: IndicatorDefinition = {
  code: POPULATION_INDICATOR,
  title: 'Children aged 0 to 17 (ONS mid-year estimate)',
  definition: 'The Office for National Statistics’ estimate of the number of children aged 0 to 17 living in the area at 30 June.',
  numeratorDefinition: '',
  denominatorDefinition: '',
  unit: 'count',
  decimals: 0,
  polarity: 'none',
  bandLow: null,
  bandHigh: null,
  frequency: 'annual',
  periodType: 'point',
  lag: 'Published each summer for the June of the year before',
  lagMonths: 13,
  source: 'ONS, mid-year population estimates',
  obaCategory: 'how-much',
  themes: [],
};

/** Children looked after at 31 March 2013 (SFR36/2013): the count, and the rate per 10,000 from ONS mid-2012 population. */
function cla2013(sfr: string, areas: readonly ReferenceArea[], ctx: ImportContext): ObservationInput[] {
  return readSfr36Cla2013(sfr, areas).flatMap((c, i) => {
    const base = { areaCode: c.areaCode, period: c.period, breakdown: '', status: 'final' as const, qualityNote: '', row: i + 2 };
    const population = ctx.population!(c.areaCode, 2012) ?? null;
    const rate = c.count !== null && population !== null ? ratePer(c.count, population, SFR36_CLA_2013.per) : null;
    return [
      {
        ...base,
        indicatorCode: SFR36_CLA_2013.countCode,
        value: c.count,
        numerator: null,
        denominator: null,
        marker: c.count === null ? (c.marker ?? 'x') : null,
      },
      {
        ...base,
        indicatorCode: SFR36_CLA_2013.rateCode,
        value: rate,
        numerator: c.count,
        denominator: population,
        marker: rate === null ? (c.marker ?? 'x') : null,
        qualityNote: population === null ? 'No ONS population estimate for mid-2012' : '',
      },
    ];
  });
}

export interface NationalLoadResult extends SaveSummary {
  areas: number;
  indicators: number;
  neighbours: number;
}

/**
 * Writes the national library, areas, neighbour lists and figures in one transaction. Figures the
 * same as those held are left alone, so loading twice changes nothing; a revised figure keeps its
 * old value in its history.
 */
export async function writeNationalData(db: Db, bundle: NationalBundle, options: { dryRun?: boolean } = {}): Promise<NationalLoadResult> {
  if (bundle.issues.length) {
    const first = bundle.issues[0]!;
    throw new Error(
      `${bundle.issues.length} problems in the bundled data, the first in ${first.file} row ${first.row} ${first.column}: ${first.reason}`,
    );
  }
  return withNationalLoad(db, async (trx) => {
    await upsertNationalAreas(trx, bundle.areas);
    const indicatorIds = await upsertNationalIndicators(trx, [...NATIONAL_INDICATORS, POPULATION_DEFINITION]);
    const areaIds = await nationalAreaIds(trx);
    const definitions = new Map([...NATIONAL_INDICATORS, POPULATION_DEFINITION].map((i) => [i.code, i]));
    const writes = toWrites(bundle.observations, { indicatorIds, areaIds }, byPublication(definitions, releaseOf));
    const summary = await writeLibrary(trx, bundle.neighbours, writes, {
      userId: null,
      label: 'National data load',
      source: NATIONAL_SOURCE_LABEL,
    });
    // Every partnership's pages are worked out from national figures: their data revision moves once, here, at the end.
    await moveEveryDataRevision(trx);
    const result = { ...summary, areas: bundle.areas.length, indicators: indicatorIds.size, neighbours: bundle.neighbours.length };
    // A dry run does all the work, then takes it back: nothing it did is kept.
    if (options.dryRun) throw new DryRun(result);
    return result;
  }).catch((error: unknown) => {
    if (error instanceof DryRun) return error.result;
    throw error;
  });
}

class DryRun extends Error {
  readonly result: NationalLoadResult;
  constructor(result: NationalLoadResult) {
    super('dry run');
    this.result = result;
  }
}

/**
 * The publication date of a figure's own release, where a bundled file holds one release only:
 * SFR36/2013. The multi-year files hold each year as first published at its own release, so their
 * figures are dated by their indicator's lag (decision 0015).
 */
function releaseOf(row: ObservationInput): string | null {
  const sfr36 =
    row.period.code === SFR36_CLA_2013.period &&
    (row.indicatorCode === SFR36_CLA_2013.countCode || row.indicatorCode === SFR36_CLA_2013.rateCode);
  return sfr36 ? SFR36_CLA_2013.published : null;
}

/** Where each national figure came from, as its history and the API name it. */
const NATIONAL_SOURCE_LABEL = 'DfE and ONS published statistics (Open Government Licence v3.0), bundled with Baton';

/** Parses and writes the bundled national data. */
export async function loadNationalData(db: Db, options: { dir?: string; dryRun?: boolean } = {}): Promise<NationalLoadResult> {
  return writeNationalData(db, parseNationalData(options.dir), options);
}
