import type { CellTable } from './cell-table';
import type { DisclosureRule } from './types';

/** Cell statuses, by canonical cell index. */
export const PUBLISHED = 0;
export const FEW_UNITS = 1;
export const DOMINANCE = 2;
export const SECONDARY = 3;
/** A residual: never published. */
export const HIDDEN = 4;

/**
 * Group protection (rules 1 and 2 in suppress-cells.ts): primary suppression, then a worklist
 * that suppresses more cells until every group is safe. Suppression only ever grows.
 *
 * For every suppressed cell it keeps the smallest aggregate an attacker can isolate inside it by
 * substitution (`reduced` units and sums: the cell replaced by the suppressed parts of a group it
 * totals, recursively, the smallest over its groups) and `deepMax`, an upper bound of any unit in
 * such a reduced aggregate. Published cells keep their own figures there until suppressed.
 */
export class GroupProtection {
  readonly status: Uint8Array;
  private readonly M: number;
  private readonly share: number;
  private readonly redUnits: Float64Array;
  private readonly redSum: Float64Array;
  private readonly deepMax: Float64Array;
  /** Cells finest first: reductions are computed from parts already final. */
  private readonly order: Int32Array;
  private readonly queue: GroupQueue;

  // Scratch: a cell's reduction as if it were suppressed (computeReduced), and a group's state (measureGroup).
  private scratchUnits = 0;
  private readonly scratchSum: Float64Array;
  private readonly scratchDeep: Float64Array;
  private readonly routeSum: Float64Array;
  private readonly routeDeep: Float64Array;
  private suppressedParts = 0;
  private reducedUnits = 0;
  /** Per measure, the largest bound the reduced sums must cover: need ≤ share × Σ reduced. */
  private readonly need: Float64Array;
  private readonly reducedTotal: Float64Array;
  private readonly trialNeed: Float64Array;
  private readonly trialReduced: Float64Array;

  constructor(
    private readonly t: CellTable,
    private readonly rule: DisclosureRule,
  ) {
    const n = t.keys.length;
    const M = (this.M = t.measureCount);
    this.share = rule.maxShare;
    this.status = new Uint8Array(n);
    for (let c = 0; c < n; c++) this.status[c] = t.residual[c] ? HIDDEN : this.primaryStatus(c);
    this.redUnits = Float64Array.from(t.contributors);
    this.redSum = Float64Array.from(t.sum);
    this.deepMax = Float64Array.from(t.max);
    this.scratchSum = new Float64Array(M);
    this.scratchDeep = new Float64Array(M);
    this.routeSum = new Float64Array(M);
    this.routeDeep = new Float64Array(M);
    this.need = new Float64Array(M);
    this.reducedTotal = new Float64Array(M);
    this.trialNeed = new Float64Array(M);
    this.trialReduced = new Float64Array(M);
    this.order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => t.height[a] - t.height[b] || a - b);
    for (const c of this.order) if (this.status[c] !== PUBLISHED) this.storeReduced(c);
    this.queue = new GroupQueue(t);
    for (let g = 0; g < t.groupTotal.length; g++) this.queue.push(g);
  }

  /** Runs the worklist until every group is safe. */
  repair(): void {
    for (let g = this.queue.pop(); g >= 0; g = this.queue.pop()) this.repairGroup(g);
  }

  /** Suppresses a published cell to protect others; its groups are re-checked by the next repair(). */
  suppress(c: number): void {
    const { status, t } = this;
    status[c] = SECONDARY;
    this.storeReduced(c);
    // c is a new unknown: re-check its groups, and refresh the reductions of suppressed totals above it.
    const stack = [c];
    while (stack.length > 0) {
      const x = stack.pop()!;
      for (let j = t.totalOfStart[x]; j < t.totalOfStart[x + 1]; j++) this.queue.push(t.totalOf[j]);
      for (let j = t.partOfStart[x]; j < t.partOfStart[x + 1]; j++) {
        const g = t.partOf[j];
        this.queue.push(g);
        const total = t.groupTotal[g];
        if (status[total] !== PUBLISHED && this.storeReduced(total)) stack.push(total);
      }
    }
  }

  isCandidate(c: number): boolean {
    return this.status[c] === PUBLISHED && this.t.contributors[c] > 0;
  }

  /** Cost order of complements: fewest units, then smallest sums (measures by name), then key. */
  cheaper(a: number, b: number): boolean {
    if (b < 0) return true;
    const { contributors, sum } = this.t;
    const M = this.M;
    if (contributors[a] !== contributors[b]) return contributors[a] < contributors[b];
    for (let m = 0; m < M; m++) if (sum[a * M + m] !== sum[b * M + m]) return sum[a * M + m] < sum[b * M + m];
    return a < b;
  }

  /** Recomputes every reduction from scratch and re-checks every group: a bug here must not publish. */
  verify(): void {
    const { status, t } = this;
    for (const c of this.order) if (status[c] !== PUBLISHED) this.storeReduced(c);
    for (let g = 0; g < t.groupTotal.length; g++) {
      this.measureGroup(g);
      const ok = status[t.groupTotal[g]] !== PUBLISHED ? this.suppressedParts > 0 : this.isSafe(this.suppressedParts, this.reducedUnits, this.need, this.reducedTotal);
      if (!ok) throw new Error(`disclosure: group of ${t.keys[t.groupTotal[g]]} is unprotected after suppression (a bug)`);
    }
  }

  private primaryStatus(c: number): number {
    const { contributors, sum, max } = this.t;
    const M = this.M;
    const units = contributors[c];
    if (units === 0) return PUBLISHED;
    if (units < this.rule.minUnits) return FEW_UNITS;
    for (let m = 0; m < M; m++) if (sum[c * M + m] > 0 && max[c * M + m] > this.share * sum[c * M + m]) return DOMINANCE;
    return PUBLISHED;
  }

  /** The reduction of c as if c were suppressed, into the scratch fields. */
  private computeReduced(c: number): void {
    const { t, status, redUnits, redSum, scratchSum, scratchDeep, routeSum, routeDeep } = this;
    const M = this.M;
    let found = false;
    for (let j = t.totalOfStart[c]; j < t.totalOfStart[c + 1]; j++) {
      const g = t.totalOf[j];
      let units = 0;
      let any = false;
      routeSum.fill(0);
      routeDeep.fill(0);
      for (let k = t.partStart[g]; k < t.partStart[g + 1]; k++) {
        const q = t.partIndex[k];
        if (status[q] === PUBLISHED) continue;
        any = true;
        units += redUnits[q];
        for (let m = 0; m < M; m++) {
          routeSum[m] += redSum[q * M + m];
          if (t.max[q * M + m] > routeDeep[m]) routeDeep[m] = t.max[q * M + m];
        }
      }
      // A group with no suppressed part leaves c derivable; rule 1 will give it one.
      if (!any) continue;
      if (!found) {
        found = true;
        this.scratchUnits = units;
        scratchSum.set(routeSum);
        scratchDeep.set(routeDeep);
        continue;
      }
      if (units < this.scratchUnits) this.scratchUnits = units;
      for (let m = 0; m < M; m++) {
        if (routeSum[m] < scratchSum[m]) scratchSum[m] = routeSum[m];
        if (routeDeep[m] > scratchDeep[m]) scratchDeep[m] = routeDeep[m];
      }
    }
    if (!found) {
      this.scratchUnits = t.contributors[c];
      for (let m = 0; m < M; m++) {
        scratchSum[m] = t.sum[c * M + m];
        scratchDeep[m] = t.max[c * M + m];
      }
    }
  }

  /** Stores c's reduction; true when it changed. */
  private storeReduced(c: number): boolean {
    this.computeReduced(c);
    const M = this.M;
    let changed = this.redUnits[c] !== this.scratchUnits;
    this.redUnits[c] = this.scratchUnits;
    for (let m = 0; m < M; m++) {
      const i = c * M + m;
      if (this.redSum[i] !== this.scratchSum[m] || this.deepMax[i] !== this.scratchDeep[m]) changed = true;
      this.redSum[i] = this.scratchSum[m];
      this.deepMax[i] = this.scratchDeep[m];
    }
    return changed;
  }

  private measureGroup(g: number): void {
    const { t, status, need, reducedTotal } = this;
    const M = this.M;
    this.suppressedParts = 0;
    this.reducedUnits = 0;
    need.fill(0);
    reducedTotal.fill(0);
    for (let k = t.partStart[g]; k < t.partStart[g + 1]; k++) {
      const p = t.partIndex[k];
      if (status[p] === PUBLISHED) continue;
      this.suppressedParts++;
      this.reducedUnits += this.redUnits[p];
      for (let m = 0; m < M; m++) {
        const i = p * M + m;
        reducedTotal[m] += this.redSum[i];
        const bound = Math.max(t.max[i] - this.share * (t.sum[i] - this.redSum[i]), this.deepMax[i]);
        if (bound > need[m]) need[m] = bound;
      }
    }
  }

  private isSafe(parts: number, units: number, needs: Float64Array, reduced: Float64Array): boolean {
    if (parts === 0) return true;
    if (parts < 2 || units < this.rule.minUnits) return false;
    for (let m = 0; m < this.M; m++) if (needs[m] > this.share * reduced[m]) return false;
    return true;
  }

  /** How far a group state is from safe (0 when safe), to compare complements none of which suffices. */
  private shortfall(parts: number, units: number, needs: Float64Array, reduced: Float64Array): number {
    let s = parts < 2 ? 1 : 0;
    if (units < this.rule.minUnits) s += (this.rule.minUnits - units) / this.rule.minUnits;
    for (let m = 0; m < this.M; m++) if (needs[m] > this.share * reduced[m]) s += (needs[m] - this.share * reduced[m]) / needs[m];
    return s;
  }

  private repairGroup(g: number): void {
    const total = this.t.groupTotal[g];
    for (;;) {
      this.measureGroup(g);
      if (this.status[total] !== PUBLISHED) {
        if (this.suppressedParts > 0) return;
        const part = this.cheapestCandidate(g);
        if (part < 0) throw new Error(`disclosure: suppressed total ${this.t.keys[total]} has no part to protect it`);
        this.suppress(part);
        return;
      }
      if (this.isSafe(this.suppressedParts, this.reducedUnits, this.need, this.reducedTotal)) return;
      const part = this.bestComplement(g);
      if (part < 0) {
        this.suppress(total);
        return;
      }
      this.suppress(part);
    }
  }

  private cheapestCandidate(g: number): number {
    const t = this.t;
    let best = -1;
    for (let k = t.partStart[g]; k < t.partStart[g + 1]; k++) {
      const p = t.partIndex[k];
      if (this.isCandidate(p) && this.cheaper(p, best)) best = p;
    }
    return best;
  }

  /** The cheapest part that makes the group safe alone, else the one leaving the least shortfall. */
  private bestComplement(g: number): number {
    const { t, trialNeed, trialReduced } = this;
    const M = this.M;
    let bestSafe = -1;
    let bestOther = -1;
    let bestShortfall = Infinity;
    for (let k = t.partStart[g]; k < t.partStart[g + 1]; k++) {
      const p = t.partIndex[k];
      if (!this.isCandidate(p)) continue;
      this.computeReduced(p);
      for (let m = 0; m < M; m++) {
        const i = p * M + m;
        trialReduced[m] = this.reducedTotal[m] + this.scratchSum[m];
        trialNeed[m] = Math.max(this.need[m], t.max[i] - this.share * (t.sum[i] - this.scratchSum[m]), this.scratchDeep[m]);
      }
      const units = this.reducedUnits + this.scratchUnits;
      if (this.isSafe(this.suppressedParts + 1, units, trialNeed, trialReduced)) {
        if (this.cheaper(p, bestSafe)) bestSafe = p;
      } else if (bestSafe < 0) {
        const s = this.shortfall(this.suppressedParts + 1, units, trialNeed, trialReduced);
        if (s < bestShortfall || (s === bestShortfall && this.cheaper(p, bestOther))) {
          bestShortfall = s;
          bestOther = p;
        }
      }
    }
    return bestSafe >= 0 ? bestSafe : bestOther;
  }
}

/**
 * Groups waiting for a check, finest first (by the height of their total), each at most once;
 * within a height, first in first out.
 */
class GroupQueue {
  private readonly buckets: number[][];
  private readonly heads: number[];
  private readonly queued: Uint8Array;
  private lowest = Infinity;

  constructor(private readonly t: CellTable) {
    this.buckets = Array.from({ length: t.maxHeight + 1 }, () => []);
    this.heads = new Array<number>(t.maxHeight + 1).fill(0);
    this.queued = new Uint8Array(t.groupTotal.length);
  }

  push(g: number): void {
    if (this.queued[g]) return;
    this.queued[g] = 1;
    const h = this.t.height[this.t.groupTotal[g]];
    this.buckets[h].push(g);
    if (h < this.lowest) this.lowest = h;
  }

  pop(): number {
    while (this.lowest < this.buckets.length) {
      const h = this.lowest;
      const bucket = this.buckets[h];
      if (this.heads[h] < bucket.length) {
        const g = bucket[this.heads[h]++];
        if (this.heads[h] === bucket.length) {
          bucket.length = 0;
          this.heads[h] = 0;
        }
        this.queued[g] = 0;
        return g;
      }
      this.lowest++;
    }
    this.lowest = Infinity;
    return -1;
  }
}
