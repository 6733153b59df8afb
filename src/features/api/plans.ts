import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { idParam } from '../../web/forms.ts';
import { queryDate, withQuery, type QueryOf } from '../../web/query.ts';
import { apiRoute } from './options.ts';
import { actionJson, measureJson, milestoneJson, planJson, planSummaryJson, priorityJson, updateJson, withoutNulls } from './plans-json.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';

type Params = { slug: string; id: string };
/** The date actions are judged at (`?asAt=YYYY-MM-DD`); today, the service's default, when not sent. */
const asAtQuery = { asAt: queryDate };
type Route = { Params: Params; Querystring: QueryOf<typeof asAtQuery> };
type Request = FastifyRequest<Route>;
const asAtOf = (request: Request) => request.query.asAt;
/** Every route here may answer with actions judged at that date. */
const route = (...permission: Parameters<typeof apiRoute>) => ({ ...apiRoute(...permission), ...withQuery(asAtQuery) });

const created = (reply: FastifyReply, location: string, body: unknown) => reply.status(201).header('location', location).send(body);

/**
 * Plans, priorities, actions and progress updates under `/api/v1/p/{slug}`. Reading is for every
 * member; who may write is decided by the route's permission and, per record, by the plans service.
 */
export function registerPlanApiRoutes(app: FastifyInstance): void {
  const { plans } = app.services;
  const base = (request: Request) => `/api/v1/p/${request.params.slug}`;
  const ids = (request: Request) => ({ partnershipId: tenantOf(request).partnership.id, id: idParam(request.params.id) });

  const readPlan = async (request: Request, id: string) =>
    planJson(await plans.getPlan(tenantOf(request).partnership.id, actorOf(request), id));
  const readPriority = async (request: Request, id: string) => {
    const page = await plans.priorityPage(tenantOf(request).partnership.id, tenantOf(request).actor, id, asAtOf(request));
    return priorityJson({ ...page.priority, measures: page.measures, summary: page.summary, rag: page.rag });
  };
  const readAction = async (request: Request, id: string) => {
    const page = await plans.actionPage(tenantOf(request).partnership.id, tenantOf(request).actor, id, asAtOf(request));
    return { ...actionJson(page.action), milestones: page.milestones.map(milestoneJson) };
  };

  app.get<Route>('/api/v1/p/:slug/plans', route(), async (request) => ({
    items: (await plans.listPlans(tenantOf(request).partnership.id, actorOf(request))).map(planSummaryJson),
  }));

  app.post<Route>('/api/v1/p/:slug/plans', route('plans:manage'), async (request, reply) => {
    const plan = await plans.createPlan(tenantOf(request).partnership.id, actorOf(request), withoutNulls(request.body));
    return created(reply, `${base(request)}/plans/${plan.id}`, await readPlan(request, plan.id));
  });

  app.get<Route>('/api/v1/p/:slug/plans/:id', route(), async (request) => readPlan(request, ids(request).id));

  app.put<Route>('/api/v1/p/:slug/plans/:id', route('plans:manage'), async (request) => {
    const { partnershipId, id } = ids(request);
    await plans.updatePlan(partnershipId, actorOf(request), id, withoutNulls(request.body));
    return readPlan(request, id);
  });

  app.get<Route>('/api/v1/p/:slug/plans/:id/priorities', route(), async (request) => {
    const { partnershipId, id } = ids(request);
    const page = await plans.planPage(partnershipId, tenantOf(request).actor, id, asAtOf(request));
    return { items: page.priorities.map(priorityJson) };
  });

  app.post<Route>('/api/v1/p/:slug/plans/:id/priorities', route('plans:manage'), async (request, reply) => {
    const { partnershipId, id } = ids(request);
    const priorityId = await plans.addPriority(partnershipId, actorOf(request), id, withoutNulls(request.body));
    return created(reply, `${base(request)}/priorities/${priorityId}`, await readPriority(request, priorityId));
  });

  app.get<Route>('/api/v1/p/:slug/priorities/:id', route(), async (request) => readPriority(request, ids(request).id));

  app.put<Route>('/api/v1/p/:slug/priorities/:id', route(), async (request) => {
    const { partnershipId, id } = ids(request);
    await plans.updatePriority(partnershipId, tenantOf(request).actor, id, withoutNulls(request.body));
    return readPriority(request, id);
  });

  const readMeasure = async (request: Request, priorityId: string, measureId: string) => {
    const page = await plans.priorityPage(tenantOf(request).partnership.id, tenantOf(request).actor, priorityId, asAtOf(request));
    return measureJson(page.measures.find((m) => m.id === measureId)!);
  };

  app.post<Route>('/api/v1/p/:slug/priorities/:id/measures', route(), async (request, reply) => {
    const { partnershipId, id } = ids(request);
    await plans.addMeasure(partnershipId, tenantOf(request).actor, id, withoutNulls(request.body));
    const page = await plans.priorityPage(partnershipId, tenantOf(request).actor, id, asAtOf(request));
    const added = page.measures.at(-1)!;
    return created(reply, `${base(request)}/measures/${added.id}`, measureJson(added));
  });

  app.put<Route>('/api/v1/p/:slug/measures/:id', route(), async (request) => {
    const { partnershipId, id } = ids(request);
    const saved = await plans.updateMeasure(partnershipId, tenantOf(request).actor, id, withoutNulls(request.body));
    return readMeasure(request, saved.priority_id, id);
  });

  app.get<Route>('/api/v1/p/:slug/priorities/:id/actions', route(), async (request) => {
    const { partnershipId, id } = ids(request);
    const page = await plans.priorityPage(partnershipId, tenantOf(request).actor, id, asAtOf(request));
    return { items: page.actions.map(actionJson) };
  });

  app.post<Route>('/api/v1/p/:slug/priorities/:id/actions', route(), async (request, reply) => {
    const { partnershipId, id } = ids(request);
    const actionId = await plans.addAction(partnershipId, tenantOf(request).actor, id, withoutNulls(request.body));
    return created(reply, `${base(request)}/actions/${actionId}`, await readAction(request, actionId));
  });

  app.get<Route>('/api/v1/p/:slug/actions/:id', route(), async (request) => readAction(request, ids(request).id));

  app.put<Route>('/api/v1/p/:slug/actions/:id', route(), async (request) => {
    const { partnershipId, id } = ids(request);
    await plans.updateAction(partnershipId, tenantOf(request).actor, id, withoutNulls(request.body));
    return readAction(request, id);
  });

  app.get<Route>('/api/v1/p/:slug/actions/:id/updates', route(), async (request) => {
    const { partnershipId, id } = ids(request);
    const page = await plans.actionPage(partnershipId, tenantOf(request).actor, id);
    return { items: page.updates.map(updateJson) };
  });

  app.post<Route>('/api/v1/p/:slug/actions/:id/updates', route(), async (request, reply) => {
    const { partnershipId, id } = ids(request);
    const actor = tenantOf(request).actor;
    const updateId = await plans.addUpdate(partnershipId, actor, id, withoutNulls(request.body));
    // Updates are never changed, so they have no address of their own: the answer is the update
    // and the action as it now stands, with the version to send next.
    const page = await plans.actionPage(partnershipId, actor, id);
    const update = page.updates.find((u) => u.id === updateId)!;
    return reply.status(201).send({ update: updateJson(update), action: actionJson(page.action) });
  });
}
