import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffPrincipal } from '../../access';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import type { CalendarDate } from '../../shared/dates';
import { FundClientService, type FoundingGroupRegistration } from '../clients/fund-client.service';
import type { FundClient } from '../clients/fund-client.entity';
import type { Tally } from './committee-tally';
import { LoanApplication, LoanContract, ScoringCriterion } from './loan-application.entity';
import { CommitteeVoteChoice } from './loan-application-enums';
import { LoanApplicationService, type LoanOpener } from './loan-application.service';
import { defaultLoanOpener } from './loan-opener';

type Actor = Pick<StaffPrincipal, 'id' | 'roles'>;

/** One application's whole path, for demo generators and tests (services, not GraphQL). */
export interface OriginationScript {
  /** An existing client, a registry entity to register, or a founding group to register. */
  client: { clientId: string } | { entityId: string } | { foundingGroup: FoundingGroupRegistration };
  productId: string;
  amountMinor: bigint;
  instalments: number;
  gracePeriods?: number;
  purpose: string;
  jobsPromised: number;
  /** Submits, assesses and signs (a FUND_OFFICER). */
  officer: Actor;
  /** Points per criterion code; a number gives every criterion the same points (clamped to its maximum). Default 4. */
  scores?: Record<string, number> | number;
  /** COMMITTEE_MEMBERs with their votes, in order; empty = stop after assessment. */
  votes?: { member: Actor; choice: CommitteeVoteChoice; comment?: string }[];
  /** With an approval, sign on these dates; absent = stop at the decision. */
  sign?: { signedOn: CalendarDate; firstDisbursementDate: CalendarDate; firstDueDate?: CalendarDate };
}

export interface OriginationResult {
  client: FundClient;
  application: LoanApplication;
  tally: Tally | null;
  contract: LoanContract | null;
}

/**
 * Runs submit → assess → votes → decide → sign with the same rules as GraphQL (typed DomainErrors
 * on any broken rule). Each step is its own transaction; wrap the call in `em.transactional` for
 * all-or-nothing.
 */
export async function originate(em: EntityManager, script: OriginationScript, options: { locale?: Locale; openLoan?: LoanOpener | null } = {}): Promise<OriginationResult> {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const clients = new FundClientService(em, locale);
  const client =
    'clientId' in script.client
      ? await clients.get(script.client.clientId, ['clientId'])
      : 'entityId' in script.client
        ? await clients.registerEntity(script.client.entityId, script.officer)
        : await clients.registerFoundingGroup(script.client.foundingGroup, script.officer);
  const applications = new LoanApplicationService(em, locale, options.openLoan === undefined ? defaultLoanOpener(locale) : options.openLoan);
  let application = await applications.submit(
    { clientId: client.id, productId: script.productId, amountMinor: script.amountMinor, instalments: script.instalments, gracePeriods: script.gracePeriods ?? 0, purpose: script.purpose, jobsPromised: script.jobsPromised },
    script.officer,
  );
  const criteria = await em.find(ScoringCriterion, { active: true }, { orderBy: { position: 'asc' } });
  const points = (code: string, max: number) => Math.min(max, typeof script.scores === 'number' ? script.scores : (script.scores?.[code] ?? 4));
  application = await applications.assess({ applicationId: application.id, scores: criteria.map((c) => ({ criterionCode: c.code, points: points(c.code, c.maxPoints) })) }, script.officer);
  if (!script.votes?.length) return { client, application, tally: null, contract: null };
  for (const vote of script.votes) await applications.vote({ applicationId: application.id, choice: vote.choice, comment: vote.comment }, vote.member);
  const decided = await applications.decide(application.id, script.votes[0].member);
  application = decided.application;
  if (!script.sign || !decided.tally.approved) return { client, application, tally: decided.tally, contract: null };
  const contract = await applications.sign({ applicationId: application.id, ...script.sign }, script.officer);
  return { client, application, tally: decided.tally, contract };
}
