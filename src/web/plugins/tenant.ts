import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../core/policy.ts';
import { ForbiddenError, NotFoundError } from '../../services/errors.ts';

export { ForbiddenError };

export class SignInRequiredError extends Error {}

/**
 * Guards every route under `/p/:slug` and `/api/v1/p/:slug`: the person must be signed in and a
 * member of that partnership (otherwise 404, so other partnerships cannot even be discovered),
 * and must hold the route's `config.permission` (otherwise 403).
 */
export function registerTenantGuard(app: FastifyInstance): void {
  app.addHook('preHandler', async (request: FastifyRequest<{ Params: { slug?: string } }>, _reply: FastifyReply) => {
    const slug = request.params?.slug;
    const isTenantRoute = request.routeOptions.url?.startsWith('/p/:slug') || request.routeOptions.url?.startsWith('/api/v1/p/:slug');
    if (!isTenantRoute || slug === undefined) return;
    if (!request.user) throw new SignInRequiredError();
    const found = await app.services.partnerships.memberOf(slug, request.user.id);
    if (!found) throw new NotFoundError('Page not found');
    request.partnership = found.partnership;
    request.member = found.member;
    const permission = request.routeOptions.config.permission ?? 'partnership:read';
    if (!can(found.member.role, permission)) throw new ForbiddenError();
  });
}
