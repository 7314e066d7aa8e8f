import { Check, Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TerritorialUnit } from './territorial-unit.entity';

/** The population of one territorial unit in one year, with its source. */
@ObjectType('PopulationFigure', {
  description: 'The number of people living in a territorial unit (GUS: population by actual place of residence), for one year, with its source.',
})
@Entity({ tableName: 'population_figure' })
@Check({ name: 'population_figure_population_positive', expression: 'population > 0' })
export class PopulationFigure {
  [PrimaryKeyProp]?: ['unit', 'year'];

  @ManyToOne(() => TerritorialUnit, { primary: true, deleteRule: 'cascade' })
  unit!: TerritorialUnit;

  @Field(() => Int, { description: 'The year the figure describes.' })
  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @Field(() => Int, { description: 'Number of inhabitants (persons).' })
  @Property({ type: 'integer' })
  population!: number;

  @Field(() => String, { nullable: true, description: 'The date the count refers to (YYYY-MM-DD; GUS counts on 31 December), when the source states it.' })
  @Property({ type: 'date', nullable: true })
  referenceDate: string | null = null;

  @Field({ description: 'Where the figure comes from: the publisher, the table and, for sums, how it was derived.' })
  @Property({ type: 'text' })
  source!: string;
}
