import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { bulkLoad } from '../src/data/bulk-load.ts';
import { openDatabase, type DatabaseHandle, type Db } from '../src/data/db.ts';
import { insertObservations } from '../src/data/repositories/observations-insert.ts';
import type { ObservationWrite } from '../src/data/repositories/observations.ts';
import { parseNationalData, writeNationalData, type NationalBundle } from '../src/intake/national-load.ts';
import { DIALECTS, type Dialect } from './support/app.ts';
import { withDatabase } from './support/global-setup.ts';

/** A fresh, migrated database with nothing in it (the test template already holds the demo). */
async function openEmptyDatabase(dialect: Dialect): Promise<DatabaseHandle> {
  if (dialect === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const serverUrl = inject('postgresUrl');
  const name = `baton_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const handle = await openDatabase({ databaseUrl: withDatabase(serverUrl, name), poolSize: 2 });
  return {
    ...handle,
    async close() {
      await handle.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The indexes and constraints of the tables the first load fills, as PostgreSQL writes them. */
async function structureOf(db: Db): Promise<string[]> {
  const { rows } = await sql<{ definition: string }>`
    SELECT indexdef AS definition FROM pg_indexes WHERE tablename IN ('observations', 'area_neighbours')
    UNION ALL
    SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
    WHERE conrelid IN ('observations'::regclass, 'area_neighbours'::regclass)
    ORDER BY 1`.execute(db);
  return rows.map((r) => r.definition);
}

/** The national figures with their indicator and area by code, in key order (ids and times differ between databases). */
async function nationalFigures(db: Db): Promise<string[]> {
  const { rows } = await sql<{ figure: string }>`
    SELECT concat_ws(' | ', i.code, a.code, o.period_code, o.period_type, o.period_start, o.period_end, o.breakdown, o.value,
                     o.numerator, o.denominator, o.marker, o.status, o.quality_note, o.source, o.version, o.updated_by) AS figure
    FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN areas a ON a.id = o.area_id
    WHERE o.partnership_id IS NULL
    ORDER BY i.code, a.code, o.period_code, o.breakdown`.execute(db);
  return rows.map((r) => r.figure);
}

/** Writes figures straight into the national library, as the loader's first load does. */
function bulkInsert(db: Db, writes: ObservationWrite[]) {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('baton.national', 'load', true)`.execute(trx);
    await bulkLoad(trx, ['observations'], () => insertObservations(trx, null, writes, { userId: null, source: 'test' }));
  });
}

/** Test data: every area and neighbour list, and the first 3,000 bundled figures. */
const full = parseNationalData();
const bundle: NationalBundle = { ...full, observations: full.observations.slice(0, 3_000) };

describe.each(DIALECTS)('the first national load (%s)', (dialect) => {
  let database: DatabaseHandle;
  let structure: string[];

  beforeAll(async () => {
    database = await openEmptyDatabase(dialect);
    structure = await structureOf(database.db);
  });
  afterAll(() => database.close());

  /** A figure of the loaded library, re-aimed by `change`. */
  const aFigure = async (change: Partial<ObservationWrite>): Promise<ObservationWrite> => {
    const o = await database.db
      .selectFrom('observations')
      .selectAll()
      .where('partnership_id', 'is', null)
      .limit(1)
      .executeTakeFirstOrThrow();
    return {
      indicatorId: o.indicator_id,
      areaId: o.area_id,
      period: { code: o.period_code, type: o.period_type, start: o.period_start, end: o.period_end, label: o.period_code },
      breakdown: 'test',
      value: 1,
      numerator: null,
      denominator: null,
      marker: null,
      status: 'final',
      quality_note: '',
      knownFrom: o.known_from,
      ...change,
    } as ObservationWrite;
  };

  it('adds every figure into an empty library', async () => {
    const result = await writeNationalData(database.db, bundle);
    expect(result).toMatchObject({
      added: 3_000,
      changed: 0,
      unchanged: 0,
      areas: bundle.areas.length,
      neighbours: bundle.neighbours.length,
    });
    expect(await nationalFigures(database.db)).toHaveLength(3_000);
  });

  it('puts the indexes and foreign keys of the figures and neighbour lists back exactly as they were', async () => {
    expect(await structureOf(database.db)).toEqual(structure);
    expect(structure.join('\n')).toMatch(
      /area_neighbours area_neighbours_neighbour_id_fkey FOREIGN KEY \(neighbour_id\) REFERENCES areas\(id\)/,
    );
    expect(structure.join('\n')).toMatch(/FOREIGN KEY \(indicator_id\) REFERENCES indicators\(id\) ON DELETE CASCADE/);
    expect(structure.join('\n')).toMatch(/FOREIGN KEY \(area_id\) REFERENCES areas\(id\) ON DELETE CASCADE/);
    expect(structure.join('\n')).toMatch(/CREATE UNIQUE INDEX observations_key/);
  });

  it('writes the same figures as saving them one by one does', async () => {
    const other = await openEmptyDatabase(dialect);
    try {
      // A library that already holds a figure takes the path that compares each figure with the one held.
      await writeNationalData(other.db, { ...bundle, observations: bundle.observations.slice(0, 1) });
      expect(await writeNationalData(other.db, bundle)).toMatchObject({ added: 2_999, unchanged: 1 });
      expect(await nationalFigures(other.db)).toEqual(await nationalFigures(database.db));
    } finally {
      await other.close();
    }
  });

  it('changes nothing when the same files are loaded again', async () => {
    const before = await nationalFigures(database.db);
    expect(await writeNationalData(database.db, bundle)).toMatchObject({ added: 0, changed: 0, unchanged: 3_000 });
    expect(await nationalFigures(database.db)).toEqual(before);
  });

  it('refuses a figure whose area is not in the database, keeping nothing and the keys in place', async () => {
    const before = await nationalFigures(database.db);
    await expect(bulkInsert(database.db, [await aFigure({ areaId: randomUUID() })])).rejects.toThrow(
      /foreign key constraint "observations_area_id_fkey"/,
    );
    expect(await nationalFigures(database.db)).toEqual(before);
    expect(await structureOf(database.db)).toEqual(structure);
  });

  it('refuses a figure whose indicator is not in the database', async () => {
    await expect(bulkInsert(database.db, [await aFigure({ indicatorId: randomUUID() })])).rejects.toThrow(
      /foreign key constraint "observations_indicator_id_fkey"/,
    );
    expect(await structureOf(database.db)).toEqual(structure);
  });

  it('refuses two figures with one key', async () => {
    const figure = await aFigure({});
    await expect(bulkInsert(database.db, [figure, { ...figure, value: 2 }])).rejects.toThrow(/observations_key/);
    expect(await structureOf(database.db)).toEqual(structure);
  });
});
