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
  const flags = (c: PortfolioCell) => ({ suppressed: c.suppressed, suppressionReason: (c.reason as SuppressionReason | null) ?? null });

  const g = cell('granted');
  const granted = Object.assign(new FundLoansGranted(), {
    loans: shown(g) ? g.sums.loans ?? 0 : null,
    borrowers: shown(g) ? g.clients : null,
    amount: shown(g) ? grosze(g.sums.amount) : null,
    ...flags(g),
  });

  let outstanding: FundLoansOutstanding | null = null;
  if (year.asOf && Number(year.asOf.slice(0, 4)) <= year.year) {
    const o = cell('outstanding');
    const principal = o.sums.principal ?? 0;
    outstanding = Object.assign(new FundLoansOutstanding(), {
      asOf: year.asOf,
      loans: shown(o) ? o.sums.loans ?? 0 : null,
      principal: shown(o) ? grosze(principal) : null,
      par30Share: shown(o) && principal > 0 ? (o.sums.par30 ?? 0) / principal : null,
      par90Share: shown(o) && principal > 0 ? (o.sums.par90 ?? 0) / principal : null,
      ...flags(o),
    });
  }

  const w = cell('writtenOff');
  const j = cell('jobs');
  const gi = cell('guarantees');
  const gc = cell('guaranteeCalls');
  const guarantees = Object.assign(new FundGuaranteesIssued(), {
    guarantees: shown(gi) ? gi.sums.guarantees ?? 0 : null,
    borrowers: shown(gi) ? gi.clients : null,
    amount: shown(gi) ? grosze(gi.sums.amount) : null,
    ...flags(gi),
  });
  return Object.assign(new FundPortfolio(), {
    terytCode,
    year: year.year,
    granted,
    outstanding,
    writtenOff: Object.assign(new FundPortfolioFigure(), { count: shown(w) ? w.sums.loans ?? 0 : null, amount: shown(w) ? grosze(w.sums.amount) : null, ...flags(w) }),
    jobsCreated: Object.assign(new FundPortfolioFigure(), { count: shown(j) ? j.sums.jobs ?? 0 : null, amount: null, ...flags(j) }),
    guarantees,
    guaranteeCallsPaid: Object.assign(new FundPortfolioFigure(), { count: shown(gc) ? gc.sums.calls ?? 0 : null, amount: shown(gc) ? grosze(gc.sums.amount) : null, ...flags(gc) }),
    citation: `Polska Kasa Wspierania Gospodarki Społecznej — statystyki portfela ${year.year}${year.asOf ? `, stan na ${year.asOf}` : ''} (Social Economy Hub).`,
  });
}
