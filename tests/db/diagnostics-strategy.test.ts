import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { importTerritory } from '../../api/src/territory';
import { defaultDataDir } from '../../api/src/config';
import { seedDemoRegistry, refreshIndicators } from '../../api/src/observatory';
import { configurePseudonymKey, createCampaign, installBuiltinInstruments, inviteRespondents, launchCampaign, submitResponse } from '../../api/src/diagnostics';
import { createLocalStrategy, currentIndicatorValues, loadLocalStrategy, reviseLocalStrategy } from '../../api/src/diagnostics/strategy/local-strategy.service';
import { renderStrategyPdf } from '../../api/src/diagnostics/strategy/render-strategy-pdf';

const T0 = new Date('2026-12-01T10:00:00Z');

describe('a local development strategy for one powiat, from demo data', () => {
  let db: TestDatabase;
  let powiat: string;

  beforeAll(async () => {
    configurePseudonymKey('test-pseudonym-key-0123456789abcdef');
    db = await createTestDatabase('diagnostics-strategy');
    await importTerritory(db.orm.em.fork(), { dataDir: defaultDataDir() });
    await seedDemoRegistry(db.orm.em.fork(), { seed: 2026, dataDir: defaultDataDir() });
    await refreshIndicators(db.orm.em.fork(), { cause: 'diagnostics strategy test' });
    const [top] = await db.orm.em.fork().execute<{ powiat: string }[]>(
      `select left(seat_teryt_code, 4) as powiat from social_economy_entity where status = 'ACTIVE' and legal_form = 'SOCIAL_COOPERATIVE' group by 1 order by count(*) desc, 1 limit 1`);
    powiat = top.powiat;
  }, 400_000);
  afterAll(async () => db?.drop());

  it('drafts the strategy from a needs diagnosis and indicators, versions edits, and renders a deterministic PDF', async () => {
    const em = db.orm.em.fork();
    const needs = (await installBuiltinInstruments(em))[1];
    const campaign = await createCampaign(em, { instrumentVersionId: needs.id, name: 'Diagnoza potrzeb powiatu', audience: 'INSTITUTIONS', territoryCode: powiat, legalForms: [], retentionDays: 365, closesAt: new Date('2027-01-31T00:00:00Z') });
    await launchCampaign(em, campaign.id, T0);
    const kinds = ['ops', 'pcpr', 'pup', 'ngo', 'resident'];
    const invites = await inviteRespondents(em, campaign.id, Array.from({ length: 14 }, (_, k) => ({ identifier: `osoba${k}@example.pl`, respondentKind: kinds[k % 5] })));
    for (const [k, inv] of invites.entries()) {
      const kind = kinds[k % 5];
      const r = await submitResponse(em, inv.token, {
        respondent_kind: kind, ...(['ops', 'pcpr', 'pup'].includes(kind) ? { institution_staff: 12 } : {}),
        unmet_services: k % 2 ? ['care', 'employment'] : ['care', 'disability'], avail_care: '1', avail_daycare: '2', avail_transport: '2', avail_mental: '3', excluded_groups: ['seniors', 'long_unemployed'],
        ...(kind !== 'resident' ? { partner_kinds: ['social_coop', 'ngo'], commissioning: 'no' } : {}),
      }, T0);
      expect(r.errors).toEqual([]);
    }

    const created = await createLocalStrategy(em, { territoryCode: powiat, needsCampaignId: campaign.id, preparedOn: '2026-12-01', targetYear: 2030 });
    const doc = created.document;
    expect(doc.diagnosis.respondents).toBe(14);
    expect(doc.problems[0].pl).toContain('usług opiekuńczych');
    expect(doc.actions.flatMap((a) => a.partners).length).toBeGreaterThan(0);
    const baseline = doc.indicators.find((i) => i.code === 'ACTIVE_ENTITIES')!;
    expect(baseline.baselineValue).toBeGreaterThan(0);

    const revised = await reviseLocalStrategy(em, created.id, { goals: [...doc.goals, { pl: 'Powołać partnerstwo lokalne na rzecz ekonomii społecznej.', en: 'Set up a local social economy partnership.' }], targets: { ACTIVE_ENTITIES: 999 } }, null);
    expect(revised.version).toBe(2);
    expect(revised.document.indicators.find((i) => i.code === 'ACTIVE_ENTITIES')).toMatchObject({ baselineValue: baseline.baselineValue, targetValue: 999 });
    expect((await loadLocalStrategy(em, created.id, 1)).document.goals).toHaveLength(doc.goals.length);

    const current = await currentIndicatorValues(em, revised.document);
    expect(current.ACTIVE_ENTITIES?.value).toBe(baseline.baselineValue);
    const pdf = await renderStrategyPdf(revised.document, current, revised.version);
    expect((await renderStrategyPdf(revised.document, current, revised.version)).equals(pdf)).toBe(true);
    const file = '/tmp/diagnostics-strategy.pdf';
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    expect(text).toContain('Lokalna strategia rozwoju ekonomii społecznej');
    expect(text).toContain('Wskaźniki monitorowania');
    expect(text).toContain('Powołać partnerstwo lokalne');
    expect(text).toContain(doc.actions[0].partners[0]?.name ?? 'Partnerzy');
  });
});
