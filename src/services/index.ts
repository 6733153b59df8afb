import type { Config } from '../config.ts';
import type { Db } from '../data/db.ts';
import { createAccountService } from '../features/account/service.ts';
import { createAuthService } from '../features/auth/service.ts';
import { createAdminService } from '../features/admin/service.ts';
import { createPartnershipService } from '../features/home/service.ts';
import { createPlansService } from '../features/plans/service.ts';
import { createCandidatesService } from '../features/candidates/service.ts';

/** Wires every service once; routes receive these and never build their own dependencies. */
export function createServices(db: Db, config: Config) {
  return {
    auth: createAuthService(db, config),
    admin: createAdminService(db),
    partnerships: createPartnershipService(db),
    account: createAccountService(db),
    plans: createPlansService(db),
    candidates: createCandidatesService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
