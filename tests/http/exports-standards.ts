import Ajv2020 from 'ajv/dist/2020';
import schema from '../fixtures/jsonstat-2.0.schema.json';

/**
 * Checks of the exports against the standards they claim, shared by the formatters' unit tests
 * and the HTTP suite. JSON-stat: the schema transcribed from the spec plus the rules the spec
 * states in prose. SDMX-CSV: the column rules of the SDMX-CSV 2.0 data message field guide.
 */

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const validateSchema = ajv.compile(schema);

/** Problems with a JSON-stat 2.0 dataset; empty when it is valid. */
export function jsonStatProblems(doc: unknown): string[] {
  const problems: string[] = [];
  if (!validateSchema(doc)) {
    for (const e of validateSchema.errors ?? []) problems.push(`schema: ${e.instancePath || '/'} ${e.message}`);
    return problems;
  }
  const ds = doc as {
    id: string[];
    size: number[];
    dimension: Record<string, { category: { index?: string[] | Record<string, number>; label?: Record<string, string>; unit?: Record<string, unknown> } }>;
    value: unknown[] | Record<string, unknown>;
    status?: string | (string | null)[] | Record<string, string>;
    role?: Record<string, string[]>;
  };
  if (ds.id.length !== ds.size.length) problems.push(`id has ${ds.id.length} entries but size has ${ds.size.length}`);
  const keys = Object.keys(ds.dimension).sort();
  if (JSON.stringify(keys) !== JSON.stringify([...ds.id].sort())) problems.push(`dimension keys ${keys.join(',')} differ from id ${ds.id.join(',')}`);
  ds.id.forEach((id, i) => {
    const category = ds.dimension[id]?.category;
    if (!category) return;
    const index = category.index ?? Object.keys(category.label ?? {});
    const codes = Array.isArray(index) ? index : Object.keys(index);
    if (codes.length !== ds.size[i]) problems.push(`dimension ${id} has ${codes.length} categories but size says ${ds.size[i]}`);
    if (!Array.isArray(index)) {
      const positions = Object.values(index).sort((a, b) => a - b);
      if (positions.some((p, k) => p !== k)) problems.push(`dimension ${id}: index positions are not 0..n-1`);
    }
    for (const code of Object.keys(category.label ?? {})) if (!codes.includes(code)) problems.push(`dimension ${id}: label for unknown category ${code}`);
    for (const code of Object.keys(category.unit ?? {})) if (!codes.includes(code)) problems.push(`dimension ${id}: unit for unknown category ${code}`);
  });
  for (const [role, ids] of Object.entries(ds.role ?? {})) for (const id of ids) if (!ds.id.includes(id)) problems.push(`role ${role} names unknown dimension ${id}`);
  const cells = ds.size.reduce((a, b) => a * b, 1);
  if (Array.isArray(ds.value)) {
    if (ds.value.length !== cells) problems.push(`value has ${ds.value.length} entries but the size product is ${cells}`);
  } else {
    for (const k of Object.keys(ds.value)) if (Number(k) >= cells) problems.push(`value key ${k} is outside the cube (${cells} cells)`);
  }
  if (Array.isArray(ds.status) && ds.status.length !== cells && ds.status.length !== 1) problems.push(`status has ${ds.status.length} entries for ${cells} cells`);
  if (ds.status && typeof ds.status === 'object' && !Array.isArray(ds.status)) {
    for (const k of Object.keys(ds.status)) if (Number(k) >= cells) problems.push(`status key ${k} is outside the cube (${cells} cells)`);
  }
  return problems;
}

const SDMX_ID = /^[A-Za-z0-9_@$-]+$/;

/**
 * Problems with an SDMX-CSV 2.0 data message (header and rows), per the field guide:
 * STRUCTURE (optionally STRUCTURE[x] declaring the sub-field separator x), STRUCTURE_ID, then
 * ACTION (optional), then unique component columns (an SDMX id, `[]` for multi-valued, or
 * `[ll;ll]` for multilingual); rows start with dataflow|datastructure|dataprovision,
 * AGENCY:ID(VERSION) and I|A|R|D; every row has as many fields as the header.
 */
export function sdmxCsvProblems(header: string[], rows: string[][]): string[] {
  const problems: string[] = [];
  const first = /^STRUCTURE(?:\[(.)\])?$/.exec(header[0] ?? '');
  if (!first) problems.push(`first column must be STRUCTURE or STRUCTURE[x], got ${header[0]}`);
  const sub = first?.[1];
  if (header[1] !== 'STRUCTURE_ID') problems.push(`second column must be STRUCTURE_ID, got ${header[1]}`);
  const hasAction = header[2] === 'ACTION';
  const componentStart = hasAction ? 3 : 2;
  const components = header.slice(componentStart).filter((h) => h !== 'SERIES_KEY' && h !== 'OBS_KEY');
  const seen = new Set<string>();
  for (const column of components) {
    const m = /^([^[\]]+)(?:\[(.*)\])?$/.exec(column);
    if (!m || !SDMX_ID.test(m[1])) {
      problems.push(`column "${column}" is not an SDMX id`);
      continue;
    }
    if (seen.has(m[1])) problems.push(`column ${m[1]} appears twice`);
    seen.add(m[1]);
    if (m[2] !== undefined && m[2] !== '') {
      if (!sub) problems.push(`column ${column} lists languages but STRUCTURE declares no sub-field separator`);
      else if (m[2].split(sub).some((lang) => !/^[a-z]{2}$/.test(lang))) problems.push(`column ${column}: languages must be 2-letter ISO codes separated by ${sub}`);
    }
  }
  rows.forEach((row, i) => {
    const n = i + 2;
    if (row.length !== header.length) problems.push(`line ${n} has ${row.length} fields, header ${header.length}`);
    if (!['dataflow', 'datastructure', 'dataprovision'].includes(row[0])) problems.push(`line ${n}: STRUCTURE value ${row[0]}`);
    if (!/^[A-Za-z0-9_@$.-]+:[A-Za-z0-9_@$-]+(\([0-9A-Za-z.+-]+\))?$/.test(row[1] ?? '')) problems.push(`line ${n}: STRUCTURE_ID ${row[1]} is not AGENCY:ID(VERSION)`);
    if (hasAction && !['I', 'A', 'R', 'D'].includes(row[2])) problems.push(`line ${n}: ACTION ${row[2]}`);
    header.forEach((column, c) => {
      const langs = /\[(.+)\]$/.exec(column)?.[1];
      if (c < componentStart || !langs || !sub || row[c] === '' || row[c] === undefined) return;
      const prefixes = row[c].split(sub).map((part) => part.split(':')[0]);
      if (prefixes.some((p) => !langs.split(sub).includes(p))) problems.push(`line ${n}: ${column} value "${row[c]}" is not lang:value${sub}…`);
    });
  });
  return problems;
}
