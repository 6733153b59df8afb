// Decision 0011: a new embedded database starts from a prepared copy. The copy must hold exactly
// what making it the long way holds, a copy PGlite cannot start from must be forgotten without
// harm, and an archive must not write outside its folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/data/db.ts';
import { TemplateCache, templateKey, unpack } from '../src/data/template.ts';
import { loadNationalData } from '../src/intake/national-load.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-start-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every national figure by its natural key (ids and load times differ between two loads). */
async function nationalFigures(database: DatabaseHandle): Promise<{ rows: number; digest: string }> {
  return database.exclusive!(async (query) => {
    const [row] = await query(`
      SELECT count(*)::int AS rows, md5(string_agg(concat_ws('|', i.code, a.code, o.period_code, o.period_type, o.period_start,
               o.period_end, o.breakdown, o.value, o.numerator, o.denominator, o.marker, o.status, o.quality_note, o.source),
               E'\\n' ORDER BY i.code, a.code, o.period_code, o.breakdown)) AS digest
      FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN areas a ON a.id = o.area_id
      WHERE o.partnership_id IS NULL`);
    return { rows: Number(row!.rows), digest: String(row!.digest) };
  });
}

async function migrationsOf(database: DatabaseHandle): Promise<number> {
  return database.exclusive!(async (query) => Number((await query('SELECT count(*)::int AS n FROM kysely_migration'))[0]!.n));
}

describe('the starting database', () => {
  it('a folder started from the national template holds the same figures as loading them from scratch', async () => {
    const templates = new TemplateCache(tempDir());
    // Made the long way: the empty template is kept on the way, the national one by hand (as the build does).
    const scratch = await openDatabase({ dataDir: 'memory://', templates });
    expect(templates.has('schema')).toBe(true);
    await loadNationalData(scratch.db);
    const expected = await nationalFigures(scratch);
    expect(await templates.save('national', () => scratch.dumpDataDir!())).toBe(true);
    await scratch.close();
    expect(expected.rows).toBeGreaterThan(100_000);

    const folder = path.join(tempDir(), 'pglite');
    const copied = await openDatabase({ dataDir: folder, startFrom: 'national', templates });
    try {
      expect(await nationalFigures(copied)).toEqual(expected);
      expect(await migrationsOf(copied)).toBeGreaterThan(0);
    } finally {
      await copied.close();
    }
    // Reopened as an existing folder, not copied again.
    const reopened = await openDatabase({ dataDir: folder, templates });
    try {
      expect(await nationalFigures(reopened)).toEqual(expected);
    } finally {
      await reopened.close();
    }
  });

  it('a template PGlite cannot start from is forgotten and the database made the long way', async () => {
    const templates = new TemplateCache(tempDir());
    const first = await openDatabase({ dataDir: 'memory://', templates });
    const migrations = await migrationsOf(first);
    await first.close();
    expect(templates.has('schema')).toBe(true);
    // Damage the kept copy: its control file, which PostgreSQL reads first.
    const folder = path.join(templates.dir, `pglite-schema-${templateKey()}`);
    fs.writeFileSync(path.join(folder, 'global', 'pg_control'), Buffer.alloc(8192));

    const dataDir = path.join(tempDir(), 'pglite');
    const database = await openDatabase({ dataDir, templates });
    try {
      expect(await migrationsOf(database)).toBe(migrations);
    } finally {
      await database.close();
    }
    expect(templates.has('schema')).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
  });

  it('a folder that already holds something is never overwritten by a template', async () => {
    const templates = new TemplateCache(tempDir());
    await (await openDatabase({ dataDir: 'memory://', templates })).close();
    expect(templates.has('schema')).toBe(true);
    const dataDir = path.join(tempDir(), 'pglite');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'notes.txt'), 'mine');
    // PGlite judges such a folder itself (it may refuse it); the template is not copied over it.
    await openDatabase({ dataDir, templates }).then(
      (database) => database.close(),
      () => undefined,
    );
    expect(fs.readFileSync(path.join(dataDir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

/** One ustar header block for `name`, then its contents padded to 512 bytes. */
function tarEntry(name: string, type: string, contents = ''): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write('0000600\0', 100);
  header.write(`${contents.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write(type, 156);
  header.write('ustar\0' + '00', 257);
  const body = Buffer.alloc(Math.ceil(contents.length / 512) * 512);
  body.write(contents);
  return Buffer.concat([header, body]);
}

describe('unpacking a template archive', () => {
  it('writes its directories and files inside the folder', () => {
    const dir = path.join(tempDir(), 'out');
    unpack(Buffer.concat([tarEntry('/base', '5'), tarEntry('/base/1', '0', 'pages'), Buffer.alloc(1024)]), dir);
    expect(fs.readFileSync(path.join(dir, 'base', '1'), 'utf8')).toBe('pages');
  });

  it.each([
    ['a name leaving the folder', tarEntry('../outside', '0', 'x')],
    ['a symbolic link', tarEntry('/link', '2')],
    ['a file cut short', tarEntry('/base/1', '0', 'pages').subarray(0, 512 + 2)],
  ])('refuses %s and writes nothing outside', (_what, archive) => {
    const parent = tempDir();
    const dir = path.join(parent, 'out');
    expect(() => unpack(archive, dir)).toThrow(/Not a template/);
    expect(fs.readdirSync(parent)).toEqual(['out']);
  });
});

describe('planner statistics on the embedded database', () => {
  it('are refreshed for a table that changed enough, and only then', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      await database.exclusive!(async (query) => {
        await query('CREATE TABLE stats_probe (n int)');
        return query('INSERT INTO stats_probe SELECT generate_series(1, 500)');
      });
      // PostgreSQL reports a transaction's changes to its statistics within a second or so.
      let analyzed: string[] = [];
      for (let tries = 0; tries < 60 && !analyzed.includes('public.stats_probe'); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        await database.exclusive!((query) => query('SELECT 1'));
        analyzed = await database.refreshStatistics!();
      }
      expect(analyzed).toContain('public.stats_probe');
      const [row] = await database.exclusive!((query) => query(`SELECT reltuples FROM pg_class WHERE relname = 'stats_probe'`));
      expect(Number(row!.reltuples)).toBe(500);
      expect(await database.refreshStatistics!()).not.toContain('public.stats_probe');
    } finally {
      await database.close();
    }
  });
});
