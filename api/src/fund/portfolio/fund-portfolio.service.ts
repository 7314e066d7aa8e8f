import type { EntityManager } from '@mikro-orm/postgresql';
import { Money, toMoneyObject } from '../../shared/money';
import type { SuppressionReason } from '../../observatory';
import { latestCloseDate, readPortfolioFacts, type PortfolioFamily } from './portfolio-facts';
import { portfolioTable, type PortfolioCell } from './portfolio-table';
import { FundGuaranteesIssued, FundLoansGranted, FundLoansOutstanding, FundPortfolio, FundPortfolioFigure } from './fund-portfolio.type';

/** Every area's cells for one year, per family, decided once (secondary suppression needs the whole table). */
export interface PortfolioYear {
  year: number;
  asOf: string | null;
  tables: Map<PortfolioFamily, Map<string, PortfolioCell>>;
}

export async function computePortfolioYear(em: EntityManager, year: number): Promise<PortfolioYear> {
  const [facts, asOf] = await Promise.all([readPortfolioFacts(em, year), latestCloseDate(em)]);
  const tables = new Map([...facts].map(([family, list]) => [family, portfolioTable(list)] as const));
  return { year, asOf, tables };
}

const grosze = (n: number | undefined) => toMoneyObject(Money.ofMinor(BigInt(Math.round(n ?? 0))));
const EMPTY: PortfolioCell = { areaCode: '', clients: 0, sums: {}, suppressed: false, reason: null };

/**
 * The public figures of one area. `reveal` (fund staff, analysts, administrators) shows withheld
 * figures too, still flagged; everyone else gets null in their place.
 */
export function portfolioOf(year: PortfolioYear, terytCode: string, reveal: boolean): FundPortfolio {
  const cell = (family: PortfolioFamily) => year.tables.get(family)?.get(terytCode) ?? EMPTY;
  const shown = (c: PortfolioCell) => reveal || !c.suppressed;
  /** A cell's value for this reader: null when withheld from them. */
  const value = <T>(c: PortfolioCell, v: T): T | null => (shown(c) ? v : null);
  const flags = (c: PortfolioCell) => ({ suppressed: c.suppressed, suppressionReason: (c.reason as SuppressionReason | null) ?? null });
  /** A count with an optional amount (write-offs, jobs, guarantee calls). */
  const figure = (c: PortfolioCell, count: string, withAmount: boolean) =>
    Object.assign(new FundPortfolioFigure(), { count: value(c, c.sums[count] ?? 0), amount: withAmount ? value(c, grosze(c.sums.amount)) : null, ...flags(c) });

  const g = cell('granted');
  const granted = Object.assign(new FundLoansGranted(), { loans: value(g, g.sums.loans ?? 0), borrowers: value(g, g.clients), amount: value(g, grosze(g.sums.amount)), ...flags(g) });
  const gi = cell('guarantees');
  const guarantees = Object.assign(new FundGuaranteesIssued(), { guarantees: value(gi, gi.sums.guarantees ?? 0), borrowers: value(gi, gi.clients), amount: value(gi, grosze(gi.sums.amount)), ...flags(gi) });

  let outstanding: FundLoansOutstanding | null = null;
  if (year.asOf && Number(year.asOf.slice(0, 4)) <= year.year) {
    const o = cell('outstanding');
    const principal = o.sums.principal ?? 0;
    outstanding = Object.assign(new FundLoansOutstanding(), {
      asOf: year.asOf,
      loans: value(o, o.sums.loans ?? 0),
      principal: value(o, grosze(principal)),
      par30Share: principal > 0 ? value(o, (o.sums.par30 ?? 0) / principal) : null,
      par90Share: principal > 0 ? value(o, (o.sums.par90 ?? 0) / principal) : null,
      ...flags(o),
    });
  }

  return Object.assign(new FundPortfolio(), {
    terytCode,
    year: year.year,
    granted,
    outstanding,
    writtenOff: figure(cell('writtenOff'), 'loans', true),
    jobsCreated: figure(cell('jobs'), 'jobs', false),
    guarantees,
    guaranteeCallsPaid: figure(cell('guaranteeCalls'), 'calls', true),
    citation: `Polska Kasa Wspierania Gospodarki Społecznej — statystyki portfela ${year.year}${year.asOf ? `, stan na ${year.asOf}` : ''} (Social Economy Hub).`,
  });
}
