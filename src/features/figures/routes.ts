import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatFigure, STATUS_LABELS } from '../../core/indicators.ts';
import { can } from '../../core/policy.ts';
import { ConflictError, ValidationError } from '../../services/errors.ts';
import { bodyText, formFields } from '../../web/body.ts';
import { errorList } from '../../web/forms.ts';
import { queryNotice, queryText, withQuery, type QueryOf } from '../../web/query.ts';
import { renderPage } from '../../web/views.ts';
import type { Entry } from './service.ts';
import { todayInEngland as today } from '../../core/dates.ts';
import { tenantOf } from '../../web/tenant.ts';

type Params = { slug: string };
const query = { period: queryText(80), notice: queryNotice };
type Query = QueryOf<typeof query>;
const enter = { config: { permission: 'data:enter' } as const, ...withQuery(query) };
const signOff = { config: { permission: 'data:sign-off' } as const, ...withQuery(query) };
const page = { nav: 'figures' };

/** The entries a form posted, by indicator code (fields `{code}-value`, `{code}-numerator`, …). */
function entriesOf(body: Record<string, unknown>): Record<string, Entry> {
  const entries: Record<string, Entry> = {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  for (const key of Object.keys(body)) {
    const match = /^([a-z0-9-]+)-value$/.exec(key);
    if (!match) continue;
    const code = match[1]!;
    entries[code] = {
      value: text(body[key]),
      numerator: text(body[`${code}-numerator`]),
      denominator: text(body[`${code}-denominator`]),
      status: text(body[`${code}-status`]),
      note: text(body[`${code}-note`]),
    };
  }
  return entries;
}

/** Figures due from an agency for a period; sign-off and unlocking. */
export function registerFigureRoutes(app: FastifyInstance): void {
  const { figures } = app.services;

  const show = async (
    request: FastifyRequest<{ Params: Params; Querystring: Query }>,
    reply: FastifyReply,
    period: string | undefined,
    extra: Record<string, unknown> = {},
    status = 200,
  ) => {
    const { partnership, member, actor, revisions } = tenantOf(request);
    const reading = await figures.reading(partnership.id, actor, today(), revisions?.data);
    const shared = {
      STATUS_LABELS,
      ...figures.forPerson(reading, actor),
      maySignOff: can(member.role, 'data:sign-off'),
      notice: request.query.notice,
      ...extra,
    };
    if (!period)
      return renderPage(request, reply, 'figures/views/figures.njk', { ...shared, values: extra.values ?? {} }, { ...page, status });
    const data = await figures.due(tenantOf(request).partnership.id, tenantOf(request).actor, period);
    const fmt = (figure: { value: number | null; marker: string | null }, i: { unit: string; decimals: number }) =>
      formatFigure(figure.value, i.unit as never, i.decimals, figure.marker as never);
    return renderPage(
      request,
      reply,
      'figures/views/figures.njk',
      { ...shared, ...data, fmt, values: extra.values ?? {} },
      { ...page, status },
    );
  };

  app.get<{ Params: Params; Querystring: Query }>('/p/:slug/figures', enter, async (request, reply) => {
    try {
      return await show(request, reply, request.query.period);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return show(
        request,
        reply,
        undefined,
        { errors: error.fields, errorList: errorList(error.fields), values: { period: request.query.period } },
        400,
      );
    }
  });

  app.post<{ Params: Params; Querystring: Query }>('/p/:slug/figures', enter, async (request, reply) => {
    const body = formFields({ period: bodyText, confirm: bodyText }, request.body);
    const { period } = body;
    try {
      const result = await figures.enter(
        tenantOf(request).partnership.id,
        tenantOf(request).actor,
        period,
        entriesOf(body),
        body.confirm === 'yes',
      );
      if (!result.saved) return await show(request, reply, result.period.code, { warnings: result.warnings, values: body }, 200);
      return reply.redirect(`/p/${request.params.slug}/figures?period=${result.period.code}&notice=saved`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError) && !(error instanceof ConflictError)) throw error;
      const fields = error instanceof ValidationError ? error.fields : { form: error.message };
      return show(
        request,
        reply,
        period,
        { errors: fields, errorList: errorList(fields), values: body },
        error instanceof ConflictError ? 409 : 400,
      );
    }
  });

  const lockRoute = (
    path: string,
    notice: string,
    run: (request: FastifyRequest<{ Params: Params; Querystring: Query }>) => Promise<{ code: string }>,
  ) =>
    app.post<{ Params: Params; Querystring: Query }>(`/p/:slug/figures/${path}`, signOff, async (request, reply) => {
      const { period } = formFields({ period: bodyText }, request.body);
      try {
        const done = await run(request);
        return reply.redirect(`/p/${request.params.slug}/figures?period=${done.code}&notice=${notice}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError) && !(error instanceof ConflictError)) throw error;
        const fields = error instanceof ValidationError ? error.fields : { form: error.message };
        const keep = error instanceof ConflictError || 'confirm' in fields;
        const status = error instanceof ConflictError ? 409 : 400;
        return show(request, reply, keep ? period : undefined, { errors: fields, errorList: errorList(fields) }, status);
      }
    });

  lockRoute('sign-off', 'signed-off', (request) => {
    const body = formFields({ period: bodyText, confirm: bodyText }, request.body);
    return figures.signOff(tenantOf(request).partnership.id, tenantOf(request).actor, body.period, body.confirm === 'yes');
  });
  lockRoute('unlock', 'unlocked', (request) => {
    const { period } = formFields({ period: bodyText }, request.body);
    return figures.unlock(tenantOf(request).partnership.id, tenantOf(request).actor, period);
  });
}
