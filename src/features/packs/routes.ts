import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BAND_LABELS, SIGNIFICANCE_LABELS } from '../../core/benchmark-panel.ts';
import { POLARITY_LABELS } from '../../core/indicators.ts';
import { DIRECTION_LEGEND, RAG_LABELS } from '../../core/judgements.ts';
import { can } from '../../core/policy.ts';
import { NotFoundError } from '../../services/errors.ts';
import { errorList, handleForm, idParam } from '../../web/forms.ts';
import { renderPage } from '../../web/views.ts';
import { isDownloadFormat } from '../../web/downloads.ts';
import { scorecardFilename, type ScorecardExport } from '../scorecards/exports.ts';
import { sendScorecardExport } from '../scorecards/send-export.ts';
import { selectedCharts } from '../scorecards/charts.ts';
import { staffTable } from '../scorecards/table.ts';
import { FrozenPackError, presentedAs, type PacksService } from './service.ts';
import { noticeQuery, queryId, queryText, withQuery, type NoticeQuery, type QueryOf } from '../../web/query.ts';
import { dateInWords } from '../../core/dates.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';

type Params = { slug: string; id: string };
const manage = { config: { permission: 'indicators:manage' } } as const;
const page = { nav: 'packs' };
const LABELS = { POLARITY_LABELS, DIRECTION_LEGEND, RAG_LABELS, BAND_LABELS, SIGNIFICANCE_LABELS };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const listQuery = { board: queryId };
/** The two packs to compare; the page itself says which is missing or not a pack. */
const compareQuery = { a: queryText(100), b: queryText(100) };

/** Board packs: freezing a scorecard for a meeting, reading and exporting a pack, comparing two. */
export function registerPackRoutes(app: FastifyInstance, packs: PacksService): void {
  const base = (request: FastifyRequest<{ Params: Params }>) => `/p/${request.params.slug}/packs`;

  app.get<{ Params: Params; Querystring: QueryOf<typeof listQuery> }>('/p/:slug/packs', withQuery(listQuery), async (request, reply) => {
    const { board } = request.query;
    const data = await packs.list(tenantOf(request).partnership.id, actorOf(request), board);
    return renderPage(
      request,
      reply,
      'packs/views/packs.njk',
      { ...data, board, mayFreeze: can(tenantOf(request).member.role, 'indicators:manage') },
      page,
    );
  });

  const freezeView = async (request: FastifyRequest<{ Params: Params }>) => ({
    template: 'packs/views/freeze.njk',
    data: { ...(await packs.freezeForm(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id))), values: {} },
    options: page,
  });

  app.get<{ Params: Params }>('/p/:slug/scorecards/:id/freeze', manage, async (request, reply) => {
    const view = await freezeView(request);
    return renderPage(request, reply, view.template, view.data, view.options);
  });

  app.post<{ Params: Params }>('/p/:slug/scorecards/:id/packs', manage, async (request, reply) =>
    handleForm(request, reply, await freezeView(request), async () => {
      const id = await packs.freeze(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id), request.body);
      return `${base(request)}/${id}?notice=frozen`;
    }),
  );

  app.get<{ Params: Params; Querystring: QueryOf<typeof compareQuery> }>(
    '/p/:slug/packs/compare',
    withQuery(compareQuery),
    async (request, reply) => {
      const { a = '', b = '' } = request.query;
      if (UUID.test(a) && UUID.test(b)) {
        const data = await packs.compare(tenantOf(request).partnership.id, actorOf(request), a, b);
        const changed = data.comparison.rows.filter((r) => r.changes.length > 0);
        const unchanged = data.comparison.rows.filter((r) => r.changes.length === 0);
        return renderPage(request, reply, 'packs/views/compare.njk', { ...data, changed, unchanged }, page);
      }
      const { groups } = await packs.list(tenantOf(request).partnership.id, actorOf(request));
      const asked = a !== '' || b !== '';
      const errors = asked
        ? { ...(UUID.test(a) ? {} : { a: 'Choose the first pack' }), ...(UUID.test(b) ? {} : { b: 'Choose the second pack' }) }
        : {};
      return renderPage(
        request,
        reply,
        'packs/views/compare.njk',
        { choices: groups.flatMap((g) => g.packs), values: { a, b }, errors, errorList: errorList(errors) },
        { ...page, status: asked ? 400 : 200 },
      );
    },
  );

  app.get<{ Params: Params; Querystring: NoticeQuery }>('/p/:slug/packs/:id', noticeQuery, async (request, reply) => {
    const data = await packs.pack(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id));
    const rows = data.pack.snapshot.sections.flatMap((s) => s.rows);
    const footnotes = [...new Set(rows.flatMap((r) => [...r.qualityNotes, ...(r.indicator.lag ? [r.indicator.lag] : [])]))];
    return renderPage(
      request,
      reply,
      'packs/views/pack.njk',
      {
        ...LABELS,
        ...data,
        presentedAs: presentedAs(data.pack),
        footnotes,
        charts: selectedCharts(data.pack.snapshot.sections),
        table: staffTable(data.pack.snapshot.sections, data.pack.snapshot.scorecard.columns, data.pack.snapshot.scorecard.previousPeriods),
        notice: request.query.notice,
      },
      page,
    );
  });

  app.get<{ Params: Params & { format: string } }>('/p/:slug/packs/:id/export.:format', async (request, reply) => {
    const format = request.params.format;
    if (!isDownloadFormat(format)) throw new NotFoundError('Page not found');
    const { pack, exceptions } = await packs.pack(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id));
    const x: ScorecardExport = {
      title: pack.title,
      partnershipName: tenantOf(request).partnership.name,
      boardName: pack.boardName ?? pack.snapshot.scorecard.boardName,
      asAtLabel: dateInWords(pack.asAt),
      knownLine: pack.snapshot.knownLine ?? null,
      presentedAs: presentedAs(pack),
      columns: pack.snapshot.scorecard.columns,
      sections: pack.snapshot.sections,
      exceptions,
    };
    return sendScorecardExport(request, reply, {
      format,
      // The pack's title is too long for a file name: the meeting's date and name say which pack it is.
      filename: scorecardFilename(`board pack ${pack.presentedOn} ${pack.meeting}`, format),
      x,
      printPage: () =>
        reply.viewAsync('packs/views/print.njk', {
          ...LABELS,
          pack,
          exceptions,
          x,
          charts: selectedCharts(x.sections),
          partnership: tenantOf(request).partnership,
        }),
      back: (notice) => reply.redirect(`${base(request)}/${pack.id}?notice=${notice}`, 303),
    });
  });

  // A pack is the record of what a board was shown: any attempt to change it is refused, plainly.
  const refuse = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    try {
      return await packs.refuseChange(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id));
    } catch (error) {
      if (!(error instanceof FrozenPackError)) throw error;
      const pack = error.pack;
      return renderPage(request, reply, 'packs/views/frozen.njk', { pack }, { ...page, status: 409 });
    }
  };
  app.post<{ Params: Params }>('/p/:slug/packs/:id', manage, refuse);
  app.post<{ Params: Params }>('/p/:slug/packs/:id/*', manage, refuse);
}
