import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../../core/policy.ts';
import { handleForm } from '../../web/forms.ts';
import { renderPage } from '../../web/views.ts';
import { noticeQuery, type NoticeQuery } from '../../web/query.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';

type Params = { slug: string };
const manage = { config: { permission: 'indicators:manage' } } as const;
const page = { nav: 'areas' };

/** The partnership's council, comparators and localities. */
export function registerAreaRoutes(app: FastifyInstance): void {
  const { areas } = app.services;
  const view = async (request: FastifyRequest, open: string | undefined = undefined) => {
    const data = await areas.overview(tenantOf(request).partnership.id, actorOf(request));
    return {
      template: 'areas/views/areas.njk',
      data: {
        ...data,
        open,
        mayManage: can(tenantOf(request).member.role, 'indicators:manage'),
        values: { homeArea: data.settings.home_area_id, comparator: data.settings.comparator },
      },
      options: page,
    };
  };

  app.get<{ Params: Params; Querystring: NoticeQuery }>('/p/:slug/areas', noticeQuery, async (request, reply) => {
    const v = await view(request);
    return renderPage(request, reply, v.template, { ...v.data, notice: request.query.notice }, v.options);
  });

  for (const [path, action, open] of [
    ['settings', 'saveSettings', undefined],
    ['localities', 'addLocality', 'locality'],
    ['groups', 'addGroup', 'group'],
  ] as const) {
    app.post<{ Params: Params }>(`/p/:slug/areas/${path}`, manage, async (request, reply) =>
      handleForm(request, reply, await view(request, open), async () => {
        await areas[action](tenantOf(request).partnership.id, actorOf(request), request.body);
        return `/p/${request.params.slug}/areas?notice=${path}`;
      }),
    );
  }
}
