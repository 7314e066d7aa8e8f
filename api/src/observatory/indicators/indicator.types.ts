import { Field, Float, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum IndicatorBreakdown {
  TOTAL = 'TOTAL',
  LEGAL_FORM = 'LEGAL_FORM',
  STATUS = 'STATUS',
}
registerEnumType(IndicatorBreakdown, {
  name: 'IndicatorBreakdown',
  description: 'How an indicator is split: not at all (TOTAL), by legal form, or by operating status.',
});

export enum SuppressionReason {
  FEW_UNITS = 'FEW_UNITS',
  DOMINANCE = 'DOMINANCE',
  SECONDARY = 'SECONDARY',
}
registerEnumType(SuppressionReason, {
  name: 'SuppressionReason',
  description: 'Why statistical confidentiality (Public Statistics Act, art. 38) hides a value.',
  valuesConfig: {
    FEW_UNITS: { description: 'Fewer than 3 entities make up the figure.' },
    DOMINANCE: { description: 'One entity contributes more than 75 % of the figure.' },
    SECONDARY: { description: 'Hidden so that another hidden value cannot be worked out from totals or neighbouring figures.' },
  },
});

@ObjectType({ description: 'A published version of the Observatory statistics; it never changes once published, so figures can be cited.' })
export class DataVersion {
  @Field({ description: 'Version label, e.g. 2026-11-27.1.' })
  label!: string;

  @Field({ description: 'PUBLISHED for the current version, SUPERSEDED for older ones (still retrievable).' })
  status!: string;

  @Field({ description: 'What produced this version (an import, the demo data, …).' })
  cause!: string;

  @Field({ description: 'How to cite figures of this version.' })
  citation!: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the version was published.' })
  publishedAt!: Date | null;
}

@ObjectType({ description: 'Where a figure comes from and what exactly it measures.' })
export class Provenance {
  @Field({ description: 'Indicator code.' })
  indicatorCode!: string;

  @Field({ description: 'Unit of the value.' })
  unit!: string;

  @Field({ description: 'Data source.' })
  source!: string;

  @Field({ description: 'Reference date of the figure (end of the year, YYYY-MM-DD).' })
  referenceDate!: string;

  @Field({ description: 'Data version the figure belongs to.' })
  dataVersion!: string;

  @Field({ description: 'Ready-to-use citation.' })
  citation!: string;
}

@ObjectType({ description: 'One published figure of an indicator: an area, a year and (optionally) a category. Hidden figures say so and why, and never carry their value.' })
export class IndicatorValue {
  indicatorCode!: string;

  @Field({ description: 'Code of the area: a TERYT code, PL for Poland, or NUTS:<code> for a NUTS region.' })
  areaCode!: string;

  @Field({ description: 'Level of the area: COUNTRY, NUTS2, NUTS3, VOIVODESHIP, POWIAT or GMINA.' })
  areaLevel!: string;

  @Field({ description: 'Name of the area.' })
  areaName!: string;

  @Field(() => Int, { description: 'Year (state at 31 December).' })
  year!: number;

  @Field(() => IndicatorBreakdown, { description: 'How the indicator is split for this figure.' })
  breakdown!: IndicatorBreakdown;

  @Field({ description: 'Category within the breakdown (e.g. SOCIAL_COOPERATIVE), or TOTAL.' })
  category!: string;

  @Field({ description: 'True when statistical confidentiality hides this figure; value and related numbers are then null.' })
  suppressed!: boolean;

  @Field(() => SuppressionReason, { nullable: true, description: 'Why the figure is hidden.' })
  suppressionReason!: SuppressionReason | null;

  @Field(() => Float, { nullable: true, description: 'The figure, in the indicator unit; null when hidden or undefined (e.g. no population figure).' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Numerator behind the figure (null when hidden).' })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'Denominator behind the figure (population, entities, …; null when hidden or not applicable).' })
  denominator!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many entities make up the figure (null when hidden).' })
  contributors!: number | null;

  @Field(() => Float, { nullable: true, description: 'The same figure for the area one level up (null when that one is hidden).' })
  parentValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'The same figure for Poland as a whole.' })
  nationalValue!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank among sibling areas with published figures (1 = highest).' })
  siblingRank!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many sibling areas have published figures.' })
  siblingCount!: number | null;

  @Field(() => Float, { nullable: true, description: 'The figure a year earlier (null when either year is hidden).' })
  previousValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'Change against the previous year, in the indicator unit.' })
  change!: number | null;

  @Field(() => Int, { nullable: true, description: 'Year of the population figure used for per-capita rates.' })
  populationYear!: number | null;

  @Field(() => Provenance, { description: 'Definition, unit, source, reference date and data version of the figure.' })
  provenance!: Provenance;
}

@ObjectType({ description: 'A statistic the Observatory publishes for every area and year, defined as data.' })
export class Indicator {
  @Field({ description: 'Stable code, e.g. SOCIAL_COOPERATIVES_PER_100K.' })
  code!: string;

  namePl!: string;
  nameEn!: string;
  descriptionPl!: string;
  descriptionEn!: string;

  @Field({ description: 'Unit of the values.' })
  unit!: string;

  @Field(() => Int, { description: 'Multiplier applied to numerator ÷ denominator (100 for %, 100000 for per 100k inhabitants).' })
  scale!: number;

  @Field(() => [IndicatorBreakdown], { description: 'Breakdowns available besides TOTAL.' })
  breakdowns!: IndicatorBreakdown[];

  @Field({ description: 'Data source.' })
  source!: string;

  @Field({ description: 'How to cite the indicator.' })
  citation!: string;

  @Field({ description: 'What is counted or summed above the line, as a JSON definition.' })
  numeratorDefinition!: string;

  @Field(() => String, { nullable: true, description: 'What divides it, as a JSON definition (null for plain counts and sums).' })
  denominatorDefinition!: string | null;
}
