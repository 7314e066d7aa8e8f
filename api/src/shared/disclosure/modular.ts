/*
 * Sparse linear algebra modulo a prime P below 2^26 (products of two residues stay exact in
 * doubles): random solutions of homogeneous systems, for the linear audit.
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

/** One equation Σ coefs[i] × y[vars[i]] = 0 (mod P). */
export interface SparseRow {
  vars: number[];
  coefs: number[];
}

/**
 * Two random solutions of the rows (mod P): `variables` (sorted) and their values in y1, y2.
 * Variables are renumbered 0..V-1; rows are short arrays edited in place, columns lists of rows
 * that may hold stale entries (a row that lost the variable), checked when used.
 */
export function randomSolutions(input: readonly SparseRow[]): { variables: number[]; y1: Int32Array; y2: Int32Array } {
  const variables = [...new Set(input.flatMap((r) => r.vars))].sort((a, b) => a - b);
  const id = new Map(variables.map((v, i) => [v, i]));
  const V = variables.length;
  const rowVars = input.map((r) => r.vars.map((v) => id.get(v)!));
  const rowCoefs = input.map((r) => r.coefs.slice());
  const columns: number[][] = Array.from({ length: V }, () => []);
  const degree = new Int32Array(V);
  rowVars.forEach((vars, r) => {
    for (const v of vars) {
      columns[v].push(r);
      degree[v]++;
    }
  });

  const eliminated = new Uint8Array(V);
  const rowDead = new Uint8Array(rowVars.length);
  const heap = new MinHeap();
  const queuedDegree = new Int32Array(V).fill(-1);
  // Each variable sits in the heap under its current degree (older entries are skipped when popped).
  const touch = (u: number) => {
    if (eliminated[u] || queuedDegree[u] === degree[u]) return;
    queuedDegree[u] = degree[u];
    heap.push(degree[u], u);
  };
  for (let v = 0; v < V; v++) touch(v);

  const where = new Int32Array(V).fill(-1);
  const seenRow = new Int32Array(rowVars.length).fill(-1);
  const pivotVar: number[] = [];
  const pivotRow: number[] = [];

  while (heap.size > 0) {
    const [d, v] = heap.pop();
    if (eliminated[v] || queuedDegree[v] !== d) continue;
    eliminated[v] = 1;
    // The rows that really hold v now.
    const holding: number[] = [];
    for (const r of columns[v]) {
      if (rowDead[r] || seenRow[r] === v || !rowVars[r].includes(v)) continue;
      seenRow[r] = v;
      holding.push(r);
    }
    columns[v] = [];
    if (holding.length === 0) continue; // free
    let p = holding[0];
    for (const r of holding) if (rowVars[r].length < rowVars[p].length || (rowVars[r].length === rowVars[p].length && r < p)) p = r;
    const pVars = rowVars[p];
    const pCoefs = rowCoefs[p];
    const inverse = invMod(pCoefs[pVars.indexOf(v)]);
    for (const r of holding) {
      if (r === p) continue;
      const vars = rowVars[r];
      const coefs = rowCoefs[r];
      for (let i = 0; i < vars.length; i++) where[vars[i]] = i;
      const factor = mulMod(coefs[where[v]], inverse);
      for (let j = 0; j < pVars.length; j++) {
        const u = pVars[j];
        const i = where[u];
        const delta = P - mulMod(factor, pCoefs[j]);
        if (i >= 0) coefs[i] = (coefs[i] + delta) % P;
        else {
          where[u] = vars.length;
          vars.push(u);
          coefs.push(delta % P);
          columns[u].push(r);
          degree[u]++;
          touch(u);
        }
      }
      // Drop the entries that cancelled (v's always does).
      let w = 0;
      for (let i = 0; i < vars.length; i++) {
        where[vars[i]] = -1;
        if (coefs[i] === 0) {
          degree[vars[i]]--;
          touch(vars[i]);
          continue;
        }
        vars[w] = vars[i];
        coefs[w] = coefs[i];
        w++;
      }
      vars.length = w;
      coefs.length = w;
    }
    rowDead[p] = 1;
    for (const u of pVars) {
      degree[u]--;
      touch(u);
    }
    pivotVar.push(v);
    pivotRow.push(p);
  }

  // Two random solutions: free variables at random, pivots by back-substitution (later pivots first).
  const random = lcg(0x5eed);
  const y1 = new Int32Array(V);
  const y2 = new Int32Array(V);
  const isPivot = new Uint8Array(V);
  for (const v of pivotVar) isPivot[v] = 1;
  for (let v = 0; v < V; v++)
    if (!isPivot[v]) {
      y1[v] = 1 + (random() % (P - 1));
      y2[v] = 1 + (random() % (P - 1));
    }
  for (let i = pivotVar.length - 1; i >= 0; i--) {
    const v = pivotVar[i];
    const vars = rowVars[pivotRow[i]];
    const coefs = rowCoefs[pivotRow[i]];
    let s1 = 0;
    let s2 = 0;
    let own = 0;
    for (let j = 0; j < vars.length; j++) {
      if (vars[j] === v) {
        own = coefs[j];
        continue;
      }
      s1 = (s1 + mulMod(coefs[j], y1[vars[j]])) % P;
      s2 = (s2 + mulMod(coefs[j], y2[vars[j]])) % P;
    }
    const inverse = invMod(own);
    y1[v] = mulMod((P - s1) % P, inverse);
    y2[v] = mulMod((P - s2) % P, inverse);
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
