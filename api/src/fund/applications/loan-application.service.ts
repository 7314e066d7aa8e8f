import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { StaffRole, StaffUser, type StaffPrincipal } from '../../access';
import type { CalendarDate } from '../../shared/dates';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import { Money } from '../../shared/money';
import type { PageWindow } from '../../shared/relay';
import type { LoanTerms } from '../schedule';
import { fail } from '../clients/fail';
import { FundClient } from '../clients/fund-client.entity';
import { LoanProduct } from '../products/loan-product.entity';
import { GraceKindValue, type RepaymentComponent } from '../products/loan-product-enums';
import { addMonths, tallyVotes, weightedScoreBp, type Tally } from './committee-tally';
import { CommitteeVote, LoanApplication, LoanApplicationScore, LoanContract, ScoringCriterion } from './loan-application.entity';
import { CommitteeVoteChoice, LoanApplicationState } from './loan-application-enums';
import { LoanApplicationErrorCode as E, loanApplicationMessages } from './loan-application-messages';

export type Actor = Pick<StaffPrincipal, 'id' | 'roles'>;

export interface LoanApplicationSubmission {
  clientId: string;
  productId: string;
  amountMinor: bigint;
  instalments: number;
  gracePeriods?: number | null;
  purpose: string;
  jobsPromised: number;
}

export interface LoanAssessment {
  applicationId: string;
  scores: { criterionCode: string; points: number }[];
  note?: string | null;
}

export interface CommitteeVoteCasting {
  applicationId: string;
  choice: CommitteeVoteChoice;
  comment?: string | null;
}

export interface LoanContractSigning {
  applicationId: string;
  signedOn: CalendarDate;
  firstDisbursementDate: CalendarDate;
  firstDueDate?: CalendarDate | null;
  /** Default: the amount applied for. */
  amountMinor?: bigint | null;
  /** Default: the instalments applied for. */
  instalments?: number | null;
  /** Default: the grace periods applied for. */
  gracePeriods?: number | null;
}

/** What the loan module needs to open a loan from a signed contract (hub contract, "Loans ↔ origination"). */
export interface ContractForLoan {
  contractId: string;
  borrowerClientId: string;
  productId: string;
  terms: LoanTerms;
  penaltyRateBp: number;
  /** The product's fee rule; the loan module charges it at disbursement. */
  feeSchedule: { arrangementFeeBp: number | null; arrangementFeeFixedMinor: bigint | null };
  allocationOrder: RepaymentComponent[];
  remission?: { maxShareBp: number; jobsPromised: number; deadline: string };
}

/** Opens the loan in the caller's transaction and returns its id. */
export type LoanOpener = (em: EntityManager, contract: ContractForLoan) => Promise<{ id: string }>;

export interface LoanApplicationFilter {
  state?: LoanApplicationState | null;
  clientId?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const zloty = (minor: bigint) => Money.ofMinor(minor).toDecimal();

/**
 * Loan origination: submit → assess → committee vote → decide → sign. Each step locks the
 * application row, checks its state, and flushes once inside one transaction (a savepoint when
 * the caller already holds one).
 */
export class LoanApplicationService {
  constructor(
    private readonly em: EntityManager,
    private readonly locale: Locale = DEFAULT_LOCALE,
    private readonly openLoan: LoanOpener | null = null,
  ) {}

  private error(code: E, field: string[] = [], vars: Record<string, string | number | bigint> = {}) {
    return fail(loanApplicationMessages, code, this.locale, field, vars);
  }

  /** Checks amount, instalments and grace against the product's bounds. */
  private checkBounds(product: LoanProduct, amountMinor: bigint, instalments: number, gracePeriods: number): void {
    if (amountMinor < product.minAmountMinor || amountMinor > product.maxAmountMinor) {
      throw this.error(E.AMOUNT_OUT_OF_BOUNDS, ['input', 'amount'], { min: zloty(product.minAmountMinor), max: zloty(product.maxAmountMinor) });
    }
    if (!Number.isInteger(instalments) || instalments < product.minInstalments || instalments > product.maxInstalments) {
      throw this.error(E.INSTALMENTS_OUT_OF_BOUNDS, ['input', 'instalments'], { min: product.minInstalments, max: product.maxInstalments });
    }
    if (!Number.isInteger(gracePeriods) || gracePeriods < 0 || gracePeriods > product.maxGracePeriods) {
      throw this.error(E.GRACE_OUT_OF_BOUNDS, ['input', 'gracePeriods'], { max: product.maxGracePeriods });
    }
  }

  async submit(input: LoanApplicationSubmission, actor: Actor): Promise<LoanApplication> {
    const client = UUID.test(input.clientId) ? await this.em.findOne(FundClient, { id: input.clientId }) : null;
    if (!client) throw this.error(E.CLIENT_NOT_FOUND, ['input', 'clientId']);
    const product = UUID.test(input.productId) ? await this.em.findOne(LoanProduct, { id: input.productId }) : null;
    if (!product) throw this.error(E.PRODUCT_NOT_FOUND, ['input', 'productId']);
    if (!product.active) throw this.error(E.PRODUCT_INACTIVE, ['input', 'productId']);
    const gracePeriods = input.gracePeriods ?? 0;
    this.checkBounds(product, input.amountMinor, input.instalments, gracePeriods);
    const purpose = input.purpose?.trim();
    if (!purpose) throw this.error(E.PURPOSE_REQUIRED, ['input', 'purpose']);
    if (!Number.isInteger(input.jobsPromised) || input.jobsPromised < 0 || input.jobsPromised > 10_000) throw this.error(E.JOBS_PROMISED_INVALID, ['input', 'jobsPromised']);
    const application = Object.assign(new LoanApplication(), {
      client,
      product,
      amountMinor: input.amountMinor,
      instalments: input.instalments,
      gracePeriods,
      purpose,
      jobsPromised: input.jobsPromised,
      submittedBy: this.em.getReference(StaffUser, actor.id),
    });
    this.em.persist(application);
    await this.em.flush();
    return application;
  }

  /** Runs `work` on the locked application after checking its state. */
  private async transition<T>(applicationId: string, expected: LoanApplicationState, work: (em: EntityManager, application: LoanApplication) => Promise<T>): Promise<T> {
    if (!UUID.test(applicationId)) throw this.error(E.APPLICATION_NOT_FOUND, ['input', 'applicationId']);
    return this.em.transactional(async (em) => {
      const application = await em.findOne(LoanApplication, { id: applicationId }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['product'] });
      if (!application) throw this.error(E.APPLICATION_NOT_FOUND, ['input', 'applicationId']);
      if (application.state !== expected) throw this.error(E.WRONG_STATE, ['input', 'applicationId'], { state: application.state, expected });
      return work(em as EntityManager, application);
    });
  }

  async assess(input: LoanAssessment, actor: Actor): Promise<LoanApplication> {
    return this.transition(input.applicationId, LoanApplicationState.SUBMITTED, async (em, application) => {
      const criteria = await em.find(ScoringCriterion, { active: true }, { orderBy: { position: 'asc' } });
      const byCode = new Map(criteria.map((c) => [c.code, c]));
      const seen = new Set<string>();
      const scores = (input.scores ?? []).map((s, i) => {
        const criterion = byCode.get(s.criterionCode);
        const field = ['input', 'scores', String(i)];
        if (!criterion) throw this.error(E.UNKNOWN_CRITERION, [...field, 'criterionCode'], { criterion: s.criterionCode });
        if (seen.has(criterion.code)) throw this.error(E.DUPLICATE_CRITERION, [...field, 'criterionCode'], { criterion: criterion.code });
        seen.add(criterion.code);
        if (!Number.isInteger(s.points) || s.points < 0 || s.points > criterion.maxPoints) throw this.error(E.POINTS_OUT_OF_RANGE, [...field, 'points'], { criterion: criterion.code, max: criterion.maxPoints });
        return Object.assign(new LoanApplicationScore(), { application, criterion, points: s.points, weight: criterion.weight, maxPoints: criterion.maxPoints });
      });
      const missing = criteria.filter((c) => !seen.has(c.code)).map((c) => c.code);
      if (missing.length) throw this.error(E.SCORES_INCOMPLETE, ['input', 'scores'], { missing: missing.join(', ') });
      Object.assign(application, {
        state: LoanApplicationState.ASSESSED,
        assessedBy: em.getReference(StaffUser, actor.id),
        assessedAt: new Date(),
        scoreBp: weightedScoreBp(scores),
        assessmentNote: input.note?.trim() || null,
      });
      em.persist(scores);
      await em.flush();
      return application;
    });
  }

  async vote(input: CommitteeVoteCasting, actor: Actor): Promise<CommitteeVote> {
    // The role is checked here, not only by @Authorized: an administrator passes every role check
    // but is not a committee member unless they hold the role.
    if (!actor.roles.includes(StaffRole.COMMITTEE_MEMBER)) throw this.error(E.NOT_COMMITTEE_MEMBER, ['input', 'applicationId']);
    return this.transition(input.applicationId, LoanApplicationState.ASSESSED, async (em, application) => {
      if (application.assessedBy?.id === actor.id) throw this.error(E.ASSESSOR_CANNOT_VOTE, ['input', 'applicationId']);
      if (await em.count(CommitteeVote, { application, member: actor.id })) throw this.error(E.ALREADY_VOTED, ['input', 'applicationId']);
      const vote = Object.assign(new CommitteeVote(), {
        application,
        member: em.getReference(StaffUser, actor.id),
        choice: input.choice,
        comment: input.comment?.trim() || null,
      });
      em.persist(vote);
      await em.flush();
      return vote;
    });
  }

  /** Closes the vote: APPROVED or REJECTED by the product's quorum and majority rule. */
  async decide(applicationId: string, actor: Actor, note?: string | null): Promise<{ application: LoanApplication; tally: Tally }> {
    return this.transition(applicationId, LoanApplicationState.ASSESSED, async (em, application) => {
      const votes = await em.find(CommitteeVote, { application });
      const product = application.product;
      const tally = tallyVotes(votes.map((v) => v.choice), product.committeeQuorum, product.committeeMajority);
      if (!tally.quorate) throw this.error(E.QUORUM_NOT_REACHED, ['input', 'applicationId'], { cast: tally.cast, quorum: product.committeeQuorum });
      Object.assign(application, {
        state: tally.approved ? LoanApplicationState.APPROVED : LoanApplicationState.REJECTED,
        decidedAt: new Date(),
        decidedBy: em.getReference(StaffUser, actor.id),
        decisionNote: note?.trim() || null,
      });
      await em.flush();
      return { application, tally };
    });
  }

  /**
   * Signs the contract of an approved application: freezes the terms (amount within the product's
   * bounds and not above the approved amount) and, when the loan module is wired, opens the loan in
   * the same transaction.
   */
  async sign(input: LoanContractSigning, actor: Actor): Promise<LoanContract> {
    return this.transition(input.applicationId, LoanApplicationState.APPROVED, async (em, application) => {
      const product = application.product;
      const amountMinor = input.amountMinor ?? application.amountMinor;
      const instalments = input.instalments ?? application.instalments;
      const gracePeriods = input.gracePeriods ?? application.gracePeriods;
      if (amountMinor > application.amountMinor) throw this.error(E.AMOUNT_ABOVE_APPROVED, ['input', 'amount'], { max: zloty(application.amountMinor) });
      this.checkBounds(product, amountMinor, instalments, gracePeriods);
      if (input.firstDisbursementDate < input.signedOn) throw this.error(E.DISBURSEMENT_BEFORE_SIGNING, ['input', 'firstDisbursementDate']);
      if (input.firstDueDate && input.firstDueDate <= input.firstDisbursementDate) throw this.error(E.FIRST_DUE_DATE_INVALID, ['input', 'firstDueDate']);
      const terms: LoanTerms = {
        principalMinor: amountMinor,
        currency: 'PLN',
        firstDisbursementDate: input.firstDisbursementDate,
        ...(input.firstDueDate ? { firstDueDate: input.firstDueDate } : {}),
        instalments,
        frequency: product.frequency,
        amortisation: product.amortisation,
        interest: product.interestTerms(),
        dayCount: product.dayCount,
        grace: { kind: gracePeriods > 0 ? product.graceKind : GraceKindValue.NONE, periods: gracePeriods },
        businessDayRule: product.businessDayRule,
      };
      const remission = product.remissionMaxShareBp > 0 && application.jobsPromised > 0
        ? { maxShareBp: product.remissionMaxShareBp, jobsPromised: application.jobsPromised, deadline: addMonths(input.signedOn, product.remissionDeadlineMonths!) }
        : null;
      const contract = Object.assign(new LoanContract(), {
        application,
        principalMinor: amountMinor,
        terms: { ...terms, principalMinor: amountMinor.toString() },
        penaltyRateBp: product.penaltyRateBp,
        arrangementFeeMinor: product.arrangementFeeFor(amountMinor),
        allocationOrder: [...product.allocationOrder],
        remissionMaxShareBp: remission?.maxShareBp ?? 0,
        remissionJobsPromised: remission?.jobsPromised ?? 0,
        remissionDeadline: remission?.deadline ?? null,
        signedOn: input.signedOn,
        signedBy: em.getReference(StaffUser, actor.id),
      });
      contract.number = `UP/${input.signedOn.slice(0, 4)}/${contract.id.slice(0, 8)}`;
      application.state = LoanApplicationState.CONTRACTED;
      em.persist(contract);
      await em.flush();
      if (this.openLoan) {
        const loan = await this.openLoan(em, {
          contractId: contract.id,
          borrowerClientId: application.client.id,
          productId: product.id,
          terms,
          penaltyRateBp: contract.penaltyRateBp,
          feeSchedule: { arrangementFeeBp: product.arrangementFeeBp, arrangementFeeFixedMinor: product.arrangementFeeFixedMinor },
          allocationOrder: [...contract.allocationOrder],
          ...(remission ? { remission } : {}),
        });
        contract.loanId = loan.id;
        await em.flush();
      }
      return contract;
    });
  }

  findById(id: string): Promise<LoanApplication | null> {
    return UUID.test(id) ? this.em.findOne(LoanApplication, { id }) : Promise.resolve(null);
  }

  /** One page of applications, newest first (then id), with the total. */
  async list(filter: LoanApplicationFilter, window: PageWindow): Promise<{ rows: LoanApplication[]; totalCount: number }> {
    const where: Record<string, unknown> = {};
    if (filter.state) where.state = filter.state;
    if (filter.clientId) where.client = UUID.test(filter.clientId) ? filter.clientId : '00000000-0000-0000-0000-000000000000';
    if (window.limit === 0) return { rows: [], totalCount: await this.em.count(LoanApplication, where) };
    const [rows, totalCount] = await this.em.findAndCount(LoanApplication, where, { orderBy: { submittedAt: 'desc', id: 'asc' }, limit: window.limit, offset: window.offset });
    return { rows, totalCount };
  }
}
