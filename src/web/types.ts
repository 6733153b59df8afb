import type { Config } from '../config.ts';
import type { Permission } from '../core/policy.ts';
import type { SignedInUser } from '../features/auth/service.ts';
import type { Services } from '../app/services.ts';
import type { Tenant } from './tenant.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    services: Services;
  }
  interface FastifyRequest {
    /** The signed-in person (session cookie or API token), if any. */
    user: SignedInUser | null;
    /** The raw session id from the cookie, when the session is live. */
    sessionId: string | null;
    /** The partnership named in the URL and the member working in it, once the person is known to belong to it (read with tenantOf). */
    tenant: Tenant | null;
  }
  interface FastifyContextConfig {
    /** The permission a route needs inside its partnership (checked in one place: plugins/tenant.ts). */
    permission?: Permission;
  }
}
