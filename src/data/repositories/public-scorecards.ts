import { sql } from 'kysely';
import type { DbOrTrx } from '../db.ts';

/** A published scorecard as the public list shows it. */
export interface PublishedScorecard {
  id: string;
  title: string;
  description: string;
  as_at: string | null;
  boardName: string | null;
}

/** The partnership's published scorecards, by title. */
export function listPublishedScorecards(db: DbOrTrx, partnershipId: string): Promise<PublishedScorecard[]> {
  return db
    .selectFrom('scorecards as s')
    .leftJoin('boards as b', 'b.id', 's.board_id')
    .select(['s.id', 's.title', 's.description', 's.as_at', 'b.name as boardName'])
    .where('s.partnership_id', '=', partnershipId)
    .where('s.published', '=', true)
    .orderBy('s.title')
    .execute();
}

/** A stored figure of an indicator, area, breakdown and period, as the public view's basis holds it. */
export interface BasisFigure {
  indicatorCode: string;
  areaId: string;
  breakdown: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** What a scorecard's public view rests on, as one document (see publicScorecardBasis). */
export interface PublicScorecardBasis {
  published: boolean;
  rows: { id: string; areaId: string }[] | null;
  localities: { council: string; locality: string }[] | null;
  figures: BasisFigure[] | null;
}

/**
 * Whether a scorecard of this partnership is published, with each row's area (the row's own, else
 * the partnership's council, else England's, as the scorecard service resolves it), the localities
 * of the rows' councils, and every stored figure of the rows' indicators in those areas (every
 * breakdown and period), the partnership's own after the published one. Undefined when there is no
 * such scorecard.
 */
export async function publicScorecardBasis(
  db: DbOrTrx,
  partnershipId: string,
  scorecardId: string,
  englandCode: string,
): Promise<PublicScorecardBasis | undefined> {
  // A row's council is the area itself or a locality's parent.
  const { rows } = await sql<{ doc: PublicScorecardBasis | null }>`
    WITH card AS (SELECT published FROM scorecards WHERE partnership_id = ${partnershipId}::uuid AND id = ${scorecardId}::uuid),
    r AS (
      SELECT r.id, r.indicator_id,
             COALESCE(r.area_id, p.home_area_id, (SELECT id FROM areas WHERE code = ${englandCode})) AS area_id
      FROM scorecard_rows r
      JOIN scorecard_sections s ON s.id = r.section_id
      JOIN partnerships p ON p.id = r.partnership_id
      WHERE r.partnership_id = ${partnershipId}::uuid AND s.scorecard_id = ${scorecardId}::uuid),
    council AS (
      SELECT DISTINCT r.indicator_id, c.id, c.code
      FROM r JOIN areas a ON a.id = r.area_id
      JOIN areas c ON c.partnership_id IS NULL AND c.level = 'la'
        AND c.code = CASE WHEN a.level = 'locality' THEN a.parent_code ELSE a.code END),
    locality AS (
      SELECT DISTINCT c.indicator_id, c.id AS council_id, l.id
      FROM council c JOIN areas l ON l.partnership_id = ${partnershipId}::uuid AND l.level = 'locality' AND l.parent_code = c.code),
    place AS (
      SELECT indicator_id, area_id FROM r
      UNION SELECT indicator_id, id FROM council
      UNION SELECT indicator_id, id FROM locality)
    SELECT json_build_object(
      'published', (SELECT published FROM card),
      'rows', (SELECT json_agg(json_build_object('id', id, 'areaId', area_id)) FROM r),
      'localities', (SELECT json_agg(DISTINCT jsonb_build_object('council', council_id, 'locality', id)) FROM locality),
      'figures', (SELECT json_agg(json_build_object('indicatorCode', i.code, 'areaId', o.area_id, 'breakdown', o.breakdown,
                    'period', o.period_code, 'value', o.value, 'numerator', o.numerator, 'denominator', o.denominator)
                    ORDER BY o.partnership_id NULLS FIRST)
                  FROM place JOIN observations o ON o.indicator_id = place.indicator_id AND o.area_id = place.area_id
                  JOIN indicators i ON i.id = o.indicator_id
                  WHERE o.partnership_id IS NULL OR o.partnership_id = ${partnershipId}::uuid)
    ) AS doc`.execute(db);
  return rows[0]?.doc ?? undefined;
}
