import { Entity, Enum, Index, ManyToOne, PrimaryKeyProp } from '@mikro-orm/core';
import { TerritorialUnit } from '../territorial-unit.entity';
import { NutsRegion } from './nuts-region.entity';
import type { PowiatNutsMethod } from './map-powiats-to-nuts';

export const POWIAT_NUTS_METHODS: readonly PowiatNutsMethod[] = ['centroid-in-polygon', 'nearest'];

/**
 * The NUTS-3 region a powiat lies in. NUTS-3 regions are unions of whole powiats, so the table is
 * derived from geometry: an interior point of the powiat tested against the NUTS-3 outlines.
 */
@Entity({ tableName: 'powiat_nuts3' })
export class PowiatNuts3 {
  [PrimaryKeyProp]?: 'powiat';

  @ManyToOne(() => TerritorialUnit, { primary: true, columnType: 'varchar(4)', deleteRule: 'cascade' })
  powiat!: TerritorialUnit;

  @ManyToOne(() => NutsRegion, { deleteRule: 'restrict' })
  @Index()
  nuts3!: NutsRegion;

  /** 'centroid-in-polygon', or 'nearest' when the point fell outside every (generalised) NUTS-3 outline. */
  @Enum({ items: [...POWIAT_NUTS_METHODS], type: 'text' })
  method!: PowiatNutsMethod;
}
