import { Entity, Enum, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { StatisticalAreaLevel } from './statistical-area-level';

/**
 * An area a statistic is published for: a territorial unit (same code) or a NUTS region (code
 * NUTS:<code>). Rebuilt by the territory import from territorial_unit and nuts_region.
 */
@ObjectType('StatisticalArea', {
  description:
    'An area the hub publishes statistics for: Poland, a voivodeship, powiat or gmina (by TERYT code), or a NUTS region — the EU’s common classification of statistical regions, so that regions can be compared across Europe.',
})
@Entity({ tableName: 'statistical_area' })
export class StatisticalArea {
  [PrimaryKeyProp]?: 'code';

  @Field({ description: 'The area’s code: PL for the country, a TERYT code for a voivodeship (2 digits), powiat (4) or gmina (7), or "NUTS:" and the NUTS code for a NUTS region (e.g. "NUTS:PL213").' })
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Field(() => StatisticalAreaLevel, { description: 'Which level the area belongs to.' })
  @Enum({ items: () => StatisticalAreaLevel })
  level!: StatisticalAreaLevel;

  @Field({ description: 'Official name: as GUS writes it for TERYT units ("małopolskie", "Kraków"), as Eurostat writes it for NUTS regions ("Miasto Kraków").' })
  @Property({ type: 'text' })
  name!: string;

  /** The area this one sums into in its own hierarchy: gmina → powiat → voivodeship → country; NUTS-3 → NUTS-2 → country. */
  @ManyToOne(() => StatisticalArea, { nullable: true, deleteRule: 'restrict' })
  @Index()
  parent: StatisticalArea | null = null;
}
