import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/relay';
import { STAFF_ROLES, StaffRole } from '../staff-role';

// The database refuses what the code would refuse too, so a hand-written row cannot break GraphQL
// (an unknown role would fail enum serialisation). Adding a role means a migration that widens this check.
const ROLES_CHECK = `roles <@ array[${STAFF_ROLES.map((r) => `'${r}'`).join(', ')}]::text[] and cardinality(roles) > 0`;

/**
 * A member of staff who signs in to the hub (fund, academy, observatory). Not a CMS editor:
 * editors sign in to the CMS itself. `passwordHash` is deliberately not a GraphQL field.
 */
@ObjectType({ implements: Node, description: 'A member of staff who signs in to the hub: fund officers, advisors, analysts, academy staff and administrators.' })
@Entity({ tableName: 'staff_user' })
@Check({ name: 'staff_user_email_lower_case', expression: 'email = lower(email)' })
@Check({ name: 'staff_user_roles_known', expression: ROLES_CHECK })
export class StaffUser extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Email address the staff member signs in with, in lower case.' })
  @Property({ type: 'text', unique: true })
  email!: string;

  @Field({ description: 'Name shown to colleagues, e.g. "Anna Kowalska".' })
  @Property({ type: 'text' })
  displayName!: string;

  /** `scrypt$N$r$p$salt$hash`; hidden from serialisation and never logged. */
  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Field(() => [StaffRole], { description: 'What this staff member may do; an administrator may do everything.' })
  @Enum({ items: () => StaffRole, array: true })
  roles: StaffRole[] = [];

  @Field({ description: 'Whether the account may sign in; disabled accounts are kept for the audit trail.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field({ description: 'When the account was created.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When the staff member last signed in; empty if never.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastLoginAt: Date | null = null;

  get localId(): string {
    return this.id;
  }

  hasRole(role: StaffRole): boolean {
    return this.roles.includes(role);
  }

  /** What JSON.stringify (and so any logger) sees: never the password hash. */
  toJSON(): Record<string, unknown> {
    return { id: this.id, displayName: this.displayName, roles: this.roles, active: this.active, createdAt: this.createdAt, lastLoginAt: this.lastLoginAt };
  }
}
