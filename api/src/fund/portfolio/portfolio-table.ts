import { suppressCells, type AdditiveGroup, type CellDisclosure, type DisclosureCell, type SuppressionReason } from '../../shared/disclosure';

/**
 * One borrower's (one fund client's) contribution to one family of portfolio figures. The client
 * is the unit of disclosure control: a figure about fewer than three clients, or one in which a
 * single client holds more than 75 %, is not published, as for any other Observatory statistic.
 */
export interface PortfolioFact {
  clientId: string;
  /** The client's TERYT code: a gmina (7 digits) normally, a powiat or voivodeship when that is all that is known, PL when no area is. */
  territoryCode: string;
  /** Additive measures (counts, grosze), all ≥ 0. */
  measures: Readonly<Record<string, number>>;
}

/** The published figures of one area: sums of the measures, the number of clients, and the decision. */
export interface PortfolioCell {
  areaCode: string;
  clients: number;
  sums: Record<string, number>;
  suppressed: boolean;
  reason: SuppressionReason | null;
}

/** The chain of TERYT areas a code belongs to, from itself up to the country. */
export function areaChain(code: string): string[] {
  if (code === 'PL') return ['PL'];
  const chain = [code];
  if (code.length === 7) chain.push(code.slice(0, 4));
  if (code.length >= 4) chain.push(code.slice(0, 2));
  chain.push('PL');
  return chain;
}

/** The key of the clients of `parent` known only at the parent's level (no finer area). */
const residualOf = (parent: string) => `residual:${parent}`;

/**
 * Sums the facts over every area that holds a client, and decides for every area whether its
 * figures may be published: the primary rule, then secondary suppression across the TERYT
 * hierarchy (gminas add up to their powiat, powiats to their voivodeship, voivodeships to
 * Poland), so that no hidden figure can be recovered by subtraction. Clients located only at a
 * coarser level (down to PL: no area at all) are a never-published residual part of that level's
 * sum, as hidden to an attacker as a suppressed figure.
 */
export function portfolioTable(facts: readonly PortfolioFact[]): Map<string, PortfolioCell> {
  // cell key -> client -> that client's summed measures in the cell ("largest contribution" is per client)
  const contributions = new Map<string, Map<string, Record<string, number>>>();
  const children = new Map<string, Set<string>>();
  const residuals = new Set<string>();
  for (const fact of facts) {
    const finest = fact.territoryCode;
    // A client whose finest known area is above gmina level sits in that area's residual part; one
    // known only as in Poland (a guarantee's borrower who is not a Fund client) in the country's.
    const keys = finest.length === 7 ? areaChain(finest) : [residualOf(finest), ...areaChain(finest)];
    if (keys[0].startsWith('residual:')) residuals.add(keys[0]);
    keys.forEach((key, i) => {
      let byClient = contributions.get(key);
      if (!byClient) contributions.set(key, (byClient = new Map()));
      const mine = byClient.get(fact.clientId) ?? {};
      for (const [name, value] of Object.entries(fact.measures)) mine[name] = (mine[name] ?? 0) + value;
      byClient.set(fact.clientId, mine);
      if (i + 1 < keys.length) {
        if (!children.has(keys[i + 1])) children.set(keys[i + 1], new Set());
        children.get(keys[i + 1])!.add(key);
      }
    });
  }
  const sumsOf = (byClient: Map<string, Record<string, number>>) => {
    const sums: Record<string, { sum: number; max: number }> = {};
    for (const mine of byClient.values()) {
      for (const [name, value] of Object.entries(mine)) {
        const m = (sums[name] ??= { sum: 0, max: 0 });
        m.sum += value;
        m.max = Math.max(m.max, value);
      }
    }
    return sums;
  };
  const measured = new Map([...contributions].map(([key, byClient]) => [key, { clients: byClient.size, measures: sumsOf(byClient) }]));
  const cells: DisclosureCell[] = [...measured].map(([key, cell]) => ({ key, contributors: cell.clients, measures: cell.measures }));
  const groups: AdditiveGroup[] = [...children].map(([total, parts]) => ({ total, parts: [...parts] }));
  const decisions: Map<string, CellDisclosure> = cells.length ? suppressCells({ cells, groups, residualKeys: residuals }) : new Map();
  const result = new Map<string, PortfolioCell>();
  for (const [key, cell] of measured) {
    if (residuals.has(key)) continue;
    const decision = decisions.get(key) ?? { suppressed: false, reason: null };
    const sums = Object.fromEntries(Object.entries(cell.measures).map(([name, m]) => [name, m.sum]));
    result.set(key, { areaCode: key, clients: cell.clients, sums, suppressed: decision.suppressed, reason: decision.reason });
  }
  return result;
}
