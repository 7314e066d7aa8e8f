import type { CellTable } from './cell-table';
import { PUBLISHED } from './group-protection';

/*
 * The strongest attacker on exact values: all groups at once, as a linear system in the
 * suppressed cells (published cells are constants). A suppressed cell's value is determined iff
 * every solution of the homogeneous system (every way to change the hidden cells that leaves all
 * published figures and all group sums intact) leaves that cell unchanged. Group-by-group rules
 * cannot see this: in an area × category table, a cell can be pinned down by going round a cycle
 * of groups (country's category → country's total → voivodeship's total → voivodeship's category)
 * although each group has two unknowns.
 *
 * We draw random solutions of the homogeneous system and report the cells that are 0 in all of
 * them. Arithmetic is modulo a prime below 2^26 (products stay exact in doubles) with a fixed
 * seed, so the result is deterministic. A determined cell is 0 in every solution, so it is always
 * reported (a cell determined over the rationals is determined modulo p unless p divides a
 * denominator of the solution, which for ±1 systems of this kind does not happen in practice); a
 * cell that is not determined is wrongly reported with probability 1/p per draw, so two draws
 * make a spurious extra suppression practically impossible, and never a leak.
 *
 * Elimination is sparse, pivoting on the variable in fewest remaining equations (a variable in
 * one equation goes first, which peels tree-like parts for free); components of the system that
 * hold no newly suppressed cell are skipped, as their answer cannot have changed.
 */

export const P = 67_108_859;
export const mulMod = (a: number, b: number) => (a * b) % P;

export function invMod(a: number): number {
  let [t, nextT, r, nextR] = [0, 1, P, a];
  while (nextR !== 0) {
    const q = Math.floor(r / nextR);
    [t, nextT] = [nextT, t - q * nextT];
    [r, nextR] = [nextR, r - q * nextR];
  }
  return ((t % P) + P) % P;
}

/**
 * Suppressed cells whose value the published cells and the groups determine. `changed` lists cells
 * suppressed since the previous audit (null: audit everything).
 */
export function determinedCells(t: CellTable, status: Uint8Array, changed: readonly number[] | null): number[] {
  const n = t.keys.length;
  const { groupTotal, partStart, partIndex } = t;
  const hidden = (c: number) => status[c] !== PUBLISHED;

  // Components of the system: hidden cells linked by sharing a group.
  const root = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (root[x] !== x) x = root[x] = root[root[x]];
    return x;
  };
  for (let g = 0; g < groupTotal.length; g++) {
    let first = hidden(groupTotal[g]) ? groupTotal[g] : -1;
    for (let k = partStart[g]; k < partStart[g + 1]; k++) {
      const p = partIndex[k];
      if (!hidden(p)) continue;
      if (first < 0) first = p;
      else root[find(p)] = find(first);
    }
  }
  const dirty = new Uint8Array(n);
  if (changed === null) dirty.fill(1);
  else for (const c of changed) dirty[find(c)] = 1;

  const rows: Map<number, number>[] = [];
  for (let g = 0; g < groupTotal.length; g++) {
    const row = new Map<number, number>();
    if (hidden(groupTotal[g])) row.set(groupTotal[g], 1);
    for (let k = partStart[g]; k < partStart[g + 1]; k++) if (hidden(partIndex[k])) row.set(partIndex[k], P - 1);
    if (row.size > 0 && dirty[find(row.keys().next().value!)]) rows.push(row);
  }
  return zeroInEverySolution(rows);
}

/** The variables that are 0 in every solution of rows · y = 0 (mod P). */
function zeroInEverySolution(rows: Map<number, number>[]): number[] {
  const { variables, y1, y2 } = randomSolutions(rows);
  return variables.filter((v) => y1.get(v) === 0 && y2.get(v) === 0);
}

/** Two random solutions of rows · y = 0 (mod P), by variable. */
export function randomSolutions(rows: Map<number, number>[]): { variables: number[]; y1: Map<number, number>; y2: Map<number, number> } {
  const columns = new Map<number, Set<number>>();
  rows.forEach((row, r) => {
    for (const v of row.keys()) {
      let column = columns.get(v);
      if (!column) columns.set(v, (column = new Set()));
      column.add(r);
    }
  });
  const variables = [...columns.keys()].sort((a, b) => a - b);
  const heap = new MinHeap();
  for (const v of variables) heap.push(columns.get(v)!.size, v);
  const eliminated = new Set<number>();
  const pivots: [variable: number, row: Map<number, number>][] = [];

  while (heap.size > 0) {
    const [degree, v] = heap.pop();
    if (eliminated.has(v)) continue;
    const column = columns.get(v)!;
    if (column.size !== degree) {
      heap.push(column.size, v);
      continue;
    }
    eliminated.add(v);
    if (column.size === 0) continue; // free
    let pivotRow = -1;
    for (const r of column) if (pivotRow < 0 || rows[r].size < rows[pivotRow].size || (rows[r].size === rows[pivotRow].size && r < pivotRow)) pivotRow = r;
    const pivot = rows[pivotRow];
    const inverse = invMod(pivot.get(v)!);
    for (const r of [...column]) {
      if (r === pivotRow) continue;
      const row = rows[r];
      const factor = mulMod(row.get(v)!, inverse);
      for (const [u, a] of pivot) {
        const value = ((row.get(u) ?? 0) - mulMod(factor, a) + P) % P;
        if (value === 0) {
          row.delete(u);
          columns.get(u)!.delete(r);
        } else {
          if (!row.has(u)) columns.get(u)!.add(r);
          row.set(u, value);
        }
      }
      for (const u of row.keys()) if (!eliminated.has(u)) heap.push(columns.get(u)!.size, u);
    }
    for (const u of pivot.keys()) {
      columns.get(u)!.delete(pivotRow);
      if (!eliminated.has(u)) heap.push(columns.get(u)!.size, u);
    }
    pivots.push([v, pivot]);
  }

  // Two random solutions: free variables at random, pivots by back-substitution.
  const random = lcg(0x5eed);
  const y1 = new Map<number, number>();
  const y2 = new Map<number, number>();
  const isPivot = new Set(pivots.map(([v]) => v));
  for (const v of variables)
    if (!isPivot.has(v)) {
      y1.set(v, 1 + (random() % (P - 1)));
      y2.set(v, 1 + (random() % (P - 1)));
    }
  for (let i = pivots.length - 1; i >= 0; i--) {
    const [v, row] = pivots[i];
    let s1 = 0;
    let s2 = 0;
    for (const [u, a] of row) {
      if (u === v) continue;
      s1 = (s1 + mulMod(a, y1.get(u)!)) % P;
      s2 = (s2 + mulMod(a, y2.get(u)!)) % P;
    }
    const inverse = invMod(row.get(v)!);
    y1.set(v, mulMod((P - s1) % P, inverse));
    y2.set(v, mulMod((P - s2) % P, inverse));
  }
  return { variables, y1, y2 };
}

/** A 31-bit linear congruential generator: plenty for drawing values mod P, and reproducible. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 1;
  };
}

/** A binary heap of (key, value) pairs, smallest key first, ties by smaller value. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    const { keys, values } = this;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): [number, number] {
    const { keys, values } = this;
    const top: [number, number] = [keys[0], values[0]];
    const lastKey = keys.pop()!;
    const lastValue = values.pop()!;
    if (keys.length > 0) {
      keys[0] = lastKey;
      values[0] = lastValue;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < keys.length && this.less(l, m)) m = l;
        if (r < keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.keys[a] < this.keys[b] || (this.keys[a] === this.keys[b] && this.values[a] < this.values[b]);
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b], this.keys[a]];
    [this.values[a], this.values[b]] = [this.values[b], this.values[a]];
  }
}
