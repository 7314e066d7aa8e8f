import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StaffRole, StaffUserService, type StaffPrincipal } from '../../access';
import { queryRows } from '../../shared/sql';
import { addDays } from '../../shared/dates';
import { mulberry32 } from '../../observatory/demo/prng';
import { DEMO_PRODUCT, LoanProduct, LoanProductService } from '../products';
import { CommitteeVoteChoice, originate } from '../applications';
import { LoanService } from '../loans';
import { AdvisoryKind, AdvisoryOutcomeKind, AdvisorySessionMode, AdvisoryService } from '../advisory';
import { GuaranteeService } from '../guarantees';
import { FundClientService } from '../clients';
import { closeBusinessDate, lastClosedDate } from '../close';
import { loadFundCalibration } from './fund-calibration';
import { DemoRepaymentBehaviour, planDemoPortfolio, type PlannedLoan } from './plan-demo-portfolio';

export interface SeedDemoPortfolioOptions {
  dataDir?: string;
  seed: number;
  /** Years in which loans are granted. */
  years: readonly number[];
  /** The last business date simulated (fixed, so the same seed always gives the same books). */
  through: string;
  /** Share of the planned loans actually made (1 = 150–200 a year); tests use a small share. */
  scale?: number;
  /** Stop after closing this date without finishing, as an interrupted start would (for tests). */
  stopAfter?: string;
  log?: (message: string) => void;
}

export interface SeedDemoPortfolioResult {
  created: boolean;
  loans: number;
  repayments: number;
  writtenOff: number;
  guarantees: number;
  jobsRecorded: number;
  closedDates: number;
  durationMs: number;
  /** Where the time went: origination + disbursement, repayments, daily closes. */
  phasesMs: { originate: number; repay: number; close: number };
}

/** Development loans above the preferential product's bounds (PLN 100,000, 60 months). Demo terms. */
const DEVELOPMENT_PRODUCT = { ...DEMO_PRODUCT, code: 'PES-ROZWOJ', name: 'Pożyczka na rozwój przedsiębiorstwa społecznego (demo)', maxAmountMinor: 50_000_000n, maxInstalments: 84 };

const PURPOSES = ['Zakup wyposażenia i maszyn', 'Kapitał obrotowy na realizację zamówienia publicznego', 'Remont i adaptacja lokalu', 'Rozwój usług opiekuńczych', 'Zakup samochodu dostawczego', 'Uruchomienie punktu gastronomicznego'];

interface DemoStaff {
  officer: StaffPrincipal;
  advisor: StaffPrincipal;
  committee: StaffPrincipal[];
}

/** Staff accounts the demo acts as: a fund officer and a three-member loan committee (no known passwords). */
async function demoStaff(em: EntityManager): Promise<DemoStaff> {
  const users = new StaffUserService(em);
  const make = async (email: string, displayName: string, role: StaffRole): Promise<StaffPrincipal> => {
    const [existing] = await queryRows<{ id: string }>(em, 'select id from staff_user where email = ?', [email]);
    const id = existing?.id ?? (await users.create({ email, displayName, roles: [role], password: randomBytes(24).toString('base64url') })).id;
    return { id, email, roles: [role] };
  };
  return {
    officer: await make('kasa.demo@ekonomiaspoleczna.local', 'Kasa — konto demonstracyjne', StaffRole.FUND_OFFICER),
    advisor: await make('doradca.demo@ekonomiaspoleczna.local', 'Doradca — konto demonstracyjne', StaffRole.ADVISOR),
    committee: [
      await make('komisja1.demo@ekonomiaspoleczna.local', 'Komisja pożyczkowa 1 (demo)', StaffRole.COMMITTEE_MEMBER),
      await make('komisja2.demo@ekonomiaspoleczna.local', 'Komisja pożyczkowa 2 (demo)', StaffRole.COMMITTEE_MEMBER),
      await make('komisja3.demo@ekonomiaspoleczna.local', 'Komisja pożyczkowa 3 (demo)', StaffRole.COMMITTEE_MEMBER),
    ],
  };
}

/** Registry entities of each borrower form, to lend to (active, synthetic demo entities). */
async function borrowerPool(em: EntityManager): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ legal_form: string; id: string }>(
    em,
    `select legal_form, id::text from social_economy_entity
      where status = 'ACTIVE' and legal_form in ('SOCIAL_COOPERATIVE', 'FOUNDATION', 'ASSOCIATION', 'WORKER_COOPERATIVE', 'NON_PROFIT_COMPANY')
      order by id`,
  );
  const pool = new Map<string, string[]>();
  for (const r of rows) (pool.get(r.legal_form) ?? pool.set(r.legal_form, []).get(r.legal_form)!).push(r.id);
  return pool;
}

interface Running {
  loanId: string;
  plan: PlannedLoan;
  paid: number;
}

/** The guarantee fund created last: its presence says the demo portfolio is complete. */
const DEMO_GUARANTEE_FUND = 'Fundusz poręczeniowy ekonomii społecznej (demo)';

/** Applications of the demo carry their plan index, so an interrupted build can resume. */
const PLAN_TAG = /\[demo #(\d+)\]$/;

/** A stream of its own per planned loan, so choices do not depend on where a build resumed. */
const streamOf = (seed: number, index: number, salt: number) => mulberry32((seed ^ salt) + index * 7919);

/**
 * A calibrated synthetic loan portfolio, built through the Fund's own services (origination with
 * scoring and committee votes, contracts, disbursements, repayments, daily close of business,
 * write-offs), so its books are real books. The simulation walks day by day from the first planned
 * application to `through`, committing each day (one long transaction would keep every day's
 * superseded loan rows alive and slow each close down). Stopped half-way, the next run resumes
 * after the last closed day; finished (the demo guarantee fund exists), it does nothing.
 */
export async function seedDemoPortfolio(em: EntityManager, options: SeedDemoPortfolioOptions): Promise<SeedDemoPortfolioResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const phasesMs = { originate: 0, repay: 0, close: 0 };
  const [{ done, loans: existing }] = await queryRows<{ done: boolean; loans: number }>(
    em,
    `select exists (select 1 from fund_guarantee_fund where name = ?) as done, (select count(*)::int from loan) as loans`,
    [DEMO_GUARANTEE_FUND],
  );
  const nothing = { created: false, loans: existing, repayments: 0, writtenOff: 0, guarantees: 0, jobsRecorded: 0, closedDates: 0, durationMs: 0, phasesMs };
  if (done) return { ...nothing, durationMs: Date.now() - started };
  // Loans made outside the demo (by hand, by tests) are not the demo's to extend.
  const [{ foreign }] = await queryRows<{ foreign: number }>(em, `select count(*)::int as foreign from loan_application where purpose !~ '\\[demo #[0-9]+\\]$'`);
  if (foreign > 0) return { ...nothing, durationMs: Date.now() - started };

  const calibration = await loadFundCalibration(options.dataDir);
  const plan = planDemoPortfolio(calibration, { seed: options.seed, years: options.years });
  const scale = options.scale ?? 1;
  const planned = plan.loans.map((loan, index) => ({ loan, index })).filter(({ index }) => streamOf(options.seed, index, 0x5ca1e)() < scale);
  const staff = await demoStaff(em);
  const products = new LoanProductService(em);
  const preferential = await products.ensureDemoProduct();
  const development = (await em.findOne(LoanProduct, { code: DEVELOPMENT_PRODUCT.code })) ?? (await products.create(DEVELOPMENT_PRODUCT));
  const pool = await borrowerPool(em);
  const loans = new LoanService(em);

  // Resume: the loans already made (by plan index) and how many repayments each has had.
  const made = await queryRows<{ loan_id: string; purpose: string; paid: number }>(
    em,
    `select l.id::text as loan_id, a.purpose, (select count(*)::int from loan_repayment r where r.loan_id = l.id and r.status = 'POSTED') as paid
       from loan l join loan_contract k on k.id = l.contract_id join loan_application a on a.id = k.application_id`,
  );
  const byIndex = new Map(made.map((m) => [Number(PLAN_TAG.exec(m.purpose)?.[1]), m]));
  const running: Running[] = planned.filter(({ index }) => byIndex.has(index)).map(({ loan, index }) => ({ loanId: byIndex.get(index)!.loan_id, plan: loan, paid: byIndex.get(index)!.paid }));
  const lastClosed = await lastClosedDate(em);
  if (lastClosed) log(`fund demo: resuming after ${lastClosed} with ${running.length} loans`);

  let repayments = 0;
  let writtenOff = 0;
  let closedDates = 0;
  let phaseStart = Date.now();
  const lap = (phase: keyof typeof phasesMs) => {
    const now = Date.now();
    phasesMs[phase] += now - phaseStart;
    phaseStart = now;
  };
  const first = lastClosed ? addDays(lastClosed, 1) : (planned[0]?.loan.submittedOn ?? options.through);
  for (let date = first; date <= options.through; date = addDays(date, 1)) {
    // New loans: application today, contract signed and first tranche paid out the same day.
    for (const { loan: p, index } of planned.filter((x) => x.loan.submittedOn === date && !byIndex.has(x.index))) {
      const candidates = pool.get(p.legalForm) ?? [];
      if (!candidates.length) continue;
      const choose = streamOf(options.seed, index, 0xbeef);
      const entityId = candidates[Math.floor(choose() * candidates.length)];
      const product = p.amountPln <= 100_000 && p.instalments <= 60 ? preferential : development;
      const loanId = await em.transactional(async (tx) => {
        const result = await originate(tx, {
          client: (await clientOf(tx, entityId)) ?? { entityId },
          productId: product.id,
          amountMinor: BigInt(p.amountPln) * 100n,
          instalments: p.instalments,
          gracePeriods: Math.min(p.gracePeriods, product.maxGracePeriods),
          purpose: `${PURPOSES[Math.floor(choose() * PURPOSES.length)]} [demo #${index}]`,
          jobsPromised: p.jobsPromised,
          officer: staff.officer,
          votes: staff.committee.map((member) => ({ member, choice: CommitteeVoteChoice.FOR })),
          sign: { signedOn: date, firstDisbursementDate: date },
        });
        const id = result.contract?.loanId;
        if (id) await new LoanService(tx).disburse({ loanId: id, amountMinor: BigInt(p.amountPln) * 100n, businessDate: date });
        return id;
      });
      if (!loanId) continue;
      byIndex.set(index, { loan_id: loanId, purpose: '', paid: 0 });
      running.push({ loanId, plan: p, paid: 0 });
    }
    lap('originate');

    // Repayments of what fell due, by each borrower's behaviour.
    const due = await queryRows<{ id: string; due: string; dpd: number; owed: string }>(
      em,
      `select id::text, (principal_due_minor + interest_due_minor + fee_due_minor + penalty_due_minor)::text as due, days_past_due as dpd,
              (principal_outstanding_minor + interest_due_minor + interest_unbilled_minor + fee_due_minor + penalty_due_minor)::text as owed
         from loan where status = 'ACTIVE'`,
    );
    const byId = new Map(due.map((d) => [d.id, d]));
    for (const r of running) {
      const state = byId.get(r.loanId);
      if (!state) continue;
      const { behaviour, behaviourParameter } = r.plan;
      if (behaviour === DemoRepaymentBehaviour.DEFAULT && r.paid >= behaviourParameter) {
        if (state.dpd >= 180) {
          await loans.writeOff({ loanId: r.loanId, businessDate: date });
          writtenOff++;
        }
        continue;
      }
      if (behaviour === DemoRepaymentBehaviour.EARLY && r.paid >= Math.floor(r.plan.instalments / 2) && BigInt(state.owed) > 0n) {
        await loans.repay({ loanId: r.loanId, amountMinor: BigInt(state.owed), businessDate: date, idempotencyKey: `demo-${r.loanId}-early` });
        repayments++;
        r.paid = r.plan.instalments;
        continue;
      }
      if (BigInt(state.due) <= 0n) continue;
      // Late payers settle every fourth instalment `behaviourParameter` days late.
      const late = behaviour === DemoRepaymentBehaviour.LATE && r.paid % 4 === 3;
      if (late && state.dpd < behaviourParameter) continue;
      await loans.repay({ loanId: r.loanId, amountMinor: BigInt(state.due), businessDate: date, idempotencyKey: `demo-${r.loanId}-${r.paid + 1}` });
      repayments++;
      r.paid++;
    }
    lap('repay');
    await closeBusinessDate(em, date);
    lap('close');
    closedDates++;
    em.clear();
    if (options.stopAfter && date >= options.stopAfter) return { ...nothing, loans: running.length, repayments, writtenOff, closedDates, durationMs: Date.now() - started, phasesMs };
    if (date.endsWith('-12-31') || date === options.through) log(`fund demo: through ${date}, ${running.length} loans, ${repayments} repayments, ${writtenOff} written off`);
  }

  // The last steps in one transaction, ending with the demo guarantee fund that marks completion.
  const finished = await em.transactional(async (tx) => {
    // Borrowers who promised jobs were advised; most of them created the jobs (recorded by the advisor).
    const advisory = new AdvisoryService(tx);
    let jobsRecorded = 0;
    for (const r of running.filter((x) => x.plan.jobsPromised > 0)) {
      const [{ client_id: clientId, opened_on: openedOn }] = await queryRows<{ client_id: string; opened_on: string }>(
        tx, `select borrower_client_id::text as client_id, to_char(opened_on, 'YYYY-MM-DD') as opened_on from loan where id = ?`, [r.loanId]);
      const kase = await advisory.openCase({ clientId, kind: AdvisoryKind.ECONOMIC, topics: ['Biznesplan', 'Tworzenie miejsc pracy'], openedOn, advisorId: staff.advisor.id }, staff.officer);
      await advisory.recordSession({ caseId: kase.id, heldOn: openedOn, hours: '2.5', mode: AdvisorySessionMode.IN_PERSON }, staff.advisor);
      const index = planned.find((x) => x.loan === r.plan)?.index ?? 0;
      if (streamOf(options.seed, index, 0x10b5)() < 0.8) {
        await advisory.recordOutcome({ caseId: kase.id, kind: AdvisoryOutcomeKind.JOBS_CREATED, achievedOn: addDays(openedOn, 90), jobsCount: r.plan.jobsPromised }, staff.advisor);
        jobsRecorded += r.plan.jobsPromised;
      }
    }
    // Fully repaid loans are closed.
    const repaid = await queryRows<{ id: string }>(tx, `select id::text from loan where status = 'ACTIVE' and principal_outstanding_minor = 0 and disbursed_principal_minor > 0
        and interest_due_minor = 0 and interest_unbilled_minor = 0 and fee_due_minor = 0 and penalty_due_minor = 0`);
    for (const { id } of repaid) await new LoanService(tx).close({ loanId: id, businessDate: options.through });
    // A few guarantees on loans of a partner cooperative bank, their exposure falling with repayment.
    const guarantees = await seedDemoGuarantees(tx, staff, options);
    return { jobsRecorded, guarantees };
  });
  return { created: true, loans: running.length, repayments, writtenOff, ...finished, closedDates, durationMs: Date.now() - started, phasesMs };
}

async function clientOf(em: EntityManager, entityId: string): Promise<{ clientId: string } | null> {
  const [row] = await queryRows<{ id: string }>(em, 'select id::text from fund_client where entity_id = ?', [entityId]);
  return row ? { clientId: row.id } : null;
}

/** Guarantees of the demo: not scaled with the loans, so that the national figures pass the disclosure rule even in the tests' small builds. */
const DEMO_GUARANTEES = 10;

/**
 * A guarantee fund (PLN 5 m, multiplier 4), one product (80 %, cap PLN 500,000, fee 0.5 %) and ten
 * guarantees on a partner bank's loans to ten registry entities, each made a Fund client (or
 * already one, through a loan), so that the guarantees have an area in the public statistics.
 */
async function seedDemoGuarantees(em: EntityManager, staff: DemoStaff, options: SeedDemoPortfolioOptions): Promise<number> {
  const random = streamOf(options.seed, 0, 0x6a7a);
  const pickBorrower = streamOf(options.seed, 0, 0xb0aa);
  const service = new GuaranteeService(em);
  const clients = new FundClientService(em);
  const first = `${options.years[0]}-01-02`;
  const fund = await service.createFund({ name: DEMO_GUARANTEE_FUND, capitalMinor: 500_000_000n, multiplierBp: 40_000, businessDate: first, createdById: staff.officer.id });
  const product = await service.createProduct({ fundId: fund.id, name: 'Poręczenie pożyczki bankowej 80 % (demo)', coverageBp: 8_000, capMinor: 50_000_000n, feeBp: 50, maxTermMonths: 84 });
  const bank = await service.createPartner({ name: 'Bank Spółdzielczy w Przykładowie (demo)', nip: '5260000005' });
  // Registry ids come from the registry's seed, so the same seed picks the same borrowers.
  const pool = [...(await borrowerPool(em)).values()].flat().sort();
  const taken = new Set<string>();
  for (let i = 0; i < DEMO_GUARANTEES; i++) {
    const principal = BigInt(50_000 + Math.round(random() * 40) * 5_000) * 100n;
    const issuedOn = addDays(first, Math.floor(random() * 300));
    let borrowerClientId: string | null = null;
    if (taken.size < pool.length) {
      let entityId: string;
      do entityId = pool[Math.floor(pickBorrower() * pool.length)];
      while (taken.has(entityId));
      taken.add(entityId);
      borrowerClientId = (await clientOf(em, entityId))?.clientId ?? (await clients.registerEntity(entityId, staff.officer)).id;
    }
    const g = await service.issue({
      productId: product.id,
      partnerLenderId: bank.id,
      borrowerClientId,
      // Without a registry there is no client: the bank's name for the borrower (counted in Poland's total only).
      borrowerName: borrowerClientId ? null : `Spółdzielnia socjalna (demo ${i + 1})`,
      partnerLoanReference: `BS/DEMO/${i + 1}`,
      loanPrincipalMinor: principal,
      termMonths: 60,
      issuedOn,
      createdById: staff.officer.id,
    });
    // The bank reports the outstanding balance a year on; one borrower defaults and the guarantee is called.
    const reportedOn = addDays(issuedOn, 365);
    if (reportedOn <= options.through) await service.reportExposure(g.id, reportedOn, (principal * 8n) / 10n, staff.officer.id);
    if (i === 0 && addDays(reportedOn, 30) <= options.through) {
      await service.call(g.id, addDays(reportedOn, 30), (principal * 8n * 8n) / 100n, staff.officer.id);
      await service.payout(g.id, addDays(reportedOn, 45), staff.officer.id);
    }
  }
  return DEMO_GUARANTEES;
}
