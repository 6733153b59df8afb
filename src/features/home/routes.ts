import type { FastifyInstance } from 'fastify';
import { ACTION_STATUSES } from '../../core/plans.ts';
import { renderPage } from '../../web/views.ts';
import { tenantOf } from '../../web/tenant.ts';

export function registerHomeRoutes(app: FastifyInstance): void {
  app.get('/p/:slug', async (request, reply) => {
    const overview = await app.services.partnerships.overview(tenantOf(request).partnership.id);
    // Only people who report on actions owe anything; the admin sees the whole tracker instead.
    const role = tenantOf(request).member.role;
    const owed =
      role === 'sponsor' || role === 'contributor' || role === 'member'
        ? await app.services.plans.owedBy(tenantOf(request).partnership.id, tenantOf(request).actor)
        : [];
    return renderPage(request, reply, 'home/views/home.njk', { ...overview, owed, ACTION_STATUSES }, { nav: 'home' });
  });
}
