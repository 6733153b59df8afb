import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ACTION_STATUSES, PLAN_KINDS, PLAN_STATUSES, PRIORITY_STATUSES, RAGS } from '../../core/plans.ts';
import { percent, previousQuarter, quarterOf, ROLL_UP_RULE } from '../../core/promises.ts';
import { paragraphsOf, ragWords } from '../../core/sponsor-report.ts';
import { ForbiddenError } from '../../services/errors.ts';
import { handleForm, idParam } from '../../web/forms.ts';
import { withQuery, type QueryOf } from '../../web/query.ts';
import { renderPage } from '../../web/views.ts';
import { asAtQuery, reportQuery, trackerQuery } from './schemas.ts';
import { sponsorReportDocx, sponsorReportFilename } from './sponsor-report-docx.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';

type Params = { slug: string; id: string };
type AsAt = QueryOf<typeof asAtQuery>;
const asAt = withQuery(asAtQuery);
const manage = { config: { permission: 'plans:manage' } } as const;
const page = { nav: 'plans' };

const isoParts = (iso: string | null | undefined) => {
  if (!iso) return {};
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
};

const TRACKER_PAGE_SIZE = 50;

/** Forms for changing a priority or its delivery plan are only for those who may save them. */
function mayEdit<T extends { mayEdit: boolean }>(data: T): T {
  if (!data.mayEdit) throw new ForbiddenError('Only the partnership admin or this priority’s sponsor can change it.');
  return data;
}

/** The labels every plans page may show. */
const LABELS = { PLAN_KINDS, PLAN_STATUSES, PRIORITY_STATUSES, ACTION_STATUSES, RAGS, ROLL_UP_RULE, percent, isoParts };

export function registerPlanRoutes(app: FastifyInstance): void {
  const { plans } = app.services;
  const base = (slug: string) => `/p/${slug}`;
  const render = (request: FastifyRequest, reply: Parameters<typeof renderPage>[1], template: string, data: Record<string, unknown>) =>
    renderPage(request, reply, `plans/views/${template}`, { ...LABELS, ...data }, page);

  app.get<{ Params: Params; Querystring: AsAt }>('/p/:slug/plans', asAt, async (request, reply) => {
    const rows = await plans.listPlans(tenantOf(request).partnership.id, actorOf(request));
    return render(request, reply, 'plans.njk', { rows, notice: request.query.notice });
  });

  app.get<{ Params: Params }>('/p/:slug/plans/new', manage, async (request, reply) => {
    const choices = await plans.choices(tenantOf(request).partnership.id, actorOf(request));
    return render(request, reply, 'plan-form.njk', { ...choices, values: { kind: 'cypp', status: 'draft' } });
  });

  app.post<{ Params: Params }>('/p/:slug/plans', manage, async (request, reply) => {
    const choices = await plans.choices(tenantOf(request).partnership.id, actorOf(request));
    return handleForm(
      request,
      reply,
      { template: 'plans/views/plan-form.njk', data: { ...choices, ...LABELS }, options: page },
      async () => {
        const plan = await plans.createPlan(tenantOf(request).partnership.id, actorOf(request), request.body);
        return `${base(request.params.slug)}/plans/${plan.id}?notice=added`;
      },
    );
  });

  app.get<{ Params: Params; Querystring: AsAt }>('/p/:slug/plans/:id', asAt, async (request, reply) => {
    const data = await plans.planPage(
      tenantOf(request).partnership.id,
      tenantOf(request).actor,
      idParam(request.params.id),
      request.query.asAt,
    );
    return render(request, reply, 'plan.njk', { ...data, notice: request.query.notice });
  });

  const planFormValues = (plan: Awaited<ReturnType<typeof plans.getPlan>>) => ({
    kind: plan.kind,
    title: plan.title,
    boardId: plan.board_id,
    periodStart: plan.period_start,
    periodEnd: plan.period_end,
    vision: plan.vision,
    values: plan.plan_values.join('\n'),
    status: plan.status,
    version: plan.version,
  });

  app.get<{ Params: Params }>('/p/:slug/plans/:id/edit', manage, async (request, reply) => {
    const plan = await plans.getPlan(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id));
    const choices = await plans.choices(tenantOf(request).partnership.id, actorOf(request));
    return render(request, reply, 'plan-form.njk', { ...choices, plan, values: planFormValues(plan) });
  });

  app.post<{ Params: Params }>('/p/:slug/plans/:id/edit', manage, async (request, reply) => {
    const id = idParam(request.params.id);
    const plan = await plans.getPlan(tenantOf(request).partnership.id, actorOf(request), id);
    const choices = await plans.choices(tenantOf(request).partnership.id, actorOf(request));
    const data = { ...choices, ...LABELS, plan, saved: planFormValues(plan), values: planFormValues(plan) };
    return handleForm(request, reply, { template: 'plans/views/plan-form.njk', data, options: page }, async () => {
      await plans.updatePlan(tenantOf(request).partnership.id, actorOf(request), id, request.body);
      return `${base(request.params.slug)}/plans/${id}?notice=changed`;
    });
  });

  app.get<{ Params: Params }>('/p/:slug/plans/:id/history', async (request, reply) => {
    const data = await plans.history(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id));
    return render(request, reply, 'plan-history.njk', data);
  });

  app.get<{ Params: Params }>('/p/:slug/plans/:id/priorities/new', manage, async (request, reply) => {
    const plan = await plans.getPlan(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id));
    const choices = await plans.choices(tenantOf(request).partnership.id, actorOf(request));
    return render(request, reply, 'priority-form.njk', { ...choices, plan, values: { status: 'active', agencyIds: [] } });
  });

  app.post<{ Params: Params }>('/p/:slug/plans/:id/priorities', manage, async (request, reply) => {
    const id = idParam(request.params.id);
    const plan = await plans.getPlan(tenantOf(request).partnership.id, actorOf(request), id);
    const choices = await plans.choices(tenantOf(request).partnership.id, actorOf(request));
    return handleForm(
      request,
      reply,
      { template: 'plans/views/priority-form.njk', data: { ...choices, ...LABELS, plan }, options: page },
      async () => {
        const priorityId = await plans.addPriority(tenantOf(request).partnership.id, actorOf(request), id, request.body);
        return `${base(request.params.slug)}/priorities/${priorityId}?notice=added`;
      },
    );
  });

  app.get<{ Params: Params; Querystring: AsAt }>('/p/:slug/priorities/:id', asAt, async (request, reply) => {
    const data = await plans.priorityPage(
      tenantOf(request).partnership.id,
      tenantOf(request).actor,
      idParam(request.params.id),
      request.query.asAt,
    );
    return render(request, reply, 'priority.njk', { ...data, notice: request.query.notice });
  });

  const priorityFormValues = (p: Awaited<ReturnType<typeof plans.priorityPage>>['priority']) => ({
    number: p.number,
    title: p.title,
    description: p.description,
    sponsorUserId: p.sponsorUserId,
    sponsorRole: p.sponsorRole,
    leadAgencyId: p.leadAgencyId,
    agencyIds: p.contributingAgencyIds,
    status: p.status,
    version: p.version,
  });

  app.get<{ Params: Params }>('/p/:slug/priorities/:id/edit', async (request, reply) => {
    const data = mayEdit(await plans.priorityPage(tenantOf(request).partnership.id, tenantOf(request).actor, idParam(request.params.id)));
    const choices = await plans.choices(tenantOf(request).partnership.id, actorOf(request));
    return render(request, reply, 'priority-form.njk', { ...choices, ...data, values: priorityFormValues(data.priority) });
  });

  app.post<{ Params: Params }>('/p/:slug/priorities/:id/edit', async (request, reply) => {
    const id = idParam(request.params.id);
    const data = await plans.priorityPage(tenantOf(request).partnership.id, tenantOf(request).actor, id);
    const choices = await plans.choices(tenantOf(request).partnership.id, actorOf(request));
    const values = priorityFormValues(data.priority);
    const view = {
      template: 'plans/views/priority-form.njk',
      data: { ...choices, ...LABELS, ...data, saved: values, values },
      options: page,
    };
    return handleForm(request, reply, view, async () => {
      await plans.updatePriority(tenantOf(request).partnership.id, tenantOf(request).actor, id, request.body);
      return `${base(request.params.slug)}/priorities/${id}?notice=changed`;
    });
  });

  app.post<{ Params: Params }>('/p/:slug/priorities/:id/measures', async (request, reply) => {
    const id = idParam(request.params.id);
    const data = await plans.priorityPage(tenantOf(request).partnership.id, tenantOf(request).actor, id);
    return handleForm(request, reply, { template: 'plans/views/priority.njk', data: { ...LABELS, ...data }, options: page }, async () => {
      await plans.addMeasure(tenantOf(request).partnership.id, tenantOf(request).actor, id, request.body);
      return `${base(request.params.slug)}/priorities/${id}?notice=measure-added#measures`;
    });
  });

  app.get<{ Params: Params }>('/p/:slug/priorities/:id/actions/new', async (request, reply) => {
    const data = mayEdit(await plans.priorityPage(tenantOf(request).partnership.id, tenantOf(request).actor, idParam(request.params.id)));
    const choices = await plans.choices(tenantOf(request).partnership.id, actorOf(request));
    return render(request, reply, 'action-form.njk', { ...choices, ...data, values: { status: 'not_started', agencyIds: [] } });
  });

  app.post<{ Params: Params }>('/p/:slug/priorities/:id/actions', async (request, reply) => {
    const id = idParam(request.params.id);
    const data = await plans.priorityPage(tenantOf(request).partnership.id, tenantOf(request).actor, id);
    const choices = await plans.choices(tenantOf(request).partnership.id, actorOf(request));
    return handleForm(
      request,
      reply,
      { template: 'plans/views/action-form.njk', data: { ...choices, ...LABELS, ...data }, options: page },
      async () => {
        const actionId = await plans.addAction(tenantOf(request).partnership.id, tenantOf(request).actor, id, request.body);
        return `${base(request.params.slug)}/actions/${actionId}?notice=added`;
      },
    );
  });

  const quarterChoices = (asAt: string) => {
    const current = quarterOf(asAt);
    const previous = previousQuarter(current);
    return [current, previous, previousQuarter(previous)];
  };

  app.get<{ Params: Params; Querystring: AsAt }>('/p/:slug/actions/:id', asAt, async (request, reply) => {
    const data = await plans.actionPage(
      tenantOf(request).partnership.id,
      tenantOf(request).actor,
      idParam(request.params.id),
      request.query.asAt,
    );
    const values = {
      period: data.currentQuarter.code,
      status: data.action.status,
      completedOn: data.action.completedOn,
      version: data.action.version,
    };
    return render(request, reply, 'action.njk', {
      ...data,
      quarters: quarterChoices(data.action.asAt),
      values,
      notice: request.query.notice,
    });
  });

  /** The action page, as a form on it shows itself again after an error. */
  const actionView = async (request: FastifyRequest, id: string) => {
    const data = await plans.actionPage(tenantOf(request).partnership.id, tenantOf(request).actor, id);
    const values = { period: data.currentQuarter.code, status: data.action.status, version: data.action.version };
    return {
      template: 'plans/views/action.njk',
      data: { ...LABELS, ...data, quarters: quarterChoices(data.action.asAt), values },
      options: page,
    };
  };

  app.post<{ Params: Params }>('/p/:slug/actions/:id/updates', async (request, reply) => {
    const id = idParam(request.params.id);
    return handleForm(request, reply, await actionView(request, id), async () => {
      await plans.addUpdate(tenantOf(request).partnership.id, tenantOf(request).actor, id, request.body);
      return `${base(request.params.slug)}/actions/${id}?notice=reported`;
    });
  });

  app.post<{ Params: Params }>('/p/:slug/actions/:id/milestones', async (request, reply) => {
    const id = idParam(request.params.id);
    return handleForm(request, reply, await actionView(request, id), async () => {
      await plans.addMilestone(tenantOf(request).partnership.id, tenantOf(request).actor, id, request.body);
      return `${base(request.params.slug)}/actions/${id}?notice=milestone-added#milestones`;
    });
  });

  app.post<{ Params: Params & { milestoneId: string } }>('/p/:slug/actions/:id/milestones/:milestoneId/done', async (request, reply) => {
    const id = idParam(request.params.id);
    const milestoneId = idParam(request.params.milestoneId);
    return handleForm(request, reply, await actionView(request, id), async () => {
      await plans.milestoneDone(tenantOf(request).partnership.id, tenantOf(request).actor, id, milestoneId, request.body);
      return `${base(request.params.slug)}/actions/${id}?notice=milestone-done#milestones`;
    });
  });

  const actionFormValues = (a: Awaited<ReturnType<typeof plans.actionPage>>['action']) => ({
    title: a.title,
    description: a.description,
    leadAgencyId: a.leadAgencyId,
    ownerUserId: a.ownerUserId,
    ownerName: a.ownerName,
    agencyIds: a.contributingAgencyIds,
    startDate: a.startDate,
    dueDate: a.dueDate,
    status: a.status,
    completedOn: a.completedOn,
    version: a.version,
  });

  app.get<{ Params: Params }>('/p/:slug/actions/:id/edit', async (request, reply) => {
    const data = mayEdit(await plans.actionPage(tenantOf(request).partnership.id, tenantOf(request).actor, idParam(request.params.id)));
    const choices = await plans.choices(tenantOf(request).partnership.id, actorOf(request));
    return render(request, reply, 'action-form.njk', { ...choices, ...data, values: actionFormValues(data.action) });
  });

  app.post<{ Params: Params }>('/p/:slug/actions/:id/edit', async (request, reply) => {
    const id = idParam(request.params.id);
    const data = await plans.actionPage(tenantOf(request).partnership.id, tenantOf(request).actor, id);
    const choices = await plans.choices(tenantOf(request).partnership.id, actorOf(request));
    const values = actionFormValues(data.action);
    const view = {
      template: 'plans/views/action-form.njk',
      data: { ...choices, ...LABELS, ...data, saved: values, values },
      options: page,
    };
    return handleForm(request, reply, view, async () => {
      await plans.updateAction(tenantOf(request).partnership.id, tenantOf(request).actor, id, request.body);
      return `${base(request.params.slug)}/actions/${id}?notice=changed`;
    });
  });

  app.get<{ Params: Params; Querystring: QueryOf<typeof trackerQuery> }>(
    '/p/:slug/tracker',
    withQuery(trackerQuery),
    async (request, reply) => {
      const q = request.query;
      const filter = { planId: q.plan, boardId: q.board, agencyId: q.agency };
      const data = await plans.tracker(tenantOf(request).partnership.id, tenantOf(request).actor, filter, q.asAt);
      const show = q.show ?? 'attention';
      const matching = data.actions.filter((a) => {
        const { overdue, unreported, dueSoon } = a.assessment;
        if (show === 'overdue') return overdue;
        if (show === 'unreported') return unreported;
        if (show === 'due-soon') return dueSoon;
        if (show === 'attention') return overdue || unreported || dueSoon;
        return true;
      });
      const pages = Math.max(1, Math.ceil(matching.length / TRACKER_PAGE_SIZE));
      const pageNumber = Math.min(pages, q.page ?? 1);
      const shown = matching.slice((pageNumber - 1) * TRACKER_PAGE_SIZE, pageNumber * TRACKER_PAGE_SIZE);
      const query = { ...filter, asAt: q.asAt ?? '' };
      const link = (n: number) => {
        const params = new URLSearchParams({
          plan: query.planId ?? '',
          board: query.boardId ?? '',
          agency: query.agencyId ?? '',
          show,
          asAt: query.asAt,
          page: String(n),
        });
        return `/p/${request.params.slug}/tracker?${params.toString()}`;
      };
      const pagination = {
        items: Array.from({ length: pages }, (_, i) => ({ number: i + 1, href: link(i + 1), current: i + 1 === pageNumber })),
        previous: pageNumber > 1 ? { href: link(pageNumber - 1) } : undefined,
        next: pageNumber < pages ? { href: link(pageNumber + 1) } : undefined,
      };
      return renderPage(
        request,
        reply,
        'plans/views/tracker.njk',
        {
          ...LABELS,
          ...data,
          shown,
          matching: matching.length,
          first: (pageNumber - 1) * TRACKER_PAGE_SIZE + 1,
          pages,
          pagination,
          show,
          query,
        },
        { nav: 'tracker' },
      );
    },
  );

  type ReportQuery = QueryOf<typeof reportQuery>;
  const report = withQuery(reportQuery);
  const reportPath = (slug: string, id: string, period: string) =>
    `${base(slug)}/priorities/${id}/report?period=${encodeURIComponent(period)}`;

  app.get<{ Params: Params; Querystring: ReportQuery }>('/p/:slug/priorities/:id/report', report, async (request, reply) => {
    const id = idParam(request.params.id);
    const data = await plans.sponsorReport(tenantOf(request).partnership.id, tenantOf(request).actor, id, request.query.period);
    return render(request, reply, 'sponsor-report.njk', { ...data, values: data.report, paragraphsOf, notice: request.query.notice });
  });

  app.post<{ Params: Params; Querystring: ReportQuery }>('/p/:slug/priorities/:id/report', report, async (request, reply) => {
    const id = idParam(request.params.id);
    const data = await plans.sponsorReport(tenantOf(request).partnership.id, tenantOf(request).actor, id, request.query.period);
    const current = { ...data.report, rag: ragWords(data.report.rag) };
    const view = {
      template: 'plans/views/sponsor-report.njk',
      data: { ...LABELS, ...data, values: data.report, current, paragraphsOf },
      options: page,
    };
    return handleForm(request, reply, view, async () => {
      await plans.saveSponsorReport(tenantOf(request).partnership.id, tenantOf(request).actor, id, data.quarter.code, request.body);
      return `${reportPath(request.params.slug, id, data.quarter.code)}&notice=saved`;
    });
  });

  app.get<{ Params: Params; Querystring: ReportQuery }>('/p/:slug/priorities/:id/report.docx', report, async (request, reply) => {
    const data = await plans.sponsorReport(
      tenantOf(request).partnership.id,
      tenantOf(request).actor,
      idParam(request.params.id),
      request.query.period,
    );
    const file = await sponsorReportDocx(data);
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${sponsorReportFilename(data)}"`)
      .header('cache-control', 'private, no-store')
      .send(file);
  });
}
