import { readTemplate } from '../core/imports.ts';
import type { Trx } from '../data/db.ts';
import { listBoards } from '../data/repositories/boards.ts';
import { insertIndicator, listIndicators } from '../data/repositories/indicators.ts';
import { figureLookup, recordsTable, toWrites } from '../intake/figures.ts';
import { saveObservations } from '../intake/observation-writer.ts';
import {
  BIRMINGHAM_SCORECARDS,
  seed003KnownFrom,
  WALSALL_SCORECARD_FIGURES,
  WALSALL_SCORECARD_INDICATORS,
  WALSALL_SCORECARDS,
  type DemoScorecard,
} from './scorecards-data.ts';

/** Walsall's Q3 2013 scorecard (seed 003) with its measures and figures and a current one from the national statistics; Birmingham's 2015 measures (seed 004). */
export async function seedDemoScorecards(
  trx: Trx,
  partnershipId: string,
  slug: string,
  agencyIds: ReadonlyMap<string, string>,
): Promise<void> {
  if (slug === 'birmingham') return addScorecards(trx, partnershipId, BIRMINGHAM_SCORECARDS);
  if (slug !== 'walsall') return;
  for (const { agency, ...def } of WALSALL_SCORECARD_INDICATORS)
    await insertIndicator(trx, partnershipId, def, agencyIds.get(agency) ?? null);
  const lookup = await figureLookup(trx);
  const { rows, issues } = readTemplate(recordsTable(WALSALL_SCORECARD_FIGURES), lookup.ctx);
  if (issues.length) throw new Error(`Demo scorecard figures: ${issues.map((i) => `row ${i.row} ${i.column}: ${i.reason}`).join('; ')}`);
  await saveObservations(trx, partnershipId, toWrites(rows, lookup, seed003KnownFrom), {
    userId: null,
    label: 'Demo data',
    source: 'Walsall Q3 2013 scorecard (seed 003)',
  });

  await addScorecards(trx, partnershipId, WALSALL_SCORECARDS);
}

/** The demo's scorecards, their sections and rows. */
async function addScorecards(trx: Trx, partnershipId: string, cards: readonly DemoScorecard[]): Promise<void> {
  const boards = await listBoards(trx, partnershipId);
  const indicators = new Map((await listIndicators(trx)).map((i) => [i.code, i.id]));
  for (const card of cards) {
    const scorecard = await trx
      .insertInto('scorecards')
      .values({
        partnership_id: partnershipId,
        board_id: boards.find((b) => b.name === card.board)?.id ?? null,
        title: card.title,
        description: card.description,
        columns: JSON.stringify(card.columns),
        previous_periods: card.previousPeriods,
        as_at: card.asAt,
        published: card.published ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [s, section] of card.sections.entries()) {
      const { id: sectionId } = await trx
        .insertInto('scorecard_sections')
        .values({ partnership_id: partnershipId, scorecard_id: scorecard.id, position: s + 1, title: section.title })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('scorecard_rows')
        .values(
          section.rows.map((row, r) => {
            const indicatorId = indicators.get(row.indicator);
            if (!indicatorId) throw new Error(`Demo scorecard: no indicator ${row.indicator}`);
            return {
              partnership_id: partnershipId,
              section_id: sectionId,
              position: r + 1,
              indicator_id: indicatorId,
              area_id: null,
              rag_rule: row.ragRule,
              tolerance: row.tolerance ?? 0,
              note: row.note ?? '',
              chart: row.chart ?? false,
            };
          }),
        )
        .execute();
    }
  }
}
