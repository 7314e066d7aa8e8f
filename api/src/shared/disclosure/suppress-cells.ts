import { buildCellTable, type CellTable } from './cell-table';
import { GroupProtection, HIDDEN, SECONDARY } from './group-protection';
import { chooseComplements } from './audit-complements';
import { determinedCells } from './linear-audit';
import { GUS_RULE, type CellDisclosure, type DisclosureRule, type DisclosureTable, type SuppressionReason } from './types';

/*
 * Disclosure control for one indicator's table (Public Statistics Act, art. 38, as GUS applies it).
 *
 * Primary: a cell of 1..2 units, or in which one unit holds more than 75 % of a measure's sum, is
 * suppressed. A cell of 0 units is published: it says nothing about any unit, and the public
 * registry says anyway where no entity is — so hiding a 0 protects nothing, and a 0 is never
 * picked to protect another cell either.
 *
 * Secondary: the attacker knows every published value and every group (total = Σ parts). Per
 * group, every suppressed member of it is an unknown. The library suppresses more cells until
 * every group satisfies:
 *  1. it has 0 or at least 2 suppressed members (total and parts alike) — else the single unknown
 *     is the known ones' difference, and by induction an attacker solving group after group for a
 *     single unknown never learns any suppressed cell;
 *  2. when its total is published, the aggregate an attacker gets by subtracting the published
 *     parts passes the primary rule — and not only that aggregate: a suppressed part p that is
 *     itself a total (a powiat in its voivodeship's group) can be replaced by ITS suppressed parts
 *     (p's gminas), since p − Σ those = Σ p's published gminas is known. So for every suppressed
 *     part p we keep lower bounds over all such substitutions, to any depth and along any group p
 *     totals: `reduced` units and sums (the smallest an attacker can isolate), and `deepMax`, an
 *     upper bound of any unit inside a reduced aggregate of p. The group passes when
 *       Σ reducedUnits ≥ 3, and for every suppressed part p and measure:
 *       max(p)     ≤ 75 % × (sum(p) + Σ_{others} reduced)   (p kept whole, the others reduced)
 *       deepMax(p) ≤ 75 % × Σ reduced                         (p reduced too)
 *     which covers every aggregate reachable by substitution, as the largest unit in it sits in a
 *     part kept whole or in a reduced one.
 * Parts within one group partition the units, so an aggregate's units and sums add up and its
 * largest unit is the largest of its parts' largest.
 *
 * A failing group with a published total gets its cheapest published non-empty part suppressed
 * (fewest units, then smallest sums, then key) — one that repairs it alone when there is one,
 * else the one that repairs most — and its total when no part is left. A suppressed total whose
 * parts are all published gets its cheapest part suppressed. Suppression only ever grows, so the
 * worklist reaches a fixpoint; groups of finer cells are handled first, so the coarser groups see
 * the reductions their parts will really have.
 *
 *  3. no suppressed cell is determined by all the groups taken together (linear-audit.ts): rule 1
 *     stops an attacker going group by group, not one who combines groups round a cycle (in an
 *     area × category table: a country's category minus its total, plus the total minus a
 *     voivodeship's total, …; or a gmina whose units all have one status, so that its total and
 *     that status are one figure). A determined cell gets a complement chosen in
 *     audit-complements.ts (a twin figure, a published cell its derivation uses, or the nearest
 *     cheap one); then rules 1–2 run again, and the audit again, until none is determined.
 * A final pass re-checks every group from scratch.
 *
 * Give as groups every exact relation a reader can know (a voivodeship = Σ its NUTS-2 regions as
 * well as = Σ its powiats): the audit would catch what is left out, but the group rules handle a
 * declared relation at once, where the audit needs rounds.
 *
 * Not covered: aggregates an attacker reaches by linear combinations other than substitution
 * down groups (rule 2 checks those; rule 3 checks single cells only); bounds from the fact that
 * contributions are ≥ 0 (the union rule keeps them wide, but no interval is computed); a unit
 * that knows its own contribution (GUS's rule has no p % test); differences between data
 * versions built from different data, and between years of overlapping populations.
 */

const DECISIONS: readonly CellDisclosure[] = [
  Object.freeze({ suppressed: false, reason: null }),
  Object.freeze({ suppressed: true, reason: 'FEW_UNITS' as SuppressionReason }),
  Object.freeze({ suppressed: true, reason: 'DOMINANCE' as SuppressionReason }),
  Object.freeze({ suppressed: true, reason: 'SECONDARY' as SuppressionReason }),
];

export interface SuppressionOptions {
  rule?: DisclosureRule;
  /** Filled in with what was done and how long it took (for the caller's log). */
  stats?: SuppressionStats;
}

export interface SuppressionStats {
  cells: number;
  groups: number;
  /** Secondary suppressions made for the group rules (1–2) and then for the linear audit (3). */
  secondaryForGroups: number;
  secondaryForAudit: number;
  /** Audit rounds, and how many suppressed cells each round found determined (the last finds none). */
  auditRounds: number[];
  ms: { index: number; groups: number; audit: number };
}

/**
 * Decides, for every cell of one indicator's table (all areas × years × categories at once), whether
 * it is published. Returns a decision per key (residual keys excepted); decisions are shared frozen
 * objects. Throws DisclosureInputError when the table is not additive.
 */
export function suppressCells(table: DisclosureTable, options: SuppressionOptions = {}): Map<string, CellDisclosure> {
  const started = performance.now();
  const t = buildCellTable(table);
  const stats = options.stats;
  if (stats) stats.ms.index = performance.now() - started;
  const status = protectTable(t, options.rule ?? GUS_RULE, stats);
  const result = new Map<string, CellDisclosure>();
  for (let c = 0; c < t.keys.length; c++) if (status[c] !== HIDDEN && !t.residual[c]) result.set(t.keys[c], DECISIONS[status[c]]);
  return result;
}

/** Rules 1–3 to a fixpoint; statuses by canonical cell index. */
export function protectTable(t: CellTable, rule: DisclosureRule, stats?: SuppressionStats): Uint8Array {
  const clock = { groups: 0, audit: 0 };
  const timed = <T>(phase: keyof typeof clock, work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      clock[phase] += performance.now() - started;
    }
  };
  const protection = timed('groups', () => new GroupProtection(t, rule));
  const attempts = new Map<number, number>();
  const rounds: number[] = [];
  let forGroups = 0;
  let forAudit = 0;
  let changed: number[] | null = null; // cells in question (null: all)
  for (;;) {
    timed('groups', () => protection.repair());
    const before = Uint8Array.from(protection.status);
    if (changed === null) forGroups = count(before, SECONDARY);
    // Suppressing more cells never makes a cell determined: after the first audit, only the cells
    // determined then and the cells suppressed since are in question.
    const determined = timed('audit', () => determinedCells(t, protection.status, changed));
    rounds.push(determined.length);
    if (determined.length === 0) break;
    const complements = chooseComplements(t, protection, determined, attempts);
    // With every non-empty cell of a component suppressed nothing in it is determined, so there is always a complement.
    if (complements.length === 0) throw new Error(`disclosure: ${t.keys[determined[0]]} is determined and nothing can be suppressed to free it (a bug)`);
    for (const c of complements) protection.suppress(c);
    protection.repair();
    changed = [...determined];
    for (let c = 0; c < before.length; c++) if (protection.status[c] !== before[c]) changed.push(c);
  }
  timed('groups', () => protection.verify());
  forAudit = count(protection.status, SECONDARY) - forGroups;
  if (stats) Object.assign(stats, { cells: t.keys.length, groups: t.groupTotal.length, secondaryForGroups: forGroups, secondaryForAudit: forAudit, auditRounds: rounds, ms: { ...stats.ms, ...clock } });
  return protection.status;
}

function count(status: Uint8Array, value: number): number {
  let n = 0;
  for (const s of status) if (s === value) n++;
  return n;
}

/** An empty stats record to pass in SuppressionOptions.stats. */
export const emptySuppressionStats = (): SuppressionStats => ({ cells: 0, groups: 0, secondaryForGroups: 0, secondaryForAudit: 0, auditRounds: [], ms: { index: 0, groups: 0, audit: 0 } });
