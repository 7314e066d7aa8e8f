import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { StaffRole, StaffUserService, type StaffPrincipal } from '../../api/src/access';
import { LegalForm, SocialEconomyEntity } from '../../api/src/observatory';
import { addTerritorialUnits } from '../support/territory-fixture';
import { importTerritory } from '../../api/src/territory';
import { DomainError } from '../../api/src/shared/errors';
import { Locale } from '../../api/src/shared/i18n';
import { FundClientErrorCode, FundClientKind, FundClientService } from '../../api/src/fund/clients';
import { AdvisoryErrorCode, AdvisoryKind, AdvisoryOutcomeKind, AdvisoryService, AdvisorySessionMode } from '../../api/src/fund/advisory';
import { CommitteeMajority, DEMO_PRODUCT, LoanProduct, LoanProductErrorCode, LoanProductService, RepaymentComponent, type LoanProductDefinition } from '../../api/src/fund/products';
import {
  CommitteeVoteChoice,
  LoanApplicationErrorCode as E,
  LoanApplicationService,
  LoanApplicationState,
  LoanContract,
  ScoringCriterion,
  defaultLoanOpener,
  originate,
} from '../../api/src/fund/applications';
import { Loan } from '../../api/src/fund/loans';

const { FOR, AGAINST, ABSTAIN } = CommitteeVoteChoice;

/**
 * Signing opens the loan through fund/loans, whose tables come from its own migration. Until that
 * migration is listed in migrations/index.ts, apply it here so the integration is exercised anyway.
 */
async function ensureLoanTables(db: TestDatabase): Promise<void> {
  const [{ t }] = await db.orm.em.fork().execute<{ t: string | null }[]>(`select to_regclass('loan')::text as t`);
  if (t) return;
  const { Migration20261127142000_fund_loans } = await import('../../migrations/Migration20261127142000_fund_loans');
  const migration = new Migration20261127142000_fund_loans(db.orm.em.getDriver(), db.orm.config);
  await migration.up();
  for (const sql of migration.getQueries()) await db.orm.em.getConnection().execute(sql as string);
}

describe('fund origination in PostgreSQL', () => {
  let db: TestDatabase;
  let officer: StaffPrincipal;
  let advisor: StaffPrincipal;
  let advisor2: StaffPrincipal;
  let members: StaffPrincipal[];
  let admin: StaffPrincipal;
  let analyst: StaffPrincipal;
  let product: LoanProduct;
  let entityIds: string[];

  const em = (): EntityManager => db.orm.em.fork();
  const clients = (locale = Locale.pl) => new FundClientService(em(), locale);
  const advisory = (locale = Locale.pl) => new AdvisoryService(em(), locale);
  const applications = (locale = Locale.pl) => new LoanApplicationService(em(), locale, defaultLoanOpener(locale));

  async function failure(promise: Promise<unknown>): Promise<DomainError> {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  async function staff(email: string, roles: StaffRole[]): Promise<StaffPrincipal> {
    const user = await new StaffUserService(em()).create({ email, displayName: email.split('@')[0], password: 'kasa-pożyczkowa-2026', roles });
    return { id: user.id, email: user.email, roles };
  }

  beforeAll(async () => {
    db = await createTestDatabase('fund_origination');
    await importTerritory(em());
    // Below the built-in voivodeships: a powiat and a gmina in małopolskie (12), a powiat in mazowieckie (14).
    const e = em();
    await addTerritorialUnits(e, [['1206', 'krakowski', '12'], ['1206011', 'Skawina', '1206'], ['1207', 'limanowski', '12'], ['1432', 'warszawski zachodni', '14']]);
    entityIds = [];
    for (const [name, seat] of [['Spółdzielnia Socjalna „Skawa”', '1206011'], ['Fundacja Limanowa', '1207'], ['Stowarzyszenie Mazowsze', '1432'], ['Spółdzielnia Socjalna „Nowa”', '1206011']] as const) {
      const entity = e.create(SocialEconomyEntity, { id: randomUUID(), name, legalForm: LegalForm.SOCIAL_COOPERATIVE, seat } as never);
      entityIds.push(entity.id);
    }
    await e.flush();
    officer = await staff('officer@kasa.test', [StaffRole.FUND_OFFICER]);
    advisor = await staff('doradca@kasa.test', [StaffRole.ADVISOR]);
    advisor2 = await staff('doradczyni@kasa.test', [StaffRole.ADVISOR]);
    members = await Promise.all([1, 2, 3, 4].map((i) => staff(`komitet${i}@kasa.test`, [StaffRole.COMMITTEE_MEMBER])));
    admin = await staff('admin@kasa.test', [StaffRole.ADMIN]);
    analyst = await staff('analityk@kasa.test', [StaffRole.ANALYST]);
    product = await new LoanProductService(em()).ensureDemoProduct();
    await ensureLoanTables(db);
  }, 120_000);

  afterAll(async () => db?.drop());

  describe('clients', () => {
    it('registers a registry entity, taking its seat as territory, and only once', async () => {
      const client = await clients().registerEntity(entityIds[0], officer);
      expect(client).toMatchObject({ kind: FundClientKind.ENTITY, name: 'Spółdzielnia Socjalna „Skawa”' });
      expect(client.territory.terytCode).toBe('1206011');
      expect((await failure(clients().registerEntity(entityIds[0], advisor))).code).toBe(FundClientErrorCode.ALREADY_CLIENT);
      expect((await failure(clients().registerEntity(randomUUID(), advisor))).code).toBe(FundClientErrorCode.ENTITY_NOT_FOUND);
    });

    it('registers a founding group with its members and intended legal form', async () => {
      const group = await clients().registerFoundingGroup(
        { name: 'Grupa „Zielony Rynek”', intendedLegalForm: LegalForm.SOCIAL_COOPERATIVE, terytCode: '1207', members: [{ fullName: ' Anna Nowak ', roleInGroup: 'liderka', email: 'Anna@Example.org' }, { fullName: 'Jan Kowal', roleInGroup: 'członek' }] },
        advisor,
      );
      const stored = await em().findOneOrFail('FundClient', { id: group.id }, { populate: ['members'] as never });
      expect((stored as any).members.getItems().map((m: any) => [m.position, m.fullName, m.email])).toEqual([
        [1, 'Anna Nowak', 'anna@example.org'],
        [2, 'Jan Kowal', null],
      ]);
      expect(group.intendedLegalForm).toBe(LegalForm.SOCIAL_COOPERATIVE);
      // Personal data never reaches a log line through JSON.
      expect(JSON.stringify((stored as any).members.getItems())).not.toContain('Anna');
    });

    it('refuses founding groups without members, with a bad email or an unknown territory, in the request language', async () => {
      const base = { name: 'Grupa', intendedLegalForm: LegalForm.ASSOCIATION, terytCode: '12', members: [{ fullName: 'A B', roleInGroup: 'lider' }] };
      expect((await failure(clients().registerFoundingGroup({ ...base, members: [] }, advisor))).code).toBe(FundClientErrorCode.MEMBERS_REQUIRED);
      const email = await failure(clients(Locale.en).registerFoundingGroup({ ...base, members: [{ fullName: 'A B', roleInGroup: 'x', email: 'not-an-email' }] }, advisor));
      expect(email).toMatchObject({ code: FundClientErrorCode.INVALID_EMAIL, field: ['input', 'members', '0', 'email'], message: 'This is not a valid email address.' });
      expect((await failure(clients().registerFoundingGroup({ ...base, terytCode: '9999' }, advisor))).message).toBe('Nie ma jednostki terytorialnej o kodzie 9999.');
      expect((await failure(clients().registerFoundingGroup({ ...base, terytCode: '12x' }, advisor))).code).toBe(FundClientErrorCode.INVALID_TERYT_CODE);
      expect((await failure(clients().registerFoundingGroup({ ...base, members: [{ fullName: ' ', roleInGroup: 'x' }] }, advisor))).code).toBe(FundClientErrorCode.MEMBER_NAME_REQUIRED);
    });
  });

  describe('advisory', () => {
    let skawa: string; // client in gmina 1206011 (powiat 1206, voivodeship 12)
    let limanowa: string; // client in powiat 1207
    let mazowsze: string; // client in powiat 1432 (voivodeship 14)

    beforeAll(async () => {
      skawa = (await em().findOneOrFail('FundClient', { entity: entityIds[0] }) as any).id;
      limanowa = (await clients().registerEntity(entityIds[1], officer)).id;
      mazowsze = (await clients().registerEntity(entityIds[2], officer)).id;
    });

    it('opens a case for the advisor who asks, and refuses non-advisors, colleagues and empty topics', async () => {
      const c = await advisory().openCase({ clientId: skawa, kind: AdvisoryKind.LEGAL, topics: [' statut spółdzielni ', 'statut spółdzielni', 'umowy'], openedOn: '2026-02-02' }, advisor);
      expect(c.topics).toEqual(['statut spółdzielni', 'umowy']);
      expect(c.advisor.id).toBe(advisor.id);
      expect((await failure(advisory().openCase({ clientId: skawa, kind: AdvisoryKind.LEGAL, topics: ['x'], openedOn: '2026-02-02', advisorId: officer.id }, officer))).code).toBe(AdvisoryErrorCode.NOT_AN_ADVISOR);
      expect((await failure(advisory().openCase({ clientId: skawa, kind: AdvisoryKind.LEGAL, topics: ['x'], openedOn: '2026-02-02', advisorId: advisor2.id }, advisor))).code).toBe(AdvisoryErrorCode.NOT_CASE_ADVISOR);
      expect((await failure(advisory().openCase({ clientId: skawa, kind: AdvisoryKind.LEGAL, topics: [' '], openedOn: '2026-02-02' }, advisor))).code).toBe(AdvisoryErrorCode.TOPICS_REQUIRED);
      expect((await failure(advisory().openCase({ clientId: randomUUID(), kind: AdvisoryKind.LEGAL, topics: ['x'], openedOn: '2026-02-02' }, advisor))).code).toBe(AdvisoryErrorCode.CLIENT_NOT_FOUND);
      // A fund officer assigns any advisor.
      const assigned = await advisory().openCase({ clientId: mazowsze, kind: AdvisoryKind.ECONOMIC, topics: ['biznesplan'], openedOn: '2026-03-01', advisorId: advisor2.id }, officer);
      expect(assigned.advisor.id).toBe(advisor2.id);
    });

    it('records sessions in quarter-hours, only by the case advisor or a fund officer, not before the case opened', async () => {
      const c = await advisory().openCase({ clientId: limanowa, kind: AdvisoryKind.ECONOMIC, topics: ['biznesplan'], openedOn: '2026-02-10' }, advisor);
      const s = await advisory().recordSession({ caseId: c.id, heldOn: '2026-02-11', hours: '1.75', mode: AdvisorySessionMode.ONLINE }, advisor);
      expect([s.minutes, s.hours]).toEqual([105, '1.75']);
      await advisory().recordSession({ caseId: c.id, heldOn: '2026-02-12', hours: '2', mode: AdvisorySessionMode.IN_PERSON }, officer);
      expect((await failure(advisory().recordSession({ caseId: c.id, heldOn: '2026-02-12', hours: '1.3', mode: AdvisorySessionMode.PHONE }, advisor))).code).toBe(AdvisoryErrorCode.HOURS_INVALID);
      expect((await failure(advisory().recordSession({ caseId: c.id, heldOn: '2026-02-12', hours: '0', mode: AdvisorySessionMode.PHONE }, advisor))).code).toBe(AdvisoryErrorCode.HOURS_INVALID);
      expect((await failure(advisory().recordSession({ caseId: c.id, heldOn: '2026-02-09', hours: '1', mode: AdvisorySessionMode.PHONE }, advisor))).code).toBe(AdvisoryErrorCode.DATE_BEFORE_CASE);
      expect((await failure(advisory().recordSession({ caseId: c.id, heldOn: '2026-02-12', hours: '1', mode: AdvisorySessionMode.PHONE }, advisor2))).code).toBe(AdvisoryErrorCode.NOT_CASE_ADVISOR);
      expect((await failure(advisory().recordSession({ caseId: randomUUID(), heldOn: '2026-02-12', hours: '1', mode: AdvisorySessionMode.PHONE }, advisor))).code).toBe(AdvisoryErrorCode.CASE_NOT_FOUND);
    });

    it('records outcomes: a founded entity linked to the registry, jobs with a count, others described', async () => {
      const c = await advisory().openCase({ clientId: limanowa, kind: AdvisoryKind.LEGAL, topics: ['rejestracja w KRS'], openedOn: '2026-01-05' }, advisor);
      const founded = await advisory().recordOutcome({ caseId: c.id, kind: AdvisoryOutcomeKind.ENTITY_FOUNDED, achievedOn: '2026-04-01', entityId: entityIds[3] }, advisor);
      expect(founded.entity?.id).toBe(entityIds[3]);
      const jobs = await advisory().recordOutcome({ caseId: c.id, kind: AdvisoryOutcomeKind.JOBS_CREATED, achievedOn: '2026-05-01', jobsCount: 3 }, advisor);
      expect(jobs.jobsCount).toBe(3);
      expect((await failure(advisory().recordOutcome({ caseId: c.id, kind: AdvisoryOutcomeKind.ENTITY_FOUNDED, achievedOn: '2026-04-01' }, advisor))).code).toBe(AdvisoryErrorCode.OUTCOME_ENTITY_REQUIRED);
      expect((await failure(advisory().recordOutcome({ caseId: c.id, kind: AdvisoryOutcomeKind.ENTITY_FOUNDED, achievedOn: '2026-04-01', entityId: randomUUID() }, advisor))).code).toBe(AdvisoryErrorCode.OUTCOME_ENTITY_NOT_FOUND);
      expect((await failure(advisory().recordOutcome({ caseId: c.id, kind: AdvisoryOutcomeKind.JOBS_CREATED, achievedOn: '2026-04-01', jobsCount: 0 }, advisor))).code).toBe(AdvisoryErrorCode.JOBS_COUNT_INVALID);
      expect((await failure(advisory().recordOutcome({ caseId: c.id, kind: AdvisoryOutcomeKind.OTHER, achievedOn: '2026-04-01' }, advisor))).code).toBe(AdvisoryErrorCode.DESCRIPTION_REQUIRED);
    });

    it('lists cases by advisor and by region, a region including every unit inside it', async () => {
      const all = { limit: 100, offset: 0 };
      const names = async (filter: object) => {
        const { rows, totalCount } = await advisory().list(filter, all);
        const clientIds = rows.map((r) => r.client.id);
        expect(totalCount).toBe(rows.length);
        return clientIds.map((id) => (id === skawa ? 'skawa' : id === limanowa ? 'limanowa' : id === mazowsze ? 'mazowsze' : 'other')).sort();
      };
      expect(await names({ advisorId: advisor.id })).toEqual(['limanowa', 'limanowa', 'skawa']);
      expect(await names({ advisorId: advisor2.id })).toEqual(['mazowsze']);
      expect(await names({ terytCode: '12' })).toEqual(['limanowa', 'limanowa', 'skawa']); // voivodeship: its powiats and gminas
      expect(await names({ terytCode: '1206' })).toEqual(['skawa']); // powiat: its gmina
      expect(await names({ terytCode: '1206011' })).toEqual(['skawa']);
      expect(await names({ terytCode: '14' })).toEqual(['mazowsze']);
      expect(await names({ terytCode: 'PL' })).toHaveLength(4);
      expect(await names({ terytCode: '12', kind: AdvisoryKind.LEGAL })).toEqual(['limanowa', 'skawa']);
      expect(await names({ terytCode: '14', advisorId: advisor.id })).toEqual([]);
    });

    it('pages through cases in a stable order', async () => {
      const first = await advisory().list({}, { limit: 2, offset: 0 });
      const second = await advisory().list({}, { limit: 2, offset: 2 });
      expect(first.totalCount).toBe(4);
      expect([...first.rows, ...second.rows].map((c) => c.openedOn)).toEqual(['2026-03-01', '2026-02-10', '2026-02-02', '2026-01-05']);
    });

    it('totals cases, sessions and hours per advisor, within a region too', async () => {
      expect(await advisory().totalsByAdvisor()).toEqual([
        { advisorId: advisor.id, caseCount: 3, sessionCount: 2, minutes: 225 },
        { advisorId: advisor2.id, caseCount: 1, sessionCount: 0, minutes: 0 },
      ]);
      expect(await advisory().totalsByAdvisor({ terytCode: '14' })).toEqual([{ advisorId: advisor2.id, caseCount: 1, sessionCount: 0, minutes: 0 }]);
    });
  });

  describe('loan products', () => {
    const valid: LoanProductDefinition = { ...DEMO_PRODUCT, code: 'TEST-1', name: 'Test' };

    it('seeds the demo product modelled on the preferential social-economy loan', () => {
      expect(product).toMatchObject({
        code: 'PES-PREF',
        annualRateBp: 25,
        maxAmountMinor: 10_000_000n,
        maxInstalments: 60,
        maxGracePeriods: 6,
        remissionMaxShareBp: 4000,
        allocationOrder: ['PENALTY', 'FEE', 'INTEREST', 'PRINCIPAL'],
        penaltyRateBp: 1125,
      });
    });

    it.each([
      ['a repeated allocation component', { allocationOrder: [RepaymentComponent.FEE, RepaymentComponent.FEE, RepaymentComponent.INTEREST, RepaymentComponent.PRINCIPAL] }, LoanProductErrorCode.ALLOCATION_ORDER_INVALID],
      ['an allocation order missing a component', { allocationOrder: [RepaymentComponent.FEE, RepaymentComponent.INTEREST, RepaymentComponent.PRINCIPAL] }, LoanProductErrorCode.ALLOCATION_ORDER_INVALID],
      ['reversed amount bounds', { minAmountMinor: 2_000_000n, maxAmountMinor: 1_000_000n }, LoanProductErrorCode.AMOUNT_BOUNDS_REVERSED],
      ['a fixed product with a margin', { marginBp: 100 }, LoanProductErrorCode.INTEREST_INVALID],
      ['grace periods without a grace kind', { graceKind: 'NONE', maxGracePeriods: 3 }, LoanProductErrorCode.GRACE_INVALID],
      ['a fee both a share and fixed', { arrangementFeeBp: 100, arrangementFeeFixedMinor: 5000n }, LoanProductErrorCode.FEE_INVALID],
      ['a remission without a deadline', { remissionDeadlineMonths: null }, LoanProductErrorCode.REMISSION_INVALID],
      ['a remission over 100 %', { remissionMaxShareBp: 10_001 }, LoanProductErrorCode.REMISSION_INVALID],
      ['a zero quorum', { committeeQuorum: 0 }, LoanProductErrorCode.QUORUM_INVALID],
    ] as const)('refuses %s', async (_, change, code) => {
      expect((await failure(new LoanProductService(em()).create({ ...valid, ...change } as LoanProductDefinition))).code).toBe(code);
    });

    it('configures a reference-rate product and refuses a taken code', async () => {
      const p = await new LoanProductService(em()).create({ ...valid, code: 'REF-1', interestKind: 'REFERENCE_MARGIN' as never, annualRateBp: null, referenceRateBp: 575, marginBp: -200, floorBp: 100, arrangementFeeBp: 150 });
      expect(p.interestTerms()).toEqual({ kind: 'REFERENCE_MARGIN', referenceRateBp: 575, marginBp: -200, floorBp: 100 });
      expect(p.arrangementFeeFor(1_000_050n)).toBe(15_001n); // 1.5 % of 10,000.50 zł = 150.00750 → 150.01
      expect((await failure(new LoanProductService(em()).create({ ...valid, code: 'REF-1' }))).code).toBe(LoanProductErrorCode.CODE_TAKEN);
    });
  });

  describe('loan applications', () => {
    let clientId: string;
    const submit = (change: object = {}) =>
      applications().submit({ clientId, productId: product.id, amountMinor: 6_000_000n, instalments: 48, gracePeriods: 6, purpose: 'Wyposażenie pralni', jobsPromised: 2, ...change }, officer);
    const allScores = async (points = 4) => (await em().find(ScoringCriterion, { active: true })).map((c) => ({ criterionCode: c.code, points }));

    beforeAll(async () => {
      clientId = (await clients().registerEntity(entityIds[3], officer)).id;
    });

    it('validates the amount, instalments and grace against the product', async () => {
      expect((await failure(submit({ amountMinor: 10_000_001n }))).code).toBe(E.AMOUNT_OUT_OF_BOUNDS);
      expect((await failure(submit({ amountMinor: 100n }))).message).toBe('Kwota musi mieścić się między 5000.00 a 100000.00 zł.');
      expect((await failure(submit({ instalments: 61 }))).code).toBe(E.INSTALMENTS_OUT_OF_BOUNDS);
      expect((await failure(submit({ gracePeriods: 7 }))).code).toBe(E.GRACE_OUT_OF_BOUNDS);
      expect((await failure(submit({ purpose: '  ' }))).code).toBe(E.PURPOSE_REQUIRED);
      expect((await failure(submit({ jobsPromised: -1 }))).code).toBe(E.JOBS_PROMISED_INVALID);
      expect((await failure(submit({ clientId: randomUUID() }))).code).toBe(E.CLIENT_NOT_FOUND);
    });

    it('refuses applications for an inactive product', async () => {
      const inactive = await new LoanProductService(em()).create({ ...DEMO_PRODUCT, code: 'OLD' });
      await em().nativeUpdate(LoanProduct, { id: inactive.id }, { active: false });
      expect((await failure(submit({ productId: inactive.id }))).code).toBe(E.PRODUCT_INACTIVE);
    });

    it('assesses with every checklist criterion scored once, computing the weighted score', async () => {
      const app = await submit();
      const criteria = await em().find(ScoringCriterion, { active: true }, { orderBy: { position: 'asc' } });
      expect(criteria.map((c) => c.code)).toContain('REPAYMENT_CAPACITY');
      const scores = await allScores();
      expect((await failure(applications().assess({ applicationId: app.id, scores: scores.slice(1) }, officer))).code).toBe(E.SCORES_INCOMPLETE);
      expect((await failure(applications().assess({ applicationId: app.id, scores: [...scores, scores[0]] }, officer))).code).toBe(E.DUPLICATE_CRITERION);
      expect((await failure(applications().assess({ applicationId: app.id, scores: [...scores, { criterionCode: 'HOROSCOPE', points: 1 }] }, officer))).code).toBe(E.UNKNOWN_CRITERION);
      expect((await failure(applications().assess({ applicationId: app.id, scores: scores.map((s, i) => (i ? s : { ...s, points: 6 })) }, officer))).code).toBe(E.POINTS_OUT_OF_RANGE);
      // Weights 4,3,3,2,2,1 of 5 points: all 5 except REPAYMENT_CAPACITY (weight 4) at 0 → 55/75 = 73.33 %.
      const assessed = await applications().assess({ applicationId: app.id, scores: scores.map((s) => ({ ...s, points: s.criterionCode === 'REPAYMENT_CAPACITY' ? 0 : 5 })) }, officer);
      expect([assessed.state, assessed.scoreBp]).toEqual([LoanApplicationState.ASSESSED, 7333]);
      expect((await failure(applications().assess({ applicationId: app.id, scores }, officer))).message).toBe('Wniosek ma status ASSESSED; ten krok wymaga statusu SUBMITTED.');
    });

    it('records one vote per committee member, never from the assessor or a non-member, only once assessed', async () => {
      const app = await submit();
      expect((await failure(applications().vote({ applicationId: app.id, choice: FOR }, members[0]))).code).toBe(E.WRONG_STATE);
      const assessorMember = { ...members[3] };
      await applications().assess({ applicationId: app.id, scores: await allScores() }, assessorMember);
      expect((await failure(applications().vote({ applicationId: app.id, choice: FOR }, assessorMember))).code).toBe(E.ASSESSOR_CANNOT_VOTE);
      expect((await failure(applications().vote({ applicationId: app.id, choice: FOR }, admin))).code).toBe(E.NOT_COMMITTEE_MEMBER);
      expect((await failure(applications().vote({ applicationId: app.id, choice: FOR }, officer))).code).toBe(E.NOT_COMMITTEE_MEMBER);
      const vote = await applications().vote({ applicationId: app.id, choice: AGAINST, comment: ' za wysoka kwota ' }, members[0]);
      expect([vote.choice, vote.comment]).toEqual([AGAINST, 'za wysoka kwota']);
      expect((await failure(applications(Locale.en).vote({ applicationId: app.id, choice: FOR }, members[0]))).message).toBe('You have already voted on this application.');
    });

    it('decides only with a quorum; a simple majority approves, a tie rejects', async () => {
      const approved = await submit();
      await applications().assess({ applicationId: approved.id, scores: await allScores() }, officer);
      await applications().vote({ applicationId: approved.id, choice: FOR }, members[0]);
      await applications().vote({ applicationId: approved.id, choice: ABSTAIN }, members[1]);
      expect((await failure(applications().decide(approved.id, members[0]))).message).toBe('Brak kworum: oddano 2 z wymaganych 3 głosów.');
      await applications().vote({ applicationId: approved.id, choice: FOR }, members[2]);
      const yes = await applications().decide(approved.id, members[0], 'jednogłośnie przy 1 wstrzymującym');
      expect([yes.application.state, yes.tally]).toEqual([LoanApplicationState.APPROVED, { for: 2, against: 0, abstain: 1, cast: 3, quorate: true, approved: true }]);
      expect((await failure(applications().vote({ applicationId: approved.id, choice: FOR }, members[3]))).code).toBe(E.WRONG_STATE);

      const tied = await submit();
      await applications().assess({ applicationId: tied.id, scores: await allScores() }, officer);
      for (const [i, choice] of [FOR, AGAINST, ABSTAIN, ABSTAIN].entries()) await applications().vote({ applicationId: tied.id, choice }, members[i]);
      expect((await applications().decide(tied.id, officer)).application.state).toBe(LoanApplicationState.REJECTED);
      expect((await failure(applications().sign({ applicationId: tied.id, signedOn: '2026-06-01', firstDisbursementDate: '2026-06-05' }, officer))).code).toBe(E.WRONG_STATE);
    });

    it('signs the contract of an approved application: terms frozen, within bounds, and the loan opened', async () => {
      const app = await submit();
      await applications().assess({ applicationId: app.id, scores: await allScores() }, officer);
      for (const m of members.slice(0, 3)) await applications().vote({ applicationId: app.id, choice: FOR }, m);
      await applications().decide(app.id, officer);
      const base = { applicationId: app.id, signedOn: '2026-06-01', firstDisbursementDate: '2026-06-05' };
      expect((await failure(applications().sign({ ...base, amountMinor: 6_000_001n }, officer))).code).toBe(E.AMOUNT_ABOVE_APPROVED);
      expect((await failure(applications().sign({ ...base, amountMinor: 100_000n }, officer))).code).toBe(E.AMOUNT_OUT_OF_BOUNDS);
      expect((await failure(applications().sign({ ...base, instalments: 3 }, officer))).code).toBe(E.INSTALMENTS_OUT_OF_BOUNDS);
      expect((await failure(applications().sign({ ...base, firstDisbursementDate: '2026-05-31' }, officer))).code).toBe(E.DISBURSEMENT_BEFORE_SIGNING);
      expect((await failure(applications().sign({ ...base, firstDueDate: '2026-06-05' }, officer))).code).toBe(E.FIRST_DUE_DATE_INVALID);
      const contract = await applications().sign({ ...base, amountMinor: 5_000_000n }, officer);
      expect(contract.loanTerms()).toEqual({
        principalMinor: 5_000_000n, currency: 'PLN', firstDisbursementDate: '2026-06-05', instalments: 48, frequency: 'MONTHLY', amortisation: 'ANNUITY',
        interest: { kind: 'FIXED', annualRateBp: 25 }, dayCount: 'ACTUAL_365', grace: { kind: 'INTEREST_ONLY', periods: 6 }, businessDayRule: 'FOLLOWING',
      });
      expect([contract.remissionMaxShareBp, contract.remissionJobsPromised, contract.remissionDeadline, contract.penaltyRateBp]).toEqual([4000, 2, '2027-06-01', 1125]);
      const stored = await em().findOneOrFail(LoanContract, { id: contract.id });
      expect(stored.loanId).not.toBeNull();
      const loan = await em().findOneOrFail(Loan, { id: stored.loanId! });
      expect([loan.contractId, loan.borrowerClientId, loan.approvedPrincipalMinor]).toEqual([contract.id, clientId, 5_000_000n]);
      expect((await failure(applications().sign(base, officer))).code).toBe(E.WRONG_STATE);
      expect((await em().findOneOrFail('LoanApplication', { id: app.id }) as any).state).toBe(LoanApplicationState.CONTRACTED);
    });

    it('signs without opening a loan when no loan opener is given (stops at "contract signed")', async () => {
      const app = await submit({ jobsPromised: 0, gracePeriods: 0 });
      await applications().assess({ applicationId: app.id, scores: await allScores() }, officer);
      for (const m of members.slice(0, 3)) await applications().vote({ applicationId: app.id, choice: FOR }, m);
      await applications().decide(app.id, officer);
      const contract = await new LoanApplicationService(em(), Locale.pl, null).sign({ applicationId: app.id, signedOn: '2026-06-01', firstDisbursementDate: '2026-06-01', firstDueDate: '2026-07-15' }, officer);
      expect([contract.loanId, contract.remissionMaxShareBp, contract.remissionDeadline, contract.loanTerms().grace, contract.loanTerms().firstDueDate]).toEqual([null, 0, null, { kind: 'NONE', periods: 0 }, '2026-07-15']);
    });

    it('keeps the contract unsigned when the loan cannot be opened (one transaction)', async () => {
      const failing = new LoanApplicationService(em(), Locale.pl, async () => {
        throw new Error('loan module down');
      });
      const app = await submit();
      await applications().assess({ applicationId: app.id, scores: await allScores() }, officer);
      for (const m of members.slice(0, 3)) await applications().vote({ applicationId: app.id, choice: FOR }, m);
      await applications().decide(app.id, officer);
      await expect(failing.sign({ applicationId: app.id, signedOn: '2026-06-01', firstDisbursementDate: '2026-06-05' }, officer)).rejects.toThrow('loan module down');
      expect(await em().count(LoanContract, { application: app.id })).toBe(0);
      expect((await em().findOneOrFail('LoanApplication', { id: app.id }) as any).state).toBe(LoanApplicationState.APPROVED);
    });

    it('lets a script run a founding group from registration to a signed contract (originate)', async () => {
      const result = await originate(em(), {
        client: { foundingGroup: { name: 'Grupa „Chleb”', intendedLegalForm: LegalForm.SOCIAL_COOPERATIVE, terytCode: '1206', members: [{ fullName: 'Ewa Piekarz', roleInGroup: 'liderka' }] } },
        productId: product.id, amountMinor: 8_000_000n, instalments: 60, purpose: 'Piekarnia', jobsPromised: 4, officer,
        votes: members.slice(0, 3).map((member) => ({ member, choice: FOR })),
        sign: { signedOn: '2026-07-01', firstDisbursementDate: '2026-07-01' },
      });
      expect(result.client.kind).toBe(FundClientKind.FOUNDING_GROUP);
      expect(result.application.state).toBe(LoanApplicationState.CONTRACTED);
      expect(result.contract?.loanId).toBeTruthy();
      const rejected = await originate(em(), { client: { clientId }, productId: product.id, amountMinor: 500_000n, instalments: 6, purpose: 'x', jobsPromised: 0, officer, scores: 1, votes: members.slice(0, 3).map((member) => ({ member, choice: AGAINST })), sign: { signedOn: '2026-07-01', firstDisbursementDate: '2026-07-01' } });
      expect([rejected.application.state, rejected.contract, rejected.application.scoreBp]).toEqual([LoanApplicationState.REJECTED, null, 2000]);
    });

    it('counts without client data for analysts (majority rule variants)', async () => {
      const strict = await new LoanProductService(em()).create({ ...DEMO_PRODUCT, code: 'STRICT', committeeMajority: CommitteeMajority.TWO_THIRDS, committeeQuorum: 3 });
      const r = await originate(em(), { client: { clientId }, productId: strict.id, amountMinor: 500_000n, instalments: 6, purpose: 'x', jobsPromised: 0, officer, votes: [FOR, FOR, AGAINST, ABSTAIN].map((choice, i) => ({ member: members[i], choice })) });
      expect(r.tally).toMatchObject({ for: 2, cast: 4, approved: false }); // 2 of 4 is below two thirds
      expect(analyst.roles).toEqual([StaffRole.ANALYST]);
    });
  });
});
