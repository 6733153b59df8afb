import { createHash } from 'node:crypto';
import { issuesToCsv, readDfeTidy, readTemplate } from '../../core/imports.ts';
import { NATIONAL_FILES, type PairTotals } from '../../national/catalogue.ts';
import type { DfeMapping, ImportIssue, ObservationInput } from '../../core/indicators.ts';
import type { Db, Trx } from '../../data/db.ts';
import { listAreas } from '../../data/repositories/areas.ts';
import * as repo from '../../data/repositories/imports.ts';
import { listIndicators } from '../../data/repositories/indicators.ts';
import type { ObservationWrite } from '../../data/repositories/observations.ts';
import { ConflictError, found, ValidationError, type Actor } from '../../services/errors.ts';
import { byPublication, enteredOn, figureLookup, lockIssues, readTable, toWrites } from '../../intake/figures.ts';
import { saveObservations, type SaveSummary } from '../../intake/observation-writer.ts';
import { tenantRunner, type Audit } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import { mappingSchema, mappingFromForm } from './schemas.ts';

export type ImportKind = 'template' | 'dfe';

export interface Upload {
  kind: ImportKind;
  filename: string;
  bytes: Uint8Array;
  /** For a DfE file: the saved mapping's id or name. */
  mapping?: string | undefined;
}

const MAX_ISSUES_KEPT = 1_000;

/** A mapping ready to use: a saved one, or one a bundled national file ships with (which may total rows, see PairTotals). */
interface ResolvedMapping {
  id: string;
  mapping: DfeMapping;
  pairTotals?: PairTotals | undefined;
}

/** The mappings the bundled DfE files ship with, offered for newer editions of the same files. */
const BUNDLED_MAPPINGS = NATIONAL_FILES.map((f, i) => ({
  id: `bundled:${i}`,
  name: `${f.file} (${f.indicatorCodes.join(', ')})`,
  file: f.file,
}));

/** A bundled mapping by `bundled:N`, or by its file's name where only one mapping reads that file. */
function bundledMapping(ref: string): ResolvedMapping | undefined {
  const byRef = /^bundled:(\d+)$/.exec(ref);
  const sameFile = NATIONAL_FILES.flatMap((f, i) => (f.file === ref ? [i] : []));
  const index = byRef ? Number(byRef[1]) : sameFile.length === 1 ? sameFile[0]! : -1;
  const file = NATIONAL_FILES[index];
  return file && { id: `bundled:${index}`, mapping: file.mapping, pairTotals: file.pairTotals };
}
const SAMPLE = 20;

/** What reading a file gave: the rows to save and everything wrong with it. */
interface Checked {
  rows: ObservationInput[];
  issues: ImportIssue[];
  summary: SaveSummary;
  /** The rows ready to write (empty when there are issues). */
  writes: ObservationWrite[];
}

/**
 * Figures from files: Baton's template (CSV or Excel) or a DfE tidy CSV through a saved mapping.
 * A file is checked and previewed first (what would be added, changed, left alone), then saved in
 * one transaction; a file with any problem saves nothing and its problems can be downloaded.
 */
export function createImportsService(db: Db) {
  const tenant = tenantRunner(db);

  /** A saved mapping by id or name, or one a bundled national file ships with (`bundled:N` or its file name). */
  const findMapping = async (trx: Trx, partnershipId: string, idOrName: string | undefined): Promise<ResolvedMapping> => {
    const mapping = idOrName ? (bundledMapping(idOrName) ?? (await repo.findMapping(trx, partnershipId, idOrName))) : undefined;
    if (!mapping) throw new ValidationError({ mapping: 'Choose the mapping that says which columns hold which indicators' });
    return mapping;
  };

  /**
   * Reads and checks a file against the partnership's indicators, areas and signed-off periods,
   * writing nothing; with `preview`, also works out what saving would add, change and leave.
   */
  const check = async (
    trx: Trx,
    partnershipId: string,
    upload: Upload,
    mapping: ResolvedMapping | undefined,
    preview = true,
  ): Promise<Checked> => {
    const read = await readTable(upload.filename, upload.bytes, mapping?.pairTotals);
    const empty = { added: 0, changed: 0, unchanged: 0 };
    if ('issue' in read) return { rows: [], issues: [read.issue], summary: empty, writes: [] };
    const lookup = await figureLookup(trx, { population: mapping?.mapping.measures.some((m) => m.perPopulation) ?? false });
    const result = upload.kind === 'dfe' ? readDfeTidy(read.table, mapping!.mapping, lookup.ctx) : readTemplate(read.table, lookup.ctx);
    const issues = [...result.issues, ...(await lockIssues(trx, partnershipId, result.rows))];
    if (issues.length) return { rows: result.rows, issues: issues.slice(0, MAX_ISSUES_KEPT), summary: empty, writes: [] };
    // A DfE file holds published figures; the partnership's own template holds its own (decision 0015).
    const known = upload.kind === 'dfe' ? byPublication(lookup.lags) : enteredOn();
    const writes = toWrites(result.rows, lookup, known);
    const summary = preview ? await saveObservations(trx, partnershipId, writes, { userId: null, label: '', source: '' }, true) : empty;
    return { rows: result.rows, issues, summary, writes };
  };

  const save = async (
    trx: Trx,
    partnershipId: string,
    actor: Actor,
    audit: Audit,
    upload: Upload,
    mapping: ResolvedMapping | undefined,
  ) => {
    const checked = await check(trx, partnershipId, upload, mapping, false);
    if (checked.issues.length) return checked;
    const summary = await saveObservations(trx, partnershipId, checked.writes, {
      userId: actor.userId,
      label: actor.label,
      source: `Import of ${upload.filename}`,
    });
    await audit({
      action: 'import',
      entityType: 'import',
      entityId: upload.filename,
      summary: `Imported ${upload.filename}: ${summary.added} added, ${summary.changed} changed, ${summary.unchanged} unchanged`,
      after: summary,
    });
    return { ...checked, summary };
  };

  return {
    /** The import page: recent imports and the saved mappings. */
    overview: (partnershipId: string, actor: Actor) =>
      tenant(partnershipId, actor, async (trx) => ({
        imports: await repo.listImports(trx, partnershipId, 20),
        mappings: await repo.listMappings(trx, partnershipId),
        bundled: BUNDLED_MAPPINGS,
      })),

    /** Checks an uploaded file and keeps it for the person to confirm; returns the import's id. */
    upload: (partnershipId: string, actor: Actor, upload: Upload) =>
      tenant(partnershipId, actor, async (trx) => {
        const mapping = upload.kind === 'dfe' ? await findMapping(trx, partnershipId, upload.mapping) : undefined;
        const checked = await check(trx, partnershipId, upload, mapping);
        return repo.insertImport(trx, {
          partnership_id: partnershipId,
          kind: upload.kind,
          mapping_ref: mapping?.id ?? null,
          filename: upload.filename.slice(0, 200),
          byte_size: upload.bytes.length,
          sha256: createHash('sha256').update(upload.bytes).digest('hex'),
          content: checked.issues.length ? null : upload.bytes,
          status: checked.issues.length ? 'refused' : 'ready',
          row_count: checked.rows.length,
          issues: JSON.stringify(checked.issues),
          summary: JSON.stringify(checked.summary),
          created_by: actor.userId,
        });
      }),

    /** An import with, while it waits for confirmation, the first rows it would save. */
    preview: (partnershipId: string, actor: Actor, id: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const held = found(await repo.findImport(trx, partnershipId, id), 'No such import');
        let sample: ObservationInput[] = [];
        if (held.status === 'ready' && held.content) {
          const mapping = held.mapping_ref ? await findMapping(trx, partnershipId, held.mapping_ref) : undefined;
          const checked = await check(trx, partnershipId, { kind: held.kind, filename: held.filename, bytes: held.content }, mapping);
          sample = checked.rows.slice(0, SAMPLE);
        }
        // The preview names each figure's indicator and area as people know them, the codes as hints.
        const [indicators, areas] = sample.length ? await Promise.all([listIndicators(trx), listAreas(trx)]) : [[], []];
        const titles = new Map(indicators.map((i) => [i.code, i.title]));
        const names = new Map(areas.map((a) => [a.code, a.name]));
        return {
          import: held,
          sample: sample.map((r) => ({ ...r, indicatorTitle: titles.get(r.indicatorCode), areaName: names.get(r.areaCode) })),
        };
      }),

    /** Saves a checked import's figures in one transaction, or none of them if anything has changed since. */
    confirm: (partnershipId: string, actor: Actor, id: string) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const held = found(await repo.findImport(trx, partnershipId, id), 'No such import');
        if (held.status !== 'ready' || !held.content) throw new ConflictError('This import has already been saved or was refused.');
        const mapping = held.mapping_ref ? await findMapping(trx, partnershipId, held.mapping_ref) : undefined;
        const result = await save(
          trx,
          partnershipId,
          actor,
          audit,
          { kind: held.kind, filename: held.filename, bytes: held.content },
          mapping,
        );
        if (result.issues.length) {
          await repo.finishImport(trx, partnershipId, id, 'refused', result.issues, result.summary);
          return result;
        }
        await repo.finishImport(trx, partnershipId, id, 'imported', [], result.summary);
        return result;
      }),

    /** The problems found in an import as CSV: row, column, value, reason. */
    issuesCsv: (partnershipId: string, actor: Actor, id: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const held = found(await repo.findImport(trx, partnershipId, id), 'No such import');
        return { filename: held.filename, csv: issuesToCsv(held.issues) };
      }),

    /** The command line's import: check and save in one go (or only check, with dryRun). Throws nothing for bad files: the issues say why. */
    importFile: (partnershipId: string, actor: Actor, upload: Upload, dryRun: boolean) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const mapping = upload.kind === 'dfe' ? await findMapping(trx, partnershipId, upload.mapping) : undefined;
        if (dryRun) return check(trx, partnershipId, upload, mapping);
        return save(trx, partnershipId, actor, audit, upload, mapping);
      }),

    saveMapping: (partnershipId: string, actor: Actor, body: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const input = parseInput(mappingSchema, body);
        const mapping = mappingFromForm(input);
        const lookup = await figureLookup(trx);
        const unknown = mapping.measures.findIndex((m) => !lookup.indicatorIds.has(m.indicatorCode));
        if (unknown >= 0)
          throw new ValidationError({
            [`indicator${unknown + 1}`]: `There is no indicator with the code ${mapping.measures[unknown]!.indicatorCode}`,
          });
        const id = await repo.upsertMapping(trx, partnershipId, input.name, mapping);
        await audit({
          action: 'update',
          entityType: 'dfe_mapping',
          entityId: id,
          summary: `Saved the DfE file mapping “${input.name}”`,
          after: mapping,
        });
        return id;
      }),
  };
}
