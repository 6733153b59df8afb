import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FigureRecord } from '../../intake/figures.ts';
import { ValidationError } from '../../services/errors.ts';
import { parseInput } from '../../services/validation.ts';
import { queryDate, queryText, withQuery, type QueryOf } from '../../web/query.ts';
import { asKnownLine } from '../../core/publication.ts';
import { formFields } from '../../web/body.ts';
import { codeParam } from '../../web/forms.ts';
import { apiRoute } from './options.ts';
import { areaJson, benchmarkJson, indicatorJson, observationJson, targetJson } from './indicators-json.ts';
import { withoutNulls } from './plans-json.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';

type Params = { slug: string; code: string; id: string };
/** Whose figures (an area's code), for which period, against which comparator. */
const figuresQuery = { area: queryText(200), period: queryText(40), comparator: queryText(60), asAt: queryDate };
type Query = QueryOf<typeof figuresQuery>;
type Request = FastifyRequest<{ Params: Params; Querystring: Query }>;

/** A target's fields as JSON sends them (numbers included), as the text the target form sends. */
const jsonText = z.preprocess((v) => (v === undefined ? undefined : String(v)), z.string().optional());
const targetFields = { area: jsonText, areaId: jsonText, period: jsonText, value: jsonText, tolerance: jsonText, note: jsonText };

/** With `?asAt=`: the date and what it means, beside the figures known then (decision 0015). */
const knownAtJson = (asAt: string | undefined) => (asAt ? { asAt, asKnown: asKnownLine(asAt) } : {});

const PUBLIC = { config: { rateLimit: { max: 600, timeWindow: '1 minute' } } };
const PUBLIC_FIGURES = { ...PUBLIC, ...withQuery(figuresQuery) };
const text = z.union([z.string(), z.number()]).transform(String);
const optionalText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? undefined : String(v)));

const figuresBody = z.object({
  observations: z
    .array(
      z.object({
        area: text,
        period: text,
        breakdown: optionalText,
        value: z.union([z.number(), z.string()], { error: 'Send value as a number or a marker such as "c"' }).transform(String),
        numerator: optionalText,
        denominator: optionalText,
        status: optionalText,
        qualityNote: optionalText,
      }),
      { error: 'Send {"observations": [ … ]}' },
    )
    .min(1, 'Send at least one observation')
    .max(10_000, 'Send at most 10,000 observations at once'),
});

/** The body's own names for the template's columns. */
const API_FIELDS: Record<string, string> = { area_code: 'area', quality_note: 'qualityNote', indicator_code: 'indicator' };

/**
 * Names every problem with a batch of observations the same way, by the body's fields:
 * `observations[1].value` (the shape check says `observations.1.value`, the template checks
 * `figures[1].area_code`).
 */
async function withApiFieldNames<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const fields: Record<string, string> = {};
    for (const [key, message] of Object.entries(error.fields)) {
      const renamed = key
        .replace(/^(?:observations\.(\d+)|figures\[(\d+)\])\.?/, (_m, a?: string, b?: string) => `observations[${a ?? b}].`)
        .replace(/\.$/, '')
        .replace(/\.(\w+)$/, (_m, column: string) => `.${API_FIELDS[column] ?? column}`);
      fields[renamed] ??= message;
    }
    throw new ValidationError(fields);
  }
}

/**
 * Indicators in the API: the national library and its published figures for everyone (no
 * sign-in), and under `/api/v1/p/{slug}` the partnership's indicators, figures and targets.
 */
export function registerIndicatorApiRoutes(app: FastifyInstance): void {
  const { indicators, national } = app.services;
  const cacheable = <T>(reply: { header: (k: string, v: string) => unknown }, body: T) => {
    reply.header('cache-control', 'public, max-age=300');
    return body;
  };

  app.get('/api/v1/national/indicators', PUBLIC, async (_request, reply) =>
    cacheable(reply, { items: (await national.indicators()).map(indicatorJson) }),
  );

  app.get<{ Params: Params }>('/api/v1/national/indicators/:code', PUBLIC, async (request, reply) =>
    cacheable(reply, indicatorJson(await national.indicator(codeParam(request.params.code)))),
  );

  app.get<{ Params: Params; Querystring: Query }>(
    '/api/v1/national/indicators/:code/observations',
    PUBLIC_FIGURES,
    async (request, reply) => {
      const { asAt } = request.query;
      const { indicator, area, figures } = await national.observations(codeParam(request.params.code), request.query.area, asAt);
      const areas = new Map([[area.id, area]]);
      return cacheable(reply, {
        indicator: indicator.code,
        area: areaJson(area),
        ...knownAtJson(asAt),
        items: figures.map((o) => observationJson(o, areas)),
      });
    },
  );

  app.get<{ Params: Params; Querystring: Query }>('/api/v1/national/indicators/:code/benchmark', PUBLIC_FIGURES, async (request, reply) => {
    const { area, period, comparator, asAt } = request.query;
    const benchmark = await national.benchmark(codeParam(request.params.code), area, period, comparator, asAt);
    return cacheable(reply, { ...benchmarkJson(benchmark), ...knownAtJson(asAt) });
  });

  const partnershipId = (request: Request) => tenantOf(request).partnership.id;

  app.get<{ Params: Params }>('/api/v1/p/:slug/indicators', apiRoute(), async (request) => {
    const library = await indicators.library(tenantOf(request).partnership.id, actorOf(request));
    return { items: [...library.own, ...library.national].map(indicatorJson) };
  });

  app.post<{ Params: Params }>('/api/v1/p/:slug/indicators', apiRoute('indicators:manage'), async (request, reply) => {
    const created = await indicators.create(tenantOf(request).partnership.id, actorOf(request), withoutNulls(request.body));
    return reply.status(201).header('location', `/api/v1/p/${request.params.slug}/indicators/${created.code}`).send(indicatorJson(created));
  });

  app.get<{ Params: Params; Querystring: Query }>('/api/v1/p/:slug/indicators/:code', apiRoute(), async (request: Request) => {
    const { indicator, targets } = await indicators.indicator(partnershipId(request), actorOf(request), codeParam(request.params.code));
    return { ...indicatorJson(indicator), targets: targets.map(targetJson) };
  });

  app.put<{ Params: Params; Querystring: Query }>(
    '/api/v1/p/:slug/indicators/:code',
    apiRoute('indicators:manage'),
    async (request: Request) =>
      indicatorJson(
        await indicators.update(partnershipId(request), actorOf(request), codeParam(request.params.code), withoutNulls(request.body)),
      ),
  );

  app.get<{ Params: Params; Querystring: Query }>(
    '/api/v1/p/:slug/indicators/:code/observations',
    { ...apiRoute(), ...withQuery(figuresQuery) },
    async (request: Request) => {
      const { indicator, areas, figures } = await indicators.figures(
        partnershipId(request),
        actorOf(request),
        codeParam(request.params.code),
        request.query.area,
        request.query.asAt,
      );
      return { indicator: indicator.code, ...knownAtJson(request.query.asAt), items: figures.map((o) => observationJson(o, areas)) };
    },
  );

  app.post<{ Params: Params; Querystring: Query }>(
    '/api/v1/p/:slug/indicators/:code/observations',
    apiRoute('indicators:manage'),
    async (request: Request) => {
      const code = codeParam(request.params.code);
      // An indicator the partnership cannot see is a resource that does not exist (404), as for GET.
      await indicators.indicator(partnershipId(request), actorOf(request), code);
      const body = await withApiFieldNames(() => parseInput(figuresBody, request.body));
      const records: FigureRecord[] = body.observations.map((o) => ({
        indicator_code: code,
        area_code: o.area,
        period: o.period,
        breakdown: o.breakdown,
        value: o.value,
        numerator: o.numerator,
        denominator: o.denominator,
        status: o.status,
        quality_note: o.qualityNote,
      }));
      return withApiFieldNames(() => indicators.recordFigures(partnershipId(request), actorOf(request), records, 'API'));
    },
  );

  app.get<{ Params: Params; Querystring: Query }>('/api/v1/p/:slug/indicators/:code/targets', apiRoute(), async (request: Request) => {
    const { targets } = await indicators.indicator(partnershipId(request), actorOf(request), codeParam(request.params.code));
    return { items: targets.map(targetJson) };
  });

  app.post<{ Params: Params; Querystring: Query }>(
    '/api/v1/p/:slug/indicators/:code/targets',
    apiRoute('indicators:manage'),
    async (request: Request, reply) => {
      const code = codeParam(request.params.code);
      const { area, areaId, period, value, tolerance, note } = formFields(targetFields, withoutNulls(request.body));
      await indicators.addTarget(partnershipId(request), actorOf(request), code, {
        areaId: area ?? areaId,
        period,
        value,
        tolerance,
        note,
      });
      const { targets } = await indicators.indicator(partnershipId(request), actorOf(request), code);
      return reply.status(201).send({ items: targets.map(targetJson) });
    },
  );
}
