import type { FastifyInstance } from 'fastify';
import { SIGNIFICANCE_LABELS } from '../../core/benchmark-panel.ts';
import { toCsv } from '../../core/csv.ts';
import { POLARITY_LABELS } from '../../core/indicators.ts';
import { DIRECTION_LEGEND, RAG_LABELS } from '../../core/judgements.ts';
import type { SuppressionRule } from '../../core/suppression.ts';
import { withTenant, type Db, type Trx } from '../../data/db.ts';
import { listPublishedScorecards, publicScorecardBasis } from '../../data/repositories/public-scorecards.ts';
import { revisionOf } from '../../data/repositories/revisions.ts';
import { RevisionCache } from '../../services/revision-cache.ts';
import { ENGLAND } from '../../services/benchmarks.ts';
import { found, NotFoundError, type Actor } from '../../services/errors.ts';
import { idParam } from '../../web/forms.ts';
import { renderPage } from '../../web/views.ts';
import type { createScorecardsService } from '../scorecards/service.ts';
import { CSV_COLUMNS, scorecardFilename } from '../scorecards/exports.ts';
import { selectedCharts } from '../scorecards/charts.ts';
import {
  PUBLIC_SUPPRESSION,
  publicScorecard,
  type Judgement,
  type PublicFigure,
  type PublicRow,
  type PublicScorecard,
  type ScorecardBasis,
} from './scorecard-suppression.ts';
import { scorecardTable, type ScorecardTable, type TableFigure, type TableSourceRow } from '../../core/scorecard-table.ts';
import { sendDownload } from '../../web/downloads.ts';

const PUBLIC_READER: Actor = { userId: null, label: 'public scorecard page' };
const NOT_FOUND = 'Page not found';

const CACHE_SIZE = 200;

/**
 * Whether a scorecard of this partnership is published, and if so what its public view rests on: each
 * row's area, the localities of the rows' councils, and every stored figure of the rows' indicators
 * in those areas (every breakdown and period), the partnership's own after the published one.
 */
async function basisFor(trx: Trx, partnershipId: string, scorecardId: string): Promise<ScorecardBasis | undefined> {
  const doc = await publicScorecardBasis(trx, partnershipId, scorecardId, ENGLAND);
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
    list: (partnershipId: string) => withTenant(db, { partnershipId }, (trx) => listPublishedScorecards(trx, partnershipId)),

    /**
     * One published scorecard as at its own date, suppressed; NotFoundError when it is not
     * published. Worked out once per data revision of the partnership (which any change to its
     * figures, rows or settings, or a national load, moves) and day.
     */
    read: async (partnershipId: string, id: string): Promise<PublicScorecard> => {
      const revision = await revisionOf(db, partnershipId, 'data');
      return cache.get([partnershipId, revision, id, new Date().toISOString().slice(0, 10)], async () => {
        const basis = found(await withTenant(db, { partnershipId }, (trx) => basisFor(trx, partnershipId, id)), NOT_FOUND);
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
  const partnershipAt = async (slug: string) => found(await app.services.partnerships.findBySlug(slug), NOT_FOUND);

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
      table: publicTable(view),
      POLARITY_LABELS,
      SIGNIFICANCE_LABELS,
      RAG_LABELS,
      DIRECTION_LEGEND,
    });
  });

  app.get<{ Params: Params }>('/public/:slug/scorecards/:id/scorecard.csv', PUBLIC_RATE, async (request, reply) => {
    const partnership = await partnershipAt(request.params.slug);
    const view = await published.read(partnership.id, idParam(request.params.id));
    return sendDownload(reply, { filename: scorecardFilename(view.scorecard.title, 'csv'), format: 'csv', body: publicScorecardCsv(view) });
  });
}

/** A public row in the shape of core/scorecard-table.ts: hidden figures and withheld judgements stay hidden. */
function publicTableRow(r: PublicRow, marker: string): TableSourceRow {
  const figure = (f: PublicFigure | null): TableFigure => (f ? { text: f.text, hidden: f.suppressed } : { text: '–' });
  return {
    id: r.id,
    code: r.indicator.code,
    title: r.indicator.title,
    meta: [r.areaName, r.breakdown, POLARITY_LABELS[r.indicator.polarity]].filter(Boolean).join(' · '),
    breakdown: r.breakdown,
    periods: r.periods,
    figures: r.figures.map(figure),
    current: r.current && {
      ...figure(r.current),
      periodCode: r.periods.at(-1)?.code ?? '',
      periodLabel: r.current.periodLabel,
      provisional: r.current.provisional,
    },
    england: figure(r.england),
    region: figure(r.region),
    neighbours: figure(r.neighbours),
    band: r.withheld.includes('band') ? { text: marker, hidden: true } : { text: r.band ?? '–' },
    significance: r.withheld.includes('significance')
      ? { text: marker, hidden: true }
      : { text: r.significance ? SIGNIFICANCE_LABELS[r.significance] : '–' },
    target: figure(r.target),
    direction: r.direction,
    directionHidden: r.withheld.includes('direction'),
    rag: r.rag,
    ragHidden: r.withheld.includes('rating'),
    ragReason: r.rag ? r.ragReason : '',
    note: r.note,
    qualityNotes: r.qualityNotes,
  };
}

/** A published scorecard as one table, as many period columns as its longest row. */
export function publicTable(view: Pick<PublicScorecard, 'scorecard' | 'sections' | 'rule'>): ScorecardTable {
  const longest = Math.max(1, ...view.sections.flatMap((s) => s.rows.map((r) => r.periods.length)));
  return scorecardTable(
    view.sections.map((s) => ({ title: s.title, rows: s.rows.map((r) => publicTableRow(r, view.rule.marker)) })),
    view.scorecard.columns,
    longest - 1,
  );
}
