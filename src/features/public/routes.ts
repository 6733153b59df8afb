import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../services/errors.ts';
import { renderPage } from '../../web/views.ts';

/** Pages anyone can read without signing in. They show only what a partnership publishes. */
export function registerPublicRoutes(app: FastifyInstance): void {
  app.get<{ Params: { slug: string } }>('/public/:slug', async (request, reply) => {
    const partnership = await app.services.partnerships.findBySlug(request.params.slug);
    if (!partnership) throw new NotFoundError('Page not found');
    const overview = await app.services.partnerships.overview(partnership.id);
    return renderPage(request, reply, 'public/views/partnership.njk', { publicPartnership: partnership, ...overview });
  });
}
