import type { Blob } from 'node:buffer';
import type { Stream } from 'node:stream';
import type { Feature } from 'write-excel-file/node';
import {
  findElement,
  getOrderOfSiblings,
  getSelfClosingTagMarkup,
  insertElementMarkupAccordingToOrderOfSiblings,
  sanitizeAttributeValue,
  sanitizeTextContent,
} from 'write-excel-file/utility';

/** How a sheet prints and groups, beyond what write-excel-file's own options say. */
export interface SheetLayout {
  /** Rows (0-based) indented one outline level under the row above them that is not: a section's rows under its heading. */
  grouped?: ReadonlySet<number>;
  /** How many top rows to print on every page (the header). */
  repeatRows?: number;
}

const SHEET = 'xl/worksheets/sheet{id}.xml';

/** A feature for write-excel-file's node build, whose files are streams, buffers or blobs. */
type NodeFeature = Feature<Stream | Buffer | Blob>;

/**
 * A write-excel-file feature: every sheet prints landscape on A4, fitted to one page wide and as
 * many long as it needs; rows can be grouped under a heading row (Excel's outline, the heading's
 * button above its rows); and a sheet's header rows can repeat on each printed page.
 * `layouts` are by sheet, in the order the sheets are written.
 */
export function printLayout(layouts: readonly SheetLayout[]): NodeFeature {
  const order = getOrderOfSiblings(SHEET, 'worksheet') ?? [];
  return {
    files: {
      transform: {
        [SHEET]: {
          transform: (xml, _options, { sheetIndex }) => {
            if (findElement(xml, 'sheetPr')) return xml;
            const grouped = (layouts[sheetIndex]?.grouped?.size ?? 0) > 0;
            const sheetPr = `<sheetPr>${grouped ? '<outlinePr summaryBelow="0"/>' : ''}<pageSetUpPr fitToPage="1"/></sheetPr>`;
            xml = insertElementMarkupAccordingToOrderOfSiblings(xml, sheetPr, order, 'worksheet');
            if (grouped && !findElement(xml, 'sheetFormatPr'))
              xml = insertElementMarkupAccordingToOrderOfSiblings(
                xml,
                getSelfClosingTagMarkup('sheetFormatPr', { defaultRowHeight: 15, outlineLevelRow: 1 }),
                order,
                'worksheet',
              );
            return xml;
          },
          transformElementAttributes: (tagName, attributes, index, _options, { sheetIndex }) => {
            if (tagName === 'pageSetup') return { ...attributes, paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 };
            if (tagName === 'row' && index !== undefined && layouts[sheetIndex]?.grouped?.has(index))
              return { ...attributes, outlineLevel: 1 };
            return attributes;
          },
        },
        'xl/workbook.xml': {
          transform: (xml, sheets) => {
            const titles = sheets.flatMap((sheet, i) => {
              const rows = layouts[i]?.repeatRows ?? 0;
              if (!rows || !sheet.sheet) return [];
              const name = `'${sheet.sheet.replace(/'/g, "''")}'`;
              return [
                `<definedName name="_xlnm.Print_Titles" localSheetId="${sanitizeAttributeValue(String(i))}">${sanitizeTextContent(`${name}!$1:$${rows}`)}</definedName>`,
              ];
            });
            if (titles.length === 0) return xml;
            const element = findElement(xml, 'definedNames');
            if (element?.selfClosingTag) return xml.replace(/<definedNames\s*\/>/, `<definedNames>${titles.join('')}</definedNames>`);
            if (element) return xml.replace('</definedNames>', `${titles.join('')}</definedNames>`);
            return insertElementMarkupAccordingToOrderOfSiblings(
              xml,
              `<definedNames>${titles.join('')}</definedNames>`,
              getOrderOfSiblings('xl/workbook.xml', 'workbook') ?? [],
              'workbook',
            );
          },
        },
      },
    },
  };
}
