import { BeforeCreate, BeforeUpdate, Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/relay';
import { TerritorialUnit } from '../../territory';
import { LegalForm, SocialEconomyEntityStatus } from './legal-form';
import { foldForSearch } from './search-name';

/**
 * An entry of the Observatory's registry: a social cooperative, an NGO, a reintegration unit
 * (CIS, KIS, ZAZ, WTZ) or another social economy entity, seated in a territorial unit.
 */
@ObjectType('SocialEconomyEntity', {
  implements: Node,
  description: 'A social economy entity (podmiot ekonomii społecznej) in the Observatory registry: a social cooperative, an association, a foundation, a reintegration unit and the like.',
})
@Entity({ tableName: 'social_economy_entity' })
@Index({ name: 'social_economy_entity_name_id_index', properties: ['name', 'id'] })
@Check({ name: 'social_economy_entity_krs_format', expression: "krs ~ '^[0-9]{10}$'" })
@Check({ name: 'social_economy_entity_regon_format', expression: "regon ~ '^([0-9]{9}|[0-9]{14})$'" })
@Check({ name: 'social_economy_entity_nip_format', expression: "nip ~ '^[0-9]{10}$'" })
@Check({ name: 'social_economy_entity_pkd_code_format', expression: "pkd_code ~ '^[0-9]{2}\\.[0-9]{2}\\.[A-Z]$'" })
@Index({
  name: 'social_economy_entity_search_name_trgm_index',
  expression: 'create index "social_economy_entity_search_name_trgm_index" on "social_economy_entity" using gin ("search_name" gin_trgm_ops)',
})
export class SocialEconomyEntity extends Node {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Registered name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => LegalForm, { description: 'Legal or organisational form.' })
  @Enum({ items: () => LegalForm })
  legalForm!: LegalForm;

  @Field(() => String, { nullable: true, description: 'National Court Register (KRS) number, 10 digits; null when the entity is not in KRS (e.g. a unit run by a municipality).' })
  @Property({ type: 'string', length: 10, nullable: true, unique: true })
  krs: string | null = null;

  @Field(() => String, { nullable: true, description: 'REGON statistical number (9 digits; 14 for a local unit of a larger body).' })
  @Property({ type: 'string', length: 14, nullable: true, unique: true })
  regon: string | null = null;

  @Field(() => String, { nullable: true, description: 'NIP tax identification number, 10 digits.' })
  @Property({ type: 'string', length: 10, nullable: true, unique: true })
  nip: string | null = null;

  /** Registered seat: the finest territorial unit known (a gmina when the full TERYT is loaded). Served by a batched field resolver. */
  @ManyToOne(() => TerritorialUnit, { deleteRule: 'restrict' })
  @Index()
  seat!: TerritorialUnit;

  @Field(() => String, { nullable: true, description: 'Date of founding or first registration (YYYY-MM-DD), when known.' })
  @Property({ type: 'date', nullable: true })
  foundedOn: string | null = null;

  @Field(() => SocialEconomyEntityStatus, { description: 'Whether the entity operates, has paused, is in liquidation or has been dissolved.' })
  @Enum({ items: () => SocialEconomyEntityStatus })
  status: SocialEconomyEntityStatus = SocialEconomyEntityStatus.ACTIVE;

  @Field({ description: 'Whether the entity holds social enterprise status today (przedsiębiorstwo społeczne, granted by the voivode under the Act of 5 August 2022 on the social economy).' })
  @Property({ type: 'boolean', default: false })
  socialEnterprise: boolean = false;

  @Field(() => String, { nullable: true, description: 'Main activity as a PKD 2007 class, e.g. "88.10.Z" (social work without accommodation for the elderly and disabled); null when unknown.' })
  @Property({ type: 'string', length: 8, nullable: true })
  pkdCode: string | null = null;

  /** The name folded for diacritics-insensitive search (see foldForSearch); kept in step with `name` on every write. */
  @Property({ type: 'text' })
  searchName!: string;

  @Field({ description: 'True for generated demonstration records, which do not describe real organisations; show them labelled as such.' })
  @Property({ type: 'boolean', default: false })
  synthetic: boolean = false;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @BeforeCreate()
  @BeforeUpdate()
  foldName(): void {
    this.searchName = foldForSearch(this.name);
  }

  get localId(): string {
    return this.id;
  }
}
