import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/errors';
import { ConnectionType } from '../../shared/relay';
import { StaffUser } from './staff-user.entity';

@ObjectType({ description: 'The result of signing in: a token to send as "Authorization: Bearer <token>", or errors.' })
export class StaffLoginPayload {
  @Field(() => String, { nullable: true, description: 'A signed token (JWT) proving who you are; empty if sign-in failed.' })
  token: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the token stops working; sign in again after that.' })
  expiresAt: Date | null = null;

  @Field(() => StaffUser, { nullable: true, description: 'The staff member who signed in.' })
  user: StaffUser | null = null;

  @Field(() => [UserError], { description: 'Why sign-in failed (INVALID_CREDENTIALS, ACCOUNT_DISABLED); empty on success.' })
  errors: UserError[] = [];
}

@ObjectType({ description: 'The result of creating a staff account.' })
export class StaffUserCreatePayload {
  @Field(() => StaffUser, { nullable: true, description: 'The new account; empty if it could not be created.' })
  staffUser: StaffUser | null = null;

  @Field(() => [UserError], { description: 'Why the account could not be created (e.g. EMAIL_TAKEN, PASSWORD_TOO_SHORT); empty on success.' })
  errors: UserError[] = [];
}

export const StaffUserConnection = ConnectionType(StaffUser, 'StaffUser', 'A page of staff accounts, ordered by email.');
