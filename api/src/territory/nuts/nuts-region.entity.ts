import { Check, Entity, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * A Polish region of the EU's NUTS 2021 classification (Eurostat GISCO): NUTS-2 (e.g. PL21
 * Małopolskie; Mazowieckie is split into PL91 and PL92) or NUTS-3 (a subregion, e.g. PL213 Miasto Kraków).
 * Filled by the territory import from the GISCO files. GraphQL serves it as a StatisticalArea.
 */
@Entity({ tableName: 'nuts_region' })
@Check({ name: 'nuts_region_level_valid', expression: 'level >= 2 and level <= 3 and length(code) = level + 2' })
export class NutsRegion {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 5 })
  code!: string;

  /** 2 or 3. */
  @Property({ type: 'smallint' })
  level!: number;

  @Property({ type: 'text' })
  name!: string;

  /** The NUTS-2 region of a NUTS-3 region; null for NUTS-2. */
  @ManyToOne(() => NutsRegion, { nullable: true, deleteRule: 'restrict' })
  @Index()
  parent: NutsRegion | null = null;
}
