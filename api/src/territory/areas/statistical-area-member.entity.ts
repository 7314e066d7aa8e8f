import { Entity, Index, ManyToOne, PrimaryKeyProp } from '@mikro-orm/core';
import { TerritorialUnit } from '../territorial-unit.entity';
import { StatisticalArea } from './statistical-area.entity';

/**
 * "Unit U lies in area A": one row for the unit itself and for every area containing it (its
 * TERYT ancestors, the country, its NUTS-3 and NUTS-2 regions). Rollups join an entity's seat
 * unit here and group by area, so every level sums in one statement.
 */
@Entity({ tableName: 'statistical_area_member' })
export class StatisticalAreaMember {
  [PrimaryKeyProp]?: ['unit', 'area'];

  @ManyToOne(() => TerritorialUnit, { primary: true, fieldName: 'unit_code', deleteRule: 'cascade' })
  unit!: TerritorialUnit;

  @ManyToOne(() => StatisticalArea, { primary: true, deleteRule: 'cascade' })
  @Index()
  area!: StatisticalArea;
}
