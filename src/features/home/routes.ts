import type { FastifyInstance } from 'fastify';
import { renderPage } from '../../web/views.ts';

export function registerHomeRoutes(app: FastifyInstance): void {
  app.get('/p/:slug', async (request, reply) => {
    const overview = await app.services.partnerships.overview(request.partnership!.id);
    return renderPage(request, reply, 'home/views/home.njk', overview, { nav: 'home' });
  });
}
