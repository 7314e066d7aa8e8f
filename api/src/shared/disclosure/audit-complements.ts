import type { CellTable } from './cell-table';
import { PUBLISHED, type GroupProtection } from './group-protection';
import { invMod, mulMod, P } from './linear-audit';

/*
 * Which published cells to suppress so that cells the linear audit found determined are not any
 * more. The audit runs again afterwards and decides; this only has to choose well, for the usual
 * causes:
 *  - a twin: a published cell that is the same figure as the determined one through another
 *    hierarchy (a voivodeship and its NUTS-2 region). Twins are recognised by identical figures
 *    two groups away (e.g. both parts of the country's two groups);
 *  - a derivation (certificate) of the determined cell from the groups near it tells which
 *    published cells the attacker's arithmetic uses; suppressing one of them breaks it. The
 *    typical one: a gmina whose units are all in one category, so that its total and that
 *    category are one figure, next to a gmina with a suppressed category — a 2 × 2 rectangle
 *    whose published margins give the category away;
 *  - else the cheapest published non-empty cell sharing a group with it, or with the nearest
 *    suppressed cells linked to it (its freedom has to come from somewhere in its component).
 * A cell still determined after its first complement gets, in addition, the cheapest candidate
 * of each of its groups. Cells next to a complement chosen in the same round wait for the next
 * audit.
 */

export function chooseComplements(t: CellTable, protection: GroupProtection, determined: readonly number[], attempts: Map<number, number>): number[] {
  const chosen = new Set<number>();
  const touched = new Set<number>();
  const take = (x: number) => {
    if (x < 0 || chosen.has(x)) return;
    chosen.add(x);
    for (const g of groupsOf(t, x)) for (const y of membersOf(t, g)) touched.add(y);
  };
  for (const c of determined) {
    const attempt = attempts.get(c) ?? 0;
    attempts.set(c, attempt + 1);
    if (attempt === 0 && touched.has(c)) continue;
    const twin = nearbyTwin(t, protection, c);
    if (twin >= 0) take(twin);
    else {
      let best = -1;
      for (const x of certificateCells(t, protection, c) ?? []) if (protection.cheaper(x, best)) best = x;
      take(best >= 0 ? best : nearestCandidate(t, protection, c));
    }
    if (attempt > 0) for (const g of groupsOf(t, c)) take(cheapestIn(t, protection, g));
  }
  return [...chosen];
}

function sameFigures(t: CellTable, a: number, b: number): boolean {
  if (t.contributors[a] !== t.contributors[b]) return false;
  const M = t.measureCount;
  for (let m = 0; m < M; m++) if (t.sum[a * M + m] !== t.sum[b * M + m] || t.max[a * M + m] !== t.max[b * M + m]) return false;
  return true;
}

function nearbyTwin(t: CellTable, protection: GroupProtection, c: number): number {
  let best = -1;
  for (const g of groupsOf(t, c))
    for (const x of membersOf(t, g))
      for (const h of groupsOf(t, x))
        for (const y of membersOf(t, h)) if (y !== c && protection.isCandidate(y) && sameFigures(t, c, y) && protection.cheaper(y, best)) best = y;
  return best;
}

function cheapestIn(t: CellTable, protection: GroupProtection, g: number): number {
  let best = -1;
  for (const x of membersOf(t, g)) if (protection.isCandidate(x) && protection.cheaper(x, best)) best = x;
  return best;
}

const MAX_RADIUS = 5;
const MAX_UNKNOWNS = 150;

/**
 * The published non-empty cells a derivation of c uses, looking for one among the groups within
 * growing distance of c (null when none is found nearby). A derivation is λ over those groups with
 * Σ λ_g × (group g's equation) = c + published cells: found by solving Aᵀλ = e_c over the
 * suppressed cells, modulo P.
 */
function certificateCells(t: CellTable, protection: GroupProtection, c: number): number[] | null {
  const { status } = protection;
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

function nearestCandidate(t: CellTable, protection: GroupProtection, c: number): number {
  const seen = new Set([c]);
  let frontier = [c];
  while (frontier.length > 0) {
    let best = -1;
    const next: number[] = [];
    for (const y of frontier)
      for (const g of groupsOf(t, y))
        for (const x of membersOf(t, g)) {
          if (protection.isCandidate(x)) {
            if (protection.cheaper(x, best)) best = x;
          } else if (protection.status[x] !== PUBLISHED && !seen.has(x)) {
            seen.add(x);
            next.push(x);
          }
        }
    if (best >= 0) return best;
    frontier = next;
  }
  return -1;
}

export function* groupsOf(t: CellTable, c: number): Generator<number> {
  for (let j = t.partOfStart[c]; j < t.partOfStart[c + 1]; j++) yield t.partOf[j];
  for (let j = t.totalOfStart[c]; j < t.totalOfStart[c + 1]; j++) yield t.totalOf[j];
}

export function* membersOf(t: CellTable, g: number): Generator<number> {
  yield t.groupTotal[g];
  for (let k = t.partStart[g]; k < t.partStart[g + 1]; k++) yield t.partIndex[k];
}
