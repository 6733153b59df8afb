import type { Config } from '../config.ts';
import type { Db } from '../data/db.ts';
import { createAccountService } from '../features/account/service.ts';
import { createAuthService } from '../features/auth/service.ts';
import { createAdminService } from '../features/admin/service.ts';
import { createPartnershipService } from '../features/home/service.ts';
import { createPlansService } from '../features/plans/service.ts';
import { createCandidatesService } from '../features/candidates/service.ts';
import { createIndicatorsService } from '../features/indicators/service.ts';
import { createNationalService } from '../features/indicators/national.ts';
import { createImportsService } from '../features/imports/service.ts';
import { createFiguresService } from '../features/figures/service.ts';
import { createAreasService } from '../features/areas/service.ts';
import { createScorecardsService } from '../features/scorecards/service.ts';
import { createExceptionsService } from '../features/scorecards/exceptions.ts';
import { createPacksService } from '../features/packs/service.ts';
import { createPublicScorecardsService } from '../features/public/scorecards.ts';
import { createHealthService } from '../features/health/service.ts';

/** Wires every service once; routes receive these and never build their own dependencies. */
export function createServices(db: Db, config: Config) {
  const scorecards = createScorecardsService(db);
  const exceptions = createExceptionsService(db, scorecards);
  return {
    health: createHealthService(db),
    auth: createAuthService(db, config),
    admin: createAdminService(db),
    partnerships: createPartnershipService(db),
    account: createAccountService(db),
    plans: createPlansService(db),
    candidates: createCandidatesService(db),
    indicators: createIndicatorsService(db),
    national: createNationalService(db),
    imports: createImportsService(db),
    figures: createFiguresService(db),
    areas: createAreasService(db),
    scorecards,
    exceptions,
    packs: createPacksService(db, exceptions),
    publicScorecards: createPublicScorecardsService(db, scorecards),
  };
}

export type Services = ReturnType<typeof createServices>;
