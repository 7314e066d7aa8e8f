import type { RawCell } from './compute-cells';

export const cellKey = (c: { area_code: string; year: number; breakdown: string; category: string }): string => `${c.area_code}|${c.year}|${c.breakdown}|${c.category}`;

export interface DisclosureInput {
  cells: { key: string; contributors: number; measures: Record<string, { sum: number; max: number }> }[];
  groups: { total: string; parts: string[] }[];
  /** Residual parts: never published, so always treated as suppressed. */
  residualKeys: Set<string>;
}

/**
 * Describes one indicator's cells to the disclosure-control library: additive measures per cell
 * and the groups in which a total is the sum of its parts — each area as the sum of its child
 * areas (for every year and category), and each TOTAL as the sum of a breakdown's categories.
 *
 * `crossFamilies` adds relations across the two hierarchies that a reader also knows (a NUTS 3
 * region is the sum of its powiats; a voivodeship the sum of its NUTS 2 regions): without them the
 * library could not see differencing along those paths.
 *
 * When units sit directly on a parent area (a seat known only at powiat level, say), the parent
 * is more than the sum of its children; the difference becomes a residual part that is never
 * published, so the arithmetic an attacker could do stays exact.
 */
export function disclosureInput(cells: RawCell[], hasDenominator: boolean, crossFamilies: ReadonlyMap<string, readonly string[]> = new Map()): DisclosureInput {
  const byKey = new Map(cells.map((c) => [cellKey(c), c]));
  const measures = (c: { num_sum: number; num_max: number; den_sum: number | null; den_max: number | null }) => ({
    numerator: { sum: c.num_sum, max: c.num_max },
    ...(hasDenominator ? { denominator: { sum: c.den_sum ?? 0, max: c.den_max ?? 0 } } : {}),
  });
  const input: DisclosureInput = { cells: cells.map((c) => ({ key: cellKey(c), contributors: c.contributors, measures: measures(c) })), groups: [], residualKeys: new Set() };

  const children = new Map<string, RawCell[]>();
  for (const c of cells) {
    if (!c.parent_code) continue;
    const parentKey = cellKey({ ...c, area_code: c.parent_code });
    if (!byKey.has(parentKey)) continue;
    const list = children.get(parentKey) ?? [];
    list.push(c);
    children.set(parentKey, list);
  }
  // A parent has one child set per hierarchy it heads (the country: voivodeships and NUTS 2 regions).
  for (const [parentKey, kids] of children) {
    const parent = byKey.get(parentKey)!;
    for (const family of groupByHierarchy(kids)) {
      const parts = family.map(cellKey);
      const residual = residualOf(parent, family);
      if (residual) {
        const key = `${parentKey}|residual:${family[0].area_level}`;
        input.cells.push({ key, contributors: residual.contributors, measures: measures(residual) });
        parts.push(key);
        input.residualKeys.add(key);
      }
      input.groups.push({ total: parentKey, parts });
    }
  }
  for (const total of cells) {
    const partAreas = crossFamilies.get(total.area_code);
    if (!partAreas) continue;
    const family = partAreas.map((area) => byKey.get(cellKey({ ...total, area_code: area }))).filter((c): c is RawCell => c !== undefined);
    const totalKey = cellKey(total);
    const parts = family.map(cellKey);
    const residual = residualOf(total, family);
    if (residual) {
      const key = `${totalKey}|residual:cross`;
      input.cells.push({ key, contributors: residual.contributors, measures: measures(residual) });
      parts.push(key);
      input.residualKeys.add(key);
    }
    if (parts.length) input.groups.push({ total: totalKey, parts });
  }
  // TOTAL = Σ categories, per area and year and breakdown.
  const breakdownParts = new Map<string, string[]>();
  for (const c of cells) {
    if (c.breakdown === 'TOTAL') continue;
    const totalKey = cellKey({ ...c, breakdown: 'TOTAL', category: 'TOTAL' });
    const groupId = `${totalKey}|${c.breakdown}`;
    const list = breakdownParts.get(groupId) ?? [];
    list.push(cellKey(c));
    breakdownParts.set(groupId, list);
  }
  for (const [groupId, parts] of breakdownParts) input.groups.push({ total: groupId.slice(0, groupId.lastIndexOf('|')), parts });
  return input;
}

function groupByHierarchy(kids: RawCell[]): RawCell[][] {
  const nuts = kids.filter((k) => k.area_level.startsWith('NUTS'));
  const teryt = kids.filter((k) => !k.area_level.startsWith('NUTS'));
  return [teryt, nuts].filter((family) => family.length > 0);
}

function residualOf(parent: RawCell, family: RawCell[]): RawCell | null {
  const contributors = parent.contributors - family.reduce((s, c) => s + c.contributors, 0);
  if (contributors <= 0) return null;
  return {
    ...parent,
    contributors,
    num_sum: parent.num_sum - family.reduce((s, c) => s + c.num_sum, 0),
    num_max: parent.num_max,
    den_sum: parent.den_sum === null ? null : parent.den_sum - family.reduce((s, c) => s + (c.den_sum ?? 0), 0),
    den_max: parent.den_max,
  };
}
