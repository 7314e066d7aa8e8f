import type { CellTable } from './cell-table';
import { PUBLISHED } from './group-protection';
import { locallyDetermined, locallyFree } from './local-certificates';
import { P, randomSolutions, type SparseRow } from './modular';

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
 * them. Arithmetic is modulo a prime P below 2^26 (products stay exact in doubles) with a fixed
 * seed, so the result is deterministic. Modulo P the answer is exact except for chance: a cell
 * that is free is 0 in a random solution with probability 1/P, so two draws make a spurious
 * extra suppression practically impossible. Modulo P and over the rationals the answers agree
 * unless P divides one of the system's minors — for these sparse ±1 systems an event of the order
 * of 1/P, and the one way a determined cell could be missed; the property tests compare with
 * exact (BigInt) elimination.
 *
 * Elimination is sparse, pivoting on the variable in fewest remaining equations; only the
 * components of the system that hold a cell in question are solved.
 */

/**
 * Suppressed cells whose value the published cells and the groups determine, among `candidates`
 * (null: all). Suppressing more cells never makes a cell determined, so after a first audit the
 * caller passes only the cells found determined then and the cells suppressed since.
 *
 * Candidates are first looked at locally (local-certificates.ts): one that can move while all
 * farther hidden cells stay put is free, one that a few nearby groups pin down is determined; only
 * the components holding candidates that neither settles are solved whole.
 */
export function determinedCells(t: CellTable, status: Uint8Array, candidates: readonly number[] | null): number[] {
  if (candidates === null) return solveComponents(t, status, null);
  const determined: number[] = [];
  const open: number[] = [];
  for (const c of candidates) {
    if (status[c] === PUBLISHED || locallyFree(t, status, c)) continue;
    if (locallyDetermined(t, status, c)) determined.push(c);
    else open.push(c);
  }
  if (open.length === 0) return determined;
  const asked = new Set(open);
  return [...determined, ...solveComponents(t, status, open).filter((c) => asked.has(c))].sort((a, b) => a - b);
}

/** Solves whole the components of the system that hold a cell of `within` (null: all). */
function solveComponents(t: CellTable, status: Uint8Array, within: readonly number[] | null): number[] {
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
  if (within === null) dirty.fill(1);
  else for (const c of within) dirty[find(c)] = 1;

  const rows: SparseRow[] = [];
  for (let g = 0; g < groupTotal.length; g++) {
    const vars: number[] = [];
    const coefs: number[] = [];
    if (hidden(groupTotal[g])) vars.push(groupTotal[g]), coefs.push(1);
    for (let k = partStart[g]; k < partStart[g + 1]; k++) if (hidden(partIndex[k])) vars.push(partIndex[k]), coefs.push(P - 1);
    if (vars.length > 0 && dirty[find(vars[0])]) rows.push({ vars, coefs });
  }
  const { variables, y1, y2 } = randomSolutions(rows);
  return variables.filter((_, i) => y1[i] === 0 && y2[i] === 0);
}

