import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { ACTION_STATUSES } from '../../core/plans.ts';
import { dateInWords } from '../../core/dates.ts';
import { NO_FIGURE } from '../../core/measures.ts';
import { paragraphsOf, plainText, ragWords } from '../../core/sponsor-report.ts';
import type { readSponsorReport } from './sponsor-reports.ts';

/** A sponsor's report as a Word document: the sponsor's words, and tables of the actions and measures. */

export type SponsorReportData = Awaited<ReturnType<typeof readSponsorReport>>;

/** The report's title, e.g. "Sponsor’s report to the Children’s Board: 2. Healthy weight, January to March 2016". */
export function sponsorReportTitle(data: Pick<SponsorReportData, 'plan' | 'priority' | 'quarter'>): string {
  const board = data.plan.boardName ?? 'board';
  return `Sponsor’s report to the ${board}: ${data.priority.number}. ${data.priority.title}, ${data.quarter.label}`;
}

/** A file name made only of letters, digits and hyphens, e.g. "sponsors-report-priority-2-2015-16-q4.docx". */
export function sponsorReportFilename(data: Pick<SponsorReportData, 'priority' | 'quarter'>): string {
  const slug = `sponsors-report-priority-${data.priority.number}-${data.quarter.code}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `${slug}.docx`;
}

/** Plain text as runs, one line each, so the person's line breaks survive. */
const runs = (text: string, bold = false) =>
  plainText(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, bold, break: i > 0 ? 1 : 0 }));

const paragraph = (text: string, bold = false) => new Paragraph({ children: runs(text, bold) });
const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(text) });

function section(title: string, text: string): Paragraph[] {
  const paragraphs = paragraphsOf(text);
  return [heading(title), ...(paragraphs.length ? paragraphs.map((p) => paragraph(p)) : [paragraph('None.')])];
}

function table(caption: string, headers: string[], rows: string[][]): (Paragraph | Table)[] {
  const cell = (text: string, bold = false) => new TableCell({ children: [paragraph(text, bold)] });
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(caption) }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h) => cell(h, true)) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((text) => cell(text)) })),
      ],
    }),
  ];
}

function actionStatus(a: SponsorReportData['actions'][number]): string {
  const flags = [
    a.assessment.overdue ? 'overdue' : '',
    a.assessment.unreported ? 'no update this quarter' : '',
    a.assessment.promise === 'kept_late' ? 'completed late' : '',
  ].filter(Boolean);
  return [ACTION_STATUSES[a.status], ...flags].join(', ');
}

function savedLine(data: SponsorReportData): string {
  if (!data.saved) return 'Status: Baton’s draft from the promise tracker, not yet saved by the sponsor.';
  const at = data.saved.updated_at.toISOString().slice(0, 10);
  return `Status: saved by ${data.saved.updated_by} on ${dateInWords(at)} (version ${data.saved.version}).`;
}

/** Builds the .docx file for a sponsor's report. */
export function sponsorReportDocx(data: SponsorReportData): Promise<Buffer> {
  const { priority, quarter, report, draft } = data;
  const title = sponsorReportTitle(data);
  const sponsor = [priority.sponsorRole, priority.sponsorName ? `(${priority.sponsorName})` : ''].filter(Boolean).join(' ') || 'Not named';
  const rollUp = report.rag === draft.rag ? '' : ` (Baton’s roll-up of the actions: ${ragWords(draft.rag)})`;
  const actionRows = data.actions.map((a) => [
    a.title,
    a.leadAgencyName,
    dateInWords(a.dueDate),
    actionStatus(a),
    a.latest ? `${ragWords(a.latest.rag)} (${a.latest.period})` : 'No update',
  ]);
  const measureRows = data.measures.map((m) => [
    m.text,
    [m.standing.baseline, m.baseline].filter(Boolean).join('; ') || '—',
    m.standing.latest ? `${m.standing.latest.text} (${m.standing.latest.periodLabel})` : NO_FIGURE,
    m.standing.direction?.words ?? '—',
    [[m.standing.target, m.target].filter(Boolean).join('; '), m.target_date ? `by ${dateInWords(m.target_date)}` : '']
      .filter(Boolean)
      .join(' ') || '—',
    m.standing.kind === 'text' ? NO_FIGURE : m.standing.rag ? ragWords(m.standing.rag) : 'Not rated',
  ]);
  const doc = new Document({
    title: plainText(title),
    creator: 'Baton',
    description: `Sponsor’s report for ${quarter.code}`,
    styles: { default: { document: { run: { font: 'Arial', size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: runs(title) }),
          paragraph(`Plan: ${data.plan.title}`),
          paragraph(`Sponsor: ${sponsor}`),
          paragraph(`Quarter: ${quarter.code} (${quarter.label}), progress as at ${dateInWords(data.asAt)}`),
          paragraph(`Overall rating: ${ragWords(report.rag)}${rollUp}`, true),
          paragraph(savedLine(data)),
          ...(quarter.code === data.quarters[0]?.code
            ? []
            : [paragraph('An earlier quarter: progress updates are those given up to it; each action’s status is its status today.')]),
          ...section('Summary of progress', report.summary),
          ...section('Exceptions', report.exceptions),
          ...(actionRows.length
            ? table('Actions', ['Action', 'Lead agency', 'Due', 'Status', 'Latest RAG'], actionRows)
            : [paragraph(`This ${data.vocabulary.priority} has no actions.`)]),
          ...section('Success measures', report.measures),
          ...(measureRows.length
            ? table(
                `Success measures as at ${dateInWords(data.asAt)}`,
                ['Measure', 'Baseline', 'Latest figure', 'Direction of travel', 'Target', 'Rating'],
                measureRows,
              )
            : []),
          ...section('Next steps', report.nextSteps),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
