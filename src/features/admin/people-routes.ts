import type { FastifyInstance } from 'fastify';
import { handleForm, idParam } from '../../web/forms.ts';
import { renderPage } from '../../web/views.ts';
import { noticeQuery, type NoticeQuery } from '../../web/query.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';

type Params = { slug: string; userId: string };
const config = { permission: 'users:manage' } as const;

export function registerPeopleRoutes(app: FastifyInstance): void {
  const { admin } = app.services;
  const base = (slug: string) => `/p/${slug}/admin/people`;

  app.get<{ Params: Params; Querystring: NoticeQuery }>('/p/:slug/admin/people', { config, ...noticeQuery }, async (request, reply) => {
    const people = await admin.listMembers(tenantOf(request).partnership.id, actorOf(request));
    return renderPage(request, reply, 'admin/views/people.njk', { people, notice: request.query.notice }, { nav: 'people' });
  });

  app.get<{ Params: Params }>('/p/:slug/admin/people/new', { config }, async (request, reply) => {
    const agencies = await admin.listAgencies(tenantOf(request).partnership.id, actorOf(request));
    return renderPage(request, reply, 'admin/views/person-new.njk', { agencies, values: { role: 'viewer' } }, { nav: 'people' });
  });

  app.post<{ Params: Params }>('/p/:slug/admin/people', { config }, async (request, reply) => {
    const { id } = tenantOf(request).partnership;
    const agencies = await admin.listAgencies(id, actorOf(request));
    return handleForm(
      request,
      reply,
      { template: 'admin/views/person-new.njk', data: { agencies }, options: { nav: 'people' } },
      async () => {
        await admin.addMember(id, actorOf(request), request.body);
        return `${base(request.params.slug)}?notice=added`;
      },
    );
  });

  app.get<{ Params: Params }>('/p/:slug/admin/people/:userId', { config }, async (request, reply) => {
    const { id } = tenantOf(request).partnership;
    const person = await admin.getMember(id, actorOf(request), idParam(request.params.userId));
    const agencies = await admin.listAgencies(id, actorOf(request));
    const values = { role: person.role, agencyId: person.agencyId, version: person.version };
    return renderPage(request, reply, 'admin/views/person-edit.njk', { person, agencies, values }, { nav: 'people' });
  });

  app.post<{ Params: Params }>('/p/:slug/admin/people/:userId', { config }, async (request, reply) => {
    const { id } = tenantOf(request).partnership;
    const userId = idParam(request.params.userId);
    const person = await admin.getMember(id, actorOf(request), userId);
    const agencies = await admin.listAgencies(id, actorOf(request));
    return handleForm(
      request,
      reply,
      { template: 'admin/views/person-edit.njk', data: { person, agencies }, options: { nav: 'people' } },
      async () => {
        await admin.updateMember(id, actorOf(request), userId, request.body);
        return `${base(request.params.slug)}?notice=changed`;
      },
    );
  });

  app.post<{ Params: Params }>('/p/:slug/admin/people/:userId/remove', { config }, async (request, reply) => {
    const { id } = tenantOf(request).partnership;
    const userId = idParam(request.params.userId);
    const person = await admin.getMember(id, actorOf(request), userId);
    const agencies = await admin.listAgencies(id, actorOf(request));
    const values = { role: person.role, agencyId: person.agencyId, version: person.version };
    return handleForm(
      request,
      reply,
      { template: 'admin/views/person-edit.njk', data: { person, agencies, values }, options: { nav: 'people' } },
      async () => {
        await admin.removeMember(id, actorOf(request), userId);
        return `${base(request.params.slug)}?notice=removed`;
      },
    );
  });
}
