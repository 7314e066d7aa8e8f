import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { mapPowiatsToNuts3, parseNutsFeatures, parsePowiatShapes, type NutsRegionRecord, type PowiatNuts3Match } from './map-powiats-to-nuts';

/** NUTS regions of Poland and the powiat → NUTS-3 table derived from the geometry of a data directory. */
export interface NutsSource {
  /** The files read, relative to the data directory. */
  files: string[];
  regions: NutsRegionRecord[];
  powiats: PowiatNuts3Match[];
}

const NUTS_FILE = (level: 2 | 3) => join('boundaries-nuts', `NUTS_RG_20M_2021_4326_LEVL_${level}.geojson`);
/** Powiat layers in order of preference, with the property holding the TERYT code (both match TERC 2026). */
const POWIAT_LAYERS = [
  { file: join('boundaries-pl', 'radostw_powiaty_2025.geojson'), codeProperty: 'teryt' },
  { file: join('boundaries-pl', 'jusuff_poland.counties.json'), codeProperty: 'terc' },
] as const;

const exists = (path: string) => stat(path).then((s) => s.isFile(), () => false);
const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

/**
 * Reads the GISCO NUTS 2021 files and a powiat layer from `dataDir` and maps every powiat to its
 * NUTS-3 region. Null when the directory lacks the NUTS files or any powiat layer.
 */
export async function readNutsSource(dataDir: string): Promise<NutsSource | null> {
  const nutsPaths = [NUTS_FILE(2), NUTS_FILE(3)].map((f) => join(dataDir, f));
  if (!(await Promise.all(nutsPaths.map(exists))).every(Boolean)) return null;
  let layer: (typeof POWIAT_LAYERS)[number] | undefined;
  for (const candidate of POWIAT_LAYERS) {
    if (await exists(join(dataDir, candidate.file))) {
      layer = candidate;
      break;
    }
  }
  if (!layer) return null;
  const powiatPath = join(dataDir, layer.file);
  const [nuts2Json, nuts3Json, powiatJson] = await Promise.all([...nutsPaths, powiatPath].map(readJson));
  const nuts2 = parseNutsFeatures(nuts2Json, 2, nutsPaths[0]);
  const nuts3 = parseNutsFeatures(nuts3Json, 3, nutsPaths[1]);
  const nuts2Codes = new Set(nuts2.map((r) => r.code));
  const orphans = nuts3.filter((r) => !nuts2Codes.has(r.parentCode!)).map((r) => r.code);
  if (orphans.length) throw new Error(`NUTS-3 regions without their NUTS-2 region in ${nutsPaths[0]}: ${orphans.join(', ')}`);
  const powiats = mapPowiatsToNuts3(parsePowiatShapes(powiatJson, layer.codeProperty, powiatPath), nuts3);
  return {
    files: [...nutsPaths, powiatPath].map((p) => relative(dataDir, p)),
    regions: [...nuts2, ...nuts3].map(({ code, level, name, parentCode }) => ({ code, level, name, parentCode })),
    powiats,
  };
}
