import { performance } from 'node:perf_hooks';
import { emptySuppressionStats, suppressCells } from '../suppress-cells';
import { syntheticCountryTable } from './synthetic-country';

/*
 * Disclosure control on a table the size of one real indicator (~500,000 cells). Run from the
 * repository root:
 *   node -e "require('./tests/setup/load-ts.cjs').requireTs(require('path').resolve('api/src/shared/disclosure/bench/suppress-cells.bench.ts'))"
 * Prints the time against a reference measured in the same run: one pass that reads every cell
 * into a Map and adds up every group (the least any disclosure control over this table must do).
 * BENCH_VOIVODESHIP_NUTS=0 leaves out the groups "voivodeship = Σ its NUTS-2 regions".
 */
const t0 = performance.now();
const table = syntheticCountryTable({ voivodeshipNuts: process.env.BENCH_VOIVODESHIP_NUTS !== '0' });
const built = performance.now() - t0;

const r0 = performance.now();
const byKey = new Map(table.cells.map((c) => [c.key, c]));
let checksum = 0;
for (const g of table.groups) for (const p of g.parts) checksum += byKey.get(p)!.contributors - byKey.get(g.total)!.contributors / g.parts.length;
const reference = performance.now() - r0;

const stats = emptySuppressionStats();
const s0 = performance.now();
const decisions = suppressCells(table, { stats });
const elapsed = performance.now() - s0;

const reasons = new Map<string, number>();
for (const d of decisions.values()) reasons.set(d.reason ?? 'published', (reasons.get(d.reason ?? 'published') ?? 0) + 1);
const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(`cells ${table.cells.length}, groups ${table.groups.length} (synthetic table built in ${ms(built)}; checksum ${Math.round(checksum)})`);
console.log(`reference pass ${ms(reference)}; suppressCells ${ms(elapsed)} = ${(elapsed / reference).toFixed(1)} × reference`);
console.log(`  indexing ${ms(stats.ms.index)}, group rules ${ms(stats.ms.groups)}, linear audit ${ms(stats.ms.audit)} (rounds finding ${stats.auditRounds.join(' → ')} determined cells)`);
console.log(`  secondary: ${stats.secondaryForGroups} for the group rules, ${stats.secondaryForAudit} for the audit`, Object.fromEntries(reasons));
