import { toCsv } from '../../core/csv.ts';
import { TEMPLATE_COLUMNS } from '../../core/imports.ts';

/** Two example rows (Walsall's published child protection figures) so the layout is plain. */
const EXAMPLES = [
  ['cp-plan-rate', 'E08000030', 'AT2013-03-31', '', '39.6', '251', '63386', 'final', ''],
  ['cp-plan-second-pct', '335', 'FY2012-13', '', 'c', '', '', 'provisional', 'Known recording issues: likely an under-estimate'],
];

/** Baton's figures template as CSV: the header and two example rows to overwrite. */
export function templateCsv(): string {
  return toCsv(
    TEMPLATE_COLUMNS.map((c) => c.name),
    EXAMPLES,
  );
}

/** The same template as an Excel workbook, with a second sheet describing each column. */
export async function templateXlsx(): Promise<Buffer> {
  const header = TEMPLATE_COLUMNS.map((c) => ({ value: c.name, fontWeight: 'bold' as const }));
  const rows = EXAMPLES.map((r) => r.map((value) => ({ value, type: String })));
  const guide = [
    [
      { value: 'Column', fontWeight: 'bold' as const },
      { value: 'Required', fontWeight: 'bold' as const },
      { value: 'What it holds', fontWeight: 'bold' as const },
    ],
    ...TEMPLATE_COLUMNS.map((c) => [{ value: c.name }, { value: c.required ? 'Yes' : 'No' }, { value: c.description }]),
  ];
  // Loaded when first asked for: it is a large library and most starts never need it.
  const { default: writeExcelFile } = await import('write-excel-file/node');
  return writeExcelFile([
    { data: [header, ...rows], sheet: 'Figures' },
    { data: guide, sheet: 'Columns' },
  ]).toBuffer();
}
