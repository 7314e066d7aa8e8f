import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/dates';
import { UserError } from '../../shared/errors';
import { Money, MoneyObject, toMoneyObject } from '../../shared/money';
import { LegalForm } from '../../observatory';
import { LoanStatus } from '../loans';
import { ReliefCampaign } from './relief-campaign.entity';
import { ReliefCampaignKind, type LoanReliefEffect, type ReliefEffect, type ReliefParameters, type ReliefTarget, type ReliefTotals, type SkippedLoan } from './relief-types';

const money = (minor: string): MoneyObject => toMoneyObject(Money.ofMinor(BigInt(minor)));

@InputType({ description: 'What the relief is: which fields matter depends on the campaign kind.' })
export class ReliefParametersInput {
  @Field(() => Int, { nullable: true, description: 'PAYMENT_HOLIDAY and RATE_CUT: how many periods (instalments) the relief lasts, e.g. 6.' })
  periods?: number | null;
  @Field(() => String, { nullable: true, description: 'PAYMENT_HOLIDAY: INTEREST_ONLY (interest is paid, principal waits; default) or DEFERRAL_CAPITALISED (nothing is paid, the interest is added to the principal).' })
  holidayKind?: 'INTEREST_ONLY' | 'DEFERRAL_CAPITALISED' | null;
  @Field(() => Boolean, { nullable: true, description: 'PAYMENT_HOLIDAY: also add interest accrued and unpaid on the start date to the principal (default no).' })
  capitaliseUnpaidInterest?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'RATE_CUT: the yearly interest rate during the cut, in basis points (0 = 0 %, 100 = 1 %).' })
  annualRateBp?: number | null;
  @Field(() => Int, { nullable: true, description: 'JOBS_DEADLINE_EXTENSION: months added to the date until which the promised jobs must be kept.' })
  extendMonths?: number | null;
}

@InputType({ description: 'Which loans a campaign targets. Every condition given must hold; an empty list means any.' })
export class ReliefTargetInput {
  @Field(() => [String], { nullable: true, description: 'TERYT codes of regions: a borrower in the region or anywhere within it (its counties and municipalities) is targeted.' })
  territoryCodes?: string[] | null;
  @Field(() => [LegalForm], { nullable: true, description: 'Legal forms of the borrower (for a founding group, the form it intends to take).' })
  legalForms?: LegalForm[] | null;
  @Field(() => [ID], { nullable: true, description: 'Loan products (their ids).' })
  productIds?: string[] | null;
  @Field(() => [LoanStatus], { nullable: true, description: 'Loan statuses; default ACTIVE.' })
  loanStatuses?: LoanStatus[] | null;
  @Field(() => Int, { nullable: true, description: 'Only loans at most this many days past due.' })
  maxDaysPastDue?: number | null;
}

@InputType({ description: 'Create a relief campaign (nothing changes until it is previewed and applied).' })
export class ReliefCampaignCreateInput {
  @Field({ description: 'Name of the campaign, e.g. “Flood relief, Kłodzko county, 2026”.' }) name!: string;
  @Field(() => ReliefCampaignKind, { description: 'What the campaign does to each loan.' }) kind!: ReliefCampaignKind;
  @Field(() => DateScalar, { description: 'The business date the relief takes effect on.' }) businessDate!: string;
  @Field(() => ReliefParametersInput, { description: 'The relief’s parameters.' }) parameters!: ReliefParametersInput;
  @Field(() => ReliefTargetInput, { description: 'Which loans it targets.' }) target!: ReliefTargetInput;
}

@ObjectType('ReliefParameters', { description: 'What a relief campaign does, as it was set.' })
export class ReliefParametersObject {
  @Field(() => Int, { nullable: true, description: 'Periods (instalments) the holiday or rate cut lasts.' }) periods!: number | null;
  @Field(() => String, { nullable: true, description: 'INTEREST_ONLY or DEFERRAL_CAPITALISED, for a payment holiday.' }) holidayKind!: string | null;
  @Field({ description: 'Whether interest unpaid at the start is added to the principal.' }) capitaliseUnpaidInterest!: boolean;
  @Field(() => Int, { nullable: true, description: 'Yearly rate during a rate cut, in basis points.' }) annualRateBp!: number | null;
  @Field(() => Int, { nullable: true, description: 'Months the jobs deadline is moved by.' }) extendMonths!: number | null;
  static of(p: ReliefParameters): ReliefParametersObject { return Object.assign(new ReliefParametersObject(), p); }
}

@ObjectType('ReliefTarget', { description: 'Which loans a relief campaign targets.' })
export class ReliefTargetObject {
  @Field(() => [String], { description: 'TERYT codes of the regions (each with everything within it).' }) territoryCodes!: string[];
  @Field(() => [String], { description: 'Legal forms of the borrowers.' }) legalForms!: string[];
  @Field(() => [ID], { description: 'Loan products.' }) productIds!: string[];
  @Field(() => [String], { description: 'Loan statuses.' }) loanStatuses!: string[];
  @Field(() => Int, { nullable: true, description: 'Most days past due a targeted loan may be.' }) maxDaysPastDue!: number | null;
  static of(t: ReliefTarget): ReliefTargetObject { return Object.assign(new ReliefTargetObject(), t); }
}

@ObjectType('ReliefLoanEffect', { description: 'What a relief campaign does (or did) to one loan.' })
export class ReliefLoanEffectObject {
  constructor(private readonly e: LoanReliefEffect) {}
  @Field(() => ID, { description: 'The loan (its database id).' }) get loanId(): string { return this.e.loanId; }
  @Field(() => ID, { description: 'The borrower (fund client id).' }) get borrowerClientId(): string { return this.e.borrowerClientId; }
  @Field(() => String, { nullable: true, description: 'The borrower’s name.' }) get borrowerName(): string | null { return this.e.borrowerName; }
  @Field(() => String, { nullable: true, description: 'TERYT code of the borrower’s territory.' }) get territoryCode(): string | null { return this.e.territoryCode; }
  @Field(() => String, { nullable: true, description: 'The borrower’s legal form.' }) get legalForm(): string | null { return this.e.legalForm; }
  @Field(() => MoneyObject, { description: 'Principal outstanding the relief applies to.' }) get principalAffected(): MoneyObject { return money(this.e.principalAffectedMinor); }
  @Field(() => Int, { description: 'Instalments left before the relief.' }) get instalmentsBefore(): number { return this.e.instalmentsBefore; }
  @Field(() => Int, { description: 'Instalments after the relief (a holiday adds its periods).' }) get instalmentsAfter(): number { return this.e.instalmentsAfter; }
  @Field(() => Int, { description: 'How many of the instalments left now fall due on another date.' }) get instalmentsMoved(): number { return this.e.instalmentsMoved; }
  @Field(() => MoneyObject, { description: 'Interest the old schedule still had to accrue.' }) get interestBefore(): MoneyObject { return money(this.e.interestBeforeMinor); }
  @Field(() => MoneyObject, { description: 'Interest payable under the new schedule.' }) get interestAfter(): MoneyObject { return money(this.e.interestAfterMinor); }
  @Field(() => MoneyObject, { description: 'Interest added to the principal instead of being paid (on the start date and during a capitalised holiday).' }) get interestCapitalised(): MoneyObject { return money(this.e.interestCapitalisedMinor); }
  @Field(() => MoneyObject, { description: 'Interest the fund gives up (old interest minus new interest and interest capitalised in the schedule), zero if none.' }) get interestForgone(): MoneyObject { return money(this.e.interestForgoneMinor); }
  @Field(() => MoneyObject, { description: 'Extra interest the borrower pays because the loan runs longer, zero if none.' }) get interestAdded(): MoneyObject { return money(this.e.interestAddedMinor); }
  @Field(() => DateScalar, { nullable: true, description: 'Last due date before the relief.' }) get endDateBefore(): string | null { return this.e.endDateBefore; }
  @Field(() => DateScalar, { nullable: true, description: 'Last due date after the relief.' }) get endDateAfter(): string | null { return this.e.endDateAfter; }
  @Field(() => DateScalar, { nullable: true, description: 'Jobs (remission) deadline before.' }) get remissionDeadlineBefore(): string | null { return this.e.remissionDeadlineBefore; }
  @Field(() => DateScalar, { nullable: true, description: 'Jobs (remission) deadline after.' }) get remissionDeadlineAfter(): string | null { return this.e.remissionDeadlineAfter; }
  @Field(() => Int, { description: 'Schedule version before.' }) get scheduleVersionBefore(): number { return this.e.scheduleVersionBefore; }
  @Field(() => Int, { description: 'Schedule version after (one more when a new schedule is made; the old one stays in the loan’s history).' }) get scheduleVersionAfter(): number { return this.e.scheduleVersionAfter; }
  @Field(() => Int, { description: 'Journal entries posted for this loan (e.g. unpaid interest capitalised).' }) get journalEntries(): number { return this.e.journalEntries; }
}

@ObjectType('ReliefSkippedLoan', { description: 'A targeted loan the relief cannot apply to, and why.' })
export class ReliefSkippedLoanObject {
  @Field(() => ID, { description: 'The loan (its database id).' }) loanId!: string;
  @Field({ description: 'The loan lifecycle’s reason code (a LoanErrorCode, e.g. LOAN_NOT_DISBURSED).' }) code!: string;
  @Field({ description: 'The reason in words.' }) message!: string;
  static of(s: SkippedLoan): ReliefSkippedLoanObject { return Object.assign(new ReliefSkippedLoanObject(), s); }
}

@ObjectType('ReliefTotals', { description: 'A relief campaign’s effect over all its loans.' })
export class ReliefTotalsObject {
  constructor(private readonly t: ReliefTotals) {}
  @Field(() => Int, { description: 'Loans changed.' }) get loans(): number { return this.t.loans; }
  @Field(() => Int, { description: 'Targeted loans skipped.' }) get skipped(): number { return this.t.skipped; }
  @Field(() => MoneyObject, { description: 'Principal outstanding of the loans changed.' }) get principalAffected(): MoneyObject { return money(this.t.principalAffectedMinor); }
  @Field(() => Int, { description: 'Instalments that now fall due on another date.' }) get instalmentsMoved(): number { return this.t.instalmentsMoved; }
  @Field(() => MoneyObject, { description: 'Interest the old schedules still had to accrue.' }) get interestBefore(): MoneyObject { return money(this.t.interestBeforeMinor); }
  @Field(() => MoneyObject, { description: 'Interest payable under the new schedules.' }) get interestAfter(): MoneyObject { return money(this.t.interestAfterMinor); }
  @Field(() => MoneyObject, { description: 'Interest the fund gives up.' }) get interestForgone(): MoneyObject { return money(this.t.interestForgoneMinor); }
  @Field(() => MoneyObject, { description: 'Interest added to principal.' }) get interestCapitalised(): MoneyObject { return money(this.t.interestCapitalisedMinor); }
  @Field(() => MoneyObject, { description: 'Extra interest from longer loans.' }) get interestAdded(): MoneyObject { return money(this.t.interestAddedMinor); }
  @Field(() => Int, { description: 'Journal entries posted.' }) get journalEntries(): number { return this.t.journalEntries; }
}

@ObjectType('ReliefEffect', { description: 'The effect of a relief campaign, loan by loan and in total: as previewed, or as applied.' })
export class ReliefEffectObject {
  constructor(private readonly e: ReliefEffect) {}
  @Field(() => DateScalar, { description: 'Business date of the relief.' }) get businessDate(): string { return this.e.businessDate; }
  @Field({ description: 'Fingerprint of the targeted loans’ state the figures were computed from; the application is refused if it has changed.' }) get fingerprint(): string { return this.e.fingerprint; }
  @Field(() => [ReliefLoanEffectObject], { description: 'Each loan changed.' }) get loans(): ReliefLoanEffectObject[] { return this.e.loans.map((l) => new ReliefLoanEffectObject(l)); }
  @Field(() => [ReliefSkippedLoanObject], { description: 'Targeted loans the relief cannot apply to.' }) get skipped(): ReliefSkippedLoanObject[] { return this.e.skipped.map(ReliefSkippedLoanObject.of); }
  @Field(() => ReliefTotalsObject, { description: 'Totals.' }) get totals(): ReliefTotalsObject { return new ReliefTotalsObject(this.e.totals); }
}

@ObjectType({ description: 'The result of a relief campaign command: the campaign, or why the command was refused.' })
export class ReliefCampaignPayload {
  @Field(() => ReliefCampaign, { nullable: true, description: 'The campaign after the command; empty if refused.' })
  campaign: ReliefCampaign | null = null;
  @Field(() => [UserError], { description: 'Why the command was refused (codes from ReliefCampaignErrorCode); empty on success.' })
  errors: UserError[] = [];
}
