import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/errors';
import { ConnectionType } from '../../shared/relay';
import { LegalForm } from '../../observatory';
import { FundClient } from './fund-client.entity';

@InputType({ description: 'Makes a registry entity a client of the fund.' })
export class FundClientRegisterEntityInput {
  @Field(() => ID, { description: 'The registry entity (its global id or UUID).' })
  entityId!: string;
}

@InputType({ description: 'A member of a founding group: minimal personal data.' })
export class FoundingGroupMemberInput {
  @Field({ description: 'First name and surname.' })
  fullName!: string;

  @Field({ description: 'Role in the group, e.g. "lider".' })
  roleInGroup!: string;

  @Field(() => String, { nullable: true, description: 'Contact email (optional).' })
  email?: string | null;
}

@InputType({ description: 'Registers a founding group (grupa inicjatywna) as a client of the fund.' })
export class FundClientRegisterFoundingGroupInput {
  @Field({ description: 'The name the group goes by.' })
  name!: string;

  @Field(() => LegalForm, { description: 'The legal form the group intends to found.' })
  intendedLegalForm!: LegalForm;

  @Field({ description: 'TERYT code of the voivodeship, powiat or gmina where the group intends to operate.' })
  terytCode!: string;

  @Field(() => [FoundingGroupMemberInput], { description: 'The group’s members, in order.' })
  members!: FoundingGroupMemberInput[];
}

@ObjectType({ description: 'The result of registering a fund client.' })
export class FundClientRegisterPayload {
  @Field(() => FundClient, { nullable: true, description: 'The new client; empty if it could not be registered.' })
  client: FundClient | null = null;

  @Field(() => [UserError], { description: 'Why the client could not be registered (codes: FundClientErrorCode); empty on success.' })
  errors: UserError[] = [];
}

export const FundClientConnection = ConnectionType(FundClient, 'FundClient', 'A page of fund clients, ordered by name.');
