import type { FastifyInstance } from 'fastify';
import { found } from '../../services/errors.ts';
import { percent } from '../../core/promises.ts';
import { RAGS } from '../../core/plans.ts';
import { idParam } from '../../web/forms.ts';
import { renderPage } from '../../web/views.ts';

/** Pages anyone can read without signing in. They show only what a partnership publishes. */
export function registerPublicRoutes(app: FastifyInstance): void {
  app.get<{ Params: { slug: string } }>('/public/:slug', async (request, reply) => {
    const partnership = found(await app.services.partnerships.findBySlug(request.params.slug), 'Page not found');
    const overview = await app.services.partnerships.overview(partnership.id);
    const plans = await app.services.plans.publishedPlans(partnership.id);
    return renderPage(request, reply, 'public/views/partnership.njk', {
      publicPartnership: partnership,
      ...overview,
      hasPlan: plans.length > 0,
    });
  });

  app.get<{ Params: { slug: string } }>('/public/:slug/plan', async (request, reply) => {
    const partnership = found(await app.services.partnerships.findBySlug(request.params.slug), 'Page not found');
    const plans = await app.services.plans.publishedPlans(partnership.id);
    return renderPage(request, reply, 'public/views/plan.njk', { publicPartnership: partnership, plans, percent, RAGS });
  });

  app.get<{ Params: { slug: string; id: string } }>('/public/:slug/plan/:id/card', async (request, reply) => {
    const partnership = found(await app.services.partnerships.findBySlug(request.params.slug), 'Page not found');
    const id = idParam(request.params.id);
    const published = found(
      (await app.services.plans.publishedPlans(partnership.id)).find((p) => p.plan.id === id),
      'Page not found',
    );
    return renderPage(request, reply, 'public/views/priorities-card.njk', { publicPartnership: partnership, ...published });
  });
}
