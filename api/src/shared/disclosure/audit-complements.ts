import { groupsOf, membersOf, type CellTable } from './cell-table';
import { PUBLISHED, type GroupProtection } from './group-protection';
import { localDerivation } from './local-certificates';

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
      for (const x of localDerivation(t, protection.status, c) ?? []) if (protection.cheaper(x, best)) best = x;
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
