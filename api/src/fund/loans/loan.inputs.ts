import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../shared/dates';
import { DecimalScalar } from '../../shared/money';
import { LoanStatus } from './loan.entity';

@InputType({ description: 'Pay out a tranche of a loan.' })
export class LoanDisburseInput {
  @Field(() => ID, { description: 'The loan (its global id).' }) loanId!: string;
  @Field(() => DecimalScalar, { description: 'Amount paid out in złoty, e.g. "50000.00".' }) amount!: string;
  @Field(() => DateScalar, { description: 'Business date of the payout.' }) businessDate!: string;
}

@InputType({ description: 'Book a payment from the borrower.' })
export class LoanRepayInput {
  @Field(() => ID, { description: 'The loan (its global id).' }) loanId!: string;
  @Field(() => DecimalScalar, { description: 'Amount paid in złoty, e.g. "1250.00".' }) amount!: string;
  @Field(() => DateScalar, { description: 'Business date of the payment.' }) businessDate!: string;
  @Field({ description: 'Your unique key for this payment (e.g. the bank transfer id): sending it again returns the first result instead of booking twice.' }) idempotencyKey!: string;
}

@InputType({ description: 'Reverse a repayment (e.g. a bounced transfer); only the loan’s latest transaction.' })
export class LoanRepaymentReverseInput {
  @Field(() => ID, { description: 'The repayment to reverse.' }) repaymentId!: string;
  @Field(() => DateScalar, { description: 'Business date of the reversal.' }) businessDate!: string;
}

@InputType({ description: 'A payment holiday at the start of a restructured schedule.' })
export class PaymentHolidayInput {
  @Field(() => Int, { description: 'Number of periods.' }) periods!: number;
  @Field({ description: 'INTEREST_ONLY (interest is paid, principal waits) or DEFERRAL_CAPITALISED (nothing is paid; interest is added to the principal).' }) kind!: string;
}

@InputType({ description: 'Restructure a loan: a new schedule for what is outstanding, arrears included.' })
export class LoanRestructureInput {
  @Field(() => ID, { description: 'The loan (its global id).' }) loanId!: string;
  @Field(() => DateScalar, { description: 'Business date the new schedule starts.' }) businessDate!: string;
  @Field(() => Int, { description: 'Number of instalments of the new schedule (after any payment holiday).' }) instalments!: number;
  @Field(() => Int, { nullable: true, description: 'New fixed yearly interest rate in basis points (e.g. 200 = 2 %); empty keeps the rate.' }) annualRateBp?: number;
  @Field(() => PaymentHolidayInput, { nullable: true, description: 'Optional payment holiday at the start.' }) paymentHoliday?: PaymentHolidayInput;
  @Field({ nullable: true, defaultValue: false, description: 'Add unpaid interest to the principal (otherwise it is billed with the first new instalment).' }) capitaliseInterest?: boolean;
}

@InputType({ description: 'Grant the conditional remission promised in the contract.' })
export class LoanRemitInput {
  @Field(() => ID, { description: 'The loan (its global id).' }) loanId!: string;
  @Field(() => DateScalar, { description: 'Business date of the decision (on or after the contract’s deadline).' }) businessDate!: string;
  @Field(() => Int, { description: 'Share of the disbursed principal to forgive, in basis points (4000 = 40 %).' }) shareBp!: number;
  @Field(() => Int, { description: 'Jobs created and kept until the deadline, as verified.' }) jobsKept!: number;
}

@InputType({ description: 'Write off or close a loan on a business date.' })
export class LoanDateInput {
  @Field(() => ID, { description: 'The loan (its global id).' }) loanId!: string;
  @Field(() => DateScalar, { description: 'Business date.' }) businessDate!: string;
}

@InputType({ description: 'Which loans to list.' })
export class LoanFilter {
  @Field(() => LoanStatus, { nullable: true, description: 'Only loans in this state.' }) status?: LoanStatus;
  @Field(() => ID, { nullable: true, description: 'Only loans of this fund client (local id).' }) borrowerClientId?: string;
  @Field(() => Int, { nullable: true, description: 'Only loans at least this many days past due (e.g. 31 for PAR30).' }) minDaysPastDue?: number;
}
