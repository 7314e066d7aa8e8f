import { randomUUID } from 'node:crypto';
import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Authorized, Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../shared/relay';
import { StaffRole, StaffUser } from '../../access';
import { LegalForm, SocialEconomyEntity } from '../../observatory';
import { TerritorialUnit } from '../../territory';
import { FundClientKind } from './fund-client-kind';

/** The roles that may read a client's personal data (founding-group members). ADMIN passes every check. */
export const CLIENT_READERS = [StaffRole.FUND_OFFICER, StaffRole.ADVISOR, StaffRole.COMMITTEE_MEMBER] as const;

/**
 * A client of the fund: a registry entity, or a founding group with its members. Territory is the
 * entity's seat at registration (kept here so region filters need no join into the registry) or the
 * area where the group intends to operate.
 */
@ObjectType('FundClient', { implements: Node, description: 'A client of the fund: a social economy entity from the registry, or a founding group that intends to found one.' })
@Entity({ tableName: 'fund_client' })
@Check({
  name: 'fund_client_kind_shape',
  expression: `(kind = 'ENTITY' and entity_id is not null and intended_legal_form is null)
    or (kind = 'FOUNDING_GROUP' and entity_id is null and intended_legal_form is not null)`,
})
@Check({ name: 'fund_client_name_present', expression: `length(btrim(name)) > 0` })
export class FundClient extends Node {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => FundClientKind, { description: 'A registry entity or a founding group.' })
  @Enum({ items: () => FundClientKind })
  kind!: FundClientKind;

  @Field({ description: 'The entity’s registered name, or the name the founding group goes by.' })
  @Property({ type: 'text' })
  name!: string;

  /** Served by a field resolver (the registry's batched loader). */
  @ManyToOne(() => SocialEconomyEntity, { nullable: true, deleteRule: 'restrict', unique: 'fund_client_entity_id_unique' })
  entity: SocialEconomyEntity | null = null;

  @Field(() => LegalForm, { nullable: true, description: 'For a founding group: the legal form it intends to found.' })
  @Enum({ items: () => LegalForm, nullable: true })
  intendedLegalForm: LegalForm | null = null;

  /** Served by a field resolver (the territory's batched loader). */
  @ManyToOne(() => TerritorialUnit, { deleteRule: 'restrict' })
  @Index()
  territory!: TerritorialUnit;

  @ManyToOne(() => StaffUser, { deleteRule: 'restrict' })
  registeredBy!: StaffUser;

  @Field({ description: 'When the client was registered with the fund.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  registeredAt: Date = new Date();

  @OneToMany(() => FundClientMember, (m) => m.client, { orphanRemoval: true })
  members = new Collection<FundClientMember>(this);

  get localId(): string {
    return this.id;
  }
}

/**
 * A member of a founding group. Personal data kept to the minimum the advisory needs: a name, the
 * role in the group, an optional email. Readable only by fund roles (see CLIENT_READERS).
 */
@ObjectType('FundClientMember', { description: 'A member of a founding group (personal data: visible to fund staff only).' })
@Entity({ tableName: 'fund_client_member' })
@Unique({ name: 'fund_client_member_position_unique', properties: ['client', 'position'] })
@Check({ name: 'fund_client_member_name_present', expression: `length(btrim(full_name)) > 0` })
export class FundClientMember {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => FundClient, { deleteRule: 'cascade' })
  client!: FundClient;

  @Field(() => Int, { description: 'Order in the group’s list, from 1.' })
  @Property({ type: 'int' })
  position!: number;

  @Authorized(...CLIENT_READERS)
  @Field({ description: 'First name and surname.' })
  @Property({ type: 'text' })
  fullName!: string;

  @Authorized(...CLIENT_READERS)
  @Field({ description: 'Role in the group, e.g. "lider", "przyszły prezes zarządu".' })
  @Property({ type: 'text' })
  roleInGroup!: string;

  @Authorized(...CLIENT_READERS)
  @Field(() => String, { nullable: true, description: 'Contact email, if the member gave one.' })
  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  /** Never log personal data: what JSON.stringify (and so any logger) sees. */
  toJSON(): Record<string, unknown> {
    return { id: this.id, position: this.position };
  }
}
