import { sql } from 'kysely';
import type { DbOrTrx } from '../db.ts';

/** A priority a person sponsors in a live plan, with the quarters it has a saved report for. */
export interface SponsoredPriority {
  id: string;
  number: number;
  title: string;
  planTitle: string;
  periodStart: string;
  periodEnd: string;
  /** Quarter codes with a saved report, e.g. "2013-14 Q3". */
  reported: string[];
}

/** The priorities of approved or published plans that a person sponsors, in plan and number order. */
export async function sponsoredPriorities(db: DbOrTrx, partnershipId: string, userId: string): Promise<SponsoredPriority[]> {
  const { rows } = await sql<SponsoredPriority>`
    SELECT pr.id, pr.number, pr.title, p.title AS "planTitle", p.period_start::text AS "periodStart", p.period_end::text AS "periodEnd",
           coalesce((SELECT array_agg(r.period) FROM sponsor_reports r WHERE r.priority_id = pr.id), '{}') AS reported
    FROM priorities pr JOIN plans p ON p.id = pr.plan_id
    WHERE pr.partnership_id = ${partnershipId}::uuid AND pr.sponsor_user_id = ${userId}::uuid AND p.status IN ('approved', 'published')
    ORDER BY p.period_start DESC, p.title, pr.number`.execute(db);
  return rows;
}

/** An import Baton refused, for the analyst's home. */
export interface RefusedImport {
  id: string;
  filename: string;
  createdAt: Date;
  issueCount: number;
}

/** The partnership's imports refused since a day, newest first. */
export async function refusedImports(db: DbOrTrx, partnershipId: string, since: string, limit: number): Promise<RefusedImport[]> {
  const { rows } = await sql<RefusedImport>`
    SELECT id, filename, created_at AS "createdAt", jsonb_array_length(issues)::int AS "issueCount"
    FROM imports
    WHERE partnership_id = ${partnershipId}::uuid AND status = 'refused' AND created_at >= ${since}::date
    ORDER BY created_at DESC LIMIT ${limit}`.execute(db);
  return rows;
}
