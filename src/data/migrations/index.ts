import type { Migration } from 'kysely/migration';
import * as foundation from './2026-11-22T1900-foundation.ts';
import * as membershipLookup from './2026-11-23T1200-membership-lookup.ts';
import * as plans from './2026-11-23T1300-plans.ts';

/** Every migration, in order. Names are timestamps so they sort as they were written. */
export const migrations: Record<string, Migration> = {
  '2026-11-22T1900-foundation': foundation,
  '2026-11-23T1200-membership-lookup': membershipLookup,
  '2026-11-23T1300-plans': plans,
};
