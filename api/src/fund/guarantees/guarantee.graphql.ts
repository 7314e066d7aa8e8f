import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../shared/dates';
import { UserError } from '../../shared/errors';
import { DecimalScalar, MoneyObject } from '../../shared/money';
import { ConnectionType } from '../../shared/relay';

export enum GuaranteeStatusEnum { ACTIVE = 'ACTIVE', CALLED = 'CALLED', PAID_OUT = 'PAID_OUT', EXPIRED = 'EXPIRED', CANCELLED = 'CANCELLED' }
registerEnumType(GuaranteeStatusEnum, {
  name: 'GuaranteeStatus',
  description: 'Where a guarantee stands.',
  valuesConfig: {
    ACTIVE: { description: 'In force: covers its share of the partner’s loan.' },
    CALLED: { description: 'The partner has called it; the fund owes the called amount.' },
    PAID_OUT: { description: 'The fund has paid the call; recoveries may follow.' },
    EXPIRED: { description: 'Its term ended without a call; it covers nothing.' },
    CANCELLED: { description: 'Issued by mistake and reversed.' },
  },
});

export enum GuaranteeEventKindEnum { ISSUE = 'ISSUE', EXPOSURE_REPORT = 'EXPOSURE_REPORT', CALL = 'CALL', PAYOUT = 'PAYOUT', RECOVERY = 'RECOVERY', REVERSAL = 'REVERSAL', EXPIRY = 'EXPIRY' }
registerEnumType(GuaranteeEventKindEnum, {
  name: 'GuaranteeEventKind',
  description: 'What happened to a guarantee.',
  valuesConfig: {
    ISSUE: { description: 'Issued; the amount is the fee charged.' },
    EXPOSURE_REPORT: { description: 'The partner reported the loan’s outstanding balance.' },
    CALL: { description: 'The partner called the guarantee for the amount.' },
    PAYOUT: { description: 'The fund paid the call.' },
    RECOVERY: { description: 'Money recovered from the borrower after a payout.' },
    REVERSAL: { description: 'An earlier event reversed as a mistake.' },
    EXPIRY: { description: 'The guarantee reached the end of its term.' },
  },
});

@ObjectType('PartnerLender', { description: 'A lender whose loans the fund guarantees, e.g. a cooperative bank.' })
export class PartnerLenderObject {
  @Field(() => ID, { description: 'The partner’s id.' }) id!: string;
  @Field({ description: 'The partner’s name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Tax identification number (NIP).' }) nip!: string | null;
  @Field(() => String, { nullable: true, description: 'National Court Register number (KRS).' }) krs!: string | null;
}

@ObjectType('GuaranteeProduct', { description: 'The terms on which a guarantee fund guarantees loans.' })
export class GuaranteeProductObject {
  @Field(() => ID, { description: 'The product’s id.' }) id!: string;
  @Field(() => ID, { description: 'The guarantee fund offering it.' }) fundId!: string;
  @Field({ description: 'The product’s name.' }) name!: string;
  @Field(() => DecimalScalar, { description: 'Share of the loan’s outstanding balance covered, in per cent, e.g. "80.00".' }) coveragePercent!: string;
  @Field(() => MoneyObject, { description: 'The most one guarantee covers, e.g. 500 000 zł.' }) cap!: MoneyObject;
  @Field(() => DecimalScalar, { description: 'One-off fee on the guaranteed amount, in per cent, e.g. "0.50".' }) feePercent!: string;
  @Field(() => Int, { description: 'The longest loan term the product guarantees, in months.' }) maxTermMonths!: number;
}

@ObjectType('GuaranteeFund', { description: 'A guarantee fund: capital set aside to back guarantees, which may cover at most a multiple of it.' })
export class GuaranteeFundObject {
  @Field(() => ID, { description: 'The fund’s id.' }) id!: string;
  @Field({ description: 'The fund’s name.' }) name!: string;
  @Field(() => MoneyObject, { description: 'The capital backing the guarantees.' }) capital!: MoneyObject;
  @Field(() => DecimalScalar, { description: 'How many times its capital the fund may guarantee at once, e.g. "5.00".' }) multiplier!: string;
  @Field(() => MoneyObject, { description: 'The exposure limit: multiplier × capital.' }) limit!: MoneyObject;
  @Field(() => MoneyObject, { description: 'What the fund’s guarantees cover now, in total.' }) exposure!: MoneyObject;
  @Field(() => MoneyObject, { description: 'How much more the fund can guarantee: limit − exposure.' }) headroom!: MoneyObject;
  @Field(() => MoneyObject, { description: 'Total paid out on calls so far.' }) paidOut!: MoneyObject;
  @Field(() => MoneyObject, { description: 'Total recovered after payouts so far.' }) recovered!: MoneyObject;
  @Field(() => [GuaranteeProductObject], { description: 'The products the fund offers.' }) products!: GuaranteeProductObject[];
}

@ObjectType('GuaranteeEvent', { description: 'Something that happened to a guarantee, with the journal entry it booked.' })
export class GuaranteeEventObject {
  @Field(() => ID, { description: 'The event’s id (pass it to guaranteeEventReverse).' }) id!: string;
  @Field(() => GuaranteeEventKindEnum, { description: 'What happened.' }) kind!: GuaranteeEventKindEnum;
  @Field(() => DateScalar, { description: 'When it happened (accounting date).' }) businessDate!: string;
  @Field(() => MoneyObject, { nullable: true, description: 'The amount involved (fee, call, payout, recovery).' }) amount!: MoneyObject | null;
  @Field(() => MoneyObject, { nullable: true, description: 'For a balance report: the loan’s reported outstanding balance.' }) outstanding!: MoneyObject | null;
  @Field(() => MoneyObject, { description: 'The guarantee’s exposure after the event.' }) exposure!: MoneyObject;
  @Field(() => ID, { nullable: true, description: 'The journal entry booked for it, if money moved.' }) entryId!: string | null;
  @Field(() => ID, { nullable: true, description: 'For a reversal: the event reversed.' }) reversesEventId!: string | null;
  @Field(() => ID, { nullable: true, description: 'If reversed: the reversing event.' }) reversedById!: string | null;
}

@ObjectType('Guarantee', { description: 'A guarantee the fund gave on a partner lender’s loan: it covers a share of what the borrower still owes, up to a cap.' })
export class GuaranteeObject {
  @Field(() => ID, { description: 'The guarantee’s id.' }) id!: string;
  @Field(() => ID, { description: 'The guarantee fund backing it.' }) fundId!: string;
  @Field(() => GuaranteeProductObject, { description: 'The product it was issued under.' }) product!: GuaranteeProductObject;
  @Field(() => PartnerLenderObject, { description: 'The lender whose loan it secures.' }) partnerLender!: PartnerLenderObject;
  /** Served by a field resolver (the clients' batched loader). */
  borrowerClientId!: string | null;
  @Field({ description: 'The borrower (an organisation) as the partner names it, or the Fund client’s name when none was given.' }) borrowerName!: string;
  @Field({ description: 'The partner’s own reference for the loan.' }) partnerLoanReference!: string;
  @Field(() => MoneyObject, { description: 'The loan’s principal.' }) loanPrincipal!: MoneyObject;
  @Field(() => Int, { description: 'The loan’s term in months.' }) termMonths!: number;
  @Field(() => DateScalar, { description: 'When the guarantee was issued.' }) issuedOn!: string;
  @Field(() => DateScalar, { description: 'When it ends (issue date + term).' }) expiresOn!: string;
  @Field(() => DecimalScalar, { description: 'Share of the outstanding balance covered, in per cent.' }) coveragePercent!: string;
  @Field(() => MoneyObject, { description: 'The most it covers.' }) cap!: MoneyObject;
  @Field(() => MoneyObject, { description: 'The fee charged on issue.' }) fee!: MoneyObject;
  @Field(() => MoneyObject, { description: 'The loan’s outstanding balance as last reported by the partner.' }) reportedOutstanding!: MoneyObject;
  @Field(() => DateScalar, { description: 'When the partner last reported the balance.' }) reportedOn!: string;
  @Field(() => MoneyObject, { description: 'What the guarantee covers now: min(coverage × outstanding, cap); the called amount once called; zero after payout or expiry.' }) exposure!: MoneyObject;
  @Field(() => GuaranteeStatusEnum, { description: 'Where the guarantee stands.' }) status!: GuaranteeStatusEnum;
  @Field(() => MoneyObject, { description: 'The amount called by the partner.' }) called!: MoneyObject;
  @Field(() => MoneyObject, { description: 'The amount paid out.' }) paid!: MoneyObject;
  @Field(() => MoneyObject, { description: 'The amount recovered after payout.' }) recovered!: MoneyObject;
  @Field(() => [GuaranteeEventObject], { description: 'Everything that happened to it, oldest first.' }) events!: GuaranteeEventObject[];
}

export const GuaranteeConnection = ConnectionType(GuaranteeObject, 'Guarantee', 'A page of guarantees, most recently issued first.');

@InputType('GuaranteeFilter', { description: 'Narrows the list of guarantees; all conditions must hold.' })
export class GuaranteeFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only guarantees of this fund.' }) fundId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only guarantees on this partner’s loans.' }) partnerLenderId?: string | null;
  @Field(() => GuaranteeStatusEnum, { nullable: true, description: 'Only guarantees with this status.' }) status?: GuaranteeStatusEnum | null;
}

@InputType('PartnerLenderCreateInput', { description: 'A new partner lender.' })
export class PartnerLenderCreateInput {
  @Field({ description: 'Name, e.g. "Bank Spółdzielczy w Przykładowie".' }) name!: string;
  @Field(() => String, { nullable: true, description: 'NIP (10 digits); a NIP or a KRS number is required.' }) nip?: string | null;
  @Field(() => String, { nullable: true, description: 'KRS number (10 digits).' }) krs?: string | null;
}

@InputType('GuaranteeFundCreateInput', { description: 'A new guarantee fund; its capital is booked as paid in.' })
export class GuaranteeFundCreateInput {
  @Field({ description: 'The fund’s name.' }) name!: string;
  @Field(() => DecimalScalar, { description: 'Capital in złoty, e.g. "2000000.00".' }) capital!: string;
  @Field(() => DecimalScalar, { description: 'Multiplier: total exposure may be at most this many times the capital, e.g. "5".' }) multiplier!: string;
  @Field(() => DateScalar, { description: 'Accounting date of the capital contribution.' }) businessDate!: string;
}

@InputType('GuaranteeProductCreateInput', { description: 'A new guarantee product.' })
export class GuaranteeProductCreateInput {
  @Field(() => ID, { description: 'The guarantee fund offering it.' }) fundId!: string;
  @Field({ description: 'The product’s name.' }) name!: string;
  @Field(() => DecimalScalar, { description: 'Coverage in per cent of the outstanding balance, e.g. "80".' }) coveragePercent!: string;
  @Field(() => DecimalScalar, { description: 'The most one guarantee covers, in złoty, e.g. "500000".' }) cap!: string;
  @Field(() => DecimalScalar, { description: 'Fee in per cent of the guaranteed amount, e.g. "0.5".' }) feePercent!: string;
  @Field(() => Int, { description: 'The longest loan term guaranteed, in months.' }) maxTermMonths!: number;
}

@InputType('GuaranteeIssueInput', { description: 'A guarantee on a partner lender’s loan.' })
export class GuaranteeIssueInput {
  @Field(() => ID, { description: 'The product to issue under.' }) productId!: string;
  @Field(() => ID, { description: 'The partner lender.' }) partnerLenderId!: string;
  @Field(() => String, { nullable: true, description: 'The borrower’s name as the partner gives it; may be left out when borrowerClientId is given (the client’s name is used).' }) borrowerName?: string | null;
  @Field(() => ID, { nullable: true, description: 'The borrower as a client of the Fund (a FundClient id), when it is one. Only such guarantees count in the public statistics of the borrower’s area; a borrower known only by name counts in Poland’s total alone.' }) borrowerClientId?: string | null;
  @Field({ description: 'The partner’s reference for the loan (unique per partner).' }) partnerLoanReference!: string;
  @Field(() => DecimalScalar, { description: 'The loan’s principal in złoty.' }) loanPrincipal!: string;
  @Field(() => Int, { description: 'The loan’s term in months.' }) termMonths!: number;
  @Field(() => DateScalar, { description: 'The issue date.' }) issuedOn!: string;
}

@InputType('GuaranteeExposureReportInput', { description: 'The partner’s report of the secured loan’s outstanding balance.' })
export class GuaranteeExposureReportInput {
  @Field(() => ID, { description: 'The guarantee.' }) guaranteeId!: string;
  @Field(() => DateScalar, { description: 'The date of the balance.' }) businessDate!: string;
  @Field(() => DecimalScalar, { description: 'Outstanding principal in złoty.' }) outstanding!: string;
}

@InputType('GuaranteeCallInput', { description: 'The partner calls the guarantee after the borrower defaulted.' })
export class GuaranteeCallInput {
  @Field(() => ID, { description: 'The guarantee.' }) guaranteeId!: string;
  @Field(() => DateScalar, { description: 'The date of the call.' }) businessDate!: string;
  @Field(() => DecimalScalar, { description: 'The amount called, in złoty (at most the current exposure).' }) amount!: string;
}

@InputType('GuaranteePayoutInput', { description: 'Pays a called guarantee.' })
export class GuaranteePayoutInput {
  @Field(() => ID, { description: 'The guarantee.' }) guaranteeId!: string;
  @Field(() => DateScalar, { description: 'The payment date.' }) businessDate!: string;
}

@InputType('GuaranteeRecoveryInput', { description: 'Money recovered from the borrower after a payout.' })
export class GuaranteeRecoveryInput {
  @Field(() => ID, { description: 'The guarantee.' }) guaranteeId!: string;
  @Field(() => DateScalar, { description: 'The date the money came in.' }) businessDate!: string;
  @Field(() => DecimalScalar, { description: 'The amount recovered, in złoty.' }) amount!: string;
}

@InputType('GuaranteeEventReverseInput', { description: 'Reverses a mistaken recovery, or cancels a guarantee issued by mistake.' })
export class GuaranteeEventReverseInput {
  @Field(() => ID, { description: 'The event to reverse.' }) eventId!: string;
  @Field(() => DateScalar, { description: 'The accounting date of the reversal.' }) businessDate!: string;
  @Field({ description: 'Why it is reversed.' }) memo!: string;
}

@ObjectType('GuaranteePayload', { description: 'The result of an operation on a guarantee.' })
export class GuaranteePayload {
  @Field(() => GuaranteeObject, { nullable: true, description: 'The guarantee after the operation.' }) guarantee!: GuaranteeObject | null;
  @Field(() => [UserError], { description: 'Why the operation was refused (empty on success).' }) errors!: UserError[];
}

@ObjectType('GuaranteeFundPayload', { description: 'The result of creating a guarantee fund or product.' })
export class GuaranteeFundPayload {
  @Field(() => GuaranteeFundObject, { nullable: true, description: 'The fund after the operation.' }) fund!: GuaranteeFundObject | null;
  @Field(() => [UserError], { description: 'Why the operation was refused (empty on success).' }) errors!: UserError[];
}

@ObjectType('PartnerLenderCreatePayload', { description: 'The result of adding a partner lender.' })
export class PartnerLenderCreatePayload {
  @Field(() => PartnerLenderObject, { nullable: true, description: 'The new partner lender.' }) partnerLender!: PartnerLenderObject | null;
  @Field(() => [UserError], { description: 'Why it was refused (empty on success).' }) errors!: UserError[];
}
