import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { SIGNIFICANCE_LABELS } from '../../core/benchmark-panel.ts';
import { toCsv } from '../../core/csv.ts';
import { POLARITY_LABELS } from '../../core/indicators.ts';
import { DIRECTION_LEGEND, RAG_LABELS } from '../../core/judgements.ts';
import type { SuppressionRule } from '../../core/suppression.ts';
import { withTenant, type Db, type Trx } from '../../data/db.ts';
import { revisionOf } from '../../data/repositories/revisions.ts';
import { RevisionCache } from '../../services/revision-cache.ts';
import { ENGLAND } from '../../services/benchmarks.ts';
import { NotFoundError, type Actor } from '../../services/errors.ts';
import { idParam } from '../../web/forms.ts';
import { renderPage } from '../../web/views.ts';
import type { createScorecardsService } from '../scorecards/service.ts';
import { CSV_COLUMNS, scorecardFilename } from '../scorecards/exports.ts';
import { selectedCharts } from '../scorecards/charts.ts';
import {
  PUBLIC_SUPPRESSION,
  publicScorecard,
  type Judgement,
  type PublicScorecard,
  type ScorecardBasis,
  type StoredFigure,
} from './scorecard-suppression.ts';

const PUBLIC_READER: Actor = { userId: null, label: 'public scorecard page' };
const NOT_FOUND = 'Page not found';

const CACHE_SIZE = 200;

/**
 * Whether a scorecard of this partnership is published, and if so what its public view rests on: each
 * row's area, the localities of the rows' councils, and every stored figure of the rows' indicators
 * in those areas (every breakdown and period), the partnership's own after the published one.
 */
async function basisFor(trx: Trx, partnershipId: string, scorecardId: string): Promise<ScorecardBasis | undefined> {
  type Doc = {
    published: boolean;
    rows: { id: string; areaId: string }[] | null;
    localities: { council: string; locality: string }[] | null;
    figures: StoredFigure[] | null;
  };
  // The row's area as the scorecard service resolves it; a council is the area itself or a locality's parent.
  const { rows } = await sql<{ doc: Doc | null }>`
    WITH card AS (SELECT published FROM scorecards WHERE partnership_id = ${partnershipId}::uuid AND id = ${scorecardId}::uuid),
    r AS (
      SELECT r.id, r.indicator_id,
             COALESCE(r.area_id, p.home_area_id, (SELECT id FROM areas WHERE code = ${ENGLAND})) AS area_id
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
    ) AS doc`.execute(trx);
  const doc = rows[0]?.doc;
  if (!doc?.published) return undefined;
  const localities = new Map<string, string[]>();
  for (const { council, locality } of doc.localities ?? []) localities.set(council, [...(localities.get(council) ?? []), locality].sort());
  return { rowAreas: new Map((doc.rows ?? []).map((r) => [r.id, r.areaId])), figures: doc.figures ?? [], localities };
}

/**
 * What the public may read of a partnership's scorecards: those it has published, each
 * suppressed (scorecard-suppression.ts) before anything leaves this service.
 */
export function createPublicScorecardsService(
  db: Db,
  scorecards: ReturnType<typeof createScorecardsService>,
  rule: Partial<SuppressionRule> = PUBLIC_SUPPRESSION,
) {
  const cache = new RevisionCache<PublicScorecard>(CACHE_SIZE);
  return {
    /** The partnership's published scorecards, by title. */
    list: (partnershipId: string) =>
      withTenant(db, { partnershipId }, (trx) =>
        trx
          .selectFrom('scorecards as s')
          .leftJoin('boards as b', 'b.id', 's.board_id')
          .select(['s.id', 's.title', 's.description', 's.as_at', 'b.name as boardName'])
          .where('s.partnership_id', '=', partnershipId)
          .where('s.published', '=', true)
          .orderBy('s.title')
          .execute(),
      ),

    /**
     * One published scorecard as at its own date, suppressed; NotFoundError when it is not
     * published. Worked out once per data revision of the partnership (which any change to its
     * figures, rows or settings, or a national load, moves) and day.
     */
    read: async (partnershipId: string, id: string): Promise<PublicScorecard> => {
      const revision = await revisionOf(db, partnershipId, 'data');
      return cache.get([partnershipId, revision, id, new Date().toISOString().slice(0, 10)], async () => {
        const basis = await withTenant(db, { partnershipId }, (trx) => basisFor(trx, partnershipId, id));
        if (!basis) throw new NotFoundError(NOT_FOUND);
        const data = await scorecards.read(partnershipId, PUBLIC_READER, id);
        if (!data.scorecard.published) throw new NotFoundError(NOT_FOUND);
        return publicScorecard(data, basis, rule);
      });
    },
  };
}

export type PublicScorecards = ReturnType<typeof createPublicScorecardsService>;

/** The public CSV has the staff CSV's columns; only what fills them differs (the suppressed view). */
export const PUBLIC_CSV_COLUMNS = CSV_COLUMNS;

/**
 * The public scorecard in long format, one line per row and period, built from the suppressed view
 * only: a hidden figure has no value and the marker; withheld judgements are the marker too.
 */
export function publicScorecardCsv(view: PublicScorecard): string {
  const { marker } = view.rule;
  const lines: unknown[][] = [];
  for (const section of view.sections)
    for (const row of section.rows) {
      const hidden = (judgement: Judgement) => (row.withheld.includes(judgement) ? marker : null);
      const fixed = [section.title, row.indicator.code, row.indicator.title, row.areaName, row.breakdown];
      const judged = [
        row.england.value,
        row.region.value,
        row.neighbours.value,
        hidden('band') ?? row.band ?? '',
        hidden('significance') ?? (row.significance ? SIGNIFICANCE_LABELS[row.significance] : ''),
        row.target?.value ?? '',
        hidden('direction') ?? (row.direction ? `${row.direction.symbol} ${row.direction.label}` : ''),
        hidden('rating') ?? RAG_LABELS[row.rag ?? 'unrated'],
        row.ragReason,
      ];
      const tail = [row.note, row.qualityNotes.join('; ')];
      if (row.figures.length === 0) lines.push([...fixed, '', '', '', '', ...judged, ...tail]);
      row.figures.forEach((f, i) => {
        const current = i === row.figures.length - 1;
        const value = f.suppressed || f.value === null ? '' : Number(f.value.toPrecision(15));
        const shownMarker = f.suppressed ? marker : f.value === null && f.text !== '–' ? f.text : '';
        lines.push([
          ...fixed,
          row.periods[i]!.label,
          value,
          shownMarker,
          current ? 'yes' : 'no',
          ...(current ? judged : judged.map(() => '')),
          ...tail,
        ]);
      });
    }
  return toCsv(PUBLIC_CSV_COLUMNS, lines);
}

const PUBLIC_RATE = { config: { rateLimit: { max: 600, timeWindow: '1 minute' } } };

/** The published scorecards at /public/{slug}/scorecards: no sign-in, small numbers suppressed. */
export function registerPublicScorecardRoutes(app: FastifyInstance, published: PublicScorecards): void {
  type Params = { slug: string; id: string };
  const partnershipAt = async (slug: string) => {
    const partnership = await app.services.partnerships.findBySlug(slug);
    if (!partnership) throw new NotFoundError(NOT_FOUND);
    return partnership;
  };

  app.get<{ Params: Params }>('/public/:slug/scorecards', PUBLIC_RATE, async (request, reply) => {
    const partnership = await partnershipAt(request.params.slug);
    const scorecards = await published.list(partnership.id);
    return renderPage(request, reply, 'public/views/scorecards.njk', { publicPartnership: partnership, scorecards });
  });

  app.get<{ Params: Params }>('/public/:slug/scorecards/:id', PUBLIC_RATE, async (request, reply) => {
    const partnership = await partnershipAt(request.params.slug);
    const view = await published.read(partnership.id, idParam(request.params.id));
    return renderPage(request, reply, 'public/views/scorecard.njk', {
      publicPartnership: partnership,
      ...view,
      charts: selectedCharts(view.sections),
      POLARITY_LABELS,
      SIGNIFICANCE_LABELS,
      RAG_LABELS,
      DIRECTION_LEGEND,
    });
  });

  app.get<{ Params: Params }>('/public/:slug/scorecards/:id/scorecard.csv', PUBLIC_RATE, async (request, reply) => {
    const partnership = await partnershipAt(request.params.slug);
    const view = await published.read(partnership.id, idParam(request.params.id));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${scorecardFilename(view.scorecard.title, 'csv')}"`)
      .send(publicScorecardCsv(view));
  });
}
