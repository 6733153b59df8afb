import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AgencyRow, BoardRow } from '../../data/schema.ts';
import { idParam } from '../../web/forms.ts';
import { SignInRequiredError } from '../../web/plugins/tenant.ts';
import { openApiDocument } from './openapi.ts';
import { apiRoute as opts } from './options.ts';
import { registerPlanApiRoutes } from './plans.ts';
import { registerIndicatorApiRoutes } from './indicators.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';

type Params = { slug: string; id: string };

const agencyJson = (a: AgencyRow) => ({ id: a.id, name: a.name, sector: a.sector, version: a.version, updatedAt: a.updated_at });
const boardJson = (b: BoardRow) => ({
  id: b.id,
  name: b.name,
  kind: b.kind,
  purpose: b.purpose,
  version: b.version,
  updatedAt: b.updated_at,
});

/** Baton's JSON API (`/api/v1`), for bearer tokens; every answer that is not 2xx is problem+json. */
export async function registerApiRoutes(app: FastifyInstance): Promise<void> {
  const { admin, partnerships } = app.services;
  const requireUser = (request: FastifyRequest) => {
    if (!request.user) throw new SignInRequiredError();
    return request.user;
  };

  app.get('/api/v1/openapi.json', async () => openApiDocument);

  app.get('/api/v1/me', opts(), async (request) => {
    const user = requireUser(request);
    const memberships = await partnerships.membershipsOf(user.id);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      partnerships: memberships.map(({ slug, name, role }) => ({ slug, name, role })),
    };
  });

  app.get<{ Params: Params }>('/api/v1/p/:slug', opts(), async (request) => {
    const { slug, name } = tenantOf(request).partnership;
    return { slug, name, role: tenantOf(request).member.role };
  });

  app.get<{ Params: Params }>('/api/v1/p/:slug/agencies', opts(), async (request) => ({
    items: (await partnerships.overview(tenantOf(request).partnership.id)).agencies.map(agencyJson),
  }));

  app.post<{ Params: Params }>('/api/v1/p/:slug/agencies', opts('agencies:manage'), async (request, reply) => {
    const row = await admin.createAgency(tenantOf(request).partnership.id, actorOf(request), request.body);
    return reply.status(201).header('location', `/api/v1/p/${request.params.slug}/agencies/${row.id}`).send(agencyJson(row));
  });

  app.get<{ Params: Params }>('/api/v1/p/:slug/agencies/:id', opts(), async (request) =>
    agencyJson(await admin.getAgency(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id))),
  );

  app.put<{ Params: Params }>('/api/v1/p/:slug/agencies/:id', opts('agencies:manage'), async (request) =>
    agencyJson(await admin.updateAgency(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id), request.body)),
  );

  app.get<{ Params: Params }>('/api/v1/p/:slug/boards', opts(), async (request) => ({
    items: (await partnerships.overview(tenantOf(request).partnership.id)).boards.map(boardJson),
  }));

  app.post<{ Params: Params }>('/api/v1/p/:slug/boards', opts('boards:manage'), async (request, reply) => {
    const row = await admin.createBoard(tenantOf(request).partnership.id, actorOf(request), request.body);
    return reply.status(201).header('location', `/api/v1/p/${request.params.slug}/boards/${row.id}`).send(boardJson(row));
  });

  app.get<{ Params: Params }>('/api/v1/p/:slug/boards/:id', opts(), async (request) =>
    boardJson(await admin.getBoard(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id))),
  );

  app.put<{ Params: Params }>('/api/v1/p/:slug/boards/:id', opts('boards:manage'), async (request) =>
    boardJson(await admin.updateBoard(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id), request.body)),
  );

  registerPlanApiRoutes(app);
  registerIndicatorApiRoutes(app);
}
