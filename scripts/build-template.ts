// Makes the embedded databases a first start begins from (src/data/template.ts, decision 0011):
// the migrated empty one and the one with the bundled national figures loaded. Nothing to do when
// this code's templates are there already; otherwise about 10 s, once per version of Baton.
import { openDatabase } from '../src/data/db.ts';
import { TEMPLATES } from '../src/data/template.ts';
import { loadNationalData } from '../src/intake/national-load.ts';

if (!TEMPLATES.has('national')) {
  const started = performance.now();
  // Opening a new database in memory makes and keeps the empty template when it is missing.
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await loadNationalData(database.db);
    await database.refreshStatistics!();
    const saved = await TEMPLATES.save('national', () => database.dumpDataDir!());
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      saved
        ? `Prepared the starting database in ${seconds} s (once per version).`
        : 'Could not keep the starting database (node_modules is read-only); a first start will make it.',
    );
  } finally {
    await database.close();
  }
}
