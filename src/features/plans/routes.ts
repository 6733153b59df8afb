import type { FastifyInstance, FastifyRequest } from 'fastify';
import { previousQuarter, quarterOf } from '../../core/promises.ts';
import { ForbiddenError, NotFoundError } from '../../services/errors.ts';
import { handleForm, idParam } from '../../web/forms.ts';
import { withQuery, type QueryOf } from '../../web/query.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';
import { formView, renderPlansPage as render } from './pages.ts';
import { asAtQuery } from './schemas.ts';
import { registerMeasureRoutes } from './measure-routes.ts';
import { registerSponsorReportRoutes } from './sponsor-report-routes.ts';
import { registerTrackerRoutes } from './tracker-routes.ts';

type Params = { slug: string; id: string };
type AsAt = QueryOf<typeof asAtQuery>;
const asAt = withQuery(asAtQuery);
const manage = { config: { permission: 'plans:manage' } } as const;

/** Forms for changing a priority or its delivery plan are only for those who may save them. */
function mayEdit<T extends { mayEdit: boolean }>(data: T): T {
  if (!data.mayEdit) throw new ForbiddenError('Only the partnership admin or this priority’s sponsor can change it.');
  return data;
}

/** The quarters a progress update may report on: this one and the two before. */
const quarterChoices = (asAt: string) => {
  const current = quarterOf(asAt);
  const previous = previousQuarter(current);
  return [current, previous, previousQuarter(previous)];
};

/**
 * The plans pages: plans, their priorities and actions, and the forms that change them. A form's
 * page is read again only when the form fails (see handleForm); a save reads nothing it will not show.
 */
export function registerPlanRoutes(app: FastifyInstance): void {
  const { plans } = app.services;
  const base = (slug: string) => `/p/${slug}`;
  const partnershipOf = (request: FastifyRequest) => tenantOf(request).partnership.id;
  const memberOf = (request: FastifyRequest) => tenantOf(request).actor;
  const choicesFor = (request: FastifyRequest) => plans.choices(partnershipOf(request), actorOf(request));

  app.get<{ Params: Params; Querystring: AsAt }>('/p/:slug/plans', asAt, async (request, reply) => {
    const rows = await plans.listPlans(partnershipOf(request), actorOf(request));
    return render(request, reply, 'plans.njk', { rows, notice: request.query.notice });
  });

  app.get<{ Params: Params }>('/p/:slug/plans/new', manage, async (request, reply) => {
    const choices = await choicesFor(request);
    return render(request, reply, 'plan-form.njk', { ...choices, values: { kind: 'cypp', status: 'draft' } });
  });

  app.post<{ Params: Params }>('/p/:slug/plans', manage, async (request, reply) => {
    const view = async () => formView('plan-form.njk', await choicesFor(request));
    return handleForm(request, reply, view, async () => {
      const plan = await plans.createPlan(partnershipOf(request), actorOf(request), request.body);
      return `${base(request.params.slug)}/plans/${plan.id}?notice=added`;
    });
  });

  app.get<{ Params: Params; Querystring: AsAt }>('/p/:slug/plans/:id', asAt, async (request, reply) => {
    const data = await plans.planPage(partnershipOf(request), memberOf(request), idParam(request.params.id), request.query.asAt);
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
    const plan = await plans.getPlan(partnershipOf(request), actorOf(request), idParam(request.params.id));
    const choices = await choicesFor(request);
    return render(request, reply, 'plan-form.njk', { ...choices, plan, values: planFormValues(plan) });
  });

  app.post<{ Params: Params }>('/p/:slug/plans/:id/edit', manage, async (request, reply) => {
    const id = idParam(request.params.id);
    const view = async () => {
      const plan = await plans.getPlan(partnershipOf(request), actorOf(request), id);
      const values = planFormValues(plan);
      return formView('plan-form.njk', { ...(await choicesFor(request)), plan, saved: values, values });
    };
    return handleForm(request, reply, view, async () => {
      await plans.updatePlan(partnershipOf(request), actorOf(request), id, request.body);
      return `${base(request.params.slug)}/plans/${id}?notice=changed`;
    });
  });

  app.get<{ Params: Params }>('/p/:slug/plans/:id/history', async (request, reply) => {
    const data = await plans.history(partnershipOf(request), actorOf(request), idParam(request.params.id));
    return render(request, reply, 'plan-history.njk', data);
  });

  app.get<{ Params: Params }>('/p/:slug/plans/:id/priorities/new', manage, async (request, reply) => {
    const plan = await plans.getPlan(partnershipOf(request), actorOf(request), idParam(request.params.id));
    const choices = await choicesFor(request);
    return render(request, reply, 'priority-form.njk', { ...choices, plan, values: { status: 'active', agencyIds: [] } });
  });

  app.post<{ Params: Params }>('/p/:slug/plans/:id/priorities', manage, async (request, reply) => {
    const id = idParam(request.params.id);
    const view = async () => {
      const plan = await plans.getPlan(partnershipOf(request), actorOf(request), id);
      return formView('priority-form.njk', { ...(await choicesFor(request)), plan });
    };
    return handleForm(request, reply, view, async () => {
      const priorityId = await plans.addPriority(partnershipOf(request), actorOf(request), id, request.body);
      return `${base(request.params.slug)}/priorities/${priorityId}?notice=added`;
    });
  });

  app.get<{ Params: Params; Querystring: AsAt }>('/p/:slug/priorities/:id', asAt, async (request, reply) => {
    const data = await plans.priorityPage(partnershipOf(request), memberOf(request), idParam(request.params.id), request.query.asAt);
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
    const data = mayEdit(await plans.priorityPage(partnershipOf(request), memberOf(request), idParam(request.params.id)));
    const choices = await choicesFor(request);
    return render(request, reply, 'priority-form.njk', { ...choices, ...data, values: priorityFormValues(data.priority) });
  });

  app.post<{ Params: Params }>('/p/:slug/priorities/:id/edit', async (request, reply) => {
    const id = idParam(request.params.id);
    const view = async () => {
      const data = await plans.priorityPage(partnershipOf(request), memberOf(request), id);
      const values = priorityFormValues(data.priority);
      return formView('priority-form.njk', { ...(await choicesFor(request)), ...data, saved: values, values });
    };
    return handleForm(request, reply, view, async () => {
      await plans.updatePriority(partnershipOf(request), memberOf(request), id, request.body);
      return `${base(request.params.slug)}/priorities/${id}?notice=changed`;
    });
  });

  app.get<{ Params: Params }>('/p/:slug/priorities/:id/actions/new', async (request, reply) => {
    const data = mayEdit(await plans.priorityPage(partnershipOf(request), memberOf(request), idParam(request.params.id)));
    const choices = await choicesFor(request);
    return render(request, reply, 'action-form.njk', { ...choices, ...data, values: { status: 'not_started', agencyIds: [] } });
  });

  app.post<{ Params: Params }>('/p/:slug/priorities/:id/actions', async (request, reply) => {
    const id = idParam(request.params.id);
    const view = async () => {
      const data = await plans.priorityPage(partnershipOf(request), memberOf(request), id);
      return formView('action-form.njk', { ...(await choicesFor(request)), ...data });
    };
    return handleForm(request, reply, view, async () => {
      const actionId = await plans.addAction(partnershipOf(request), memberOf(request), id, request.body);
      return `${base(request.params.slug)}/actions/${actionId}?notice=added`;
    });
  });

  app.get<{ Params: Params; Querystring: AsAt }>('/p/:slug/actions/:id', asAt, async (request, reply) => {
    const data = await plans.actionPage(partnershipOf(request), memberOf(request), idParam(request.params.id), request.query.asAt);
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
  const actionView = (request: FastifyRequest, id: string) => async () => {
    const data = await plans.actionPage(partnershipOf(request), memberOf(request), id);
    const values = { period: data.currentQuarter.code, status: data.action.status, version: data.action.version };
    return formView('action.njk', { ...data, quarters: quarterChoices(data.action.asAt), values });
  };

  app.post<{ Params: Params }>('/p/:slug/actions/:id/updates', async (request, reply) => {
    const id = idParam(request.params.id);
    return handleForm(request, reply, actionView(request, id), async () => {
      await plans.addUpdate(partnershipOf(request), memberOf(request), id, request.body);
      return `${base(request.params.slug)}/actions/${id}?notice=reported`;
    });
  });

  app.post<{ Params: Params }>('/p/:slug/actions/:id/milestones', async (request, reply) => {
    const id = idParam(request.params.id);
    return handleForm(request, reply, actionView(request, id), async () => {
      await plans.addMilestone(partnershipOf(request), memberOf(request), id, request.body);
      return `${base(request.params.slug)}/actions/${id}?notice=milestone-added#milestones`;
    });
  });

  app.post<{ Params: Params & { milestoneId: string } }>('/p/:slug/actions/:id/milestones/:milestoneId/done', async (request, reply) => {
    const id = idParam(request.params.id);
    const milestoneId = idParam(request.params.milestoneId);
    return handleForm(request, reply, actionView(request, id), async () => {
      await plans.milestoneDone(partnershipOf(request), memberOf(request), id, milestoneId, request.body);
      return `${base(request.params.slug)}/actions/${id}?notice=milestone-done#milestones`;
    });
  });

  /** The page that moves one milestone's due date. */
  const milestoneMoveView = (request: FastifyRequest, id: string, milestoneId: string) => async () => {
    const data = mayEdit(await plans.actionPage(partnershipOf(request), memberOf(request), id));
    const milestone = data.milestones.find((m) => m.id === milestoneId);
    if (!milestone) throw new NotFoundError('No such milestone on this action');
    return { ...data, ...(await choicesFor(request)), milestone };
  };

  app.get<{ Params: Params & { milestoneId: string } }>('/p/:slug/actions/:id/milestones/:milestoneId/move', async (request, reply) => {
    const data = await milestoneMoveView(request, idParam(request.params.id), idParam(request.params.milestoneId))();
    return render(request, reply, 'milestone-move.njk', {
      ...data,
      values: { dueDate: data.milestone.due_date, was: data.milestone.due_date },
    });
  });

  app.post<{ Params: Params & { milestoneId: string } }>('/p/:slug/actions/:id/milestones/:milestoneId/move', async (request, reply) => {
    const id = idParam(request.params.id);
    const milestoneId = idParam(request.params.milestoneId);
    const view = async () => formView('milestone-move.njk', await milestoneMoveView(request, id, milestoneId)());
    return handleForm(request, reply, view, async () => {
      await plans.moveMilestone(partnershipOf(request), memberOf(request), id, milestoneId, request.body);
      return `${base(request.params.slug)}/actions/${id}?notice=milestone-moved#milestones`;
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
    const data = mayEdit(await plans.actionPage(partnershipOf(request), memberOf(request), idParam(request.params.id)));
    const choices = await choicesFor(request);
    return render(request, reply, 'action-form.njk', { ...choices, ...data, values: actionFormValues(data.action) });
  });

  app.post<{ Params: Params }>('/p/:slug/actions/:id/edit', async (request, reply) => {
    const id = idParam(request.params.id);
    const view = async () => {
      const data = await plans.actionPage(partnershipOf(request), memberOf(request), id);
      const values = actionFormValues(data.action);
      return formView('action-form.njk', { ...(await choicesFor(request)), ...data, saved: values, values });
    };
    return handleForm(request, reply, view, async () => {
      await plans.updateAction(partnershipOf(request), memberOf(request), id, request.body);
      return `${base(request.params.slug)}/actions/${id}?notice=changed`;
    });
  });

  registerTrackerRoutes(app);
  registerSponsorReportRoutes(app);
  registerMeasureRoutes(app);
}
