import { deflateRawSync } from 'node:zlib';
import { unpackWithin } from '../../src/intake/zip-bounds.ts';

const CENTRAL_FILE_HEADER = 0x02014b50;

/** The files of a zip archive (such as a .docx) by name, read as uploads are: through its central directory. */
export function unzip(archive: Buffer): Map<string, Buffer> {
  return unpackWithin(archive, Number.MAX_SAFE_INTEGER);
}

/** A part of a zip archive to write: its name, its contents, and the size it claims (its own unless told). */
export interface ZipPart {
  name: string;
  data: Buffer;
  declaredSize?: number;
}

/**
 * Writes a zip archive with deflated parts; a part may declare a size other than its own, as a
 * decompression bomb does to slip past a check of declared sizes.
 */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const packed = deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_FILE_HEADER, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
