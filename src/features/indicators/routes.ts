import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BAND_LABELS, SIGNIFICANCE_LABELS } from '../../core/benchmark-panel.ts';
import { hasChartData, trendChart } from '../../core/charts.ts';
import {
  ECM_THEMES,
  FREQUENCY_LABELS,
  OBA_LABELS,
  POLARITY_LABELS,
  STATUS_LABELS,
  UNIT_LABELS,
  formatFigure,
  type Unit,
} from '../../core/indicators.ts';
import { PERIOD_KINDS } from '../../core/import-shared.ts';
import { can } from '../../core/policy.ts';
import { codeParam, handleForm, idParam } from '../../web/forms.ts';
import { withQuery, type QueryOf } from '../../web/query.ts';
import { renderFragment, renderPage } from '../../web/views.ts';
import { indicatorCsv } from './export.ts';
import { figuresQuery, libraryQuery, PERIOD_TYPE_LABELS } from './schemas.ts';
import type { createIndicatorsService } from './service.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';
import { sendDownload } from '../../web/downloads.ts';

type Params = { slug: string; code: string; id?: string };
type PageData = Awaited<ReturnType<ReturnType<typeof createIndicatorsService>['page']>>;
const manage = { config: { permission: 'indicators:manage' } } as const;
const page = { nav: 'indicators' };
const LABELS = {
  UNIT_LABELS,
  POLARITY_LABELS,
  FREQUENCY_LABELS,
  OBA_LABELS,
  STATUS_LABELS,
  PERIOD_TYPE_LABELS,
  PERIOD_KINDS,
  ECM_THEMES,
  SIGNIFICANCE_LABELS,
  BAND_LABELS,
};

/** The indicator library, each indicator's page with its benchmarks, targets and CSV. */
export function registerIndicatorRoutes(app: FastifyInstance): void {
  const { indicators } = app.services;
  const formView = async (request: FastifyRequest, data: Record<string, unknown>) => ({
    template: 'indicators/views/indicator-form.njk',
    data: { ...LABELS, agencies: await indicators.agencies(tenantOf(request).partnership.id, actorOf(request)), ...data },
    options: page,
  });

  app.get<{ Params: Params; Querystring: QueryOf<typeof libraryQuery> }>(
    '/p/:slug/indicators',
    withQuery(libraryQuery),
    async (request, reply) => {
      const library = await indicators.library(tenantOf(request).partnership.id, actorOf(request));
      const q = (request.query.q ?? '').toLowerCase();
      const matches = (i: { code: string; title: string }) => !q || i.code.includes(q) || i.title.toLowerCase().includes(q);
      return renderPage(
        request,
        reply,
        'indicators/views/library.njk',
        {
          ...LABELS,
          q: request.query.q ?? '',
          own: library.own.filter(matches),
          national: library.national.filter(matches),
          mayManage: can(tenantOf(request).member.role, 'indicators:manage'),
        },
        page,
      );
    },
  );

  app.get<{ Params: Params }>('/p/:slug/indicators/new', manage, async (request, reply) => {
    const view = await formView(request, {
      values: {
        decimals: '1',
        polarity: 'bigger',
        unit: 'percentage',
        frequency: 'quarterly',
        periodType: 'financial-quarter',
        obaCategory: 'how-well',
      },
    });
    return renderPage(request, reply, view.template, view.data, view.options);
  });

  app.post<{ Params: Params }>('/p/:slug/indicators', manage, async (request, reply) =>
    handleForm(request, reply, await formView(request, {}), async () => {
      const created = await indicators.create(tenantOf(request).partnership.id, actorOf(request), request.body);
      return `/p/${request.params.slug}/indicators/${created.code}?notice=created`;
    }),
  );

  app.get<{ Params: Params; Querystring: QueryOf<typeof figuresQuery> }>(
    '/p/:slug/indicators/:code',
    withQuery(figuresQuery),
    async (request, reply) => {
      const data = await indicators.page(tenantOf(request).partnership.id, actorOf(request), codeParam(request.params.code), request.query);
      return renderPage(
        request,
        reply,
        'indicators/views/indicator.njk',
        await indicatorView(request, reply, data, request.query.notice),
        page,
      );
    },
  );

  app.get<{ Params: Params; Querystring: QueryOf<typeof figuresQuery> }>(
    '/p/:slug/indicators/:code/data.csv',
    withQuery(figuresQuery),
    async (request, reply) => {
      const data = await indicators.page(tenantOf(request).partnership.id, actorOf(request), codeParam(request.params.code), {
        area: request.query.area,
        asAt: request.query.asAt,
      });
      const filename = `${data.indicator.code}-${data.area?.code ?? 'england'}.csv`;
      return sendDownload(reply, { filename, format: 'csv', body: indicatorCsv(data) });
    },
  );

  app.get<{ Params: Params }>('/p/:slug/indicators/:code/edit', manage, async (request, reply) => {
    const indicator = await indicators.editable(tenantOf(request).partnership.id, actorOf(request), codeParam(request.params.code));
    const view = await formView(request, {
      indicator,
      values: { ...indicator, bandLow: indicator.bandLow ?? '', bandHigh: indicator.bandHigh ?? '' },
    });
    return renderPage(request, reply, view.template, view.data, view.options);
  });

  app.post<{ Params: Params }>('/p/:slug/indicators/:code', manage, async (request, reply) => {
    const code = codeParam(request.params.code);
    const indicator = await indicators.editable(tenantOf(request).partnership.id, actorOf(request), code);
    return handleForm(request, reply, await formView(request, { indicator, values: { ...indicator } }), async () => {
      await indicators.update(tenantOf(request).partnership.id, actorOf(request), code, request.body);
      return `/p/${request.params.slug}/indicators/${code}?notice=changed`;
    });
  });

  app.post<{ Params: Params }>('/p/:slug/indicators/:code/targets', manage, async (request, reply) => {
    const code = codeParam(request.params.code);
    const data = await indicators.page(tenantOf(request).partnership.id, actorOf(request), code, {});
    const view = {
      template: 'indicators/views/indicator.njk',
      data: { ...(await indicatorView(request, reply, data)), targetOpen: true },
      options: page,
    };
    return handleForm(request, reply, view, async () => {
      await indicators.addTarget(tenantOf(request).partnership.id, actorOf(request), code, request.body);
      return `/p/${request.params.slug}/indicators/${code}?notice=target#targets`;
    });
  });

  app.post<{ Params: Params }>('/p/:slug/indicators/:code/targets/:id/delete', manage, async (request, reply) => {
    const code = codeParam(request.params.code);
    await indicators.removeTarget(tenantOf(request).partnership.id, actorOf(request), code, idParam(request.params.id));
    return reply.redirect(`/p/${request.params.slug}/indicators/${code}?notice=target-removed#targets`, 303);
  });
}

/**
 * What the indicator page shows: the page data with its chart and figures formatted, and the
 * figures' part of the page rendered once per kept reading (it holds nothing about the person);
 * `notice` is the one a redirect brought (a form shown again has none).
 */
async function indicatorView(request: FastifyRequest, reply: FastifyReply, data: PageData, notice?: string) {
  const { indicator } = data;
  const fmt = (value: number | null | undefined, marker?: string | null) =>
    formatFigure(value, indicator.unit as Unit, indicator.decimals, marker as never);
  const series = [
    { name: data.area?.name ?? 'Area', kind: 'area' as const, values: data.trend.map((r) => r.area?.value ?? null) },
    ...(data.area?.code !== 'E92000001' ? [{ name: 'England', kind: 'england' as const, values: data.trend.map((r) => r.england) }] : []),
    ...(data.neighbours.length
      ? [{ name: 'Comparator mean', kind: 'neighbours' as const, values: data.trend.map((r) => r.neighbourMean) }]
      : []),
  ];
  const chartInput = {
    id: `trend-${indicator.code}`,
    title: `${indicator.title}: ${data.area?.name ?? ''}`,
    periods: data.trend.map((r) => ({ code: r.periodCode, label: r.label })),
    series,
    format: (n: number) => fmt(n),
  };
  const has = {
    england: data.trend.some((r) => r.england !== null),
    region: data.region !== undefined && data.trend.some((r) => r.region !== null),
    neighbours: data.neighbours.length > 0 && data.trend.some((r) => r.neighbourMean !== null),
  };
  const view = {
    ...LABELS,
    ...data,
    has,
    // The panel compares published figures; an indicator of the partnership's own has none.
    panel: data.panel && (data.panel.england !== null || data.panel.rankOf > 0 || data.panel.neighbourCount > 0) ? data.panel : undefined,
    fmt,
    mayManage: can(tenantOf(request).member.role, 'indicators:manage'),
    comparatorLabel:
      data.comparator === 'sn2021'
        ? 'statistical neighbours, DfE 2021 list'
        : data.comparator.startsWith('group:')
          ? 'councils in the partnership’s comparator group'
          : 'statistical neighbours, DfE 2025 list',
    own: indicator.partnershipId !== null,
    notice,
    values: {},
  };
  const slug = tenantOf(request).partnership.slug;
  const figuresHtml = await renderFragment(reply, data, [slug], 'indicators/views/figures-part.njk', () => ({
    ...view,
    chart: hasChartData(chartInput) ? trendChart(chartInput) : null,
    partnership: { slug },
  }));
  return { ...view, figuresHtml };
}
