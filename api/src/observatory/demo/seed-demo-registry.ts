import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportLog } from '../../territory';
import { foldForSearch } from '../registry/search-name';
import { loadCalibration } from './calibration';
import { FEATURED_ENTITIES } from './featured';
import { generateDemoRegistry, territorySample, type SampleUnit } from './generate-registry';

export interface SeedDemoRegistryOptions {
  /** PRNG seed (DEMO_SEED): the same seed on the same territory gives the same registry. */
  seed: number;
  /** Data directory with calibration/social_economy_figures.csv; absent = built-in figures. */
  dataDir?: string;
  log?: ImportLog;
}

// Each unit with its latest population, for seat drawing.
const TERRITORY_SQL = `
  select u.teryt_code as code, u.level, u.gmina_type, u.parent_teryt_code as parent_code, p.population
  from territorial_unit u
  left join lateral (select f.population from population_figure f where f.unit_teryt_code = u.teryt_code order by f.year desc limit 1) p on true`;

const INSERT_SQL = `
  insert into social_economy_entity (id, name, search_name, legal_form, krs, regon, nip, seat_teryt_code, founded_on, status, synthetic, created_at, updated_at)
  select r.id, r.name, r.search_name, r.legal_form, r.krs, r.regon, r.nip, r.seat_teryt_code, r.founded_on, r.status, true, now(), now()
  from jsonb_to_recordset(?::jsonb) as r(id uuid, name text, search_name text, legal_form text, krs text, regon text, nip text, seat_teryt_code text, founded_on date, status text)
  on conflict do nothing
  returning id`;

/**
 * Adds the synthetic demo registry once: the six featured entities and the generated ones,
 * calibrated to published figures, all marked synthetic. A database that already holds the
 * featured entities is left alone, so a second call creates nothing (whatever its seed). One
 * transaction, one bulk insert; an advisory lock keeps two starting hubs from both seeding.
 */
export async function seedDemoRegistry(em: EntityManager, options: SeedDemoRegistryOptions): Promise<{ created: number; skipped: boolean }> {
  const started = Date.now();
  const result = await em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('hub_demo_registry'))`);
    const [{ present }] = await tx.execute<{ present: string }[]>(
      'select count(*) as present from social_economy_entity where id in (select value::uuid from jsonb_array_elements_text(?::jsonb))',
      [JSON.stringify(FEATURED_ENTITIES.map((f) => f.id))],
    );
    if (Number(present) > 0) return { created: 0, skipped: true };
    const units = await tx.execute<{ code: string; level: SampleUnit['level']; gmina_type: SampleUnit['gminaType']; parent_code: string | null; population: number | null }[]>(TERRITORY_SQL);
    const calibration = await loadCalibration(options.dataDir);
    const records = generateDemoRegistry({
      seed: options.seed,
      calibration,
      territory: territorySample(units.map((u) => ({ code: u.code, level: u.level, gminaType: u.gmina_type, parentCode: u.parent_code, population: u.population }))),
    });
    const rows = records.map((r) => ({
      id: r.id,
      name: r.name,
      search_name: foldForSearch(r.name),
      legal_form: r.legalForm,
      krs: r.krs,
      regon: r.regon,
      nip: r.nip,
      seat_teryt_code: r.seatCode,
      founded_on: r.foundedOn,
      status: r.status,
    }));
    const inserted = await tx.execute<{ id: string }[]>(INSERT_SQL, [JSON.stringify(rows)]);
    options.log?.info({ demoRegistry: { generated: records.length, created: inserted.length, seed: options.seed, calibration: calibration.origin, durationMs: Date.now() - started } }, 'demo registry seeded');
    return { created: inserted.length, skipped: false };
  });
  if (result.skipped) options.log?.info({ demoRegistry: { skipped: true } }, 'demo registry already present; not seeded again');
  return result;
}
