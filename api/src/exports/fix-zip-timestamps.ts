/**
 * Sets every entry's modification time in a ZIP archive (an XLSX file is one) to `date`.
 * exceljs stamps entries with the time of writing, so the same workbook written twice differs
 * in a few bytes; with the data version's publication time instead, an export is byte-for-byte
 * the same every time, as a strong ETag and an immutable version promise.
 * Only the DOS time/date fields of local and central headers change: CRCs cover data, not headers.
 */
export function fixZipTimestamps(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const eocd = findEndOfCentralDirectory(out);
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  const time = ((date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2)) & 0xffff;
  const day = (((Math.max(date.getUTCFullYear(), 1980) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()) & 0xffff;
  for (let i = 0; i < entries; i += 1) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('ZIP central directory is malformed');
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(day, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('ZIP local header is malformed');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(day, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  for (let p = zip.length - 22; p >= Math.max(0, zip.length - 22 - 0xffff); p -= 1) {
    if (zip.readUInt32LE(p) === 0x06054b50) return p;
  }
  throw new Error('Not a ZIP archive: no end of central directory record');
}
