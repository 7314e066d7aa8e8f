import type { DisclosureTable } from './types';

/** The table does not describe additive cells (a caller's bug, not a data problem). */
export class DisclosureInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DisclosureInputError';
  }
}

/**
 * A table in typed arrays, in a canonical order (cells by key, groups by total then parts), so
 * the decisions do not depend on the order the caller listed anything in: the same data in a
 * later data version must get the same suppression pattern, or the two versions together would
 * give away what each hides.
 */
export interface CellTable {
  keys: string[];
  /** Measure names, sorted; measure m of cell c is at c * measureCount + m. */
  measureNames: string[];
  measureCount: number;
  contributors: Float64Array;
  sum: Float64Array;
  max: Float64Array;
  /** 1 for a residual (never published) cell. */
  residual: Uint8Array;
  /** Group g: total groupTotal[g], parts partIndex[partStart[g] .. partStart[g + 1]). */
  groupTotal: Int32Array;
  partStart: Int32Array;
  partIndex: Int32Array;
  /** Groups in which cell c is a part: partOf[partOfStart[c] .. partOfStart[c + 1]). */
  partOfStart: Int32Array;
  partOf: Int32Array;
  /** Groups of which cell c is the total. */
  totalOfStart: Int32Array;
  totalOf: Int32Array;
  /** 0 for a cell that totals no group, else 1 + the largest height among its parts. */
  height: Int32Array;
  maxHeight: number;
}

/** Sums are floating point (money in złoty with grosze); a group adds up within this relative error. */
const RELATIVE_TOLERANCE = 1e-9;
const close = (a: number, b: number) => Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

export function buildCellTable(table: DisclosureTable): CellTable {
  const residualKeys = new Set(table.residualKeys ?? []);
  // Index by key: the cells first, then keys only groups mention (empty cells), then sorted.
  const position = new Map<string, number>();
  const keys: string[] = [];
  for (const cell of table.cells) {
    if (position.has(cell.key)) throw new DisclosureInputError(`Cell ${cell.key} is listed twice`);
    position.set(cell.key, keys.length);
    keys.push(cell.key);
  }
  const refer = (key: string) => {
    let i = position.get(key);
    if (i === undefined) {
      i = keys.length;
      position.set(key, i);
      keys.push(key);
    }
    return i;
  };
  const rawGroups = table.groups.map((g) => ({ name: g.total, total: refer(g.total), parts: Int32Array.from(g.parts, refer) }));
  for (const key of residualKeys) if (!position.has(key)) throw new DisclosureInputError(`Residual ${key} is not a cell of the table`);
  const n = keys.length;
  const byKey = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const rank = new Int32Array(n);
  byKey.forEach((original, sorted) => (rank[original] = sorted));
  const sortedKeys = Array.from(byKey, (i) => keys[i]);

  const names = new Set<string>();
  for (const cell of table.cells) for (const name of Object.keys(cell.measures)) names.add(name);
  const measureNames = [...names].sort();
  const M = measureNames.length;
  const contributors = new Float64Array(n);
  const sum = new Float64Array(n * M);
  const max = new Float64Array(n * M);
  const residual = new Uint8Array(n);
  table.cells.forEach((cell, i) => {
    const c = rank[i];
    const isResidual = residualKeys.has(cell.key);
    if (!Number.isInteger(cell.contributors) || cell.contributors < 0) throw new DisclosureInputError(`Cell ${cell.key}: contributors must be a whole number ≥ 0, not ${cell.contributors}`);
    contributors[c] = cell.contributors;
    residual[c] = isResidual && cell.contributors > 0 ? 1 : 0;
    measureNames.forEach((name, m) => {
      const measure = cell.measures[name];
      if (!measure) return;
      let { sum: s, max: x } = measure;
      if (!Number.isFinite(s) || !Number.isFinite(x)) throw new DisclosureInputError(`Cell ${cell.key}, ${name}: sum and max must be finite numbers`);
      // Residuals come out of subtractions: clean rounding noise, and cap a max given as an upper bound.
      if (s < 0 && close(s, 0)) s = 0;
      if (x > s && (isResidual || close(x, s))) x = s;
      if (s < 0 || x < 0) throw new DisclosureInputError(`Cell ${cell.key}, ${name}: contributions must be ≥ 0 (give absolute values of signed ones)`);
      if (x > s) throw new DisclosureInputError(`Cell ${cell.key}, ${name}: the largest contribution ${x} exceeds the sum ${s}`);
      if (cell.contributors === 0 && s > 0) throw new DisclosureInputError(`Cell ${cell.key}, ${name}: a sum of ${s} from no units`);
      sum[c * M + m] = s;
      max[c * M + m] = x;
    });
  });

  // Groups: parts as sorted indices, duplicates dropped, then sorted by (total, parts).
  const groups: { total: number; parts: Int32Array }[] = [];
  const groupsOfTotal = new Map<number, Int32Array[]>();
  for (const g of rawGroups) {
    const total = rank[g.total];
    const parts = g.parts.map((p) => rank[p]).sort();
    if (parts.length === 0) throw new DisclosureInputError(`Group of ${g.name} has no parts`);
    for (let i = 0; i < parts.length; i++) {
      if (parts[i] === total) throw new DisclosureInputError(`Group of ${g.name} lists its total among its parts`);
      if (i > 0 && parts[i] === parts[i - 1]) throw new DisclosureInputError(`Group of ${g.name} lists ${sortedKeys[parts[i]]} twice`);
    }
    const same = groupsOfTotal.get(total) ?? [];
    if (same.some((other) => compareIndexLists(other, parts) === 0)) continue;
    groupsOfTotal.set(total, [...same, parts]);
    checkAdditive(g.name, total, parts);
    groups.push({ total, parts });
  }
  groups.sort((a, b) => a.total - b.total || compareIndexLists(a.parts, b.parts));

  function checkAdditive(name: string, total: number, parts: Int32Array) {
    let units = 0;
    for (const p of parts) units += contributors[p];
    if (units !== contributors[total]) throw new DisclosureInputError(`Group of ${name}: its parts have ${units} units, the total ${contributors[total]}`);
    for (let m = 0; m < M; m++) {
      let s = 0;
      for (const p of parts) s += sum[p * M + m];
      if (!close(s, sum[total * M + m])) throw new DisclosureInputError(`Group of ${name}, ${measureNames[m]}: its parts sum to ${s}, the total is ${sum[total * M + m]}`);
    }
  }

  const G = groups.length;
  const groupTotal = new Int32Array(G);
  const partStart = new Int32Array(G + 1);
  groups.forEach((g, i) => {
    groupTotal[i] = g.total;
    partStart[i + 1] = partStart[i] + g.parts.length;
  });
  const partIndex = new Int32Array(partStart[G]);
  groups.forEach((g, i) => partIndex.set(g.parts, partStart[i]));

  const partOfStart = new Int32Array(n + 1);
  const totalOfStart = new Int32Array(n + 1);
  for (let g = 0; g < G; g++) {
    totalOfStart[groupTotal[g] + 1]++;
    for (let j = partStart[g]; j < partStart[g + 1]; j++) partOfStart[partIndex[j] + 1]++;
  }
  for (let c = 0; c < n; c++) {
    partOfStart[c + 1] += partOfStart[c];
    totalOfStart[c + 1] += totalOfStart[c];
  }
  const partOf = new Int32Array(partOfStart[n]);
  const totalOf = new Int32Array(totalOfStart[n]);
  const fillP = partOfStart.slice(0, n);
  const fillT = totalOfStart.slice(0, n);
  for (let g = 0; g < G; g++) {
    totalOf[fillT[groupTotal[g]]++] = g;
    for (let j = partStart[g]; j < partStart[g + 1]; j++) partOf[fillP[partIndex[j]]++] = g;
  }

  const { height, maxHeight } = heights(n, groupTotal, partStart, partIndex, partOfStart, partOf, sortedKeys);
  return { keys: sortedKeys, measureNames, measureCount: M, contributors, sum, max, residual, groupTotal, partStart, partIndex, partOfStart, partOf, totalOfStart, totalOf, height, maxHeight };
}

function compareIndexLists(a: Int32Array, b: Int32Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Heights by Kahn's algorithm over part → total edges; a cycle means the groups are not a hierarchy. */
function heights(n: number, groupTotal: Int32Array, partStart: Int32Array, partIndex: Int32Array, partOfStart: Int32Array, partOf: Int32Array, keys: string[]) {
  const pending = new Int32Array(n);
  for (let g = 0; g < groupTotal.length; g++) pending[groupTotal[g]] += partStart[g + 1] - partStart[g];
  const height = new Int32Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let c = 0; c < n; c++) if (pending[c] === 0) queue[tail++] = c;
  while (head < tail) {
    const c = queue[head++];
    for (let j = partOfStart[c]; j < partOfStart[c + 1]; j++) {
      const t = groupTotal[partOf[j]];
      if (height[c] + 1 > height[t]) height[t] = height[c] + 1;
      if (--pending[t] === 0) queue[tail++] = t;
    }
  }
  if (tail < n) {
    const stuck = keys.filter((_, c) => pending[c] > 0).slice(0, 3);
    throw new DisclosureInputError(`The groups form a cycle (a cell is, through other groups, part of itself): ${stuck.join(', ')}`);
  }
  let maxHeight = 0;
  for (let c = 0; c < n; c++) if (height[c] > maxHeight) maxHeight = height[c];
  return { height, maxHeight };
}

/** The groups cell c is a member of (as a part, then as the total). */
export function* groupsOf(t: CellTable, c: number): Generator<number> {
  for (let j = t.partOfStart[c]; j < t.partOfStart[c + 1]; j++) yield t.partOf[j];
  for (let j = t.totalOfStart[c]; j < t.totalOfStart[c + 1]; j++) yield t.totalOf[j];
}

/** The members of group g: its total first, then its parts. */
export function* membersOf(t: CellTable, g: number): Generator<number> {
  yield t.groupTotal[g];
  for (let k = t.partStart[g]; k < t.partStart[g + 1]; k++) yield t.partIndex[k];
}
