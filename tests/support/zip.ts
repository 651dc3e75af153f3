import zlib from 'node:zlib';

// A minimal zip writer for tests of the spreadsheet guard: each entry stored or deflated, with
// sizes that may be made to lie (the guard must not trust them).
export type TestEntry = {
  name: string;
  data: Buffer | string;
  /** 0 stored, 8 deflate (default). */
  method?: 0 | 8;
  /** Overrides the uncompressed size written in the headers. */
  declaredSize?: number;
};

/** An entry whose body is already compressed (or stored): what the archive holds, byte for byte. */
export type PackedEntry = {
  name: string;
  body: Buffer;
  /** 0 stored, 8 deflate. */
  method: 0 | 8;
  crc: number;
  /** The uncompressed size written in the headers (may lie). */
  size: number;
};

export function makeZip(entries: TestEntry[]): Buffer {
  return assembleZip(
    entries.map((e) => {
      const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data);
      const method = e.method ?? 8;
      return {
        name: e.name,
        body: method === 8 ? zlib.deflateRawSync(raw) : raw,
        method,
        crc: zlib.crc32(raw),
        size: e.declaredSize ?? raw.length,
      };
    }),
  );
}

/** Local headers and bodies, then the central directory and its end record (no zip64). */
export function assembleZip(entries: PackedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.body.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.body.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.body);
    centrals.push(central, name);
    offset += 30 + name.length + e.body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Worksheet XML with `rows` rows of `columns` numeric cells (positions written, as Excel does). */
export function sheetXml(rows: number, columns: number): string {
  const col = (n: number) =>
    (n > 26 ? String.fromCharCode(64 + Math.floor((n - 1) / 26)) : '') +
    String.fromCharCode(65 + ((n - 1) % 26));
  let xml =
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  for (let r = 1; r <= rows; r++) {
    xml += `<row r="${r}">`;
    for (let c = 1; c <= columns; c++) xml += `<c r="${col(c)}${r}"><v>${c}</v></c>`;
    xml += '</row>';
  }
  return `${xml}</sheetData></worksheet>`;
}
