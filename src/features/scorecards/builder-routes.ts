import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RAG_RULE_LABELS } from '../../core/judgements.ts';
import { SCORECARD_COLUMN_LABELS, SCORECARD_COLUMNS } from '../../core/scorecard.ts';
import { bodyText, formFields } from '../../web/body.ts';
import { handleForm, idParam } from '../../web/forms.ts';
import { noticeQuery, type NoticeQuery } from '../../web/query.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';
import { renderPage } from '../../web/views.ts';
import { directionOf } from './schemas.ts';

type Params = { slug: string; id: string; row: string; section: string };
type Request = FastifyRequest<{ Params: Params }>;
const manage = { config: { permission: 'indicators:manage' } } as const;
const page = { nav: 'scorecards' };
const LABELS = { RAG_RULE_LABELS, SCORECARD_COLUMNS, SCORECARD_COLUMN_LABELS };

/**
 * Building a scorecard (issue 13): the builder page, its sections and rows added, changed, moved
 * with Up and Down buttons (plain forms, no script needed) and removed after a confirmation page.
 */
export function registerScorecardBuilderRoutes(app: FastifyInstance): void {
  const { scorecards } = app.services;
  const url = (request: Request, rest = '') => `/p/${request.params.slug}/scorecards/${request.params.id}${rest}`;
  const who = (request: FastifyRequest) => [tenantOf(request).partnership.id, actorOf(request)] as const;
  const ids = (request: Request) => ({ id: idParam(request.params.id) });

  const builderView = async (request: Request, open?: string) => {
    const data = await scorecards.builder(...who(request), ids(request).id);
    const s = data.scorecard;
    return {
      template: 'scorecards/views/builder.njk',
      data: {
        ...LABELS,
        ...data,
        open,
        values: {
          title: s.title,
          description: s.description,
          boardId: s.board_id,
          previousPeriods: s.previous_periods,
          columns: s.columns,
          asAt: s.as_at ?? '',
          published: s.published,
          version: s.version,
        },
      },
      options: page,
    };
  };

  /** The row's change page; after a refused save, a checkbox left unticked must stay unticked (`sent` carries it). */
  const rowView = async (request: Request, sent = false) => {
    const data = await scorecards.row(...who(request), ids(request).id, idParam(request.params.row));
    const r = data.row;
    return {
      template: 'scorecards/views/row.njk',
      data: {
        ...LABELS,
        ...data,
        values: {
          ragRule: r.ragRule,
          tolerance: r.tolerance,
          maintainedBand: r.maintainedBand,
          note: r.note,
          chart: !sent && r.chart ? 'yes' : '',
        },
      },
      options: page,
    };
  };

  /** The confirmation page before a row or a section is removed. */
  const removalPage = (request: Request, reply: FastifyReply, data: { scorecard: { title: string }; what: string; consequence: string }) =>
    renderPage(request, reply, 'scorecards/views/remove.njk', { ...data, action: request.url, back: url(request, '/edit') }, page);

  app.get<{ Params: Params; Querystring: NoticeQuery }>(
    '/p/:slug/scorecards/:id/edit',
    { ...manage, ...noticeQuery },
    async (request, reply) => {
      const view = await builderView(request);
      return renderPage(request, reply, view.template, { ...view.data, notice: request.query.notice }, view.options);
    },
  );

  for (const [path, action, open] of [
    ['', 'update', 'settings'],
    ['/sections', 'addSection', 'section'],
    ['/rows', 'addRow', 'row'],
  ] as const) {
    app.post<{ Params: Params }>(`/p/:slug/scorecards/:id${path}`, manage, async (request, reply) =>
      handleForm(
        request,
        reply,
        () => builderView(request, open),
        async () => {
          await scorecards[action](...who(request), ids(request).id, request.body);
          return url(request, `/edit?notice=${open}`);
        },
      ),
    );
  }

  app.get<{ Params: Params }>('/p/:slug/scorecards/:id/rows/:row/edit', manage, async (request, reply) => {
    const view = await rowView(request);
    return renderPage(request, reply, view.template, view.data, view.options);
  });

  app.post<{ Params: Params }>('/p/:slug/scorecards/:id/rows/:row/edit', manage, async (request, reply) => {
    const row = idParam(request.params.row);
    const view = await rowView(request, true);
    return handleForm(request, reply, view, async () => {
      await scorecards.changeRow(...who(request), ids(request).id, row, request.body);
      return url(request, `/edit?notice=changed#row-${row}`);
    });
  });

  app.post<{ Params: Params }>('/p/:slug/scorecards/:id/rows/:row/move', manage, async (request, reply) => {
    const row = idParam(request.params.row);
    const direction = directionOf(request.body);
    if (direction) await scorecards.moveRow(...who(request), ids(request).id, row, direction);
    return reply.redirect(url(request, `/edit?notice=moved#row-${row}`), 303);
  });

  app.post<{ Params: Params }>('/p/:slug/scorecards/:id/sections/:section/move', manage, async (request, reply) => {
    const section = idParam(request.params.section);
    const direction = directionOf(request.body);
    if (direction) await scorecards.moveSection(...who(request), ids(request).id, section, direction);
    return reply.redirect(url(request, `/edit?notice=section-moved#section-${section}`), 303);
  });

  app.post<{ Params: Params }>('/p/:slug/scorecards/:id/rows/:row/chart', manage, async (request, reply) => {
    const row = idParam(request.params.row);
    const chart = formFields({ chart: bodyText }, request.body).chart === 'yes';
    await scorecards.setChart(...who(request), ids(request).id, row, chart);
    return reply.redirect(url(request, `/edit?notice=${chart ? 'charted' : 'uncharted'}#row-${row}`), 303);
  });

  app.get<{ Params: Params }>('/p/:slug/scorecards/:id/rows/:row/remove', manage, async (request, reply) => {
    const { scorecard, row } = await scorecards.row(...who(request), ids(request).id, idParam(request.params.row));
    return removalPage(request, reply, {
      scorecard,
      what: row.indicatorTitle,
      consequence: 'Its commentary and any ratings given by hand go with it. The indicator and its figures stay.',
    });
  });

  app.post<{ Params: Params }>('/p/:slug/scorecards/:id/rows/:row/remove', manage, async (request, reply) => {
    await scorecards.removeRow(...who(request), ids(request).id, idParam(request.params.row));
    return reply.redirect(url(request, '/edit?notice=removed'), 303);
  });

  app.get<{ Params: Params }>('/p/:slug/scorecards/:id/sections/:section/remove', manage, async (request, reply) => {
    const { scorecard, section } = await scorecards.section(...who(request), ids(request).id, idParam(request.params.section));
    const rows = section.rows.length;
    return removalPage(request, reply, {
      scorecard,
      what: `the section ${section.title}`,
      consequence: rows
        ? `Its ${rows} row${rows === 1 ? '' : 's'} go${rows === 1 ? 'es' : ''} with it, with their commentary and any ratings given by hand. The indicators and their figures stay.`
        : 'It has no rows.',
    });
  });

  app.post<{ Params: Params }>('/p/:slug/scorecards/:id/sections/:section/remove', manage, async (request, reply) => {
    await scorecards.removeSection(...who(request), ids(request).id, idParam(request.params.section));
    return reply.redirect(url(request, '/edit?notice=section-removed'), 303);
  });
}
