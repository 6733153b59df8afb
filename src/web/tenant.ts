import type { FastifyRequest } from 'fastify';
import type { Actor, MemberActor } from '../core/policy.ts';
import type { Member } from '../data/repositories/memberships.ts';
import type { PartnershipRow } from '../data/schema.ts';

/** The partnership a `/p/:slug` route works in, and the signed-in member doing the work. */
export interface Tenant {
  partnership: PartnershipRow;
  member: Member;
  /** The member as the audit log names them, with their role and agency for per-record permissions. */
  actor: MemberActor;
  /**
   * The partnership's plans and data revisions, read with the session on a browser page (issue 13),
   * for a service to key what it keeps by without reading them again; undefined on the API.
   */
  revisions?: Revisions;
}

/** A partnership's revisions (see the plans-revision and data-revision migrations). */
export interface Revisions {
  plans: string;
  data: string;
}

/**
 * The tenant of a `/p/:slug` or `/api/v1/p/:slug` route, set by the tenant guard (plugins/tenant.ts)
 * before the handler runs. Calling it anywhere else is a programming error.
 *
 * @example const { partnership, actor } = tenantOf(request);
 */
export function tenantOf(request: FastifyRequest): Tenant {
  if (!request.tenant) throw new Error(`No partnership for ${request.routeOptions.url}: tenantOf is for /p/:slug routes only.`);
  return request.tenant;
}

/** The signed-in person as the audit log names them (routes outside a partnership, such as the account page). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.user) throw new Error(`No one is signed in for ${request.routeOptions.url}: actorOf needs a signed-in route.`);
  return { userId: request.user.id, label: `${request.user.name} <${request.user.email}>` };
}
