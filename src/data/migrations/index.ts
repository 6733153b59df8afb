import type { Migration } from 'kysely/migration';
import * as foundation from './2026-11-22T1900-foundation.ts';
import * as membershipLookup from './2026-11-23T1200-membership-lookup.ts';
import * as plans from './2026-11-23T1300-plans.ts';
import * as candidates from './2026-11-23T1400-candidates.ts';
import * as sponsorReports from './2026-11-23T1500-sponsor-reports.ts';
import * as actionProgress from './2026-11-23T1600-action-progress.ts';
import * as plansRevision from './2026-11-23T1700-plans-revision.ts';
import * as indicators from './2026-11-23T1800-indicators.ts';
import * as scorecards from './2026-11-23T1900-scorecards.ts';
import * as packsAndCommentary from './2026-11-23T2000-packs-and-commentary.ts';
import * as dataRevision from './2026-11-23T2100-data-revision.ts';
import * as scorecardCharts from './2026-11-23T2200-scorecard-charts.ts';
import * as plansRevisionBefore from './2026-11-23T2300-plans-revision-before.ts';
import * as signedInLookup from './2026-11-24T0900-signed-in-lookup.ts';
import * as rebaselines from './2026-12-04T0900-rebaselines.ts';
import * as figuresKnownFrom from './2026-12-04T1000-figures-known-from.ts';
import * as collectionSchedule from './2026-12-04T1100-collection-schedule.ts';
import * as measureIndicators from './2026-12-04T1200-measure-indicators.ts';

/** Every migration, in order. Names are timestamps so they sort as they were written. */
export const migrations: Record<string, Migration> = {
  '2026-11-22T1900-foundation': foundation,
  '2026-11-23T1200-membership-lookup': membershipLookup,
  '2026-11-23T1300-plans': plans,
  '2026-11-23T1400-candidates': candidates,
  '2026-11-23T1500-sponsor-reports': sponsorReports,
  '2026-11-23T1600-action-progress': actionProgress,
  '2026-11-23T1700-plans-revision': plansRevision,
  '2026-11-23T1800-indicators': indicators,
  '2026-11-23T1900-scorecards': scorecards,
  '2026-11-23T2000-packs-and-commentary': packsAndCommentary,
  '2026-11-23T2100-data-revision': dataRevision,
  '2026-11-23T2200-scorecard-charts': scorecardCharts,
  '2026-11-23T2300-plans-revision-before': plansRevisionBefore,
  '2026-11-24T0900-signed-in-lookup': signedInLookup,
  '2026-12-04T0900-rebaselines': rebaselines,
  '2026-12-04T1000-figures-known-from': figuresKnownFrom,
  '2026-12-04T1100-collection-schedule': collectionSchedule,
  '2026-12-04T1200-measure-indicators': measureIndicators,
};
