import { BAND_LABELS, SIGNIFICANCE_LABELS } from '../../core/benchmark-panel.ts';
import { DFE_MARKERS } from '../../core/csv-read.ts';
import { FREQUENCIES, OBA_CATEGORIES, POLARITY_LABELS, STATUSES, UNITS } from '../../core/indicators.ts';
import { NATIONAL_INDICATORS } from '../../national/catalogue.ts';
import { PERIOD_TYPE_LABELS } from '../indicators/schemas.ts';
import { errors, json, listOf, ref, slug } from './openapi-parts.ts';

/**
 * The indicators part of the OpenAPI document: the national library and its published figures
 * (no sign-in), and each partnership's indicators, figures and targets.
 */

const string = { type: 'string' };
const integer = { type: 'integer' };
const number = { type: 'number' };
const numberOrNull = { type: ['number', 'null'] };
const uuid = { type: 'string', format: 'uuid' };
const record = (properties: Record<string, object>) => ({ type: 'object', properties });
const polarity = { enum: Object.keys(POLARITY_LABELS) };
const periodType = { enum: Object.keys(PERIOD_TYPE_LABELS) };
const COMPARATORS = ['sn2021', 'sn2025'];

const NATIONAL = 'National statistics';
const INDICATORS = 'Indicators';
const CODE_PATTERN = '^[a-z0-9][a-z0-9-]{0,59}$';

const code = {
  name: 'code',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: CODE_PATTERN },
  description: 'The indicator’s code, e.g. cp-plan-rate',
};
const areaCodes = 'an ONS code (E08000030), an old DfE council code (335)';
const query = (name: string, required: boolean, description: string, schema: object = string) => ({
  name,
  in: 'query',
  required,
  schema,
  description,
});
/** `?asAt=`: only the figures published by a date (decision 0015). */
const asAtQuery = query(
  'asAt',
  false,
  'Only the figures known at this date (YYYY-MM-DD): published by then, or for the partnership’s own figures entered by then. Figures published later are left out; today’s knowledge when not sent',
  { type: 'string', format: 'date' },
);
/** What an answer for `?asAt=` adds. */
const knownAtFields = {
  asAt: { type: 'string', format: 'date', description: 'The date asked for with ?asAt= (absent without it)' },
  asKnown: {
    type: 'string',
    description: 'What the date means, in words, e.g. "Figures as known at 31 December 2013: figures published later are left out."',
  },
};
const nationalArea = query('area', true, `The council, region or England: ${areaCodes} or E92000001 for England`);

/** What a public answer can go wrong with: no sign-in, so never 401, 403 or 409. */
const publicErrors = { 400: errors[400], 404: errors[404], 429: errors[429] };
const cached = {
  'Cache-Control': { schema: string, description: 'public, max-age=300: national figures change only when new statistics are loaded' },
};
const publicRead = (summary: string, content: object, parameters: object[] = [], description?: string) => ({
  tags: [NATIONAL],
  summary,
  ...(description ? { description } : {}),
  security: [],
  ...(parameters.length ? { parameters } : {}),
  responses: { 200: { description: 'OK', headers: cached, content }, ...publicErrors },
});
const read = (summary: string, content: object, parameters: object[] = []) => ({
  tags: [INDICATORS],
  summary,
  ...(parameters.length ? { parameters } : {}),
  responses: { 200: { description: 'OK', content }, ...errors },
});

/** One line per national indicator Baton works out itself from DfE's tidy files; their codes never change. */
const stableCodes = NATIONAL_INDICATORS.filter((i) => !i.code.startsWith('lait-'))
  .map((i) => `- \`${i.code}\`: ${i.title}`)
  .join('\n');

const NATIONAL_LIST_DESCRIPTION = `The national indicator library: official statistics for England, its regions and every council, published under the Open Government Licence v3.0 (any page or report that shows the figures must say "Contains public sector information licensed under the Open Government Licence v3.0"). No sign-in is needed; answers may be cached for five minutes, and each client may make 600 requests a minute.

Codes are stable: a code always means the same measure, so scripts and saved links can rely on it. Baton works these out from DfE's tidy files and ONS population estimates:

${stableCodes}

Measures read from DfE's Local Authority Interactive Tool (LAIT) have codes \`lait-\` followed by LAIT's short name in kebab case, with % read as pct (e.g. \`lait-cpp-rate\`, \`lait-pct-of-lac-adopted\`).`;

const p = '/api/v1/p/{slug}';
const n = '/api/v1/national/indicators';

export const indicatorPaths = {
  [n]: {
    get: publicRead('List the national indicator library', listOf('Indicator'), [], NATIONAL_LIST_DESCRIPTION),
  },
  [`${n}/{code}`]: {
    parameters: [code],
    get: publicRead('Read a national indicator’s definition', json('Indicator')),
  },
  [`${n}/{code}/observations`]: {
    parameters: [code],
    get: publicRead('List a national indicator’s published figures for one area, oldest first', json('NationalObservations'), [
      nationalArea,
      asAtQuery,
    ]),
  },
  [`${n}/{code}/benchmark`]: {
    parameters: [code],
    get: publicRead(
      'Where an area stands for one period: England, its region, its statistical neighbours, quartile band, rank and significance',
      json('Benchmark'),
      [
        nationalArea,
        query('period', true, 'The period code, e.g. FY2013-14 or AT2014-03-31'),
        query('comparator', false, 'Which DfE statistical neighbour list to compare with; sn2025 when not sent', {
          enum: COMPARATORS,
          default: 'sn2025',
        }),
        asAtQuery,
      ],
    ),
  },
  [`${p}/indicators`]: {
    parameters: [slug],
    get: read('List the indicators the partnership can use: its own first, then the national library', listOf('Indicator')),
    post: {
      tags: [INDICATORS],
      summary: 'Add one of the partnership’s own indicators (admin or analyst)',
      requestBody: { required: true, content: json('IndicatorInput') },
      responses: {
        201: {
          description: 'Created',
          headers: { Location: { schema: string, description: 'Where to read it' } },
          content: json('Indicator'),
        },
        ...errors,
      },
    },
  },
  [`${p}/indicators/{code}`]: {
    parameters: [slug, code],
    get: read(
      'Read an indicator (the partnership’s own or a national one) with the partnership’s targets for it',
      json('IndicatorWithTargets'),
    ),
    put: {
      tags: [INDICATORS],
      summary:
        'Change one of the partnership’s own indicators (admin or analyst; a national one is 404). Send every field with the version you read: a field left out is emptied, and a stale version gets 409',
      requestBody: { required: true, content: json('IndicatorInputWithVersion') },
      responses: { 200: { description: 'OK', content: json('Indicator') }, ...errors },
    },
  },
  [`${p}/indicators/{code}/observations`]: {
    parameters: [slug, code],
    get: read(
      'List an indicator’s figures for one area, oldest first: the published ones and the partnership’s own (local)',
      json('Observations'),
      [query('area', false, `The area: ${areaCodes} or a locality’s code; the partnership’s home council when not sent`), asAtQuery],
    ),
    post: {
      tags: [INDICATORS],
      summary: 'Record figures for the indicator (admin or analyst)',
      description:
        'Each figure gets exactly the checks a row of an imported template file gets (known area, a period of the indicator’s kind, a number or marker, numerator 0 or more, denominator more than 0, a known status, no repeated area, period and breakdown, no signed-off period). Any problem refuses them all and nothing is saved: the 400 names each one as `observations[i].field`, counting from 0, with the body’s field names (`area`, `period`, `value`, `numerator`, `denominator`, `status`, `qualityNote`, `breakdown`). An indicator the partnership cannot see answers 404. A figure with the same values as the one held is left alone; a changed one keeps its old values in its history.',
      requestBody: { required: true, content: json('ObservationsInput') },
      responses: { 200: { description: 'Saved', content: json('RecordSummary') }, ...errors },
    },
  },
  [`${p}/indicators/{code}/targets`]: {
    parameters: [slug, code],
    get: read('List the partnership’s targets for an indicator, by period', listOf('Target')),
    post: {
      tags: [INDICATORS],
      summary: 'Set the target for an area and period (admin or analyst); one already set for them is replaced. Answers with every target',
      requestBody: { required: true, content: json('TargetInput') },
      responses: { 201: { description: 'Set', content: listOf('Target') }, ...errors },
    },
  },
};

const textField = (maxLength: number, description?: string) => ({
  type: 'string',
  maxLength,
  ...(description ? { description } : {}),
});
const NO_FORMULA = 'Must not start with = + - or @';

const indicatorFields = {
  title: { type: 'string', minLength: 1, maxLength: 200 },
  definition: textField(3000, NO_FORMULA),
  numeratorDefinition: textField(1000, NO_FORMULA),
  denominatorDefinition: textField(1000, NO_FORMULA),
  unit: { enum: [...UNITS] },
  decimals: { type: 'integer', minimum: 0, maximum: 4, description: 'Decimal places to show' },
  polarity: { ...polarity, description: 'Which way is better: bigger, smaller, within a band, or no judgement' },
  bandLow: {
    type: ['number', 'string', 'null'],
    description: 'With polarity band, the lower end of the ideal band (e.g. 10, or "10"); required then',
  },
  bandHigh: {
    type: ['number', 'string', 'null'],
    description: 'With polarity band, the upper end (e.g. 15), not below bandLow; required then',
  },
  frequency: { enum: [...FREQUENCIES] },
  periodType: { ...periodType, description: 'The kind of period its figures are counted over; every figure must be one' },
  lag: textField(200, `How late figures arrive, e.g. "Reported 5 quarters in arrears". ${NO_FORMULA}`),
  source: textField(200, NO_FORMULA),
  agencyId: { type: ['string', 'null'], format: 'uuid', description: 'The partnership agency that reports it (its contributors enter it)' },
  obaCategory: { enum: [...OBA_CATEGORIES], description: 'Outcome-based accountability: how much, how well, or is anyone better off' },
  themes: {
    oneOf: [{ type: 'array', items: string }, string],
    description: 'Outcome themes, e.g. ["Stay safe"]; a single string is read as one theme',
  },
};
const INDICATOR_REQUIRED = ['title', 'unit', 'decimals', 'polarity', 'frequency', 'periodType', 'obaCategory'];

const period = {
  type: 'object',
  properties: {
    code: { type: 'string', description: 'Stable and URL-safe, e.g. FY2013-14, 2013-14-Q3, AT2014-03-31' },
    label: { type: 'string', description: 'What people read, e.g. "2013-14" or "At 31 March 2014"' },
    start: { type: 'string', format: 'date', description: 'First day' },
    end: { type: 'string', format: 'date', description: 'Last day, inclusive; a point in time starts and ends on the same day' },
  },
};
const markers = Object.keys(DFE_MARKERS);
const markerText = Object.entries(DFE_MARKERS)
  .map(([marker, meaning]) => `${marker} ${meaning.toLowerCase()}`)
  .join('; ');

export const indicatorSchemas = {
  Indicator: record({
    code: { type: 'string', pattern: CODE_PATTERN, description: 'Stable, e.g. cp-plan-rate' },
    title: string,
    definition: string,
    numeratorDefinition: string,
    denominatorDefinition: string,
    unit: { enum: [...UNITS] },
    decimals: { type: 'integer', description: 'Decimal places to show; values are held unrounded' },
    polarity,
    band: {
      type: ['object', 'null'],
      properties: { low: number, high: number },
      description: 'The ideal range, inclusive, when polarity is band; otherwise null',
    },
    frequency: { enum: [...FREQUENCIES] },
    periodType,
    lag: string,
    source: string,
    obaCategory: { enum: [...OBA_CATEGORIES] },
    themes: { type: 'array', items: string },
    national: { type: 'boolean', description: 'Part of the national library (read-only), not the partnership’s own' },
    version: integer,
  }),
  IndicatorWithTargets: {
    allOf: [ref('Indicator'), record({ targets: { type: 'array', items: ref('Target') } })],
  },
  IndicatorInput: {
    type: 'object',
    required: ['code', ...INDICATOR_REQUIRED],
    properties: {
      code: {
        type: 'string',
        pattern: CODE_PATTERN,
        description: 'Lower-case letters, digits and hyphens, up to 60 characters, e.g. eh-assessments-45-days; never changes',
      },
      ...indicatorFields,
    },
  },
  IndicatorInputWithVersion: {
    type: 'object',
    required: [...INDICATOR_REQUIRED, 'version'],
    properties: {
      code: { type: 'string', description: 'Ignored: an indicator’s code never changes' },
      ...indicatorFields,
      version: { type: 'integer', description: 'The version you read' },
    },
  },
  Area: record({
    code: { type: 'string', description: 'ONS code, e.g. E08000030; a locality’s own code' },
    oldCode: { type: ['string', 'null'], description: 'Old DfE council code, e.g. 335' },
    name: string,
    level: { enum: ['national', 'regional', 'la', 'locality'] },
    regionCode: { type: ['string', 'null'], description: 'A council’s region, e.g. E12000005' },
  }),
  Period: period,
  Observation: record({
    area: { type: ['object', 'null'], properties: { code: string, name: string } },
    period: ref('Period'),
    breakdown: { type: 'string', description: 'The part of the population the figure is for; empty for everyone' },
    value: { ...numberOrNull, description: 'Null when there is a marker instead' },
    marker: { enum: [...markers, null], description: `Why there is no value: ${markerText}` },
    numerator: numberOrNull,
    denominator: numberOrNull,
    status: { enum: [...STATUSES] },
    knownFrom: {
      type: 'string',
      format: 'date',
      description:
        'The day the figure became known: its release’s publication date, else its period’s end plus the indicator’s publication lag (published figures), or the day it was entered (the partnership’s own)',
    },
    qualityNote: string,
    local: { type: 'boolean', description: 'The partnership’s own figure (true) or a published national one (false)' },
    version: { type: 'integer', description: 'Goes up each time the figure changes; the old values are kept in its history' },
    updatedAt: { type: 'string', format: 'date-time' },
  }),
  Observations: record({ indicator: string, ...knownAtFields, items: { type: 'array', items: ref('Observation') } }),
  NationalObservations: record({
    indicator: string,
    area: ref('Area'),
    ...knownAtFields,
    items: { type: 'array', items: ref('Observation') },
  }),
  ObservationsInput: {
    type: 'object',
    required: ['observations'],
    properties: {
      observations: {
        type: 'array',
        minItems: 1,
        maxItems: 10_000,
        items: {
          type: 'object',
          required: ['area', 'period', 'value'],
          properties: {
            area: { type: ['string', 'number'], description: `${areaCodes} or a locality’s code` },
            period: { type: 'string', description: 'A period code of the indicator’s kind, e.g. 2013-14-Q3, FY2013-14, AT2014-03-31' },
            breakdown: { type: ['string', 'null'], maxLength: 100, description: 'Empty or left out for the whole population' },
            value: { type: ['number', 'string'], description: `The figure, or a marker where there is none: ${markers.join(', ')}` },
            numerator: { type: ['number', 'string', 'null'], description: '0 or more' },
            denominator: { type: ['number', 'string', 'null'], description: 'More than 0' },
            status: { enum: [...STATUSES, null], description: 'final when left out' },
            qualityNote: { type: ['string', 'null'], maxLength: 1000 },
          },
        },
      },
    },
  },
  RecordSummary: record({
    added: { type: 'integer', description: 'Figures that were new' },
    changed: { type: 'integer', description: 'Figures that replaced different values (kept in their history)' },
    unchanged: { type: 'integer', description: 'Figures the same as those held, left alone' },
  }),
  Benchmark: record({
    indicator: string,
    ...knownAtFields,
    area: ref('Area'),
    period: ref('Period'),
    polarity,
    value: { ...numberOrNull, description: 'The area’s figure' },
    england: numberOrNull,
    region: {
      type: ['object', 'null'],
      properties: { code: string, name: string, value: numberOrNull },
      description: 'A council’s region and its figure; null for a region or England',
    },
    comparator: record({
      list: { enum: COMPARATORS },
      areas: {
        type: 'array',
        items: string,
        description: 'The statistical neighbours’ ONS codes, closest first (none for a region or England)',
      },
      mean: { ...numberOrNull, description: 'The mean of the neighbours’ figures that exist' },
      count: { type: 'integer', description: 'How many neighbours had a figure' },
    }),
    quartileBand: {
      enum: [...Object.keys(BAND_LABELS), null],
      description:
        'A is the best quarter of councils, D the worst, by quartiles worked out as DfE’s LA Interactive Tool does (R type 7); null without a direction (polarity band or none)',
    },
    rank: { type: ['integer', 'null'], description: 'Among all councils, 1 the best; ties share the best rank. Null without a direction' },
    rankOf: { type: 'integer', description: 'How many councils have a figure' },
    interval95: {
      type: ['object', 'null'],
      properties: { lower: number, upper: number },
      description: 'The 95% confidence interval: Wilson’s for a percentage, Byar’s for a rate; null for other units or without counts',
    },
    significance: {
      enum: [...Object.keys(SIGNIFICANCE_LABELS), null],
      description:
        'Against England: similar when England lies inside the interval; otherwise better or worse by the polarity, or higher or lower without a direction',
    },
  }),
  Target: record({
    id: uuid,
    area: { type: 'string', description: 'The area’s name' },
    areaId: uuid,
    period: { type: 'string', description: 'Period code' },
    value: number,
    tolerance: { type: 'number', description: 'How far from the target, in the indicator’s units, still counts as amber rather than red' },
    note: string,
  }),
  TargetInput: {
    type: 'object',
    required: ['period', 'value'],
    anyOf: [{ required: ['area'] }, { required: ['areaId'] }],
    properties: {
      area: { type: 'string', description: `The area: ${areaCodes}, a locality’s code or an area id` },
      areaId: { type: 'string', description: 'Instead of area' },
      period: { type: 'string', description: 'A period code, e.g. 2013-14-Q3, FY2013-14 or AT2014-03-31' },
      value: { type: ['number', 'string'] },
      tolerance: { type: ['number', 'string', 'null'], description: '0 or more; 0 when left out' },
      note: { type: ['string', 'null'], maxLength: 500, description: NO_FORMULA },
    },
  },
};
