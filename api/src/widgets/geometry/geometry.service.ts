import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { tileGridTopology, type GeoLevel } from './build-topology';

/** A level's TopoJSON as served: the text, a version for cache keys and the required credit. */
export interface ServedGeometry {
  level: GeoLevel;
  version: string;
  text: string;
  attribution: { pl: string; en: string };
  fallback: boolean;
}

/** Serialised TopoJSON per version; versions never change, so the text is cached for the process. */
const textCache = new Map<string, string>();

export class GeometryService {
  constructor(private readonly em: EntityManager) {}

  /**
   * The newest stored geometry of a level; for voivodeships without stored geometry (the built-in
   * territory), the tile grid. Null when there is nothing to draw.
   */
  async current(level: GeoLevel): Promise<ServedGeometry | null> {
    const [row] = await this.em.execute<{ id: number; version: string; attribution: string }[]>(
      `select id, version, attribution from widget_geometry where level = ? order by id desc limit 1`,
      [level],
    );
    if (row) {
      const key = `${level}:${row.version}`;
      let text = textCache.get(key);
      if (!text) {
        const [{ topology }] = await this.em.execute<{ topology: string }[]>(`select topology::text as topology from widget_geometry where id = ?`, [row.id]);
        text = topology;
        textCache.set(key, text);
      }
      return { level, version: row.version.slice(0, 16), text, attribution: JSON.parse(row.attribution), fallback: false };
    }
    if (level !== 'VOIVODESHIP') return null;
    const units = await this.em.execute<{ code: string; name: string }[]>(`select teryt_code as code, name from territorial_unit where level = 'VOIVODESHIP' order by teryt_code`);
    if (!units.length) return null;
    const topo = tileGridTopology(units);
    const text = JSON.stringify(topo);
    return { level, version: `grid-${createHash('sha256').update(text).digest('hex').slice(0, 11)}`, text, attribution: topo.seh.attribution, fallback: true };
  }
}
