import { performance } from 'node:perf_hooks';
import { suppressCells } from '../suppress-cells';
import { syntheticCountryTable } from './synthetic-country';

/*
 * Disclosure control on a table the size of one real indicator (~500,000 cells). Run:
 *   node -e "require('./tests/setup/load-ts.cjs').requireTs(require('path').resolve('api/src/shared/disclosure/bench/suppress-cells.bench.ts'))"
 * Prints the time against a reference measured in the same run: one pass that reads every cell
 * into a Map and adds up every group (the least any disclosure control over this table must do).
 */
const t0 = performance.now();
const table = syntheticCountryTable();
const built = performance.now() - t0;

const r0 = performance.now();
const byKey = new Map(table.cells.map((c) => [c.key, c]));
let checksum = 0;
for (const g of table.groups) for (const p of g.parts) checksum += byKey.get(p)!.contributors - byKey.get(g.total)!.contributors / g.parts.length;
const reference = performance.now() - r0;

const s0 = performance.now();
const decisions = suppressCells(table);
const elapsed = performance.now() - s0;

const reasons = new Map<string, number>();
for (const d of decisions.values()) reasons.set(d.reason ?? 'published', (reasons.get(d.reason ?? 'published') ?? 0) + 1);
console.log(`cells ${table.cells.length}, groups ${table.groups.length} (built in ${built.toFixed(0)} ms; checksum ${Math.round(checksum)})`);
console.log(`reference pass ${reference.toFixed(0)} ms; suppressCells ${elapsed.toFixed(0)} ms = ${(elapsed / reference).toFixed(1)} × reference`);
console.log(Object.fromEntries(reasons));
