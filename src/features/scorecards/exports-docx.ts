import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { BAND_LABELS, SIGNIFICANCE_LABELS } from '../../core/benchmark-panel.ts';
import { DFE_MARKERS } from '../../core/csv-read.ts';
import { DIRECTION_LEGEND, RAG_LABELS } from '../../core/judgements.ts';
import { type Rag } from '../../core/plans.ts';
import { plainText } from '../../core/sponsor-report.ts';
import type { ScorecardRowView } from './service.ts';
import { chartImages, selectedCharts } from './charts.ts';
import {
  assertFigures,
  betterWhen,
  byWhenWords,
  COMMENTARY_PARTS,
  directionWords,
  exceptionHeading,
  EXTRA_HEADERS,
  extraColumns,
  figureFor,
  noCommentary,
  ragLabel,
  ragReason,
  rowNotes,
  sectionPeriods,
  type ScorecardExport,
} from './exports-shared.ts';
// ---- Word ---------------------------------------------------------------------------------------

const TABLE_TEXT = 18; // half-points: 9pt, so a section's columns fit a landscape A4 page

const run = (value: string, options: { bold?: boolean; size?: number } = {}) =>
  plainText(value)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, bold: options.bold, size: options.size, break: i > 0 ? 1 : 0 }));

const paragraph = (value: string, bold = false) => new Paragraph({ children: run(value, { bold }) });

/** Light fills with dark text, beside the words, so a rating never rests on colour alone. */
const RAG_FILLS: Record<Rag, string> = { red: 'F4CCCC', amber: 'FCE5CD', green: 'D9EAD3' };

function tableCell(children: (TextRun | FootnoteReferenceRun)[][], fill?: string): TableCell {
  return new TableCell({
    children: (children.length ? children : [[]]).map((c) => new Paragraph({ children: c })),
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
  });
}

const textCell = (value: string, options: { bold?: boolean } = {}) => tableCell([run(value, { ...options, size: TABLE_TEXT })]);

/** A row's quality notes, as footnotes on its title: those its note, when shown, does not already say. */
const footnotesOf = (row: ScorecardRowView, noteShown: boolean) =>
  noteShown ? rowNotes(row).filter((note) => note !== row.note.trim()) : row.qualityNotes;

function sectionTable(x: ScorecardExport, rows: readonly ScorecardRowView[], footnoteFor: (note: string) => number): Table {
  const withPrevious = x.columns.includes('previous');
  const periods = sectionPeriods(rows, withPrevious);
  const extras = extraColumns(x);
  const withBreakdown = rows.some((r) => r.breakdown);
  const header = [
    'Indicator',
    'Area',
    ...(withBreakdown ? ['Breakdown'] : []),
    'Better when',
    ...periods.map((p) => p.header),
    ...extras.map((c) => EXTRA_HEADERS[c]),
  ];
  const body = rows.map((row) => {
    const title = [
      ...run(row.indicator.title, { size: TABLE_TEXT }),
      ...footnotesOf(row, extras.includes('note')).map((note) => new FootnoteReferenceRun(footnoteFor(note))),
    ];
    const cells = [
      tableCell([title]),
      textCell(row.areaName),
      ...(withBreakdown ? [textCell(row.breakdown)] : []),
      textCell(betterWhen(row.indicator)),
      ...periods.map((p) => textCell(figureFor(row, p.code, withPrevious)?.text ?? '')),
    ];
    for (const column of extras) {
      switch (column) {
        case 'england':
          cells.push(textCell(row.benchmarks.england.text));
          break;
        case 'region':
          cells.push(textCell(row.benchmarks.region.text));
          break;
        case 'neighbours':
          cells.push(textCell(row.benchmarks.neighbours.text));
          break;
        case 'band':
          cells.push(textCell(row.benchmarks.band ?? '–'));
          break;
        case 'significance':
          cells.push(textCell(row.benchmarks.significance ? SIGNIFICANCE_LABELS[row.benchmarks.significance] : '–'));
          break;
        case 'target':
          cells.push(textCell(row.target?.text ?? '–'));
          break;
        case 'direction':
          cells.push(textCell(directionWords(row)));
          break;
        case 'rag': {
          const lines = [run(ragLabel(row.rag.rag), { bold: true, size: TABLE_TEXT })];
          if (ragReason(row)) lines.push(run(ragReason(row), { size: TABLE_TEXT - 2 }));
          cells.push(tableCell(lines, row.rag.rag ? RAG_FILLS[row.rag.rag] : undefined));
          break;
        }
        case 'note':
          cells.push(textCell(row.note));
          break;
      }
    }
    return new TableRow({ cantSplit: true, children: cells });
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h) => textCell(h, { bold: true })) }), ...body],
  });
}

/** Width in the paper of a chart image, in pixels at 96 to the inch (6.7 inches). */
const CHART_WIDTH = 640;

/**
 * "Charts for selected areas", as board papers print them: each chosen row's chart as an image
 * with its description as alt text, and a table of the same figures for anyone who cannot see it.
 */
async function chartsSection(x: ScorecardExport): Promise<(Paragraph | Table)[]> {
  const charts = await chartImages(selectedCharts(x.sections));
  if (charts.length === 0) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: run('Charts for selected areas') }),
    ...charts.flatMap(({ chart, image }) => {
      const header = ['Period', chart.row.areaName, ...(chart.withEngland ? ['England'] : [])];
      const figureRows = chart.table.map(
        (line) =>
          new TableRow({
            cantSplit: true,
            children: [line.period, line.figure, ...(chart.withEngland ? [line.england] : [])].map((text) => textCell(text)),
          }),
      );
      return [
        new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: run(chart.title) }),
        new Paragraph({
          keepNext: true,
          children: [
            new ImageRun({
              type: 'png',
              data: image.data,
              transformation: { width: CHART_WIDTH, height: Math.round((CHART_WIDTH * image.height) / image.width) },
              altText: { name: chart.id, title: chart.title, description: chart.alt },
            }),
          ],
        }),
        new Table({
          width: { size: 50, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h) => textCell(h, { bold: true })) }),
            ...figureRows,
          ],
        }),
      ];
    }),
  ];
}

/** The exception report: each red or deteriorating row with its owner's commentary, as a two-column table. */
function exceptionsSection(x: ScorecardExport): (Paragraph | Table)[] {
  if (!x.exceptions) return [];
  const line = (label: string, value: string) =>
    new TableRow({ cantSplit: true, children: [textCell(label, { bold: true }), textCell(value || '—')] });
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: run('Exception report') }),
    paragraph('The rows rated red or worse than the period before, with their owners’ commentary.'),
    ...(x.exceptions.length === 0
      ? [paragraph('No row was red or worse than the period before.')]
      : x.exceptions.flatMap((e) => [
          new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: run(exceptionHeading(e)) }),
          e.commentary
            ? new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                rows: [
                  ...COMMENTARY_PARTS.map(([part, label]) => line(label, e.commentary![part])),
                  line('By when', byWhenWords(e.commentary.byWhen)),
                ],
              })
            : paragraph(noCommentary(x)),
        ])),
  ];
}

function legend(x: ScorecardExport): Paragraph[] {
  const shown = new Set(x.columns);
  const line = (label: string, meaning: string) => new Paragraph({ children: [...run(label, { bold: true }), ...run(`: ${meaning}`)] });
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: run('How to read this scorecard') }),
    paragraph(
      'Each row shows its latest figure on or before the date above, in the rightmost period column it has' +
        (shown.has('previous') ? ', with the periods before it of the same kind.' : '.'),
    ),
    ...(shown.has('direction')
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: run('Direction of travel') }),
          ...DIRECTION_LEGEND.map((d) => line(`${d.symbol} ${d.label}`, d.meaning)),
        ]
      : []),
    ...(shown.has('rag')
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: run('RAG rating') }),
          paragraph('Each rating is written in words; the shading only repeats it.'),
          line(RAG_LABELS.green, 'on track against the row’s rule (its target, England, the neighbour mean or its band)'),
          line(RAG_LABELS.amber, 'close: within the row’s tolerance'),
          line(RAG_LABELS.red, 'off track: outside the row’s tolerance'),
          line(RAG_LABELS.unrated, 'the row is not rated, or has no figure or comparator to rate it against'),
        ]
      : []),
    ...(shown.has('band')
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: run('Quartile band') }),
          ...Object.values(BAND_LABELS).map((label) => paragraph(label)),
        ]
      : []),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: run('Markers') }),
    paragraph('A figure may be replaced by one of the markers DfE publishes, and a missing figure is shown as –.'),
    ...Object.entries(DFE_MARKERS).map(([marker, meaning]) => line(marker, meaning)),
  ];
}

/**
 * The scorecard as a Word board paper (landscape A4): its title, partnership, board and date,
 * then each section as a heading and a real table (the header row repeats on each page), data
 * quality notes as numbered footnotes on the indicator, and a legend. Direction and RAG are words
 * with their symbols, never colour alone.
 */
export async function scorecardDocx(x: ScorecardExport): Promise<Buffer> {
  assertFigures(x);
  const footnotes = new Map<string, number>();
  const footnoteFor = (note: string) => {
    if (!footnotes.has(note)) footnotes.set(note, footnotes.size + 1);
    return footnotes.get(note)!;
  };
  const body: (Paragraph | Table)[] = [];
  for (const section of x.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: run(section.title) }));
    body.push(section.rows.length ? sectionTable(x, section.rows, footnoteFor) : paragraph('This section has no rows.'));
  }
  const doc = new Document({
    title: plainText(x.title),
    creator: 'Baton',
    description: `Scorecard as at ${plainText(x.asAtLabel)}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    footnotes: Object.fromEntries([...footnotes].map(([note, id]) => [id, { children: [paragraph(`Data quality: ${note}`)] }])),
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 },
          },
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: run(x.title) }),
          paragraph(x.partnershipName),
          ...(x.boardName ? [paragraph(`Board: ${x.boardName}`)] : []),
          paragraph(`Figures as at ${x.asAtLabel}`, true),
          ...(x.knownLine ? [paragraph(x.knownLine)] : []),
          ...(x.presentedAs ? [paragraph(x.presentedAs)] : []),
          ...body,
          ...(await chartsSection(x)),
          ...exceptionsSection(x),
          ...legend(x),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
