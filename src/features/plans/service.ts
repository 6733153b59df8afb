import type { Db } from '../../data/db.ts';
import { createActionService } from './action-service.ts';
import { createMeasureService } from './measure-service.ts';
import { createPlanService } from './plan-service.ts';
import { createPlanVersionService } from './plan-versions.ts';
import { createPriorityService } from './priority-service.ts';
import { createProgressService } from './progress-service.ts';
import { createSponsorReportService } from './sponsor-report-service.ts';
import { createTrackerReads } from './tracker.ts';

export type { AssessedAction } from './assessment.ts';

/**
 * Plans and promises for one partnership: the one service the app wires (app/services.ts), made
 * of one part per record the feature keeps.
 */
export function createPlansService(db: Db) {
  return {
    ...createPlanService(db),
    ...createPlanVersionService(db),
    ...createPriorityService(db),
    ...createMeasureService(db),
    ...createActionService(db),
    ...createProgressService(db),
    ...createSponsorReportService(db),
    ...createTrackerReads(db),
  };
}

export type PlansService = ReturnType<typeof createPlansService>;
