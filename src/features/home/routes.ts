import type { FastifyInstance } from 'fastify';
import { todayInEngland as today } from '../../core/dates.ts';
import { ACTION_STATUSES } from '../../core/plans.ts';
import { renderPage } from '../../web/views.ts';
import { tenantOf } from '../../web/tenant.ts';

export function registerHomeRoutes(app: FastifyInstance): void {
  app.get('/p/:slug', async (request, reply) => {
    const { partnership, member, actor, revisions } = tenantOf(request);
    const overview = await app.services.partnerships.overview(partnership.id, revisions?.plans);
    // Only people who report on actions owe anything; the admin sees the whole tracker instead.
    const reports = member.role === 'sponsor' || member.role === 'contributor' || member.role === 'member';
    const data = async () => ({
      ...overview,
      owed: reports ? await app.services.plans.owedBy(partnership.id, actor) : [],
      ACTION_STATUSES,
    });
    // Kept per plans revision and role (issue 13); what a person owes is theirs, as at today.
    const variant = reports ? [member.userId, today()] : [];
    return renderPage(request, reply, 'home/views/home.njk', data, { nav: 'home', cache: { reading: overview, variant } });
  });
}
