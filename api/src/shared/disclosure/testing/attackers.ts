import { primaryReason } from '../primary-rule';
import type { AdditiveGroup, CellDisclosure } from '../types';
import { aggregateOf, type Unit, type UnitTable } from './unit-tables';

/*
 * Test support: attackers who know every published value and every additive relation, and what
 * they can learn. They work on the true units behind each cell, not on the library's own figures.
 */

const failsPrimary = (units: readonly Unit[]) => {
  const a = aggregateOf(units);
  return primaryReason(a.contributors, Object.values(a.measures)) !== null;
};
const isPublished = (decisions: Map<string, CellDisclosure>, key: string) => decisions.get(key)?.suppressed === false;

/** Published cells that break the primary rule. */
export function primaryBreaches(t: UnitTable, decisions: Map<string, CellDisclosure>): string[] {
  return [...t.unitsOf].filter(([key, units]) => isPublished(decisions, key) && failsPrimary(units)).map(([key]) => key);
}

/**
 * For each group with a published total, total − published parts is the sum of the suppressed
 * parts: the groups where that aggregate is non-empty and breaks the primary rule.
 */
export function groupDifferenceBreaches(t: UnitTable, decisions: Map<string, CellDisclosure>): AdditiveGroup[] {
  return t.table.groups.filter((g) => {
    if (!isPublished(decisions, g.total)) return false;
    const hidden = g.parts.filter((p) => !isPublished(decisions, p)).flatMap((p) => t.unitsOf.get(p) ?? []);
    return hidden.length > 0 && failsPrimary(hidden);
  });
}

/**
 * Differencing across levels: from a group with a published total the attacker knows the sum of
 * its suppressed parts; any suppressed cell in such a known sum that is the total of another group
 * can be replaced by that group's suppressed parts (the rest of it is published), again and again.
 * Explores up to `limit` such sums per starting group and returns those that break the primary
 * rule (a sum of one cell is a recovered cell).
 */
export function substitutionBreaches(t: UnitTable, decisions: Map<string, CellDisclosure>, limit = 400): string[][] {
  const routes = new Map<string, AdditiveGroup[]>();
  for (const g of t.table.groups) routes.set(g.total, [...(routes.get(g.total) ?? []), g]);
  const hiddenParts = (g: AdditiveGroup) => g.parts.filter((p) => !isPublished(decisions, p));
  const breaches: string[][] = [];
  for (const g of t.table.groups) {
    if (!isPublished(decisions, g.total)) continue;
    const start = hiddenParts(g).sort();
    if (start.length === 0) continue;
    const seen = new Set([start.join(' ')]);
    const todo = [start];
    while (todo.length > 0) {
      const known = todo.shift()!;
      const units = known.flatMap((k) => t.unitsOf.get(k) ?? []);
      if (new Set(units).size !== units.length) throw new Error('attacker: overlapping cells in a sum');
      if (units.length > 0 && failsPrimary(units)) breaches.push(known);
      for (const cell of known)
        for (const route of routes.get(cell) ?? []) {
          const next = [...known.filter((k) => k !== cell), ...hiddenParts(route)].sort();
          const id = next.join(' ');
          if (seen.has(id) || seen.size >= limit) continue;
          seen.add(id);
          todo.push(next);
        }
    }
  }
  return breaches;
}

/** A linear equation Σ coefficient × value(key) = constant that the attacker knows. */
export interface Equation {
  terms: [key: string, coefficient: number][];
  constant: number;
}

export const groupEquation = (g: AdditiveGroup): Equation => ({ terms: [[g.total, 1], ...g.parts.map((p): [string, number] => [p, -1])], constant: 0 });

/**
 * The classic attacker: starting from the published values, solve any equation with exactly one
 * unknown, add the result to what is known, repeat until nothing changes. Returns every value
 * learned this way (published ones excluded).
 */
export function solveOneUnknownAtATime(equations: readonly Equation[], known: ReadonlyMap<string, number>): Map<string, number> {
  const values = new Map(known);
  const learned = new Map<string, number>();
  const byKey = new Map<string, number[]>();
  equations.forEach((e, i) => e.terms.forEach(([k]) => byKey.set(k, [...(byKey.get(k) ?? []), i])));
  const todo = equations.map((_, i) => i);
  while (todo.length > 0) {
    const e = equations[todo.pop()!];
    const unknown = e.terms.filter(([k]) => !values.has(k));
    if (unknown.length !== 1) continue;
    const [key, coefficient] = unknown[0];
    const rest = e.terms.reduce((s, [k, c]) => (k === key ? s : s + c * values.get(k)!), 0);
    const value = (e.constant - rest) / coefficient;
    values.set(key, value);
    learned.set(key, value);
    todo.push(...(byKey.get(key) ?? []));
  }
  return learned;
}

/**
 * The strongest attacker on exact values: Gaussian elimination over all equations at once (exact,
 * in integers). Returns the unknowns whose value the equations determine.
 */
export function determinedByLinearAlgebra(equations: readonly Equation[], known: ReadonlySet<string>): string[] {
  const unknowns = [...new Set(equations.flatMap((e) => e.terms.map(([k]) => k)).filter((k) => !known.has(k)))].sort();
  const column = new Map(unknowns.map((k, i) => [k, i]));
  const rows: bigint[][] = [];
  for (const e of equations) {
    const row = new Array<bigint>(unknowns.length).fill(0n);
    let any = false;
    for (const [k, c] of e.terms) {
      const j = column.get(k);
      if (j === undefined) continue;
      row[j] += BigInt(c);
      any = true;
    }
    if (any) rows.push(row);
  }
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));
  const pivotRowOf = new Map<number, number>();
  let r = 0;
  for (let j = 0; j < unknowns.length && r < rows.length; j++) {
    const p = rows.findIndex((row, i) => i >= r && row[j] !== 0n);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p], rows[r]];
    for (let i = 0; i < rows.length; i++) {
      if (i === r || rows[i][j] === 0n) continue;
      const a = rows[r][j];
      const b = rows[i][j];
      rows[i] = rows[i].map((x, k) => x * a - rows[r][k] * b);
      const g = rows[i].reduce((acc, x) => gcd(acc, x), 0n);
      if (g > 1n) rows[i] = rows[i].map((x) => x / g);
    }
    pivotRowOf.set(j, r);
    r++;
  }
  return unknowns.filter((_, j) => {
    const row = pivotRowOf.get(j);
    return row !== undefined && rows[row].every((x, k) => k === j || x === 0n);
  });
}
