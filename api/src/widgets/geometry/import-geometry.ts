import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { buildTopology, SIMPLIFICATION, type AreaShape, type GeoLevel } from './build-topology';

/** Where each level's boundaries come from in the data directory (see shared/data/SOURCES.md). */
const PRG = {
  pl: 'Granice: PRG, GUGiK (przez jusuff/PolandGeoJson); kody: GUS, TERYT',
  en: 'Boundaries: PRG, GUGiK (via jusuff/PolandGeoJson); codes: GUS, TERYT',
};
const GISCO = {
  pl: '© EuroGeographics w zakresie granic administracyjnych (Eurostat GISCO, NUTS 2021)',
  en: '© EuroGeographics for the administrative boundaries (Eurostat GISCO, NUTS 2021)',
};

const SOURCES: Record<GeoLevel, { file: string; attribution: { pl: string; en: string } }> = {
  VOIVODESHIP: { file: join('boundaries-pl', 'jusuff_poland.voivodeships.json'), attribution: PRG },
  POWIAT: { file: join('boundaries-pl', 'jusuff_poland.counties.json'), attribution: PRG },
  GMINA: { file: join('boundaries-pl', 'jusuff_poland.municipalities.json'), attribution: PRG },
  NUTS2: { file: join('boundaries-nuts', 'NUTS_RG_20M_2021_4326_LEVL_2.geojson'), attribution: GISCO },
  NUTS3: { file: join('boundaries-nuts', 'NUTS_RG_20M_2021_4326_LEVL_3.geojson'), attribution: GISCO },
};

interface RawFeature {
  properties: Record<string, unknown> | null;
  geometry: AreaShape['geometry'] | null;
}

export interface GeometryImportReport {
  level: GeoLevel;
  version: string;
  features: number;
  bytes: number;
  /** False when the same version was stored already. */
  inserted: boolean;
  /** Shapes whose code the territory does not know (kept under their file code). */
  unmatched: string[];
}

const exists = (path: string) => stat(path).then((s) => s.isFile(), () => false);

/** Current unit names and 7-digit gmina codes, to name areas as the statistics do and to bridge the 2020 gmina codes. */
async function unitsOf(em: EntityManager, level: string): Promise<{ code: string; name: string; parent: string | null }[]> {
  return em.execute(`select teryt_code as code, name, parent_teryt_code as parent from territorial_unit where level = ?`, [level]);
}

async function areasOf(em: EntityManager, level: string): Promise<{ code: string; name: string; parent: string | null }[]> {
  return em.execute(`select code, name, parent_code as parent from statistical_area where level = ?`, [level]);
}

/** Features of a file → shapes keyed by the statistics' area codes. */
async function shapesFor(em: EntityManager, level: GeoLevel, json: { features: RawFeature[] }): Promise<{ shapes: AreaShape[]; unmatched: string[] }> {
  const unmatched: string[] = [];
  const shapes: AreaShape[] = [];
  const withGeometry = json.features.filter((f) => f.geometry && f.properties);
  if (level === 'NUTS2' || level === 'NUTS3') {
    const known = new Map((await areasOf(em, level)).map((a) => [a.code, a]));
    for (const f of withGeometry) {
      if (f.properties!.CNTR_CODE !== 'PL') continue;
      const code = `NUTS:${String(f.properties!.NUTS_ID)}`;
      const area = known.get(code);
      if (!area) unmatched.push(code);
      shapes.push({ code, name: area?.name ?? String(f.properties!.NUTS_NAME), parent: area?.parent ?? null, geometry: f.geometry! });
    }
    return { shapes, unmatched };
  }
  const units = await unitsOf(em, level);
  // Gmina files date from 2020 and carry the gmina type digit of then; join on the first 6 digits.
  const key = (code: string) => (level === 'GMINA' ? code.slice(0, 6) : code);
  const byKey = new Map(units.map((u) => [key(u.code), u]));
  for (const f of withGeometry) {
    const fileCode = String(f.properties!.terc);
    const unit = byKey.get(key(fileCode));
    if (!unit) unmatched.push(fileCode);
    const name = unit?.name ?? String(f.properties!.name);
    shapes.push({ code: unit?.code ?? fileCode, name, parent: unit?.parent ?? (level === 'VOIVODESHIP' ? null : fileCode.slice(0, level === 'GMINA' ? 4 : 2)), geometry: f.geometry! });
  }
  return { shapes, unmatched };
}

/**
 * Reads boundary files from the data directory, simplifies them to TopoJSON and stores one row
 * per level and geometry version (SHA-256 of the source file and the simplification settings).
 * Run after the territory import, so names and current gmina codes are known. Levels whose file
 * is missing are skipped. Idempotent: the same files store nothing new.
 */
export async function importWidgetGeometry(em: EntityManager, options: { dataDir: string; levels?: GeoLevel[] }): Promise<GeometryImportReport[]> {
  const reports: GeometryImportReport[] = [];
  for (const level of options.levels ?? (Object.keys(SOURCES) as GeoLevel[])) {
    const source = SOURCES[level];
    const path = join(options.dataDir, source.file);
    if (!(await exists(path))) continue;
    const bytes = await readFile(path);
    const version = createHash('sha256').update(bytes).update(JSON.stringify(SIMPLIFICATION[level])).update('topology-v1').digest('hex');
    const stored = await em.execute<{ features: number; bytes: number }[]>(`select features, bytes from widget_geometry where level = ? and version = ?`, [level, version]);
    if (stored.length) {
      reports.push({ level, version, features: stored[0].features, bytes: stored[0].bytes, inserted: false, unmatched: [] });
      continue;
    }
    const { shapes, unmatched } = await shapesFor(em, level, JSON.parse(bytes.toString('utf8')));
    if (!shapes.length) continue;
    const topo = buildTopology(level, shapes, source.attribution);
    const text = JSON.stringify(topo);
    await em.execute(
      `insert into widget_geometry (level, version, topology, bytes, features, source_files, attribution)
       values (?, ?, ?::jsonb, ?, ?, ?::text[], ?) on conflict (level, version) do nothing`,
      [level, version, text, Buffer.byteLength(text), shapes.length, `{${source.file}}`, JSON.stringify(source.attribution)],
    );
    reports.push({ level, version, features: shapes.length, bytes: Buffer.byteLength(text), inserted: true, unmatched });
  }
  return reports;
}
