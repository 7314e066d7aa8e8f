import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/errors';
import { ConnectionType } from '../../shared/relay';
import { Loan } from './loan.entity';
import { LoanRepayment } from './loan-transactions.entity';

@ObjectType({ description: 'The result of a loan operation: the loan as it is now, or why the operation was refused.' })
export class LoanPayload {
  @Field(() => Loan, { nullable: true, description: 'The loan after the operation; empty if it was refused.' })
  loan: Loan | null = null;

  @Field(() => [UserError], { description: 'Why the operation was refused (codes from LoanErrorCode); empty on success.' })
  errors: UserError[] = [];
}

@ObjectType({ description: 'The result of booking or reversing a repayment.' })
export class LoanRepaymentPayload {
  @Field(() => Loan, { nullable: true, description: 'The loan after the operation.' })
  loan: Loan | null = null;

  @Field(() => LoanRepayment, { nullable: true, description: 'The repayment (the first one, when the same idempotency key was sent again).' })
  repayment: LoanRepayment | null = null;

  @Field({ description: 'True when this was a retry of an earlier request with the same idempotency key, so nothing new was booked.' })
  replayed: boolean = false;

  @Field(() => [UserError], { description: 'Why the operation was refused (e.g. OVERPAYMENT, IDEMPOTENCY_KEY_REUSED); empty on success.' })
  errors: UserError[] = [];
}

export const LoanConnection = ConnectionType(Loan, 'Loan', 'A page of loans, newest first.');
