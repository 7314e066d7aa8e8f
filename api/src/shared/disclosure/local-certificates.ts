import { groupsOf, membersOf, type CellTable } from './cell-table';
import { PUBLISHED } from './group-protection';
import { invMod, mulMod, P, randomSolutions, type SparseRow } from './modular';

/*
 * Local answers to "is this suppressed cell determined?", from the groups within a few steps of it:
 *  - free: a solution of the equations of the groups around it, with every hidden cell farther away
 *    held at 0, that moves it. Held at 0, the far cells satisfy their own equations, so this is a
 *    solution of the whole system: the cell is not determined.
 *  - determined: a combination of nearby groups' equations equal to the cell plus published cells
 *    (a derivation). It also names the published cells the attacker's arithmetic uses.
 * Neither is found when the answer needs the whole component; the caller then solves it whole.
 */

const FREEDOM_RADIUS = 2;
const FREEDOM_MAX_CELLS = 150;

export function locallyFree(t: CellTable, status: Uint8Array, c: number): boolean {
  const ball = new Set([c]);
  let frontier = [c];
  for (let radius = 1; radius <= FREEDOM_RADIUS && frontier.length > 0; radius++) {
    const next: number[] = [];
    for (const y of frontier)
      for (const g of groupsOf(t, y))
        for (const x of membersOf(t, g))
          if (status[x] !== PUBLISHED && !ball.has(x)) {
            ball.add(x);
            next.push(x);
          }
    if (ball.size > FREEDOM_MAX_CELLS) return false;
    frontier = next;
    const rows: SparseRow[] = [];
    const seen = new Set<number>();
    for (const y of ball)
      for (const g of groupsOf(t, y)) {
        if (seen.has(g)) continue;
        seen.add(g);
        const vars: number[] = [];
        const coefs: number[] = [];
        let sign = 1;
        for (const x of membersOf(t, g)) {
          if (ball.has(x)) vars.push(x), coefs.push(sign === 1 ? 1 : P - 1);
          sign = -1;
        }
        rows.push({ vars, coefs });
      }
    const { variables, y1, y2 } = randomSolutions(rows);
    const i = variables.indexOf(c);
    if (y1[i] !== 0 || y2[i] !== 0) return true;
  }
  return false;
}

/** True when a derivation of c from the groups near it exists. */
export const locallyDetermined = (t: CellTable, status: Uint8Array, c: number): boolean => localDerivation(t, status, c) !== null;

const MAX_RADIUS = 4;
const MAX_UNKNOWNS = 120;

/**
 * The published non-empty cells a derivation of c uses, looking for one among the groups within
 * growing distance of c (null when none is found nearby). A derivation is λ over those groups with
 * Σ λ_g × (group g's equation) = c + published cells: found by solving Aᵀλ = e_c over the
 * suppressed cells, modulo P.
 */
export function localDerivation(t: CellTable, status: Uint8Array, c: number): number[] | null {
  const ball = new Set([c]);
  let frontier = [c];
  for (let radius = 1; radius <= MAX_RADIUS && frontier.length > 0; radius++) {
    const next: number[] = [];
    for (const y of frontier)
      for (const g of groupsOf(t, y))
        for (const x of membersOf(t, g))
          if (status[x] !== PUBLISHED && !ball.has(x)) {
            ball.add(x);
            next.push(x);
          }
    if (ball.size > MAX_UNKNOWNS) return null;
    frontier = next;
    const groups = new Set<number>();
    for (const y of ball) for (const g of groupsOf(t, y)) if ([...membersOf(t, g)].every((x) => status[x] === PUBLISHED || ball.has(x))) groups.add(g);
    const lambda = solveCertificate(t, status, [...groups], [...ball], c);
    if (lambda) {
      const weight = new Map<number, number>();
      for (const [g, l] of lambda) {
        let sign = 1;
        for (const x of membersOf(t, g)) {
          if (status[x] === PUBLISHED && t.contributors[x] > 0) weight.set(x, ((weight.get(x) ?? 0) + (sign === 1 ? l : P - l)) % P);
          sign = -1;
        }
      }
      return [...weight].filter(([, w]) => w !== 0).map(([x]) => x);
    }
  }
  return null;
}

/** λ (by group) with Σ λ_g A_g = e_c on the unknown cells, or null. Dense Gauss–Jordan modulo P. */
function solveCertificate(t: CellTable, status: Uint8Array, groups: number[], unknowns: number[], c: number): Map<number, number> | null {
  if (groups.length === 0) return null;
  const column = new Map(unknowns.map((u, i) => [u, i]));
  // One row per unknown cell: its coefficients in each group (+1 as total, −1 as part), then the right-hand side.
  const rows = unknowns.map((u) => {
    const row = new Array<number>(groups.length + 1).fill(0);
    row[groups.length] = u === c ? 1 : 0;
    return row;
  });
  groups.forEach((g, j) => {
    let sign = 1;
    for (const x of membersOf(t, g)) {
      const i = column.get(x);
      if (i !== undefined && status[x] !== PUBLISHED) rows[i][j] = (rows[i][j] + (sign === 1 ? 1 : P - 1)) % P;
      sign = -1;
    }
  });
  const pivotOf: number[] = [];
  let r = 0;
  for (let j = 0; j < groups.length && r < rows.length; j++) {
    const p = rows.findIndex((row, i) => i >= r && row[j] !== 0);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p], rows[r]];
    const inverse = invMod(rows[r][j]);
    rows[r] = rows[r].map((x) => mulMod(x, inverse));
    for (let i = 0; i < rows.length; i++) {
      if (i === r || rows[i][j] === 0) continue;
      const f = rows[i][j];
      rows[i] = rows[i].map((x, k) => (x - mulMod(f, rows[r][k]) + P) % P);
    }
    pivotOf[r] = j;
    r++;
  }
  for (let i = r; i < rows.length; i++) if (rows[i][groups.length] !== 0) return null;
  const lambda = new Map<number, number>();
  for (let i = 0; i < r; i++) if (rows[i][groups.length] !== 0) lambda.set(groups[pivotOf[i]], rows[i][groups.length]);
  return lambda;
}

