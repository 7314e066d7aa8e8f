import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportLog } from '../../territory';
import { foldForSearch } from '../registry/search-name';
import { loadCalibration } from './calibration';
import { FEATURED_ENTITIES } from './featured';
import { generateDemoRegistry, territorySample, type SampleUnit } from './generate-registry';
import { generateDemoActivity, type DemoActivity } from './activity/generate-activity';
import type { ActivityEntity } from './activity/life-events';

export interface SeedDemoRegistryOptions {
  /** PRNG seed (DEMO_SEED): the same seed on the same territory gives the same registry. */
  seed: number;
  /** Data directory with calibration/social_economy_figures.csv; absent = built-in figures. */
  dataDir?: string;
  log?: ImportLog;
  /** The seed's clock: record times never pass it (default: now). */
  now?: Date;
}

export interface SeedDemoRegistryResult {
  /** Entities created (0 when the registry was there already). */
  created: number;
  /** True when nothing was done: the demo registry, its history and its reports were all present. */
  skipped: boolean;
  /** History rows (entity_state), events and annual reports written. */
  states: number;
  events: number;
  reports: number;
}

// Each unit with its latest population, for seat drawing.
const TERRITORY_SQL = `
  select u.teryt_code as code, u.level, u.gmina_type, u.parent_teryt_code as parent_code, p.population
  from territorial_unit u
  left join lateral (select f.population from population_figure f where f.unit_teryt_code = u.teryt_code order by f.year desc limit 1) p on true`;

const INSERT_ENTITIES = `
  insert into social_economy_entity (id, name, search_name, legal_form, krs, regon, nip, seat_teryt_code, founded_on, status, social_enterprise, pkd_code, synthetic, created_at, updated_at)
  select r.id, r.name, r.search_name, r.legal_form, r.krs, r.regon, r.nip, r.seat_teryt_code, r.founded_on, r.status, r.social_enterprise, r.pkd_code, true, now(), now()
  from jsonb_to_recordset(?::jsonb) as r(id uuid, name text, search_name text, legal_form text, krs text, regon text, nip text, seat_teryt_code text, founded_on date, status text, social_enterprise boolean, pkd_code text)
  on conflict do nothing
  returning id`;

const INSERT_STATES = `
  insert into entity_state (entity_id, legal_form, seat_teryt_code, status, social_enterprise, valid_from, valid_to, recorded_from, recorded_to)
  select r.e, r.f, r.s, r.st, r.se, r.vf, r.vt, r.rf, r.rt
  from jsonb_to_recordset(?::jsonb) as r(e uuid, f text, s text, st text, se boolean, vf date, vt date, rf timestamptz, rt timestamptz)`;

const INSERT_EVENTS = `
  insert into registry_event (entity_id, kind, occurred_on, recorded_at, details)
  select r.e, r.k, r.o, r.r, r.d
  from jsonb_to_recordset(?::jsonb) as r(e uuid, k text, o date, r timestamptz, d jsonb)`;

const INSERT_REPORTS = `
  insert into annual_report (entity_id, year, employees_headcount, employees_fte, excluded_long_term_unemployed, excluded_disabled, excluded_homeless,
    excluded_after_addiction, excluded_after_prison, excluded_refugees, excluded_other, members, volunteers,
    revenue_market, revenue_public_grants, result, surplus_reinvested, pkd_code, synthetic, recorded_at, updated_at)
  select r.e, r.y, r.hc, r.fte, r.ltu, r.dis, r.hom, r.add, r.pri, r.ref, r.oth, r.mem, r.vol, r.rm, r.rg, r.res, r.sr, r.pkd, true, r.at, r.at
  from jsonb_to_recordset(?::jsonb) as r(e uuid, y smallint, hc int, fte numeric, ltu int, dis int, hom int, add int, pri int, ref int, oth int, mem int, vol int,
    rm bigint, rg bigint, res bigint, sr bigint, pkd text, at timestamptz)`;

const CHUNK = 10_000;

async function insertChunked(tx: EntityManager, sql: string, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.execute(sql, [JSON.stringify(rows.slice(i, i + CHUNK))]);
}

/** Writes the history and reports of the given entities (set-based: a few statements per 10,000 rows). */
async function insertActivity(tx: EntityManager, activity: DemoActivity, keep: (entityId: string) => boolean): Promise<{ states: number; events: number; reports: number }> {
  const states = activity.states.filter((s) => keep(s.entityId));
  const events = activity.events.filter((e) => keep(e.entityId));
  const reports = activity.reports.filter((r) => keep(r.entityId));
  await insertChunked(tx, INSERT_STATES, states.map((s) => ({ e: s.entityId, f: s.legalForm, s: s.seatCode, st: s.status, se: s.socialEnterprise, vf: s.validFrom, vt: s.validTo, rf: s.recordedFrom, rt: s.recordedTo })));
  await insertChunked(tx, INSERT_EVENTS, events.map((e) => ({ e: e.entityId, k: e.kind, o: e.occurredOn, r: e.recordedAt, d: e.details })));
  await insertChunked(
    tx,
    INSERT_REPORTS,
    reports.map((r) => ({
      e: r.entityId, y: r.year, hc: r.employeesHeadcount, fte: r.employeesFte,
      ltu: r.excluded?.longTermUnemployed ?? null, dis: r.excluded?.disabled ?? null, hom: r.excluded?.homeless ?? null, add: r.excluded?.afterAddiction ?? null,
      pri: r.excluded?.afterPrison ?? null, ref: r.excluded?.refugees ?? null, oth: r.excluded?.other ?? null,
      mem: r.members, vol: r.volunteers, rm: r.revenueMarket, rg: r.revenuePublicGrants, res: r.result, sr: r.surplusReinvested, pkd: r.pkdCode, at: r.recordedAt,
    })),
  );
  return { states: states.length, events: events.length, reports: reports.length };
}

/**
 * Adds the synthetic demo registry once: the six featured entities and the generated ones,
 * calibrated to published figures, each with a bitemporal history (founding, moves, social
 * enterprise status, suspensions, liquidations) and annual reports for 2021–2025, all marked
 * synthetic. A database that already holds them is left alone, so a second call does nothing
 * (whatever its seed). A database seeded before the history existed (its entities present, no
 * synthetic reports) gets the history and reports of its synthetic entities. One transaction,
 * bulk inserts; an advisory lock keeps two starting hubs from both seeding.
 */
export async function seedDemoRegistry(em: EntityManager, options: SeedDemoRegistryOptions): Promise<SeedDemoRegistryResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const result = await em.transactional(async (tx): Promise<SeedDemoRegistryResult> => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('hub_demo_registry'))`);
    const [{ present, reported }] = await tx.execute<{ present: string; reported: boolean }[]>(
      `select (select count(*) from social_economy_entity where id in (select value::uuid from jsonb_array_elements_text(?::jsonb))) as present,
              exists (select 1 from annual_report where synthetic) as reported`,
      [JSON.stringify(FEATURED_ENTITIES.map((f) => f.id))],
    );
    if (Number(present) > 0 && reported) return { created: 0, skipped: true, states: 0, events: 0, reports: 0 };
    const units = await tx.execute<{ code: string; level: SampleUnit['level']; gmina_type: SampleUnit['gminaType']; parent_code: string | null; population: number | null }[]>(TERRITORY_SQL);
    const calibration = await loadCalibration(options.dataDir);
    const territory = territorySample(units.map((u) => ({ code: u.code, level: u.level, gminaType: u.gmina_type, parentCode: u.parent_code, population: u.population })));

    if (Number(present) > 0) {
      // Seeded before the registry had a history: give the synthetic entities theirs.
      const rows = await tx.execute<{ id: string; legal_form: ActivityEntity['legalForm']; seat_teryt_code: string; founded_on: string; status: ActivityEntity['status'] }[]>(
        'select id, legal_form, seat_teryt_code, founded_on, status from social_economy_entity where synthetic and founded_on is not null',
      );
      const entities: ActivityEntity[] = rows.map((r) => ({ id: r.id, legalForm: r.legal_form, seatCode: r.seat_teryt_code, foundedOn: r.founded_on, status: r.status }));
      const activity = generateDemoActivity({ seed: options.seed, calibration, territory, entities, now });
      const ids = JSON.stringify(entities.map((e) => e.id));
      await tx.execute(`delete from entity_state where entity_id in (select value::uuid from jsonb_array_elements_text(?::jsonb))`, [ids]);
      await tx.execute(`delete from registry_event where entity_id in (select value::uuid from jsonb_array_elements_text(?::jsonb))`, [ids]);
      await tx.execute(
        `update social_economy_entity e set social_enterprise = s.se, pkd_code = s.pkd from jsonb_to_recordset(?::jsonb) as s(id uuid, se boolean, pkd text) where e.id = s.id`,
        [JSON.stringify(activity.snapshots.map((s) => ({ id: s.id, se: s.socialEnterprise, pkd: s.pkdCode })))],
      );
      const written = await insertActivity(tx, activity, () => true);
      options.log?.info({ demoRegistry: { historyAdded: true, entities: entities.length, ...written, ...activity.summary, durationMs: Date.now() - started } }, 'demo registry history and reports added');
      return { created: 0, skipped: false, ...written };
    }

    const generating = Date.now();
    const records = generateDemoRegistry({ seed: options.seed, calibration, territory });
    const activity = generateDemoActivity({ seed: options.seed, calibration, territory, entities: records, now });
    const generateMs = Date.now() - generating;
    const snapshot = new Map(activity.snapshots.map((s) => [s.id, s]));
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
      social_enterprise: snapshot.get(r.id)!.socialEnterprise,
      pkd_code: snapshot.get(r.id)!.pkdCode,
    }));
    const inserted = new Set((await tx.execute<{ id: string }[]>(INSERT_ENTITIES, [JSON.stringify(rows)])).map((r) => r.id));
    // An entity that clashed with an existing one (same KRS, REGON or NIP) was not added, nor is its history.
    const written = await insertActivity(tx, activity, (id) => inserted.has(id));
    options.log?.info(
      { demoRegistry: { generated: records.length, created: inserted.size, ...written, ...activity.summary, seed: options.seed, calibration: calibration.origin, generateMs, durationMs: Date.now() - started } },
      'demo registry seeded',
    );
    return { created: inserted.size, skipped: false, ...written };
  });
  if (result.skipped) options.log?.info({ demoRegistry: { skipped: true } }, 'demo registry already present; not seeded again');
  return result;
}
