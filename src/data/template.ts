import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A new embedded database starts from a copy of one made earlier instead of being made again:
 * PostgreSQL's initdb and every migration take about 4 s, loading the bundled national figures
 * about 3 s more. Two starting points, each a PGlite data directory in node_modules/.cache/baton,
 * kept both as PGlite's tar archive (loaded into a database in memory) and unpacked (copied into a
 * new folder: a tenth of a second for 100 MB): `schema` (migrated, empty) and `national` (the same
 * with the bundled national figures loaded, what the demo starts from). Each is named by a hash of everything that
 * decides its contents: PGlite's and Kysely's versions, Baton's source and the bundled reference
 * data, so a copy made by other code is never used. They are a cache: when one is missing or
 * cannot be written, the database is made the long way. See decision 0011.
 */
export type TemplateKind = 'schema' | 'national';

const root = path.resolve(import.meta.dirname, '../..');
const HASHED_DIRS = ['src', 'reference'];

function packageVersion(name: string): string {
  const file = path.join(root, 'node_modules', name, 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, full);
    else if (entry.isFile() && !entry.name.endsWith('.test.ts')) {
      hash.update(`${path.relative(root, full)}\0`);
      hash.update(fs.readFileSync(full));
      hash.update('\0');
    }
  }
}

let cachedKey: string | undefined;

/** What every template made by this code is named by. */
export function templateKey(): string {
  if (cachedKey) return cachedKey;
  const hash = createHash('sha256');
  hash.update(`pglite ${packageVersion('@electric-sql/pglite')}\0kysely ${packageVersion('kysely')}\0`);
  for (const dir of HASHED_DIRS) hashTree(hash, path.join(root, dir));
  cachedKey = hash.digest('hex').slice(0, 16);
  return cachedKey;
}

/** A folder of templates, each kind kept as PGlite's archive and unpacked. */
export class TemplateCache {
  readonly dir: string;
  readonly #key: () => string;

  constructor(dir: string, key: () => string = templateKey) {
    this.dir = dir;
    this.#key = key;
  }

  /** Where this code's template of that kind would be, whether or not it exists yet. */
  #paths(kind: TemplateKind): { archive: string; folder: string } {
    const base = path.join(this.dir, `pglite-${kind}-${this.#key()}`);
    return { archive: `${base}.tar`, folder: base };
  }

  /** Whether this code's template of that kind has been made (its folder is written last). */
  has(kind: TemplateKind): boolean {
    return fs.existsSync(this.#paths(kind).folder);
  }

  /** The template's archive, or undefined when there is none for this code yet. */
  read(kind: TemplateKind): Buffer | undefined {
    try {
      return fs.readFileSync(this.#paths(kind).archive);
    } catch {
      return undefined;
    }
  }

  /** Copies the template into a folder that is not there yet. */
  copyTo(kind: TemplateKind, dataDir: string): void {
    fs.cpSync(this.#paths(kind).folder, dataDir, { recursive: true, errorOnExist: true, force: false });
  }

  /** Forgets a template PGlite could not start from. */
  discard(kind: TemplateKind): void {
    const { archive, folder } = this.#paths(kind);
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(archive, { force: true });
  }

  /**
   * Keeps `dump` (a data directory as PGlite's tar archive) as this code's template of that kind,
   * archive and folder. Each is written under a temporary name and renamed, the folder last, so
   * another process never finds half of one; templates made by other code are removed. False when
   * the cache cannot be written (a read-only install) or the archive cannot be read.
   */
  async save(kind: TemplateKind, dump: () => Promise<Blob>): Promise<boolean> {
    const { archive, folder } = this.#paths(kind);
    const temp = `${folder}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const bytes = Buffer.from(await (await dump()).arrayBuffer());
      unpack(bytes, temp);
      fs.writeFileSync(`${temp}.tar`, bytes);
      fs.renameSync(`${temp}.tar`, archive);
      fs.rmSync(folder, { recursive: true, force: true });
      fs.renameSync(temp, folder);
      for (const name of fs.readdirSync(this.dir)) {
        if (name.startsWith(`pglite-${kind}-`) && !name.startsWith(path.basename(folder))) {
          fs.rmSync(path.join(this.dir, name), { recursive: true, force: true });
        }
      }
      return true;
    } catch {
      fs.rmSync(temp, { recursive: true, force: true });
      fs.rmSync(`${temp}.tar`, { force: true });
      return false;
    }
  }
}

/** Baton's own templates, in node_modules/.cache/baton. */
export const TEMPLATES = new TemplateCache(path.join(root, 'node_modules/.cache/baton'));

/** A field of a tar header: text up to the first NUL. */
function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

/**
 * Unpacks PGlite's dump of a data directory into a folder. PGlite writes plain ustar archives
 * (directories and files, named from the data directory's root) whose header checksums node-tar
 * does not accept, so they are read here; anything else in one (a link, a name leaving the
 * folder) is refused.
 */
export function unpack(archive: Buffer, dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break; // the end of the archive
    const name = [field(header, 345, 155), field(header, 0, 100)].filter(Boolean).join('/');
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const relative = path.normalize(name.replace(/^\/+/, ''));
    if (!Number.isFinite(size) || relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`Not a template: ${name}`);
    const target = path.join(dataDir, relative);
    offset += 512;
    if (type === '5') fs.mkdirSync(target, { recursive: true, mode: 0o700 });
    else if (type === '0') {
      if (offset + size > archive.length) throw new Error(`Not a template: ${name} is cut short`);
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      fs.writeFileSync(target, archive.subarray(offset, offset + size), { mode: 0o600 });
    } else throw new Error(`Not a template: ${name} is of type ${type}`);
    offset += Math.ceil(size / 512) * 512;
  }
}
