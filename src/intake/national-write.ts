import { bulkLoad } from '../data/bulk-load.ts';
import type { Trx } from '../data/db.ts';
import { replaceNeighbours, type NeighbourLink } from '../data/repositories/areas.ts';
import { insertObservations } from '../data/repositories/observations-insert.ts';
import { nationalFiguresHeld, type ObservationWrite } from '../data/repositories/observations.ts';
import { saveObservations, type Provenance, type SaveSummary } from './observation-writer.ts';

/**
 * Writes the statistical-neighbour lists and the national figures (the caller has set the
 * national-load flag). Into a library that holds figures already, each figure is compared with the
 * one held, as every import is; the first load into an empty library fills the tables in one pass
 * with their indexes and keys set aside, the keys checked once over every row (decision 0008).
 */
export async function writeLibrary(
  trx: Trx,
  neighbours: readonly NeighbourLink[],
  writes: readonly ObservationWrite[],
  who: Provenance,
): Promise<SaveSummary> {
  const replaceLists = async () => {
    for (const set of ['sn2021', 'sn2025'] as const) {
      await replaceNeighbours(
        trx,
        set,
        neighbours.filter((n) => n.set === set),
      );
    }
  };
  if (await nationalFiguresHeld(trx)) {
    await replaceLists();
    return saveObservations(trx, null, writes, who);
  }
  await bulkLoad(trx, ['area_neighbours', 'observations'], async () => {
    // Setting the indexes aside waited for any other load: one that finished meanwhile stands.
    if (await nationalFiguresHeld(trx))
      throw new Error('The national data was loaded by another process at the same time; nothing was written.');
    await replaceLists();
    await insertObservations(trx, null, writes, who);
  });
  // Every figure is new, so none changed and there is no history to keep.
  return { added: writes.length, changed: 0, unchanged: 0 };
}
