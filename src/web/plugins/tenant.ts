import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../core/policy.ts';
import { ForbiddenError, found } from '../../services/errors.ts';
import { actorOf } from '../tenant.ts';
import { membershipReadWithSession } from './session.ts';

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
    // A browser page's membership came with the session (one statement); an API call's is read here.
    const preread = membershipReadWithSession(request);
    const membership = found(
      preread ? (preread.membership ?? undefined) : await app.services.partnerships.memberOf(slug, request.user.id),
      'Page not found',
    );
    const { partnership, member } = membership;
    request.tenant = {
      partnership,
      member,
      actor: { ...actorOf(request), role: member.role, agencyId: member.agencyId, userId: request.user.id },
      revisions: preread?.revisions,
    };
    const permission = request.routeOptions.config.permission ?? 'partnership:read';
    if (!can(membership.member.role, permission)) throw new ForbiddenError();
  });
}
