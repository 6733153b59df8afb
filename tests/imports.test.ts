import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import writeExcelFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipOf } from './support/zip.ts';
import { parsePeriod } from '../src/core/periods.ts';
import { withTenant } from '../src/data/db.ts';
import { createTestApp, DIALECTS, type Client, type TestApp } from './support/app.ts';

/*
 * Fixtures (tests/fixtures/imports/route-*):
 * - route-template-good.csv: two early help figures for Walsall (2014-01 by ONS code, 2014-02 by old DfE code).
 * - route-template-utf8-bom.csv, route-template-windows-1252.csv: one and the same figure (2014-05) with the
 *   quality note "café £5", saved as UTF-8 with a byte-order mark and as Windows-1252.
 * - route-template-bad.csv: one row wrong in each way (see BAD_FILE_ISSUES).
 * - route-template-escaping.csv: a figure whose quality note is an HTML script tag.
 * - route-d5-cpps-extract.csv: England, the West Midlands, Birmingham and Walsall rows copied unchanged from
 *   reference/benchmarks/d5_cpps_at31march_by_duration_2013_to_2025.csv (DfE, Open Government Licence v3.0).
 * - route-binary.csv (a PNG header, with NUL bytes), route-garbage.xlsx (a zip signature then noise), route-empty.csv.
 */
const fixture = (name: string) => new Uint8Array(fs.readFileSync(new URL(`./fixtures/imports/${name}`, import.meta.url)));

const TEMPLATE_HEADER = 'indicator_code,area_code,period,breakdown,value,numerator,denominator,status,quality_note';
/** A template CSV of early help figures for Walsall, one per [period, value]. */
const earlyHelpCsv = (...figures: [period: string, value: string][]) =>
  new TextEncoder().encode(
    [TEMPLATE_HEADER, ...figures.map(([period, value]) => `eh-rate,E08000030,${period},,${value},,,,`), ''].join('\r\n'),
  );

/** Sixty months of figures: a well-formed file of about 2,500 bytes. */
const FIVE_YEARS_OF_FIGURES = earlyHelpCsv(
  ...Array.from({ length: 60 }, (_, i): [string, string] => [
    `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    '250.0',
  ]),
);

/** Each problem in route-template-bad.csv, by row (the header is row 1) and column. */
const BAD_FILE_ISSUES = [
  { row: '2', column: 'indicator_code' },
  { row: '3', column: 'area_code' },
  { row: '4', column: 'period' },
  { row: '5', column: 'value' },
  { row: '7', column: '' },
  { row: '8', column: 'quality_note' },
];

/** Files that are not figures at all: each refused with a message a person can act on, nothing saved. */
const UNREADABLE_FILES = [
  { name: 'a binary file renamed .csv', filename: 'photo.csv', file: 'route-binary.csv', message: 'This is not a text file' },
  {
    name: 'a workbook that is really garbage',
    filename: 'figures.xlsx',
    file: 'route-garbage.xlsx',
    message: 'This is not an Excel (.xlsx) file',
  },
  { name: 'a CSV file renamed .xlsx', filename: 'figures.xlsx', file: 'not_a_workbook.xlsx', message: 'This is not an Excel (.xlsx) file' },
  {
    name: 'a template with a header and no rows',
    filename: 'header-only.csv',
    bytes: earlyHelpCsv(),
    message: 'The file has no rows of data',
  },
];

/** The mapping form for the DfE child protection plans file: plans at 31 March and the share open two years or more. */
const CP_DURATION_MAPPING = {
  name: 'Child protection plans by duration',
  periodAsPoint: 'yes',
  indicator1: 'cp-plan-count',
  valueColumn1: 'CPP_At31',
  indicator2: 'cp-plan-2yrs-pct',
  valueColumn2: '2_years_or_more_percent',
  numeratorColumn2: '2_years_or_more',
  denominatorColumn2: 'CPP_At31',
};
/** A mapping naming a column the DfE file does not have. */
const MISSING_COLUMN_MAPPING = {
  name: 'Plans at 31 March (wrong column)',
  periodAsPoint: 'yes',
  indicator1: 'cp-plan-count',
  valueColumn1: 'CPP_At_31_March',
};

interface Upload {
  filename: string;
  bytes: Uint8Array;
  kind?: 'template' | 'dfe';
  mapping?: string;
  /** Leave out the CSRF token, as a forged cross-site post would. */
  withoutCsrf?: boolean;
}

/** A multipart/form-data body as a browser sends the import form: text fields, then the one file. */
function multipartBody(fields: Record<string, string>, file?: { filename: string; bytes: Uint8Array }) {
  const boundary = `----BatonTest${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts the import form with the client's session cookie and CSRF token. */
async function uploadAs(t: TestApp, client: Client, upload: Upload) {
  const fields: Record<string, string> = upload.withoutCsrf ? {} : { _csrf: await client.csrfToken() };
  fields.kind = upload.kind ?? 'template';
  if (upload.mapping) fields.mapping = upload.mapping;
  const { payload, contentType } = multipartBody(fields, upload);
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.inject({ method: 'POST', url: '/p/walsall/imports', headers: { cookie, 'content-type': contentType }, payload });
}

const IMPORT_PAGE = /^\/p\/walsall\/imports\/([0-9a-f-]{36})$/;

/** The (row, column) of each problem the import page lists. */
const issueRows = (html: string) =>
  [
    ...html.matchAll(
      /<td class="govuk-table__cell govuk-table__cell--numeric">(\d+|File)<\/td><td class="govuk-table__cell">([^<]*)<\/td>/g,
    ),
  ].map(([, row, column]) => ({ row, column }));

/** A workbook in Baton's template layout, as someone fills it in in Excel (numbers as numbers). */
async function earlyHelpWorkbook(period: string, value: number): Promise<Uint8Array> {
  const header = TEMPLATE_HEADER.split(',').map((name) => ({ value: name }));
  const row = [
    { value: 'eh-rate', type: String },
    { value: 'E08000030', type: String },
    { value: period, type: String },
    null,
    { value, type: Number },
    null,
    null,
    { value: 'final', type: String },
    { value: 'Typed into Excel', type: String },
  ];
  return new Uint8Array(await writeExcelFile([{ data: [header, row], sheet: 'Figures' }]).toBuffer());
}

describe.each(DIALECTS)('importing figures (%s)', (dialect) => {
  let t: TestApp;
  let analyst: Client;
  let walsallId: string;

  /** Reads the database as Walsall, outside the app. */
  const read = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.database.db, { partnershipId: walsallId }, work);
  const ownFigureCount = async () =>
    (await read((trx) => trx.selectFrom('observations').select('id').where('partnership_id', '=', walsallId).execute())).length;
  const importCount = async () => (await read((trx) => trx.selectFrom('imports').select('id').execute())).length;
  /** Walsall's own figure for an indicator, area and period. */
  const ownFigure = (indicator: string, area: string, period: string) =>
    read((trx) =>
      trx
        .selectFrom('observations as o')
        .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
        .innerJoin('areas as a', 'a.id', 'o.area_id')
        .select(['o.value', 'o.marker', 'o.numerator', 'o.denominator', 'o.status', 'o.quality_note', 'o.version'])
        .where('o.partnership_id', '=', walsallId)
        .where('i.code', '=', indicator)
        .where('a.code', '=', area)
        .where('o.period_code', '=', period)
        .executeTakeFirst(),
    );
  const mappingId = async (name: string) =>
    (await read((trx) => trx.selectFrom('dfe_mappings').select('id').where('name', '=', name).executeTakeFirstOrThrow())).id;

  /** Uploads as the analyst and follows the redirect to the import's page. */
  const uploadAndOpen = async (upload: Upload) => {
    const res = await uploadAs(t, analyst, upload);
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(IMPORT_PAGE);
    return { url: location, id: IMPORT_PAGE.exec(location)![1]!, page: await analyst.get(location) };
  };
  /** Uploads, confirms and returns the import's page after saving. */
  const importFile = async (upload: Upload) => {
    const { url } = await uploadAndOpen(upload);
    const confirmed = await analyst.post(`${url}/confirm`, {});
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`${url}?notice=imported`);
    return analyst.get(url);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    walsallId = (await t.app.services.partnerships.findBySlug('walsall'))!.id;
    analyst = await t.signedIn('analyst@walsall.example');
  });
  afterAll(() => t.close());

  describe('Baton’s template', () => {
    it('names each previewed figure’s indicator and area, their codes as hints, under the Import figures menu item', async () => {
      const { page } = await uploadAndOpen({ filename: 'named.csv', bytes: fixture('route-template-good.csv') });
      const preview = /data-qa="preview"[\s\S]*?<\/table>/.exec(page.body)![0];
      expect(preview).toMatch(
        /<td class="govuk-table__cell">Early help rate per 10,000 children and young people<span[^>]*app-secondary[^>]*>eh-rate<\/span>/,
      );
      expect(preview).toMatch(/<td class="govuk-table__cell">Walsall<span[^>]*app-secondary[^>]*>E08000030<\/span>/);
      expect(page.body).toMatch(/<a class="govuk-service-navigation__link" href="\/p\/walsall\/imports" aria-current="page">/);
      expect(page.body).not.toMatch(/href="\/p\/walsall\/indicators" aria-current/);
    });

    it('checks a good file and previews what saving would do, then saves it; the same file again changes nothing', async () => {
      const before = await ownFigureCount();
      const { url, page } = await uploadAndOpen({ filename: 'early-help.csv', bytes: fixture('route-template-good.csv') });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Saving will add 2, change 0 and leave 0 as they are.');
      expect(page.body).toContain('data-qa="preview"');
      expect(await ownFigureCount()).toBe(before);

      const confirmed = await analyst.post(`${url}/confirm`, {});
      expect(confirmed.statusCode).toBe(303);
      expect((await analyst.get(url)).body).toContain('2 figures added, 0 changed');
      expect(await ownFigureCount()).toBe(before + 2);
      expect(await ownFigure('eh-rate', 'E08000030', '2014-01')).toMatchObject({
        value: 281.4,
        numerator: 1786,
        denominator: 63470,
        status: 'provisional',
        quality_note: 'From the January scorecard',
      });
      expect(await ownFigure('eh-rate', 'E08000030', '2014-02')).toMatchObject({ value: 290.2, status: 'final' });

      const again = await uploadAndOpen({ filename: 'early-help.csv', bytes: fixture('route-template-good.csv') });
      expect(again.page.body).toContain('Saving will add 0, change 0 and leave 2 as they are.');
      const saved = await importFile({ filename: 'early-help.csv', bytes: fixture('route-template-good.csv') });
      expect(saved.body).toContain('0 figures added, 0 changed');
      expect(saved.body).toMatch(/, 2 unchanged\./);
      expect(await ownFigureCount()).toBe(before + 2);
    });

    it('refuses to confirm an import twice (409)', async () => {
      const { url } = await uploadAndOpen({ filename: 'early-help.csv', bytes: earlyHelpCsv(['2014-10', '300']) });
      expect((await analyst.post(`${url}/confirm`, {})).statusCode).toBe(303);
      expect((await analyst.post(`${url}/confirm`, {})).statusCode).toBe(409);
    });

    it('reads UTF-8 with a byte-order mark and Windows-1252 alike, keeping “café £5” exactly', async () => {
      const bom = await importFile({ filename: 'utf8-bom.csv', bytes: fixture('route-template-utf8-bom.csv') });
      expect(bom.body).toContain('1 figure added');
      expect(await ownFigure('eh-rate', 'E08000030', '2014-05')).toMatchObject({ value: 301.7, quality_note: 'café £5' });

      const windows = await importFile({ filename: 'windows.csv', bytes: fixture('route-template-windows-1252.csv') });
      expect(windows.body).toContain('0 figures added, 0 changed');
      expect(await ownFigure('eh-rate', 'E08000030', '2014-05')).toMatchObject({ quality_note: 'café £5', version: 1 });
    });

    it.each([
      { order: 'little-endian', period: '2014-06', encode: (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le') },
      { order: 'big-endian', period: '2014-07', encode: (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le').swap16() },
    ])('reads UTF-16 $order with a byte-order mark, keeping “café £5” exactly (issue 11)', async ({ period, encode }) => {
      const csv = `${TEMPLATE_HEADER}\r\neh-rate,E08000030,${period},,301.7,,,final,café £5\r\n`;
      const saved = await importFile({ filename: 'unicode.csv', bytes: new Uint8Array(encode(csv)) });
      expect(saved.body).toContain('1 figure added');
      expect(await ownFigure('eh-rate', 'E08000030', period)).toMatchObject({ value: 301.7, quality_note: 'café £5' });
    });

    it('imports an Excel workbook in the template’s layout', async () => {
      const saved = await importFile({ filename: 'early-help.xlsx', bytes: await earlyHelpWorkbook('2014-08', 310.25) });
      expect(saved.body).toContain('1 figure added');
      expect(await ownFigure('eh-rate', 'E08000030', '2014-08')).toMatchObject({
        value: 310.25,
        status: 'final',
        quality_note: 'Typed into Excel',
      });
    });

    it.each([
      { format: 'Excel', path: '/p/walsall/imports/template.xlsx', type: 'spreadsheetml', filename: 'template.xlsx' },
      { format: 'CSV', path: '/p/walsall/imports/template.csv', type: 'text/csv', filename: 'template.csv' },
    ])('reads the downloadable $format template unchanged: its two example rows', async ({ path, type, filename }) => {
      const download = await analyst.get(path);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toContain(type);
      const { page } = await uploadAndOpen({ filename, bytes: new Uint8Array(download.rawPayload) });
      expect(page.body).toContain('2 figures checked');
    });

    it('refuses a file with bad rows, listing each problem by row and column, and saves nothing', async () => {
      const before = await ownFigureCount();
      const { url, page } = await uploadAndOpen({ filename: 'bad.csv', bytes: fixture('route-template-bad.csv') });
      expect(page.body).toContain('data-qa="import-refused"');
      expect(page.body).toContain(`This file was not imported: ${BAD_FILE_ISSUES.length} problems found`);
      expect(issueRows(page.body)).toEqual(BAD_FILE_ISSUES);
      expect(page.body).not.toContain('Save these figures');
      expect(await ownFigureCount()).toBe(before);
      expect((await analyst.post(`${url}/confirm`, {})).statusCode).toBe(409);
      expect(await ownFigureCount()).toBe(before);
    });

    it('offers the problems as CSV with the formula neutralised', async () => {
      const { url } = await uploadAndOpen({ filename: 'bad.csv', bytes: fixture('route-template-bad.csv') });
      const csv = await analyst.get(`${url}/issues.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-disposition']).toContain('bad-problems.csv');
      const lines = csv.body.split('\r\n');
      expect(lines[0]).toBe('row,column,value,reason');
      expect(lines).toHaveLength(BAD_FILE_ISSUES.length + 2);
      expect(csv.body).toContain(`8,quality_note,"'=HYPERLINK(""http://x"",""click"")"`);
      expect(csv.body).not.toMatch(/,"?=HYPERLINK/);
    });

    it('refuses an empty file with the form’s error summary, and saves nothing', async () => {
      const [figures, imports] = [await ownFigureCount(), await importCount()];
      const res = await uploadAs(t, analyst, { filename: 'empty.csv', bytes: fixture('route-empty.csv') });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('govuk-error-summary');
      expect(res.body).toContain('Choose a CSV or Excel file to import');
      expect([await ownFigureCount(), await importCount()]).toEqual([figures, imports]);
    });

    it('refuses a form with no file at all', async () => {
      const res = await uploadAs(t, analyst, { filename: '', bytes: new Uint8Array() });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Choose a CSV or Excel file to import');
    });

    it.each(UNREADABLE_FILES)('refuses $name with a clear message and saves nothing', async ({ filename, file, bytes, message }) => {
      const before = await ownFigureCount();
      const { url, page } = await uploadAndOpen({ filename, bytes: bytes ?? fixture(file!) });
      expect(page.body).toContain('data-qa="import-refused"');
      expect(page.body).toContain(message);
      expect((await analyst.post(`${url}/confirm`, {})).statusCode).toBe(409);
      expect(await ownFigureCount()).toBe(before);
    });

    it('shows a hostile file name escaped', async () => {
      const { page } = await uploadAndOpen({ filename: '<img src=x onerror=alert(1)>.csv', bytes: fixture('route-template-good.csv') });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;.csv');
      expect(page.body).not.toContain('<img src=x');
    });

    it('shows an imported quality note escaped on the indicator page', async () => {
      await importFile({ filename: 'escaping.csv', bytes: fixture('route-template-escaping.csv') });
      const page = await analyst.get('/p/walsall/indicators/eh-rate');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.body).not.toContain('<script>alert(1)</script>');
    });
  });

  describe('DfE tidy files', () => {
    it('saves a mapping, then imports a DfE file through it', async () => {
      const saved = await analyst.post('/p/walsall/imports/mappings', CP_DURATION_MAPPING);
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe('/p/walsall/imports?notice=mapping');
      expect((await analyst.get('/p/walsall/imports')).body).toContain('CPP_At31 → cp-plan-count');

      const mapping = await mappingId(CP_DURATION_MAPPING.name);
      const upload = { filename: 'd5_cpps.csv', bytes: fixture('route-d5-cpps-extract.csv'), kind: 'dfe' as const, mapping };
      const { page } = await uploadAndOpen(upload);
      expect(page.body).toContain('10 figures checked. Saving will add 10, change 0 and leave 0 as they are.');

      const imported = await importFile(upload);
      expect(imported.body).toContain('10 figures added');
      expect(await ownFigure('cp-plan-count', 'E08000030', 'AT2013-03-31')).toMatchObject({ value: 251, marker: null });
      expect(await ownFigure('cp-plan-count', 'E08000025', 'AT2013-03-31')).toMatchObject({ value: 1026 });
      expect(await ownFigure('cp-plan-2yrs-pct', 'E08000030', 'AT2014-03-31')).toMatchObject({
        value: null,
        marker: 'c',
        denominator: 326,
      });
      expect(await ownFigure('cp-plan-2yrs-pct', 'E92000001', 'AT2013-03-31')).toMatchObject({
        value: 3.2,
        numerator: 1400,
        denominator: 43140,
      });
    });

    it('imports a newer edition of a bundled DfE file through the mapping it ships with, rates worked out from ONS population', async () => {
      const upload = {
        filename: 'd5_cpps.csv',
        bytes: fixture('route-d5-cpps-extract.csv'),
        kind: 'dfe' as const,
        mapping: 'd5_cpps_at31march_by_duration_2013_to_2025.csv',
      };
      const { page } = await uploadAndOpen(upload);
      expect(page.body).toContain('Saving will add');
      await importFile(upload);
      const rate = await ownFigure('cp-plan-rate', 'E08000030', 'AT2013-03-31');
      expect(rate).toMatchObject({ numerator: 251, denominator: 63386 });
      expect(rate?.value).toBeCloseTo(39.598, 2);
    });

    it('refuses a DfE file through a mapping that names a column the file lacks, naming the column', async () => {
      expect((await analyst.post('/p/walsall/imports/mappings', MISSING_COLUMN_MAPPING)).statusCode).toBe(303);
      const before = await ownFigureCount();
      const { page } = await uploadAndOpen({
        filename: 'd5_cpps.csv',
        bytes: fixture('route-d5-cpps-extract.csv'),
        kind: 'dfe',
        mapping: await mappingId(MISSING_COLUMN_MAPPING.name),
      });
      expect(page.body).toContain('data-qa="import-refused"');
      expect(page.body).toContain('The mapping names column CPP_At_31_March, which is not in this file');
      expect(await ownFigureCount()).toBe(before);
    });

    it('refuses a DfE upload with no mapping chosen', async () => {
      const res = await uploadAs(t, analyst, { filename: 'd5_cpps.csv', bytes: fixture('route-d5-cpps-extract.csv'), kind: 'dfe' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('govuk-error-summary');
      expect(res.body).toContain('Choose the mapping');
    });

    it.each<{ name: string; form: Record<string, string>; message: string }>([
      {
        name: 'an unknown indicator',
        form: { name: 'Unknown', indicator1: 'no-such-indicator', valueColumn1: 'CPP_At31' },
        message: 'There is no indicator with the code no-such-indicator',
      },
      { name: 'no measures', form: { name: 'Empty' }, message: 'Map at least one column to an indicator' },
      { name: 'no name', form: { indicator1: 'cp-plan-count', valueColumn1: 'CPP_At31' }, message: 'Name the mapping' },
    ])('refuses a mapping with $name with the error summary', async ({ form, message }) => {
      const res = await analyst.post('/p/walsall/imports/mappings', form);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('govuk-error-summary');
      expect(res.body).toContain(message);
    });
  });

  describe('signed-off periods', () => {
    it('refuses at confirmation an import whose period was signed off after it was checked', async () => {
      const { url } = await uploadAndOpen({ filename: 'november.csv', bytes: earlyHelpCsv(['2014-11', '320']) });
      expect((await analyst.post('/p/walsall/figures/sign-off', { period: '2014-11', confirm: 'yes' })).statusCode).toBe(303);
      const before = await ownFigureCount();

      const confirmed = await analyst.post(`${url}/confirm`, {});
      expect(confirmed.statusCode).toBe(303);
      expect(confirmed.headers.location).toBe(`${url}?notice=refused`);
      const page = await analyst.get(url);
      expect(page.body).toContain('data-qa="import-refused"');
      expect(page.body).toContain(`${parsePeriod('2014-11')!.label} is signed off`);
      expect(await ownFigureCount()).toBe(before);
    });

    it('refuses an import touching a signed-off period, naming it, until an analyst unlocks it (audited)', async () => {
      const signedOff = await analyst.post('/p/walsall/figures/sign-off', { period: '2014-09', confirm: 'yes' });
      expect(signedOff.statusCode).toBe(303);

      const before = await ownFigureCount();
      const { page } = await uploadAndOpen({ filename: 'september.csv', bytes: earlyHelpCsv(['2014-09', '312.5']) });
      expect(page.body).toContain('data-qa="import-refused"');
      expect(page.body).toContain(`${parsePeriod('2014-09')!.label} is signed off`);
      expect(await ownFigureCount()).toBe(before);

      const unlocked = await analyst.post('/p/walsall/figures/unlock', { period: '2014-09' });
      expect(unlocked.statusCode).toBe(303);
      const audit = await read((trx) =>
        trx.selectFrom('audit_events').select(['action', 'entity_type', 'actor_user_id']).where('entity_id', '=', '2014-09').execute(),
      );
      expect(audit).toContainEqual(expect.objectContaining({ action: 'unlock', entity_type: 'period', actor_user_id: expect.any(String) }));

      const after = await importFile({ filename: 'september.csv', bytes: earlyHelpCsv(['2014-09', '312.5']) });
      expect(after.body).toContain('1 figure added');
    });
  });

  describe('who may import', () => {
    it.each(['viewer@walsall.example', 'contributor@walsall.example', 'member@walsall.example'])('refuses %s (403)', async (email) => {
      const client = await t.signedIn(email);
      expect((await client.get('/p/walsall/imports')).statusCode).toBe(403);
      const before = await importCount();
      expect((await uploadAs(t, client, { filename: 'early-help.csv', bytes: fixture('route-template-good.csv') })).statusCode).toBe(403);
      expect(await importCount()).toBe(before);
    });

    it('gives another partnership’s admin 404, even for Walsall’s import under their own address', async () => {
      const { url, id } = await uploadAndOpen({ filename: 'early-help.csv', bytes: earlyHelpCsv(['2015-01', '300']) });
      const client = await t.signedIn('admin@birmingham.example');
      expect((await client.get('/p/walsall/imports')).statusCode).toBe(404);
      expect((await client.get(url)).statusCode).toBe(404);
      expect((await client.get(`/p/birmingham/imports/${id}`)).statusCode).toBe(404);
      expect((await client.get(`/p/birmingham/imports/${id}/issues.csv`)).statusCode).toBe(404);
      expect((await client.post(`/p/birmingham/imports/${id}/confirm`, {})).statusCode).toBe(404);
      expect(await ownFigure('eh-rate', 'E08000030', '2015-01')).toBeUndefined();
    });

    it('refuses an upload without the CSRF token (403), keeping nothing', async () => {
      const before = await importCount();
      const res = await uploadAs(t, analyst, { filename: 'early-help.csv', bytes: fixture('route-template-good.csv'), withoutCsrf: true });
      expect(res.statusCode).toBe(403);
      expect(await importCount()).toBe(before);
    });
  });
});

describe('a decompression bomb', () => {
  let t: TestApp;
  let analyst: Client;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    analyst = await t.signedIn('analyst@walsall.example');
  });
  afterAll(() => t.close());

  /** 200 MB of one byte that says it is 1 KB: a few hundred KB on the wire. */
  const bomb = () =>
    new Uint8Array(zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200 * 1024 * 1024, 0x30), declaredSize: 1024 }]));

  /** How long each /healthz took, asked every 20 ms until `work` ends. */
  async function healthzLatenciesDuring(work: Promise<unknown>): Promise<number[]> {
    let done = false;
    void work.finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const started = performance.now();
      await t.app.inject({ url: '/healthz' });
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return latencies;
  }

  it('is refused with a message naming the limit while the instance keeps answering', async () => {
    const upload = uploadAs(t, analyst, { filename: 'figures.xlsx', bytes: bomb() });
    const latencies = await healthzLatenciesDuring(upload);
    const page = await analyst.get(String((await upload).headers.location));
    expect(page.body).toContain('data-qa="import-refused"');
    expect(page.body).toContain('unpacks to more than it declares');
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });
});

describe.each(DIALECTS)('the import size limit (%s)', (dialect) => {
  let t: TestApp;
  let analyst: Client;
  let walsallId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { BATON_IMPORT_MAX_BYTES: '1000' });
    walsallId = (await t.app.services.partnerships.findBySlug('walsall'))!.id;
    analyst = await t.signedIn('analyst@walsall.example');
  });
  afterAll(() => t.close());

  const importCount = async () =>
    (await withTenant(t.database.db, { partnershipId: walsallId }, (trx) => trx.selectFrom('imports').select('id').execute())).length;

  it('answers 413 to a file over BATON_IMPORT_MAX_BYTES, and keeps nothing', async () => {
    const before = await importCount();
    expect(FIVE_YEARS_OF_FIGURES.length).toBeGreaterThan(1000);
    const res = await uploadAs(t, analyst, { filename: 'big.csv', bytes: FIVE_YEARS_OF_FIGURES });
    expect(res.statusCode).toBe(413);
    expect(await importCount()).toBe(before);
  });

  it('still takes a file under the limit', async () => {
    const res = await uploadAs(t, analyst, { filename: 'small.csv', bytes: fixture('route-template-good.csv') });
    expect(res.statusCode).toBe(303);
  });
});
