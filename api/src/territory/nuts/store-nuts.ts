import type { EntityManager } from '@mikro-orm/postgresql';
import type { NutsSource } from './read-nuts-source';

export interface NutsImportReport {
  /** The geometry files read, relative to the data directory. */
  files: string[];
  regions: { nuts2: number; nuts3: number; inserted: number; updated: number; unchanged: number };
  powiats: {
    mapped: number;
    inserted: number;
    updated: number;
    unchanged: number;
    /** Powiats placed by the nearest NUTS-3 boundary because their interior point fell outside every generalised outline. */
    nearest: string[];
    /** Powiats of the TERC extract the geometry has no shape for (left unmapped). */
    withoutShape: string[];
    /** Shapes whose code the TERC extract does not list as a powiat (skipped). */
    withoutUnit: string[];
  };
}

// Set-based, idempotent upserts (as for territorial units): only rows that differ are written.
const UPSERT_REGIONS = `
insert into nuts_region (code, level, name, parent_code)
select r.code, r.level, r.name, r.parent_code
from jsonb_to_recordset(?::jsonb) as r(code text, level smallint, name text, parent_code text)
on conflict (code) do update set level = excluded.level, name = excluded.name, parent_code = excluded.parent_code
where (nuts_region.level, nuts_region.name, nuts_region.parent_code) is distinct from (excluded.level, excluded.name, excluded.parent_code)
returning (xmax = 0) as inserted`;

const UPSERT_POWIATS = `
insert into powiat_nuts3 (powiat_teryt_code, nuts3_code, method)
select r.powiat, r.nuts3, r.method
from jsonb_to_recordset(?::jsonb) as r(powiat text, nuts3 text, method text)
on conflict (powiat_teryt_code) do update set nuts3_code = excluded.nuts3_code, method = excluded.method
where (powiat_nuts3.nuts3_code, powiat_nuts3.method) is distinct from (excluded.nuts3_code, excluded.method)
returning (xmax = 0) as inserted`;

function counts(rows: { inserted: boolean }[], total: number) {
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted, unchanged: total - rows.length };
}

/**
 * Writes the NUTS regions and the powiat → NUTS-3 table (within the caller's transaction). Only
 * powiats of the TERC extract (`powiatCodes`) are written; nothing is deleted.
 */
export async function storeNutsSource(tx: EntityManager, source: NutsSource, powiatCodes: ReadonlySet<string>): Promise<NutsImportReport> {
  const regions = [...source.regions].sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
  const mapped = source.powiats.filter((p) => powiatCodes.has(p.powiatCode));
  const shaped = new Set(source.powiats.map((p) => p.powiatCode));
  const regionRows = await tx.execute<{ inserted: boolean }[]>(UPSERT_REGIONS, [
    JSON.stringify(regions.map((r) => ({ code: r.code, level: r.level, name: r.name, parent_code: r.parentCode }))),
  ]);
  const powiatRows = await tx.execute<{ inserted: boolean }[]>(UPSERT_POWIATS, [
    JSON.stringify(mapped.map((p) => ({ powiat: p.powiatCode, nuts3: p.nuts3Code, method: p.method }))),
  ]);
  return {
    files: source.files,
    regions: { nuts2: regions.filter((r) => r.level === 2).length, nuts3: regions.filter((r) => r.level === 3).length, ...counts(regionRows, regions.length) },
    powiats: {
      mapped: mapped.length,
      ...counts(powiatRows, mapped.length),
      nearest: mapped.filter((p) => p.method === 'nearest').map((p) => p.powiatCode),
      withoutShape: [...powiatCodes].filter((c) => !shaped.has(c)).sort(),
      withoutUnit: source.powiats.filter((p) => !powiatCodes.has(p.powiatCode)).map((p) => p.powiatCode),
    },
  };
}
