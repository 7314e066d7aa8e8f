/**
 * A small reader for the official CSV files: RFC 4180 quoting (a quoted field may hold the
 * separator, a doubled quote or a line break), any line ending, an optional UTF-8 BOM.
 * Returns the header and the rows as string arrays; blank lines are dropped.
 */
export function parseCsv(text: string, separator = ','): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    record.push(field);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else field += c;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || record.length) endRecord();
  const [header = [], ...rows] = records;
  return { header: header.map((h) => h.trim()), rows };
}

/** Index of each required column in `header`; throws naming the missing ones. */
export function columnIndex<K extends string>(header: string[], required: readonly K[], file: string): Record<K, number> {
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length) throw new Error(`${file}: missing column(s) ${missing.join(', ')} (header: ${header.join(', ')})`);
  return Object.fromEntries(required.map((name) => [name, header.indexOf(name)])) as Record<K, number>;
}
