import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { importTerritory } from '../../api/src/territory';
import { defaultDataDir } from '../../api/src/config';
import { IndicatorService, IndicatorBreakdown } from '../../api/src/observatory/indicators';
import {
  ENTITY_POTENTIAL, LOCAL_NEEDS, alignWaves, campaignResults, configurePseudonymKey, createCampaign, entityBenchmark, eraseRespondent, exportRawResponses,
  installBuiltinInstruments, inviteRespondents, inviteTargetEntities, launchCampaign, invitationCounts, purgeExpiredResponses, readRawResponses, saveInstrumentVersion,
  saveResponse, submitResponse, cachedEntriesFor, DiagnosticsError, publishCampaignIndicator, type InstrumentDefinition,
} from '../../api/src/diagnostics';

const T0 = new Date('2026-12-01T10:00:00Z');
const closes = new Date('2027-01-31T00:00:00Z');
const KEY = 'test-pseudonym-key-0123456789abcdef';

function entityAnswers(k: number): Record<string, unknown> {
  return {
    revenue_total: 100000 * (k + 1), market_share: (k * 7) % 100, customers: ['residents'], public_contracts: k % 2 ? 'yes' : 'no', reserves_months: k % 7,
    employees: 10, excluded_employees: k % 10, reintegration_plan: 'yes', local_benefit: String((k % 5) + 1), founded_on: '2015-03-01', strategy_document: 'yes',
    res_management: '3', res_accounting: '4', res_marketing: String((k % 5) + 1), partners: ['ops', 'pup'], owes_support: 'yes',
  };
}

describe('diagnostics: a campaign from invitation to published results', () => {
  let db: TestDatabase;
  let powiat: string;
  let gminas: string[];

  beforeAll(async () => {
    configurePseudonymKey(KEY);
    db = await createTestDatabase('diagnostics-campaign');
    await importTerritory(db.orm.em.fork(), { dataDir: defaultDataDir() });
    const rows = await db.orm.em.fork().execute<{ powiat: string; gminas: string[] }[]>(
      `select parent_teryt_code as powiat, array_agg(teryt_code order by teryt_code) as gminas from territorial_unit where level = 'GMINA' group by 1 having count(*) >= 3 order by 1 limit 1`);
    powiat = rows[0].powiat;
    gminas = rows[0].gminas;
    // 24 social cooperatives in the powiat (some in each of three gminas), 6 associations elsewhere.
    const em = db.orm.em.fork();
    for (let k = 0; k < 30; k++) {
      const seat = k < 24 ? gminas[k % 3] : '1465011';
      await em.execute(`insert into social_economy_entity (id, name, legal_form, seat_teryt_code, status, search_name) values (?, ?, ?, ?, 'ACTIVE', ?)`,
        [`00000000-0000-4000-8000-${String(k).padStart(12, '0')}`, `Spółdzielnia ${k}`, k < 24 ? 'SOCIAL_COOPERATIVE' : 'ASSOCIATION', seat, `spoldzielnia ${k}`]);
    }
  }, 120_000);
  afterAll(async () => db?.drop());

  it('runs an entity diagnosis: invite, refuse invalid answers per field, resume, submit, score, benchmark, aggregate with suppression', async () => {
    const em = db.orm.em.fork();
    const [entityVersion] = await installBuiltinInstruments(em);
    const campaign = await createCampaign(em, { instrumentVersionId: entityVersion.id, name: 'Diagnoza potencjału 2026', audience: 'ENTITIES', territoryCode: powiat, legalForms: ['SOCIAL_COOPERATIVE'], retentionDays: 365, closesAt: closes });
    await expect(inviteTargetEntities(em, campaign.id)).rejects.toThrow(DiagnosticsError); // not launched yet
    await launchCampaign(em, campaign.id, T0);
    const invitations = await inviteTargetEntities(em, campaign.id);
    expect(invitations).toHaveLength(24);
    const stored = await em.execute<{ token_sha256: string }[]>(`select token_sha256 from diagnostics_invitation`);
    expect(stored.map((s) => s.token_sha256)).not.toContain(invitations[0].token);

    // Invalid answers are refused per field; valid ones are kept for resuming.
    const first = invitations[0];
    const saved = await saveResponse(em, first.token, { market_share: 140, employees: 'many', revenue_total: 50000 }, T0);
    expect(saved.errors.map((e) => [e.field, e.code])).toEqual([['employees', 'WRONG_TYPE'], ['market_share', 'CONSTRAINT']]);
    expect(saved.errors.find((e) => e.field === 'market_share')!.message.pl).toBe('Podaj procent od 0 do 100.');
    expect(saved.answers).toEqual({ revenue_total: 50000 });
    const incomplete = await submitResponse(em, first.token, {}, T0);
    expect(incomplete.status).toBe('STARTED');
    expect(incomplete.errors.map((e) => e.code)).toContain('REQUIRED');
    expect((await invitationCounts(em, campaign.id, T0)).STARTED).toBe(1);

    for (const [k, inv] of invitations.entries()) {
      const result = await submitResponse(em, inv.token, entityAnswers(k), T0);
      expect(result.errors).toEqual([]);
      expect(result.status).toBe('SUBMITTED');
      expect(result.index).not.toBeNull();
    }
    await expect(submitResponse(em, first.token, {}, T0)).rejects.toMatchObject({ code: 'ALREADY_SUBMITTED' });
    expect(await invitationCounts(em, campaign.id, T0)).toEqual({ INVITED: 0, STARTED: 0, SUBMITTED: 24, EXPIRED: 0 });

    // Benchmark: 24 peers of the same legal form, region and nation.
    const bench = await entityBenchmark(em, 'entity_potential', first.entityId!);
    const national = bench.find((b) => b.peerGroup === 'NATIONAL' && b.dimension === 'index')!;
    expect(national.peers).toBe(24);
    expect(national.percentile).toBeGreaterThanOrEqual(0);
    expect(national.percentile).toBeLessThanOrEqual(100);

    // Per gmina: 8 respondents each (< 10) → hidden; the powiat (24) is published.
    const results = await campaignResults(em, campaign.id, 'GMINA', 'LEGAL_FORM');
    const total = results.cells.find((c) => c.areaCode === powiat && c.group === 'ALL')!;
    expect(total).toMatchObject({ respondents: 24, suppressed: false });
    expect(total.meanScores.economic).toBeGreaterThan(0);
    const perGmina = results.cells.filter((c) => gminas.includes(c.areaCode));
    expect(perGmina.length).toBeGreaterThan(0);
    expect(perGmina.every((c) => c.suppressed && Object.keys(c.meanScores).length === 0 && c.meanIndex === null)).toBe(true);

    const published = await publishCampaignIndicator(em, { campaignId: campaign.id, code: 'ENTITY_POTENTIAL_INDEX', dimension: 'index', namePl: 'Indeks potencjału', nameEn: 'Potential index', level: 'GMINA', now: T0 });
    expect(published.suppressed).toBe(perGmina.filter((c) => c.group === 'ALL').length);
    // Published into the Observatory's rollup (tests/db/diagnostics-indicators.test.ts covers the rest).
    const values = await new IndicatorService(em.fork()).values({ indicatorCodes: ['ENTITY_POTENTIAL_INDEX'], within: powiat, breakdown: IndicatorBreakdown.TOTAL }, { revealSuppressed: true });
    expect(values.find((v) => v.areaCode === powiat)!.value).not.toBeNull();
    expect(values.filter((v) => v.areaCode !== powiat).every((v) => v.value === null)).toBe(true);
  });

  it('aligns two waves: wave 2 renames, merges and drops questions and no wave-1 answer is lost', async () => {
    const em = db.orm.em.fork();
    const base: InstrumentDefinition = {
      code: 'waves_demo', title: { pl: 'Fale', en: 'Waves' }, version: 1, sections: [], choiceLists: { yn: [{ name: 'y', label: { pl: 'tak', en: 'yes' } }, { name: 'n', label: { pl: 'nie', en: 'no' } }] }, scoring: [],
      questions: [
        { ...ENTITY_POTENTIAL.questions[0], name: 'staff', type: 'integer', constraint: null, section: null },
        { ...ENTITY_POTENTIAL.questions[0], name: 'phone_help', type: 'select_one', listName: 'yn', constraint: null, section: null },
        { ...ENTITY_POTENTIAL.questions[0], name: 'mail_help', type: 'select_one', listName: 'yn', constraint: null, section: null },
        { ...ENTITY_POTENTIAL.questions[0], name: 'fax', type: 'text', constraint: null, section: null },
      ],
    };
    const v1 = await saveInstrumentVersion(em, base);
    const c1 = await createCampaign(em, { instrumentVersionId: v1.id, name: 'Fala 1', audience: 'INSTITUTIONS', territoryCode: powiat, legalForms: [], retentionDays: 365, closesAt: closes });
    await launchCampaign(em, c1.id, T0);
    await expect(saveInstrumentVersion(em, { ...base, title: { pl: 'Zmiana', en: 'Change' } })).rejects.toMatchObject({ code: 'VERSION_FROZEN' });
    const [i1] = await inviteRespondents(em, c1.id, [{ identifier: 'ops@gmina.pl', respondentKind: 'ops' }]);
    await submitResponse(em, i1.token, { staff: 7, phone_help: 'y', mail_help: 'n', fax: 'tak, mamy' }, T0);

    const wave2: InstrumentDefinition = {
      ...base, version: 2,
      questions: [
        { ...base.questions[0], name: 'staff_count', previousNames: ['staff'] },
        { ...base.questions[1], name: 'remote_help', previousNames: ['phone_help', 'mail_help'] },
      ],
    };
    await expect(saveInstrumentVersion(em, { ...wave2, questions: [{ ...wave2.questions[0], previousNames: ['nope'] }] })).rejects.toMatchObject({ code: 'UNKNOWN_PREVIOUS_NAME' });
    const v2 = await saveInstrumentVersion(em, wave2);
    const c2 = await createCampaign(em, { instrumentVersionId: v2.id, name: 'Fala 2', audience: 'INSTITUTIONS', territoryCode: powiat, legalForms: [], retentionDays: 365, closesAt: closes });
    await launchCampaign(em, c2.id, T0);
    const [i2] = await inviteRespondents(em, c2.id, [{ identifier: 'OPS@gmina.pl ', respondentKind: 'ops' }]);
    await submitResponse(em, i2.token, { staff_count: 9, remote_help: 'n' }, T0);

    const aligned = await alignWaves(em, 'waves_demo');
    expect(aligned.variables).toEqual(['fax', 'remote_help', 'staff_count']);
    expect(aligned.rows.map((r) => [r.wave, r.values])).toEqual([
      [1, { staff_count: 7, remote_help: 'y', fax: 'tak, mamy' }],
      [2, { staff_count: 9, remote_help: 'n' }],
    ]);
    // The same person in both waves has the same pseudonym (normalised identifier).
    expect(aligned.rows[0].respondentPseudonym).toBe(aligned.rows[1].respondentPseudonym);
  });

  it('keeps respondents private: pseudonyms only for analysts, special categories withheld, erasure leaves no trace, retention purges with a moved clock', async () => {
    const em = db.orm.em.fork();
    const needs = (await installBuiltinInstruments(em))[1];
    expect(needs.definition.code).toBe(LOCAL_NEEDS.code);
    const campaign = await createCampaign(em, { instrumentVersionId: needs.id, name: 'Diagnoza potrzeb', audience: 'RESIDENTS', territoryCode: powiat, legalForms: [], retentionDays: 30, closesAt: closes });
    await launchCampaign(em, campaign.id, T0);
    const people = Array.from({ length: 12 }, (_, k) => `mieszkaniec${k}@example.pl`);
    const invites = await inviteRespondents(em, campaign.id, people.map((p, k) => ({ identifier: p, respondentKind: 'resident', territoryCode: gminas[k % 3] })));
    for (const inv of invites) {
      const r = await submitResponse(em, inv.token, {
        respondent_kind: 'resident', resident_age: '65', resident_disability: 'yes', unmet_services: ['care', 'respite'], avail_care: '1', avail_daycare: '2', avail_transport: '1', avail_mental: '2', excluded_groups: ['seniors', 'disabled'],
      }, T0);
      expect(r.errors).toEqual([]);
    }
    const analyst = { staffUserId: randomUUID(), roles: ['ANALYST'] };
    const raw = await readRawResponses(em, campaign.id, analyst);
    expect(raw).toHaveLength(12);
    expect(raw[0].respondentPseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(raw)).not.toContain('example.pl');
    expect(raw[0].withheld).toEqual(['resident_disability']);
    expect(raw[0].answers.resident_disability).toBeUndefined();
    const admin = await readRawResponses(em, campaign.id, { staffUserId: randomUUID(), roles: ['ADMIN'] });
    expect(admin[0].answers.resident_disability).toBe('yes');

    const exported = await exportRawResponses(em, campaign.id, analyst, T0);
    expect(exported.csv.split('\n')[0]).toContain('respondent_pseudonym');
    const before = await campaignResults(em, campaign.id, 'POWIAT', 'RESPONDENT_KIND');
    expect(before.cells.find((c) => c.areaCode === powiat && c.group === 'ALL')).toMatchObject({ respondents: 12, suppressed: false });
    expect(cachedEntriesFor(campaign.id)).toBeGreaterThan(0);

    const report = await eraseRespondent(em, people[0], { staffUserId: analyst.staffUserId, roles: ['ADMIN'] });
    expect(report).toMatchObject({ invitations: 1, responses: 1, exports: 1 });
    expect(cachedEntriesFor(campaign.id)).toBe(0);
    const dump = JSON.stringify(await em.execute(`select * from diagnostics_invitation i left join diagnostics_response r on r.invitation_id = i.id where i.campaign_id = ?`, [campaign.id]));
    const { pseudonymOf } = await import('../../api/src/diagnostics/privacy/pseudonym');
    expect(dump).not.toContain(pseudonymOf(people[0]));
    const [{ n: exportsLeft }] = await em.execute(`select count(*)::int as n from diagnostics_export where campaign_id = ?`, [campaign.id]);
    expect(exportsLeft).toBe(0);
    const [log] = await em.execute(`select * from diagnostics_raw_access where action = 'ERASE_RESPONDENT'`);
    expect(JSON.stringify(log)).not.toContain(pseudonymOf(people[0]));
    expect(JSON.stringify(log)).not.toContain('example.pl');
    // 11 left: under 10 is not reached, the powiat is still published — with 11.
    expect((await campaignResults(em, campaign.id, 'POWIAT', 'RESPONDENT_KIND')).cells.find((c) => c.areaCode === powiat && c.group === 'ALL')!.respondents).toBe(11);

    // Retention: nothing before closing + 30 days; everything raw after, aggregates kept.
    expect((await purgeExpiredResponses(em, new Date('2027-02-15T00:00:00Z'))).campaigns).not.toContain(campaign.id);
    const purge = await purgeExpiredResponses(em, new Date('2027-03-03T00:00:00Z'));
    expect(purge.campaigns).toContain(campaign.id);
    const [{ n: left }] = await em.execute(`select count(*)::int as n from diagnostics_invitation where campaign_id = ?`, [campaign.id]);
    expect(left).toBe(0);
    const after = await campaignResults(em, campaign.id, 'POWIAT', 'RESPONDENT_KIND');
    expect(after.cells.find((c) => c.areaCode === powiat && c.group === 'ALL')).toMatchObject({ respondents: 11, suppressed: false });
  });
});
