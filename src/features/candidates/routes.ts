import type { FastifyInstance } from 'fastify';
import { CANDIDATE_QUESTIONS, SCORE_LABELS, SCORE_MAX, SCORE_MIN } from '../../core/candidates.ts';
import { can } from '../../core/policy.ts';
import { handleForm, idParam } from '../../web/forms.ts';
import { renderPage } from '../../web/views.ts';
import { noticeQuery, type NoticeQuery } from '../../web/query.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';

type Params = { slug: string; id: string };
const propose = { config: { permission: 'priorities:propose' } } as const;
const manage = { config: { permission: 'plans:manage' } } as const;
const page = { nav: 'plans' };
const SHARED = { CANDIDATE_QUESTIONS, SCORE_LABELS, SCORES: Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i) };

/** Choosing priorities: propose, score, rank and decide (seed 000). */
export function registerCandidateRoutes(app: FastifyInstance): void {
  const { candidates } = app.services;
  const boardUrl = (slug: string, planId: string) => `/p/${slug}/plans/${planId}/candidates`;

  app.get<{ Params: Params; Querystring: NoticeQuery }>('/p/:slug/plans/:id/candidates', noticeQuery, async (request, reply) => {
    const data = await candidates.board(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id));
    const role = tenantOf(request).member.role;
    const values = { criteria: data.criteria.map((c) => c.text).join('\n') };
    return renderPage(
      request,
      reply,
      'candidates/views/board.njk',
      {
        ...SHARED,
        ...data,
        values,
        mayPropose: can(role, 'priorities:propose'),
        mayDecide: can(role, 'plans:manage'),
        notice: request.query.notice,
      },
      page,
    );
  });

  app.post<{ Params: Params }>('/p/:slug/plans/:id/criteria', manage, async (request, reply) => {
    const planId = idParam(request.params.id);
    const data = await candidates.board(tenantOf(request).partnership.id, actorOf(request), planId);
    const view = { template: 'candidates/views/board.njk', data: { ...SHARED, ...data, mayPropose: true, mayDecide: true }, options: page };
    return handleForm(request, reply, view, async () => {
      await candidates.setCriteria(tenantOf(request).partnership.id, actorOf(request), planId, request.body);
      return `${boardUrl(request.params.slug, planId)}?notice=criteria`;
    });
  });

  app.get<{ Params: Params }>('/p/:slug/plans/:id/candidates/new', propose, async (request, reply) => {
    const { plan } = await candidates.board(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id));
    return renderPage(request, reply, 'candidates/views/propose.njk', { ...SHARED, plan, values: {} }, page);
  });

  app.post<{ Params: Params }>('/p/:slug/plans/:id/candidates', propose, async (request, reply) => {
    const planId = idParam(request.params.id);
    const { plan } = await candidates.board(tenantOf(request).partnership.id, actorOf(request), planId);
    return handleForm(request, reply, { template: 'candidates/views/propose.njk', data: { ...SHARED, plan }, options: page }, async () => {
      const id = await candidates.propose(tenantOf(request).partnership.id, actorOf(request), planId, request.body);
      return `/p/${request.params.slug}/candidates/${id}?notice=proposed`;
    });
  });

  const candidateView = async (request: Parameters<typeof actorOf>[0] & { params: Params }) => {
    const data = await candidates.candidate(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id));
    const role = tenantOf(request).member.role;
    return {
      template: 'candidates/views/candidate.njk',
      data: {
        ...SHARED,
        ...data,
        values: { ...data.mine, version: data.candidate.version },
        mayScore: can(role, 'priorities:propose') && data.candidate.status === 'proposed',
        mayDecide: can(role, 'plans:manage') && data.candidate.status === 'proposed',
      },
      options: page,
    };
  };

  app.get<{ Params: Params; Querystring: NoticeQuery }>('/p/:slug/candidates/:id', noticeQuery, async (request, reply) => {
    const view = await candidateView(request);
    return renderPage(request, reply, view.template, { ...view.data, notice: request.query.notice }, view.options);
  });

  app.post<{ Params: Params }>('/p/:slug/candidates/:id/scores', propose, async (request, reply) => {
    const view = await candidateView(request);
    return handleForm(request, reply, view, async () => {
      await candidates.score(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id), request.body);
      return `/p/${request.params.slug}/candidates/${request.params.id}?notice=scored`;
    });
  });

  app.post<{ Params: Params }>('/p/:slug/candidates/:id/decision', manage, async (request, reply) => {
    const view = await candidateView(request);
    return handleForm(request, reply, view, async () => {
      await candidates.decide(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id), request.body);
      return `${boardUrl(request.params.slug, view.data.plan.id)}?notice=decided`;
    });
  });
}
