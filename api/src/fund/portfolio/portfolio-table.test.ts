import { areaChain, portfolioTable, type PortfolioFact } from './portfolio-table';

const fact = (clientId: string, territoryCode: string, amount: number): PortfolioFact => ({ clientId, territoryCode, measures: { loans: 1, amount } });

describe('portfolio table under disclosure control', () => {
  it('places a gmina in its powiat, voivodeship and the country', () => {
    expect(areaChain('1465011')).toEqual(['1465011', '1465', '14', 'PL']);
    expect(areaChain('1465')).toEqual(['1465', '14', 'PL']);
  });

  it('sums clients up the hierarchy and hides an area with fewer than three borrowers', () => {
    const table = portfolioTable([
      fact('a', '1465011', 100), fact('b', '1465011', 100), fact('c', '1465011', 100), // Warszawa: 3 borrowers
      fact('d', '1201011', 50), // one borrower in a Małopolska gmina
      fact('e', '1201011', 60),
      fact('f', '1261011', 70), fact('g', '1261011', 80), fact('h', '1261011', 90),
    ]);
    expect(table.get('1465011')).toMatchObject({ clients: 3, sums: { loans: 3, amount: 300 }, suppressed: false });
    expect(table.get('1201011')).toMatchObject({ clients: 2, suppressed: true, reason: 'FEW_UNITS' });
    expect(table.get('PL')).toMatchObject({ clients: 8, sums: { loans: 8, amount: 650 }, suppressed: false });
    // 1201 (two borrowers) is hidden, and its voivodeship 12 = 1201 + 1261 would give it away
    // by subtraction unless a second cell is hidden too.
    const twelve = table.get('12')!;
    const sixtyOne = table.get('1261')!;
    expect(table.get('1201')!.suppressed).toBe(true);
    expect(twelve.suppressed || sixtyOne.suppressed).toBe(true);
  });

  it('hides an area in which one borrower holds more than 75 % of the amount', () => {
    const table = portfolioTable([fact('a', '0201011', 1000), fact('b', '0201011', 10), fact('c', '0201011', 10), fact('d', '0201011', 10)]);
    expect(table.get('0201011')).toMatchObject({ suppressed: true, reason: 'DOMINANCE' });
  });

  it('counts a borrower with two loans once, and its loans together for dominance', () => {
    const table = portfolioTable([fact('a', '0201011', 40), fact('a', '0201011', 40), fact('b', '0201011', 10), fact('c', '0201011', 10)]);
    expect(table.get('0201011')).toMatchObject({ clients: 3, sums: { loans: 4, amount: 100 }, suppressed: true, reason: 'DOMINANCE' });
  });

  it('keeps a borrower known only by powiat in the powiat, never as a published gmina', () => {
    const table = portfolioTable([fact('a', '0201', 10), fact('b', '0201011', 10), fact('c', '0201011', 10), fact('d', '0201011', 10)]);
    expect(table.get('0201')).toMatchObject({ clients: 4, sums: { loans: 4, amount: 40 } });
    expect([...table.keys()].some((k) => k.startsWith('residual'))).toBe(false);
  });

  it('counts a borrower with no known area in Poland only, and hides a voivodeship so that it cannot be worked out', () => {
    const table = portfolioTable([
      fact('a', '0201011', 10), fact('b', '0201011', 10), fact('c', '0201011', 10),
      fact('d', '1261011', 10), fact('e', '1261011', 10), fact('f', '1261011', 10),
      fact('name:spółdzielnia x', 'PL', 10), // a partner's borrower known only by name
    ]);
    expect(table.get('PL')).toMatchObject({ clients: 7, sums: { loans: 7, amount: 70 }, suppressed: false });
    // PL − 02 − 12 would be that one borrower: one of the voivodeships is withheld as well.
    expect([table.get('02')!, table.get('12')!].some((c) => c.suppressed && c.reason === 'SECONDARY')).toBe(true);
    expect([...table.keys()].some((k) => k.startsWith('residual'))).toBe(false);
  });
});
