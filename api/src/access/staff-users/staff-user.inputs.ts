import { Field, InputType } from 'type-graphql';
import { StaffRole } from '../staff-role';

@InputType({ description: 'Email and password of a staff member signing in.' })
export class StaffLoginInput {
  @Field({ description: 'The email address of the staff account (any letter case).' })
  email!: string;

  @Field({ description: 'The account password.' })
  password!: string;
}

@InputType({ description: 'A new staff account.' })
export class StaffUserCreateInput {
  @Field({ description: 'Email address the person will sign in with; stored in lower case and unique.' })
  email!: string;

  @Field({ description: 'Name shown to colleagues.' })
  displayName!: string;

  @Field({ description: 'Initial password, at least 12 characters; share it with the person privately.' })
  password!: string;

  @Field(() => [StaffRole], { description: 'Roles to grant; at least one.' })
  roles!: StaffRole[];
}
