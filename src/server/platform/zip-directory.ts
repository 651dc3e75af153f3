// The central directory of a zip held in memory: each entry's name, sizes as declared, and where
// its compressed bytes are. Read here rather than with a zip library because the guard needs the
// entry count before any entry is materialised, and the raw compressed bytes to inflate under its
// own cap; JSZip (what ExcelJS parses with) keeps sizes private, unzipper reads via streams and
// lists every entry first. The reading is strict: anything an .xlsx never needs (zip64,
// encryption, several disks, methods other than stored/deflate) is refused, so whatever passes is
// read the same way by JSZip, which also finds the end record by searching back from the end.

export class ZipUnreadable extends Error {
  constructor(reason: string) {
    super(`unreadable zip: ${reason}`);
    this.name = 'ZipUnreadable';
  }
}

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  dataStart: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndRecord(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= lowest; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  throw new ZipUnreadable('no end of central directory');
}

/**
 * The entries of the zip in `buf`. `tooMany` builds the error thrown when the directory lists more
 * than `maxEntries` (checked from the end record, before the directory is walked).
 */
export function zipEntries(buf: Buffer, maxEntries: number, tooMany: () => Error): ZipEntry[] {
  if (buf.length < 22) throw new ZipUnreadable('too short');
  const end = findEndRecord(buf);
  const disk = buf.readUInt16LE(end + 4);
  const count = buf.readUInt16LE(end + 10);
  const dirSize = buf.readUInt32LE(end + 12);
  const dirStart = buf.readUInt32LE(end + 16);
  if (count === 0xffff || dirStart === 0xffffffff) throw new ZipUnreadable('zip64');
  if (disk !== 0 || buf.readUInt16LE(end + 8) !== count) throw new ZipUnreadable('several disks');
  if (count > maxEntries) throw tooMany();
  if (dirStart + dirSize > end) throw new ZipUnreadable('directory out of bounds');
  const entries: ZipEntry[] = [];
  let at = dirStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL) throw new ZipUnreadable('bad directory record');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const uncompressedSize = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localAt = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 0x1) throw new ZipUnreadable('encrypted entry');
    if (method !== 0 && method !== 8) throw new ZipUnreadable(`compression method ${method}`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) throw new ZipUnreadable('zip64');
    if (localAt + 30 > buf.length || buf.readUInt32LE(localAt) !== LOCAL) {
      throw new ZipUnreadable('bad local header');
    }
    const dataStart = localAt + 30 + buf.readUInt16LE(localAt + 26) + buf.readUInt16LE(localAt + 28);
    if (dataStart + compressedSize > buf.length) throw new ZipUnreadable('entry out of bounds');
    entries.push({ name, method, compressedSize, uncompressedSize, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
