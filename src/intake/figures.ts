import { CsvError, decodeText, parseCsv } from '../core/csv-read.ts';
import type { ImportContext, ImportIssue, IndicatorDefinition, ObservationInput } from '../core/indicators.ts';
import { todayInEngland } from '../core/dates.ts';
import { knownFrom } from '../core/publication.ts';
import type { DbOrTrx } from '../data/db.ts';
import { listAreas } from '../data/repositories/areas.ts';
import { listIndicators } from '../data/repositories/indicators.ts';
import { nationalValuesOf, type ObservationWrite } from '../data/repositories/observations.ts';
import { signedOffPeriods } from '../data/repositories/period-signoffs.ts';
import { readXlsxTable } from './xlsx.ts';
import { UPLOAD_LIMITS } from './zip-bounds.ts';
import type { PairTotals } from '../national/catalogue.ts';
import { nationalFileTable } from '../national/reference.ts';
import { readTemplate } from '../core/imports.ts';
import { ValidationError, type Actor } from '../services/errors.ts';
import { saveObservations, type SaveSummary } from './observation-writer.ts';
import type { Audit } from '../services/tenant.ts';

/** What figures coming in are checked against: the indicators and areas this partnership may use. */
export interface FigureLookup {
  ctx: ImportContext;
  indicatorIds: ReadonlyMap<string, string>;
  areaIds: ReadonlyMap<string, string>;
  /** Each indicator's publication lag in months, by code (national indicators; decision 0015). */
  lags: ReadonlyMap<string, Pick<IndicatorDefinition, 'lagMonths'>>;
}

/** The national indicator holding ONS mid-year estimates of children aged 0-17 (the denominator of rates per child). */
export const POPULATION_INDICATOR = 'ons-population-0-17';

/**
 * Indicators by code and areas by every accepted spelling (ONS code, old DfE code, locality code);
 * with `population`, the ONS estimates too, for files whose rates are worked out per child.
 */
export async function figureLookup(trx: DbOrTrx, options: { population?: boolean } = {}): Promise<FigureLookup> {
  const [indicators, areas] = await Promise.all([listIndicators(trx), listAreas(trx)]);
  const population = options.population ? await populationEstimates(trx) : undefined;
  const byCode = new Map<string, string>();
  const areaIds = new Map<string, string>();
  for (const a of areas) {
    areaIds.set(a.code, a.id);
    byCode.set(a.code.toUpperCase(), a.code);
    byCode.set(a.code, a.code);
    if (a.old_code) byCode.set(a.old_code, a.code);
  }
  return {
    ctx: {
      indicators: new Map(indicators.map((i) => [i.code, i])),
      areaCode: (code) => byCode.get(code.trim()) ?? byCode.get(code.trim().toUpperCase()),
      ...(population && { population: (code: string, year: number) => population.get(`${code}|${year}`) }),
    },
    indicatorIds: new Map(indicators.map((i) => [i.code, i.id])),
    areaIds,
    lags: new Map(indicators.map((i) => [i.code, { lagMonths: i.lagMonths ?? null }])),
  };
}

/** ONS mid-year populations aged 0-17 by `areaCode|year`, from the national figures. */
async function populationEstimates(trx: DbOrTrx): Promise<Map<string, number>> {
  const rows = await nationalValuesOf(trx, POPULATION_INDICATOR);
  return new Map(rows.map((r) => [`${r.code}|${Number(r.period_end.slice(0, 4))}`, r.value!]));
}

/** The day each figure became known (decision 0015). */
export type KnownFrom = (row: ObservationInput) => string;

/**
 * Figures the partnership enters (forms, the API, its own template files): known from the day
 * they are entered.
 */
export const enteredOn =
  (date: string = todayInEngland()): KnownFrom =>
  () =>
    date;

/**
 * Published figures (the bundled national files, DfE files imported through a mapping): known
 * from their release's date where `published` gives one, else from their period's end plus their
 * indicator's lag, and never later than the day they reach Baton.
 */
export const byPublication =
  (
    indicators: ReadonlyMap<string, Pick<IndicatorDefinition, 'lagMonths'>>,
    published: (row: ObservationInput) => string | null = () => null,
    entered: string = todayInEngland(),
  ): KnownFrom =>
  (row) =>
    knownFrom({ periodEnd: row.period.end, lagMonths: indicators.get(row.indicatorCode)?.lagMonths, published: published(row), entered });

/** Figures read from a file or form, with their indicator and area as ids and the day each became known. */
export function toWrites(
  rows: readonly ObservationInput[],
  lookup: Pick<FigureLookup, 'indicatorIds' | 'areaIds'>,
  known: KnownFrom,
): ObservationWrite[] {
  return rows.map((r) => ({
    indicatorId: lookup.indicatorIds.get(r.indicatorCode)!,
    areaId: lookup.areaIds.get(r.areaCode)!,
    period: r.period,
    breakdown: r.breakdown,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    marker: r.marker,
    status: r.status,
    quality_note: r.qualityNote,
    knownFrom: known(r),
  }));
}

/**
 * A file as a table of text: an Excel workbook's first sheet, or CSV in UTF-8 (with or without BOM)
 * or Windows-1252; with `pairTotals`, a DfE file whose group totals are rows of their own gets each
 * row's total as a column (see national/catalogue.ts).
 */
export async function readTable(
  filename: string,
  bytes: Uint8Array,
  pairTotals?: PairTotals,
): Promise<{ table: string[][] } | { issue: ImportIssue }> {
  const fileIssue = (reason: string): { issue: ImportIssue } => ({ issue: { row: 0, column: '', value: filename.slice(0, 80), reason } });
  if (bytes.length === 0) return fileIssue('The file is empty');
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  try {
    if (zip || /\.xlsx$/i.test(filename)) return { table: await readXlsxTable(bytes) };
    const text = decodeText(bytes).text;
    const table = pairTotals ? nationalFileTable({ pairTotals }, text) : parseCsv(text);
    if (table.length > UPLOAD_LIMITS.rows + 1) {
      return fileIssue(
        `This file has more than ${UPLOAD_LIMITS.rows.toLocaleString('en-GB')} rows, the most Baton reads in one file. Split it into smaller files.`,
      );
    }
    return { table };
  } catch (error) {
    if (error instanceof CsvError) return { issue: { row: error.line, column: '', value: '', reason: error.message } };
    return fileIssue(error instanceof Error ? error.message : 'The file could not be read');
  }
}

/** Refuses figures for periods the partnership has signed off (an analyst must unlock them first). */
export async function lockIssues(trx: DbOrTrx, partnershipId: string, rows: readonly ObservationInput[]): Promise<ImportIssue[]> {
  const locked = new Set(await signedOffPeriods(trx, partnershipId));
  if (locked.size === 0) return [];
  return rows
    .filter((r) => locked.has(r.period.code))
    .map((r) => ({
      row: r.row,
      column: 'period',
      value: r.period.code,
      reason: `${r.period.label} is signed off; an analyst must unlock it before its figures change`,
    }));
}

/** A figure as a form or the API sends it, in the template's terms (every field text). */
export interface FigureRecord {
  indicator_code: string;
  area_code: string;
  period: string;
  breakdown?: string | undefined;
  value: string;
  numerator?: string | undefined;
  denominator?: string | undefined;
  status?: string | undefined;
  quality_note?: string | undefined;
}

const RECORD_COLUMNS = [
  'indicator_code',
  'area_code',
  'period',
  'breakdown',
  'value',
  'numerator',
  'denominator',
  'status',
  'quality_note',
] as const;

/** Records as a template table, so figures from forms and the API pass exactly the checks a file does. */
export function recordsTable(records: readonly FigureRecord[]): string[][] {
  return [[...RECORD_COLUMNS], ...records.map((r) => RECORD_COLUMNS.map((c) => r[c] ?? ''))];
}

/**
 * Problems with records as field errors: `figures[2].value` for the third record's value (table
 * row 4, as the header is row 1).
 */
export function issuesAsFields(issues: readonly ImportIssue[], prefix = 'figures'): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.row >= 2 ? `${prefix}[${issue.row - 2}]${issue.column ? `.${issue.column}` : ''}` : 'form';
    fields[key] ??= issue.reason;
  }
  return fields;
}

/**
 * Records figures from a form or the API after exactly the checks an imported file gets; any
 * problem refuses them all (a ValidationError naming each record and field) and writes nothing.
 */
export async function recordFigures(
  trx: DbOrTrx,
  partnershipId: string,
  actor: Actor,
  audit: Audit,
  records: readonly FigureRecord[],
  source: string,
): Promise<SaveSummary> {
  const lookup = await figureLookup(trx);
  const result = readTemplate(recordsTable(records), lookup.ctx);
  const issues = [...result.issues, ...(await lockIssues(trx, partnershipId, result.rows))];
  if (issues.length) throw new ValidationError(issuesAsFields(issues));
  const summary = await saveObservations(trx, partnershipId, toWrites(result.rows, lookup, enteredOn()), {
    userId: actor.userId,
    label: actor.label,
    source,
  });
  await audit({
    action: 'update',
    entityType: 'figures',
    entityId: source,
    summary: `Recorded figures (${source}): ${summary.added} added, ${summary.changed} changed`,
    after: summary,
  });
  return summary;
}
