import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BAND_LABELS, SIGNIFICANCE_LABELS } from '../../core/benchmark-panel.ts';
import { POLARITY_LABELS } from '../../core/indicators.ts';
import { DIRECTION_LEGEND, RAG_LABELS, RAG_RULE_LABELS } from '../../core/judgements.ts';
import { can } from '../../core/policy.ts';
import { SCORECARD_COLUMN_LABELS, SCORECARD_COLUMNS } from '../../core/scorecard.ts';
import { bodyText, formFields } from '../../web/body.ts';
import { handleForm, idParam } from '../../web/forms.ts';
import {
  noticeQuery,
  queryDate,
  queryDateInput,
  queryErrors,
  queryId,
  queryNotice,
  withQuery,
  type NoticeQuery,
  type QueryOf,
} from '../../web/query.ts';
import { NotFoundError } from '../../services/errors.ts';
import { renderFragment, renderPage } from '../../web/views.ts';
import { isDownloadFormat } from '../../web/downloads.ts';
import { scorecardFilename, type ScorecardExport } from './exports.ts';
import { sendScorecardExport } from './send-export.ts';
import { registerScorecardBuilderRoutes } from './builder-routes.ts';
import { rowChart, selectedCharts } from './charts.ts';
import { staffTable } from './table.ts';
import { dateInWords } from '../../core/dates.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';

type Params = { slug: string; id: string; row: string };
const manage = { config: { permission: 'indicators:manage' } } as const;
const page = { nav: 'scorecards' };
const asAtQuery = { asAt: queryDate, notice: queryNotice };
/** The scorecard's page: a wrong "as at" date is shown in its error summary (`queryErrors`), not refused. */
const readQuery = { ...asAtQuery, asAt: queryDateInput('the date'), override: queryId, chart: queryId };
const LABELS = {
  SCORECARD_COLUMNS,
  SCORECARD_COLUMN_LABELS,
  POLARITY_LABELS,
  DIRECTION_LEGEND,
  RAG_LABELS,
  RAG_RULE_LABELS,
  BAND_LABELS,
  SIGNIFICANCE_LABELS,
};
const DEFAULT_COLUMNS = ['previous', 'england', 'neighbours', 'target', 'direction', 'rag', 'note'];

/** Scorecards: the list, building one, and reading it as at a date. */
export function registerScorecardRoutes(app: FastifyInstance): void {
  const { scorecards, exceptions } = app.services;
  const url = (request: FastifyRequest<{ Params: Params }>, rest = '') =>
    `/p/${request.params.slug}/scorecards/${request.params.id}${rest}`;

  const listView = async (request: FastifyRequest) => ({
    template: 'scorecards/views/scorecards.njk',
    data: {
      ...LABELS,
      ...(await scorecards.list(tenantOf(request).partnership.id, actorOf(request))),
      mayManage: can(tenantOf(request).member.role, 'indicators:manage'),
    },
    options: page,
  });

  app.get<{ Params: Params; Querystring: NoticeQuery }>('/p/:slug/scorecards', noticeQuery, async (request, reply) => {
    const view = await listView(request);
    return renderPage(
      request,
      reply,
      view.template,
      { ...view.data, notice: request.query.notice, values: { previousPeriods: '2', columns: DEFAULT_COLUMNS } },
      view.options,
    );
  });

  app.post<{ Params: Params }>('/p/:slug/scorecards', manage, async (request, reply) =>
    handleForm(request, reply, await listView(request), async () => {
      const id = await scorecards.create(tenantOf(request).partnership.id, actorOf(request), request.body);
      return `/p/${request.params.slug}/scorecards/${id}/edit?notice=created`;
    }),
  );

  const readView = async (
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    asAt: string | undefined,
    extra: Record<string, unknown>,
    reading?: Awaited<ReturnType<typeof scorecards.read>>,
  ) => {
    const data = reading ?? (await scorecards.read(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id), asAt));
    const rows = data.sections.flatMap((s) => s.rows);
    const overriding = typeof extra.override === 'string' ? rows.find((r) => r.id === extra.override && r.current) : undefined;
    const charted =
      typeof extra.chartRow === 'string' ? rows.find((r) => r.id === extra.chartRow && r.figures.some((f) => f.value !== null)) : undefined;
    const chart = charted && rowChart(charted, 'chart');
    const mayManage = can(tenantOf(request).member.role, 'indicators:manage');
    const slug = tenantOf(request).partnership.slug;
    // Worked out once, and only when a fragment is not kept already: both parts read the same table.
    let context: Record<string, unknown> | undefined;
    const contextOf = () =>
      (context ??= {
        ...LABELS,
        ...data,
        partnership: { slug },
        table: staffTable(data.sections, data.scorecard.columns, data.scorecard.previous_periods, {
          base: `/p/${slug}`,
          scorecard: `/p/${slug}/scorecards/${data.scorecard.id}`,
          asAt: data.asAt,
          mayManage,
        }),
        charts: selectedCharts(data.sections),
        footnotes: [...new Set(rows.flatMap((r) => [...r.qualityNotes, ...(r.indicator.lag ? [r.indicator.lag] : [])]))],
        mayManage,
      });
    const fragment = (part: 'summary' | 'table') =>
      renderFragment(reply, data, [slug, mayManage, part], 'scorecards/views/sections.njk', () => ({ ...contextOf(), part }));
    const [summaryHtml, tablesHtml] = await Promise.all([fragment('summary'), fragment('table')]);
    return {
      template: 'scorecards/views/scorecard.njk',
      data: {
        ...LABELS,
        ...data,
        overriding,
        chart,
        summaryHtml,
        tablesHtml,
        mayManage,
        values: {},
        ...extra,
      },
      options: page,
    };
  };

  app.get<{ Params: Params; Querystring: QueryOf<typeof readQuery> }>(
    '/p/:slug/scorecards/:id',
    withQuery(readQuery),
    async (request, reply) => {
      const { asAt, notice, override, chart } = request.query;
      const dateErrors = queryErrors({ asAt });
      // Kept per data revision, role and query (issue 13): the page is rendered only when one of them changes.
      const { partnership, revisions } = tenantOf(request);
      const reading = await scorecards.read(partnership.id, actorOf(request), idParam(request.params.id), asAt.date, revisions?.data);
      const extra = { notice, override, chartRow: chart, asAtValue: asAt.value, ...dateErrors };
      const view = async () => (await readView(request, reply, asAt.date, extra, reading)).data;
      const cache = { reading, variant: [request.query] };
      return renderPage(request, reply, 'scorecards/views/scorecard.njk', view, { ...page, status: asAt.error ? 400 : 200, cache });
    },
  );

  app.post<{ Params: Params }>('/p/:slug/scorecards/:id/rows/:row/rag', manage, async (request, reply) => {
    const { asAt } = formFields({ asAt: bodyText }, request.body);
    const view = await readView(request, reply, asAt, { override: request.params.row });
    return handleForm(request, reply, view, async () => {
      await scorecards.overrideRating(
        tenantOf(request).partnership.id,
        actorOf(request),
        idParam(request.params.id),
        idParam(request.params.row),
        request.body,
      );
      return url(request, `?asAt=${encodeURIComponent(asAt ?? '')}&notice=rated#row-${request.params.row}`);
    });
  });

  app.get<{ Params: Params & { format: string }; Querystring: QueryOf<typeof asAtQuery> }>(
    '/p/:slug/scorecards/:id/export.:format',
    withQuery(asAtQuery),
    async (request, reply) => {
      const format = request.params.format;
      if (!isDownloadFormat(format)) throw new NotFoundError('Page not found');
      const data = await exceptions.report(
        tenantOf(request).partnership.id,
        actorOf(request),
        idParam(request.params.id),
        request.query.asAt,
      );
      const x: ScorecardExport = {
        title: data.scorecard.title,
        partnershipName: tenantOf(request).partnership.name,
        boardName: data.scorecard.boardName,
        asAtLabel: dateInWords(data.asAt),
        knownLine: data.knownLine,
        presentedAs: null,
        columns: data.scorecard.columns,
        sections: data.sections,
        exceptions: data.exceptions,
      };
      return sendScorecardExport(request, reply, {
        format,
        filename: scorecardFilename(x.title, format),
        x,
        printPage: () =>
          reply.viewAsync('scorecards/views/print.njk', {
            ...LABELS,
            ...data,
            x,
            charts: selectedCharts(data.sections),
            partnership: tenantOf(request).partnership,
          }),
        back: (notice) =>
          reply.redirect(`/p/${request.params.slug}/scorecards/${request.params.id}?asAt=${data.asAt}&notice=${notice}`, 303),
      });
    },
  );

  app.get<{ Params: Params; Querystring: QueryOf<typeof asAtQuery> }>(
    '/p/:slug/scorecards/:id/exceptions',
    withQuery(asAtQuery),
    async (request, reply) => {
      const data = await exceptions.report(
        tenantOf(request).partnership.id,
        actorOf(request),
        idParam(request.params.id),
        request.query.asAt,
      );
      return renderPage(
        request,
        reply,
        'scorecards/views/exceptions.njk',
        { ...LABELS, ...data, mayComment: can(tenantOf(request).member.role, 'data:enter'), notice: request.query.notice, values: {} },
        page,
      );
    },
  );

  app.post<{ Params: Params }>(
    '/p/:slug/scorecards/:id/rows/:row/commentary',
    { config: { permission: 'data:enter' } },
    async (request, reply) => {
      const id = idParam(request.params.id);
      const row = idParam(request.params.row);
      const { asAt } = formFields({ asAt: bodyText }, request.body);
      const data = await exceptions.report(tenantOf(request).partnership.id, actorOf(request), id, asAt);
      const view = {
        template: 'scorecards/views/exceptions.njk',
        data: { ...LABELS, ...data, mayComment: true, openRow: row },
        options: page,
      };
      return handleForm(request, reply, view, async () => {
        await exceptions.comment(tenantOf(request).partnership.id, actorOf(request), id, row, request.body);
        return `${url(request, '/exceptions')}?asAt=${data.asAt}&notice=commentary#row-${row}`;
      });
    },
  );

  registerScorecardBuilderRoutes(app);
}
