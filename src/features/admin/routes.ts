import type { FastifyInstance } from 'fastify';
import { registerAgencyRoutes } from './agency-routes.ts';
import { registerAuditRoutes } from './audit-routes.ts';
import { registerBoardRoutes } from './board-routes.ts';
import { registerPeopleRoutes } from './people-routes.ts';

/** What a partnership admin manages: people, agencies, boards, and the audit log. */
export function registerAdminRoutes(app: FastifyInstance): void {
  registerPeopleRoutes(app);
  registerAgencyRoutes(app);
  registerBoardRoutes(app);
  registerAuditRoutes(app);
}
