import { SIGNIFICANCE_LABELS } from '../../core/benchmark-panel.ts';
import { toCsv } from '../../core/csv.ts';
import { assertFigures, markerOf, ragReason, ragWord, roundTo, rowNotes, type ScorecardExport } from './exports-shared.ts';

/**
 * A scorecard or board pack as files: CSV here, Excel in exports-xlsx.ts, Word in exports-docx.ts,
 * over the shared input and helpers of exports-shared.ts.
 */
export * from './exports-shared.ts';
export { numberFormat, safeText, scorecardXlsx, sheetNames } from './exports-xlsx.ts';
export { scorecardDocx } from './exports-docx.ts';

// ---- CSV ----------------------------------------------------------------------------------------

export const CSV_COLUMNS = [
  'section',
  'indicator_code',
  'indicator',
  'area',
  'breakdown',
  'period',
  'value',
  'marker',
  'is_current',
  'england',
  'region',
  'neighbour_mean',
  'quartile_band',
  'significance',
  'target',
  'direction',
  'rag',
  'rag_reason',
  'note',
  'quality_notes',
] as const;

/**
 * The scorecard in long format (tidy data, as the public CSV): one line per row and period shown,
 * oldest first, with the section, and the benchmarks, target and judgements on the current
 * period's line. Every column is included whatever the scorecard shows, so the file's shape never
 * changes with its settings; numbers are plain numbers rounded to the indicator's decimals, as the
 * page shows them; a quality note the row's note repeats is not repeated; text that a spreadsheet
 * would run as a formula is neutralised (core/csv.ts). A row with no figures has one line with no
 * period.
 */
export function scorecardCsv(x: ScorecardExport): string {
  assertFigures(x);
  const lines: unknown[][] = [];
  for (const section of x.sections) {
    for (const row of section.rows) {
      const plainNumber = (v: number | null | undefined) =>
        v === null || v === undefined || !Number.isFinite(v) ? null : roundTo(v, row.indicator.decimals);
      const fixed = [section.title, row.indicator.code, row.indicator.title, row.areaName, row.breakdown];
      const tail = [
        row.note,
        rowNotes(row)
          .filter((note) => note !== row.note.trim())
          .join('; '),
      ];
      const judged = (current: boolean) =>
        current
          ? [
              plainNumber(row.benchmarks.england.value),
              plainNumber(row.benchmarks.region.value),
              plainNumber(row.benchmarks.neighbours.value),
              row.benchmarks.band ?? '',
              row.benchmarks.significance ? SIGNIFICANCE_LABELS[row.benchmarks.significance] : '',
              plainNumber(row.target?.value),
              row.direction?.label ?? '',
              ragWord(row.rag.rag),
              ragReason(row),
            ]
          : ['', '', '', '', '', '', '', '', ''];
      if (row.figures.length === 0) {
        lines.push([...fixed, '', '', '', '', ...judged(true), ...tail]);
        continue;
      }
      row.figures.forEach((figure, i) => {
        const current = i === row.figures.length - 1;
        lines.push([
          ...fixed,
          row.periods[i]?.label ?? '',
          plainNumber(figure.value),
          markerOf(figure) ?? '',
          current ? 'yes' : 'no',
          ...judged(current),
          ...tail,
        ]);
      });
    }
  }
  return toCsv(CSV_COLUMNS, lines);
}
