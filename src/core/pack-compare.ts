import { forPeriod } from './periods.ts';
import { RAG_LABELS, type Direction } from './judgements.ts';
import type { Rag } from './plans.ts';

/**
 * Comparing two board packs: for each scorecard row, what moved (the later pack shows a figure
 * for a later period) and what was revised (a period both packs show has a different figure),
 * and whether its RAG rating or direction of travel changed. Figures are compared as the board
 * read them (their text), so a revision too small to show at the indicator's decimal places is
 * not reported.
 */

/** A row of a pack's snapshot, as much of it as a comparison reads. */
export interface PackRow {
  id: string;
  indicator: { code: string; title: string };
  areaName: string;
  breakdown: string;
  /** Aligned with figures, oldest first; the last is the current figure. */
  periods: readonly { code: string; label: string }[];
  figures: readonly { text: string }[];
  current: { text: string; periodCode: string; periodLabel: string } | null;
  direction: { direction: Direction; symbol: string; label: string } | null;
  rag: { rag: Rag | null };
}

/** The owner's commentary on an exception row as a pack froze it, as much as a comparison reads. */
export interface PackCommentary {
  story: string;
  whatWorks: string;
  nextSteps: string;
  who: string;
  byWhen: string | null;
}

export interface PackSections {
  sections: readonly { title: string; rows: readonly PackRow[] }[];
  /** The rows in the pack's exception report, each with its commentary as frozen. */
  exceptions?: readonly { rowId: string; commentary: PackCommentary | null }[];
}

export type ChangeKind = 'added' | 'removed' | 'moved' | 'revised' | 'rag' | 'direction' | 'exception' | 'commentary';

/** The parts of the commentary, as the exception report names them. */
const COMMENTARY_PARTS: [keyof PackCommentary, string][] = [
  ['story', 'the story behind the curve'],
  ['whatWorks', 'what works'],
  ['nextSteps', 'what we will do'],
  ['who', 'who'],
  ['byWhen', 'by when'],
];

export interface RowChange {
  kind: ChangeKind;
  text: string;
}

export interface RowComparison {
  section: string;
  indicator: { code: string; title: string };
  areaName: string;
  breakdown: string;
  /** The current figure each pack showed, e.g. "18.6% (November 2013)"; null when it had none or lacked the row. */
  earlier: string | null;
  later: string | null;
  changes: RowChange[];
}

export interface PackComparison {
  /** In the later pack's order, then the rows only the earlier pack had. */
  rows: RowComparison[];
  /** How many rows have each kind of change; `unchanged` counts rows with none. */
  counts: Record<ChangeKind | 'unchanged', number>;
}

const fallbackKey = (row: PackRow) => JSON.stringify([row.indicator.code, row.areaName, row.breakdown]);
const shown = (row: PackRow) => (row.current ? `${row.current.text} (${row.current.periodLabel})` : null);
const directionText = (d: PackRow['direction']) => (d ? `${d.symbol} ${d.label}` : 'no comparison');

/** Pairs the rows of two packs: by row id, then by indicator, area and breakdown. */
function pairRows(earlier: PackSections, later: PackSections) {
  const olds = earlier.sections.flatMap((s) => s.rows.map((row) => ({ section: s.title, row })));
  const news = later.sections.flatMap((s) => s.rows.map((row) => ({ section: s.title, row })));
  // partner: index in news → index in olds
  const partner = new Map<number, number>();
  const pair = (match: (n: PackRow, old: PackRow) => boolean) =>
    olds.forEach((old, i) => {
      if ([...partner.values()].includes(i)) return;
      const j = news.findIndex((n, k) => !partner.has(k) && match(n.row, old.row));
      if (j >= 0) partner.set(j, i);
    });
  pair((n, old) => n.id === old.id);
  pair((n, old) => fallbackKey(n) === fallbackKey(old));
  const claimed = new Set(partner.values());
  return {
    pairs: news.map((n, j) => ({ ...n, old: partner.has(j) ? olds[partner.get(j)!]!.row : undefined })),
    removed: olds.filter((_, i) => !claimed.has(i)),
  };
}

/** What changed in one row between the earlier pack and the later one. */
export function compareRow(earlier: PackRow, later: PackRow): RowChange[] {
  const changes: RowChange[] = [];
  const a = earlier.current;
  const b = later.current;
  if (b && (!a || a.periodCode !== b.periodCode))
    changes.push({
      kind: 'moved',
      text: a
        ? `New figure ${forPeriod(b.periodLabel)}: ${b.text}, after ${a.text} ${forPeriod(a.periodLabel)}`
        : `New figure ${forPeriod(b.periodLabel)}: ${b.text}, where there was none`,
    });
  if (a && !b) changes.push({ kind: 'moved', text: `No figure now, where there was ${a.text} ${forPeriod(a.periodLabel)}` });
  later.periods.forEach((period, i) => {
    const at = earlier.periods.findIndex((p) => p.code === period.code);
    const before = earlier.figures[at]?.text;
    const after = later.figures[i]?.text;
    if (at >= 0 && before !== undefined && after !== undefined && before !== after)
      changes.push({ kind: 'revised', text: `${period.label} figure revised from ${before} to ${after}` });
  });
  if (earlier.rag.rag !== later.rag.rag)
    changes.push({
      kind: 'rag',
      text: `RAG rating changed from ${RAG_LABELS[earlier.rag.rag ?? 'unrated']} to ${RAG_LABELS[later.rag.rag ?? 'unrated']}`,
    });
  if (earlier.direction?.direction !== later.direction?.direction)
    changes.push({
      kind: 'direction',
      text: `Direction of travel changed from ${directionText(earlier.direction)} to ${directionText(later.direction)}`,
    });
  return changes;
}

/**
 * What changed in a row's place in the exception report: it came in or went out, or its owner's
 * commentary was written or changed (and which parts).
 */
export function compareExceptions(
  before: { commentary: PackCommentary | null } | undefined,
  after: { commentary: PackCommentary | null } | undefined,
): RowChange[] {
  if (!before && !after) return [];
  if (!before) return [{ kind: 'exception', text: `Now in the exception report${after!.commentary ? ', with commentary' : ''}` }];
  if (!after) return [{ kind: 'exception', text: 'No longer in the exception report' }];
  const [a, b] = [before.commentary, after.commentary];
  if (!a && !b) return [];
  if (!a) return [{ kind: 'commentary', text: 'Commentary written' }];
  if (!b) return [{ kind: 'commentary', text: 'No commentary yet, where the earlier pack had some' }];
  const changed = COMMENTARY_PARTS.filter(([part]) => (a[part] ?? '') !== (b[part] ?? '')).map(([, label]) => label);
  if (changed.length === 0) return [];
  const list = changed.length === 1 ? changed[0] : `${changed.slice(0, -1).join(', ')} and ${changed.at(-1)}`;
  return [{ kind: 'commentary', text: `Commentary changed: ${list}` }];
}

/**
 * Compares an earlier pack with a later one, row by row.
 * @example comparePacks(november, january).counts.revised // 1: a November figure was revised
 */
export function comparePacks(earlier: PackSections, later: PackSections): PackComparison {
  const { pairs, removed } = pairRows(earlier, later);
  const describe = (section: string, row: PackRow) => ({
    section,
    indicator: { code: row.indicator.code, title: row.indicator.title },
    areaName: row.areaName,
    breakdown: row.breakdown,
  });
  const rows: RowComparison[] = [
    ...pairs.map(({ section, row, old }) => ({
      ...describe(section, row),
      earlier: old ? shown(old) : null,
      later: shown(row),
      changes: old
        ? [
            ...compareRow(old, row),
            ...compareExceptions(
              earlier.exceptions?.find((e) => e.rowId === old.id),
              later.exceptions?.find((e) => e.rowId === row.id),
            ),
          ]
        : [{ kind: 'added' as const, text: 'Not in the earlier pack' }],
    })),
    ...removed.map(({ section, row }) => ({
      ...describe(section, row),
      earlier: shown(row),
      later: null,
      changes: [{ kind: 'removed' as const, text: 'Not in the later pack' }],
    })),
  ];
  const counts: PackComparison['counts'] = {
    added: 0,
    removed: 0,
    moved: 0,
    revised: 0,
    rag: 0,
    direction: 0,
    exception: 0,
    commentary: 0,
    unchanged: 0,
  };
  for (const row of rows) {
    if (row.changes.length === 0) counts.unchanged++;
    for (const kind of new Set(row.changes.map((c) => c.kind))) counts[kind]++;
  }
  return { rows, counts };
}
