import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { StaffUserService, StaffRole, type StaffPrincipal } from '../../api/src/access';
import { LegalForm, SocialEconomyEntity } from '../../api/src/observatory';
import { addTerritorialUnits } from '../support/territory-fixture';
import { importTerritory } from '../../api/src/territory';
import { FundClientService } from '../../api/src/fund/clients';
import { GuaranteeError, GuaranteeErrorCode, GuaranteeService, type GuaranteeRecord } from '../../api/src/fund/guarantees';
import { areaChain, computePortfolioYear, portfolioOf, readEntityFunding, type PortfolioYear } from '../../api/src/fund/portfolio';

const PLN = (zl: number) => BigInt(zl) * 100n;
const YEAR = 2027;

/**
 * Guarantees in the Fund's public statistics: placed by their borrower (a Fund client), counted by
 * hand against `fundPortfolio`, withheld with the loans' disclosure control, and in the entity's
 * funding summary with the amount for fund roles only.
 */
describe('guarantees in the public portfolio statistics', () => {
  let db: TestDatabase;
  let officer: StaffPrincipal;
  let productId: string;
  let partnerId: string;
  /** Entity id and Fund client id of each borrower, by label. */
  const borrowers = new Map<string, { entityId: string; clientId: string; seat: string }>();
  /** The guarantees that count in YEAR, as the test made them: the hand count's input. */
  const counted: { unit: string; area: string | null; exposure: bigint }[] = [];
  let calledGuarantee: GuaranteeRecord;
  let year: PortfolioYear;

  const em = (): EntityManager => db.orm.em.fork();
  const tx = <T>(work: (s: GuaranteeService) => Promise<T>) => em().transactional((e) => work(new GuaranteeService(e as EntityManager)));

  // Warszawa: 4 borrowers (published); Kraków city: 3 (published by the primary rule alone); Skawina: 1;
  // a gmina in dolnośląskie: 2. Małopolska = Skawina's powiat + Kraków, so hiding Skawina alone would not do.
  const SEATS: [string, string][] = [
    ['A', '1465011'], ['B', '1465011'], ['C', '1465011'], ['D', '1465011'],
    ['E', '1261011'], ['F', '1261011'], ['G', '1261011'],
    ['H', '1206011'],
    ['I', '0201011'], ['J', '0201011'],
  ];

  const issue = (label: string | null, principalZl: number, issuedOn: string, borrowerName?: string) =>
    tx((s) =>
      s.issue({
        productId,
        partnerLenderId: partnerId,
        borrowerClientId: label ? borrowers.get(label)!.clientId : null,
        borrowerName: borrowerName ?? null,
        partnerLoanReference: randomUUID(),
        loanPrincipalMinor: PLN(principalZl),
        termMonths: 36,
        issuedOn,
      }),
    );

  beforeAll(async () => {
    db = await createTestDatabase('fund_portfolio_guarantees');
    await importTerritory(em());
    const e = em();
    await addTerritorialUnits(e, [
      ['1465', 'Warszawa', '14'], ['1465011', 'Warszawa', '1465'],
      ['1261', 'Kraków', '12'], ['1261011', 'Kraków', '1261'],
      ['1206', 'krakowski', '12'], ['1206011', 'Skawina', '1206'],
      ['0201', 'bolesławiecki', '02'], ['0201011', 'Bolesławiec', '0201'],
    ]);
    const entities = SEATS.map(([label, seat]) => ({ label, seat, entity: e.create(SocialEconomyEntity, { id: randomUUID(), name: `Spółdzielnia Socjalna „${label}”`, legalForm: LegalForm.SOCIAL_COOPERATIVE, seat } as never) }));
    await e.flush();
    const user = await new StaffUserService(em()).create({ email: 'kasa@portfel.test', displayName: 'kasa', password: 'kasa-pożyczkowa-2026', roles: [StaffRole.FUND_OFFICER] });
    officer = { id: user.id, email: user.email, roles: [StaffRole.FUND_OFFICER] };
    for (const { label, seat, entity } of entities) {
      const client = await new FundClientService(em()).registerEntity(entity.id, officer);
      borrowers.set(label, { entityId: entity.id, clientId: client.id, seat });
    }
    ({ productId, partnerId } = await tx(async (s) => {
      const fund = await s.createFund({ name: 'Fundusz poręczeniowy', capitalMinor: PLN(10_000_000), multiplierBp: 50_000, businessDate: '2026-01-02' });
      const product = await s.createProduct({ fundId: fund.id, name: 'Poręczenie 80 %', coverageBp: 8_000, capMinor: PLN(500_000), feeBp: 50, maxTermMonths: 84 });
      const partner = await s.createPartner({ name: 'Bank Spółdzielczy w Przykładowie', nip: '5260250995' });
      return { productId: product.id, partnerId: partner.id };
    }));

    // One guarantee per borrower in YEAR, 100 000 – 190 000 zł (80 % covered), none dominating.
    for (const [i, [label, seat]] of SEATS.entries()) {
      const g = await issue(label, 100_000 + i * 10_000, `${YEAR}-03-${String(1 + i).padStart(2, '0')}`);
      counted.push({ unit: borrowers.get(label)!.clientId, area: seat, exposure: g.exposureMinor });
      if (label === 'A') calledGuarantee = g;
    }
    // A second guarantee of borrower A: A still counts as one borrower.
    const second = await issue('A', 50_000, `${YEAR}-06-01`);
    counted.push({ unit: borrowers.get('A')!.clientId, area: '1465011', exposure: second.exposureMinor });
    // A borrower of the bank who is not the Fund's client: Poland's total only.
    const byName = await issue(null, 120_000, `${YEAR}-04-01`, 'Fundacja „Poza Kasą”');
    counted.push({ unit: 'name', area: null, exposure: byName.exposureMinor });
    // Not counted in YEAR: a guarantee of the year before, and one issued by mistake and cancelled.
    await issue('B', 300_000, `${YEAR - 1}-11-02`);
    const mistaken = await issue('E', 200_000, `${YEAR}-05-02`);
    await tx(async (s) => s.reverseEvent((await s.events([mistaken.id]))[0].id, `${YEAR}-05-03`, 'wystawione omyłkowo'));
    // A's first guarantee follows the bank's balance down and is called and paid: the figures keep its exposure at issue.
    await tx((s) => s.reportExposure(calledGuarantee.id, `${YEAR}-09-01`, PLN(60_000)));
    await tx((s) => s.call(calledGuarantee.id, `${YEAR}-10-01`, PLN(40_000)));
    await tx((s) => s.payout(calledGuarantee.id, `${YEAR}-10-15`));

    year = await computePortfolioYear(em(), YEAR);
  }, 120_000);

  afterAll(async () => db?.drop());

  /** Guarantees counted by hand in an area: everything whose borrower's seat lies in it (PL: everything). */
  const handCount = (area: string) => {
    const inside = counted.filter((g) => area === 'PL' || (g.area !== null && g.area.startsWith(area)));
    return { guarantees: inside.length, borrowers: new Set(inside.map((g) => g.unit)).size, amount: inside.reduce((s, g) => s + g.exposure, 0n) };
  };
  const zl = (minor: bigint) => (Number(minor) / 100).toFixed(2);
  const AREAS = ['PL', '14', '1465', '1465011', '12', '1261', '1261011', '1206', '1206011', '02', '0201', '0201011'];

  it('counts in every area the guarantees issued in the year to borrowers there, at their exposure at issue', () => {
    expect(handCount('PL')).toEqual({ guarantees: 12, borrowers: 11, amount: counted.reduce((s, g) => s + g.exposure, 0n) });
    for (const area of AREAS) {
      const expected = handCount(area);
      const revealed = portfolioOf(year, area, true).guarantees;
      expect({ area, guarantees: revealed.guarantees, borrowers: revealed.borrowers, amount: revealed.amount?.amount }).toEqual({ area, ...expected, amount: zl(expected.amount) });
      const published = portfolioOf(year, area, false).guarantees;
      if (!published.suppressed) expect({ area, guarantees: published.guarantees, amount: published.amount?.amount }).toEqual({ area, guarantees: expected.guarantees, amount: zl(expected.amount) });
    }
    // Warszawa's four borrowers (five guarantees, none dominating) are published, and so is Poland.
    expect(portfolioOf(year, '1465011', false).guarantees).toMatchObject({ guarantees: 5, borrowers: 4, suppressed: false, suppressionReason: null });
    expect(portfolioOf(year, 'PL', false).guarantees).toMatchObject({ guarantees: 12, borrowers: 11, suppressed: false });
    // The borrower known only by name is in Poland's total and in no voivodeship.
    const voivodeships = ['02', '12', '14'].map((v) => portfolioOf(year, v, true).guarantees.guarantees!);
    expect(voivodeships.reduce((s, n) => s + n, 0)).toBe(11);
  });

  it('withholds an area with one or two guarantee borrowers, with its reason and never a zero', () => {
    for (const area of ['1206011', '1206', '0201011', '0201', '02']) {
      const g = portfolioOf(year, area, false).guarantees;
      expect({ area, ...g }).toEqual({ area, guarantees: null, borrowers: null, amount: null, suppressed: true, suppressionReason: 'FEW_UNITS' });
    }
    // Fund roles see the figure, still flagged.
    expect(portfolioOf(year, '1206011', true).guarantees).toMatchObject({ guarantees: 1, borrowers: 1, suppressed: true, suppressionReason: 'FEW_UNITS' });
  });

  it('withholds more figures so that no withheld one can be worked out by subtraction from its parent', () => {
    // Małopolska (12) = krakowski (1206, Skawina's one borrower) + Kraków (1261): with 12 and 1261 both
    // published, 12 − 1261 would give Skawina's borrower away.
    const twelve = portfolioOf(year, '12', false).guarantees;
    const krakow = portfolioOf(year, '1261', false).guarantees;
    expect(twelve.suppressed || krakow.suppressed).toBe(true);
    expect([twelve, krakow].find((g) => g.suppressed)!.suppressionReason).toBe('SECONDARY');
    // Everywhere: a parent and its parts never have exactly one withheld figure among them (counting
    // Poland's never-published part, the borrowers known only by name, as withheld).
    const table = year.tables.get('guarantees')!;
    const parents = new Map<string, string[]>();
    for (const code of table.keys()) if (code !== 'PL') (parents.get(areaChain(code)[1]) ?? parents.set(areaChain(code)[1], []).get(areaChain(code)[1])!).push(code);
    for (const [parent, parts] of parents) {
      const withheld = [parent, ...parts].filter((code) => portfolioOf(year, code, false).guarantees.suppressed).length + (parent === 'PL' ? 1 : 0);
      expect({ parent, parts, withheld: withheld === 1 ? 'exactly one: recoverable' : 'protected' }).toEqual({ parent, parts, withheld: 'protected' });
    }
  });

  it('publishes guarantee calls paid in the year under the same rule', () => {
    expect(portfolioOf(year, 'PL', false).guaranteeCallsPaid).toEqual(expect.objectContaining({ count: null, amount: null, suppressed: true, suppressionReason: 'FEW_UNITS' }));
    expect(portfolioOf(year, 'PL', true).guaranteeCallsPaid).toMatchObject({ count: 1, amount: { amount: '40000.00' }, suppressed: true });
    expect(portfolioOf(year, '1465011', true).guaranteeCallsPaid).toMatchObject({ count: 1 });
    expect(portfolioOf(year, '12', true).guaranteeCallsPaid).toMatchObject({ count: 0, suppressed: false });
  });

  it('shows an entity’s guarantees to everyone and the amount guaranteed to fund roles only', async () => {
    const a = borrowers.get('A')!;
    const e = borrowers.get('E')!;
    const [publicA, publicE] = await readEntityFunding(em(), [a.entityId, e.entityId], false);
    // A: two guarantees this year; E: one, its cancelled one left out.
    expect(publicA).toMatchObject({ guarantees: 2, amountGuaranteed: null, confidential: true });
    expect(publicE).toMatchObject({ guarantees: 1, amountGuaranteed: null });
    const [staffA] = await readEntityFunding(em(), [a.entityId], true);
    const expected = counted.filter((g) => g.unit === a.clientId).reduce((s, g) => s + g.exposure, 0n);
    expect(staffA).toMatchObject({ guarantees: 2, amountGuaranteed: { amount: zl(expected), currency: 'PLN' }, confidential: false });
    const [staffB] = await readEntityFunding(em(), [borrowers.get('B')!.entityId], true);
    expect(staffB).toMatchObject({ guarantees: 2, amountGuaranteed: { amount: zl(counted.find((g) => g.unit === borrowers.get('B')!.clientId)!.exposure + PLN(240_000)) } });
  });

  it('refuses a guarantee whose borrower client does not exist, with a typed error', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const error = await tx((s) =>
        s.issue({ productId, partnerLenderId: partnerId, borrowerClientId: id, partnerLoanReference: randomUUID(), loanPrincipalMinor: PLN(10_000), termMonths: 12, issuedOn: `${YEAR}-07-01` }),
      ).then(() => null, (err: unknown) => err);
      expect(error).toBeInstanceOf(GuaranteeError);
      expect(error).toMatchObject({ code: GuaranteeErrorCode.BORROWER_CLIENT_NOT_FOUND, field: ['borrowerClientId'] });
      expect((error as GuaranteeError).messages.pl).toMatch(/^Nie ma klienta Kasy /);
      expect((error as GuaranteeError).messages.en).toMatch(/^There is no Fund client /);
    }
    // Nothing was issued, and a borrower client with no name given lends the guarantee its name.
    const [{ n }] = await em().execute<{ n: number }[]>(`select count(*)::int as n from fund_guarantee where issued_on = ?`, [`${YEAR}-07-01`]);
    expect(n).toBe(0);
    const named = await issue('C', 10_000, `${YEAR}-07-02`);
    expect(named).toMatchObject({ borrowerClientId: borrowers.get('C')!.clientId, borrowerName: 'Spółdzielnia Socjalna „C”' });
  });
});
