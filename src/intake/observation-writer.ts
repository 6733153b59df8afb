import type { DbOrTrx } from '../data/db.ts';
import { insertObservations } from '../data/repositories/observations-insert.ts';
import {
  observationKey,
  recordHistory,
  sameValues,
  storedObservations,
  updateObservations,
  valuesOf,
  type HistoryEntry,
  type ObservationWrite,
  type StoredObservation,
} from '../data/repositories/observations.ts';
import type { ImportSummary } from '../data/schema.ts';

export interface SaveSummary extends Required<ImportSummary> {
  added: number;
  changed: number;
  unchanged: number;
}

/** Who is saving figures, and how they arrived (an import's file name, the data-entry form, the API). */
export interface Provenance {
  userId: string | null;
  label: string;
  source: string;
}

/**
 * Saves figures for one owner (the nation, or a partnership) the one way every route does: a
 * figure with the same values as the one held is left alone (so loading the same file twice
 * changes nothing), a new key is added, and a changed figure is updated with its old values kept
 * in its history. With `dryRun` nothing is written; the summary says what would happen.
 */
export async function saveObservations(
  trx: DbOrTrx,
  partnershipId: string | null,
  writes: readonly ObservationWrite[],
  who: Provenance,
  dryRun = false,
): Promise<SaveSummary> {
  const indicatorIds = [...new Set(writes.map((w) => w.indicatorId))];
  const stored = await storedObservations(trx, partnershipId, indicatorIds);
  const added: ObservationWrite[] = [];
  const updates: { id: string; write: ObservationWrite; before: StoredObservation }[] = [];
  for (const write of writes) {
    const held = stored.get(observationKey({ ...write, periodCode: write.period.code }));
    if (!held) added.push(write);
    else if (!sameValues(held, write)) updates.push({ id: held.id, write, before: held });
  }
  const summary = { added: added.length, changed: updates.length, unchanged: writes.length - added.length - updates.length };
  if (dryRun) return summary;
  await insertObservations(trx, partnershipId, added, who);
  await updateObservations(trx, partnershipId, updates, who);
  const history: HistoryEntry[] = updates.map((u) => ({ observation: u.before, after: valuesOf(u.write) }));
  await recordHistory(trx, partnershipId, history, { userId: who.userId, label: who.label, reason: who.source });
  return summary;
}
