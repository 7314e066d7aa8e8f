import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../shared/relay';
import { GminaType, TerritorialLevel } from './territorial-level';

/**
 * A unit of Poland's administrative division as registered in TERYT (TERC): the country, a
 * voivodeship, a powiat or a gmina. Its TERYT code is its identity and the join key with every
 * statistic and with the CMS.
 */
@ObjectType('TerritorialUnit', {
  implements: Node,
  description: 'A unit of the administrative division of Poland (country, voivodeship, powiat or gmina), as registered by Statistics Poland (GUS) in TERYT.',
})
@Entity({ tableName: 'territorial_unit' })
@Check({ name: 'territorial_unit_teryt_code_format', expression: "teryt_code ~ '^(PL|[0-9]{2}|[0-9]{4}|[0-9]{7})$'" })
@Check({ name: 'territorial_unit_gmina_type_only_for_gminas', expression: "(level = 'GMINA') = (gmina_type IS NOT NULL)" })
export class TerritorialUnit extends Node {
  [PrimaryKeyProp]?: 'terytCode';

  @Field({ description: 'TERYT code: "PL" for the country, 2 digits for a voivodeship (e.g. "12"), 4 for a powiat ("1205"), 7 for a gmina ("1205011", the last digit its type).' })
  @PrimaryKey({ type: 'string', length: 7 })
  terytCode!: string;

  @Field({ description: 'Official name as GUS writes it: voivodeships in lower case ("małopolskie"), powiats by their adjective ("gorlicki") or city name, gminas by name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => TerritorialLevel, { description: 'Which tier of the division this unit belongs to.' })
  @Enum({ items: () => TerritorialLevel })
  level!: TerritorialLevel;

  @Field(() => GminaType, { nullable: true, description: 'For a gmina: urban, rural or urban-rural. Null for other levels.' })
  @Enum({ items: () => GminaType, nullable: true })
  gminaType: GminaType | null = null;

  @Field({ description: 'True for a powiat that is a single city (miasto na prawach powiatu, e.g. Kraków); false otherwise.' })
  @Property({ type: 'boolean', default: false })
  isCityWithPowiatRights: boolean = false;

  /** The unit directly containing this one; null only for the country. Served in GraphQL by a batched field resolver. */
  @ManyToOne(() => TerritorialUnit, { nullable: true, deleteRule: 'restrict' })
  @Index()
  parent: TerritorialUnit | null = null;

  get localId(): string {
    return this.terytCode;
  }
}
