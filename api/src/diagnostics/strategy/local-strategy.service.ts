import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IndicatorBreakdown, IndicatorService } from '../../observatory';
import { campaignResults } from '../results/aggregate-results';
import { loadCampaign } from '../campaigns/campaign.service';
import { loadVersion } from '../instruments/instrument.service';
import { DiagnosticsError, DiagnosticsErrorCode } from '../diagnostics-errors';
import type { Text2 } from '../instruments/instrument-model';

/** One monitoring indicator: an Observatory indicator with its baseline fixed at creation and a target. */
export interface MonitoringIndicator {
  code: string;
  name: Text2;
  unit: string;
  baselineYear: number | null;
  baselineValue: number | null;
  targetValue: number | null;
  targetYear: number;
}

export interface StrategyAction {
  title: Text2;
  goal: number;
  /** Registry entities of the area that could carry the action. */
  partners: { id: string; name: string; legalForm: string }[];
  lead: Text2;
}

/** A local development strategy's content; every edit stores a new version. */
export interface StrategyDocument {
  title: Text2;
  territory: { code: string; name: string; level: string };
  /** When the document was made (fixed, so the PDF is the same bytes each time). */
  preparedOn: string;
  diagnosis: { campaignId: string | null; respondents: number | null; summary: Text2 };
  problems: Text2[];
  goals: Text2[];
  actions: StrategyAction[];
  indicators: MonitoringIndicator[];
}

// What a named gap in the local needs diagnosis becomes: a problem, a goal and an action.
const NEED_PLAYBOOK: Record<string, { problem: Text2; goal: Text2; action: Text2; forms: string[] }> = {
  care: { problem: { pl: 'Brak usług opiekuńczych dla osób starszych w miejscu zamieszkania.', en: 'Lack of home care services for older people.' }, goal: { pl: 'Zwiększyć dostępność usług opiekuńczych świadczonych przez podmioty ekonomii społecznej.', en: 'Increase home care provided by social economy entities.' }, action: { pl: 'Zlecenie usług opiekuńczych spółdzielniom socjalnym w trybie klauzul społecznych.', en: 'Commission home care from social cooperatives under social clauses.' }, forms: ['SOCIAL_COOPERATIVE', 'FOUNDATION', 'ASSOCIATION'] },
  respite: { problem: { pl: 'Opiekunowie nieformalni nie mają wsparcia wytchnieniowego.', en: 'Informal carers lack respite support.' }, goal: { pl: 'Uruchomić opiekę wytchnieniową dla rodzin.', en: 'Start respite care for families.' }, action: { pl: 'Program opieki wytchnieniowej prowadzony z organizacjami pozarządowymi.', en: 'Respite care programme run with NGOs.' }, forms: ['ASSOCIATION', 'FOUNDATION'] },
  disability: { problem: { pl: 'Niewystarczające wsparcie osób z niepełnosprawnościami.', en: 'Insufficient support for people with disabilities.' }, goal: { pl: 'Rozwinąć zatrudnienie wspierane i usługi asystenckie.', en: 'Develop supported employment and personal assistance.' }, action: { pl: 'Współpraca z ZAZ i WTZ przy zatrudnieniu wspieranym.', en: 'Supported employment with ZAZ and WTZ.' }, forms: ['ZAZ', 'WTZ', 'COOPERATIVE_OF_DISABLED_OR_BLIND'] },
  employment: { problem: { pl: 'Osoby długotrwale bezrobotne nie wracają na rynek pracy.', en: 'Long-term unemployed people do not return to work.' }, goal: { pl: 'Zwiększyć zatrudnienie osób zagrożonych wykluczeniem w podmiotach ekonomii społecznej.', en: 'Increase employment of people at risk of exclusion in social economy entities.' }, action: { pl: 'Ścieżki reintegracji CIS/KIS z PUP i przejście do spółdzielni socjalnych.', en: 'CIS/KIS reintegration paths with the labour office leading to social cooperatives.' }, forms: ['CIS', 'KIS', 'SOCIAL_COOPERATIVE'] },
  housing: { problem: { pl: 'Brak mieszkań wspomaganych i treningowych.', en: 'No supported or training housing.' }, goal: { pl: 'Utworzyć mieszkania wspomagane.', en: 'Create supported housing.' }, action: { pl: 'Mieszkania treningowe prowadzone przez organizacje pozarządowe.', en: 'Training flats run by NGOs.' }, forms: ['ASSOCIATION', 'FOUNDATION'] },
  youth: { problem: { pl: 'Brak wsparcia dzieci i młodzieży w trudnej sytuacji.', en: 'Little support for children and young people in difficulty.' }, goal: { pl: 'Rozwinąć placówki wsparcia dziennego.', en: 'Develop day support centres.' }, action: { pl: 'Świetlice środowiskowe prowadzone przez organizacje.', en: 'Community day centres run by NGOs.' }, forms: ['ASSOCIATION', 'FOUNDATION'] },
  mental: { problem: { pl: 'Trudny dostęp do wsparcia psychologicznego.', en: 'Poor access to psychological support.' }, goal: { pl: 'Zapewnić środowiskowe wsparcie psychologiczne.', en: 'Provide community psychological support.' }, action: { pl: 'Punkty wsparcia psychologicznego we współpracy z NGO.', en: 'Psychological support points with NGOs.' }, forms: ['ASSOCIATION', 'FOUNDATION'] },
};
const DEFAULT_NEEDS = ['employment', 'care'];
const MONITORING = ['SOCIAL_COOPERATIVES_PER_100K', 'ACTIVE_ENTITIES', 'JOBS_PER_10K', 'SOCIAL_ENTERPRISES'];

export interface StrategyCreateCommand {
  territoryCode: string;
  needsCampaignId?: string | null;
  preparedOn: string;
  targetYear: number;
  createdBy?: string | null;
}

/**
 * Drafts a strategy from the area's local needs diagnosis (published, disclosure-controlled
 * shares only) and its Observatory indicators: the most named gaps become problems, goals and
 * actions; the area's active entities of fitting legal forms become partners; indicator
 * baselines are the latest published values and targets +20 %.
 */
export async function createLocalStrategy(em: EntityManager, cmd: StrategyCreateCommand): Promise<{ id: string; version: number; document: StrategyDocument }> {
  const [unit] = await em.execute<{ name: string; level: string }[]>(`select name, level from territorial_unit where teryt_code = ?`, [cmd.territoryCode]);
  if (!unit) throw new DiagnosticsError(DiagnosticsErrorCode.NOT_FOUND, 'pl', ['territoryCode']);
  let needs: string[] = [];
  let respondents: number | null = null;
  if (cmd.needsCampaignId) {
    const campaign = await loadCampaign(em, cmd.needsCampaignId);
    if ((await loadVersion(em, campaign.instrument_version_id))!.definition.code !== 'local_needs') throw new DiagnosticsError(DiagnosticsErrorCode.INVALID_INPUT, 'pl', ['needsCampaignId']);
    const results = await campaignResults(em, campaign.id, 'POWIAT', 'RESPONDENT_KIND');
    const cell = results.cells.find((c) => c.areaCode === cmd.territoryCode && c.group === 'ALL') ?? results.cells.find((c) => c.areaCode === results.areaCode && c.group === 'ALL');
    respondents = cell?.respondents ?? 0;
    if (cell && !cell.suppressed) needs = Object.entries(cell.choiceShares.unmet_services ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k).filter((k) => NEED_PLAYBOOK[k]).slice(0, 3);
  }
  const fromDiagnosis = needs.length > 0;
  if (!needs.length) needs = DEFAULT_NEEDS;

  const entities = await em.execute<{ id: string; name: string; legal_form: string }[]>(
    `select id, name, legal_form from social_economy_entity where status = 'ACTIVE' and starts_with(seat_teryt_code, ?) order by name, id`, [cmd.territoryCode]);
  const actions: StrategyAction[] = needs.map((need, i) => ({
    title: NEED_PLAYBOOK[need].action,
    goal: i + 1,
    partners: entities.filter((e) => NEED_PLAYBOOK[need].forms.includes(e.legal_form)).slice(0, 4).map((e) => ({ id: e.id, name: e.name, legalForm: e.legal_form })),
    lead: { pl: unit.level === 'POWIAT' ? 'Powiatowe Centrum Pomocy Rodzinie' : 'Ośrodek Pomocy Społecznej', en: unit.level === 'POWIAT' ? 'County Family Assistance Centre' : 'Social Assistance Centre' },
  }));

  const service = new IndicatorService(em);
  const definitions = await service.definitions(MONITORING);
  const values = await service.values({ indicatorCodes: MONITORING, areaCodes: [cmd.territoryCode], breakdown: IndicatorBreakdown.TOTAL }, { revealSuppressed: false });
  const indicators: MonitoringIndicator[] = MONITORING.map((code) => {
    const def = definitions.find((d) => d.code === code);
    const latest = values.filter((v) => v.indicatorCode === code && v.value !== null).sort((a, b) => b.year - a.year)[0];
    const baseline = latest ? Number(latest.value) : null;
    return {
      code, name: { pl: def?.namePl ?? code, en: def?.nameEn ?? code }, unit: def?.unit ?? '',
      baselineYear: latest?.year ?? null, baselineValue: baseline, targetValue: baseline === null ? null : Math.round(baseline * 1.2 * 100) / 100, targetYear: cmd.targetYear,
    };
  });

  const document: StrategyDocument = {
    title: { pl: `Lokalna strategia rozwoju ekonomii społecznej — ${unit.name}`, en: `Local social economy development strategy — ${unit.name}` },
    territory: { code: cmd.territoryCode, name: unit.name, level: unit.level },
    preparedOn: cmd.preparedOn,
    diagnosis: {
      campaignId: cmd.needsCampaignId ?? null,
      respondents,
      summary: fromDiagnosis
        ? { pl: `Diagnoza potrzeb lokalnych (${respondents} respondentów: OPS, PCPR, PUP, organizacje i mieszkańcy) wskazała jako najbardziej brakujące usługi: ${needs.map((n) => NEED_PLAYBOOK[n].problem.pl.replace(/\.$/, '').toLowerCase()).join('; ')}.`, en: `The local needs diagnosis (${respondents} respondents: social assistance, family assistance, labour office, NGOs and residents) named as most lacking: ${needs.map((n) => NEED_PLAYBOOK[n].problem.en.replace(/\.$/, '').toLowerCase()).join('; ')}.` }
        : { pl: 'Brak opublikowanych wyników diagnozy potrzeb (za mało odpowiedzi); przyjęto priorytety domyślne do potwierdzenia w konsultacjach.', en: 'No published needs diagnosis results (too few answers); default priorities to be confirmed in consultation.' },
    },
    problems: needs.map((n) => NEED_PLAYBOOK[n].problem),
    goals: needs.map((n) => NEED_PLAYBOOK[n].goal),
    actions,
    indicators,
  };
  const id = randomUUID();
  await em.execute(`insert into diagnostics_local_strategy (id, territory_code, current_version) values (?, ?, 1)`, [id, cmd.territoryCode]);
  await em.execute(`insert into diagnostics_local_strategy_version (strategy_id, version, document, created_by) values (?, 1, ?::jsonb, ?)`, [id, JSON.stringify(document), cmd.createdBy ?? null]);
  return { id, version: 1, document };
}

export async function loadLocalStrategy(em: EntityManager, id: string, version?: number): Promise<{ id: string; version: number; document: StrategyDocument; versions: number }> {
  const [head] = await em.execute<{ current_version: number }[]>(`select current_version from diagnostics_local_strategy where id = ?`, [id]);
  if (!head) throw new DiagnosticsError(DiagnosticsErrorCode.NOT_FOUND, 'pl', ['id']);
  const v = version ?? head.current_version;
  const [row] = await em.execute<{ document: StrategyDocument }[]>(`select document from diagnostics_local_strategy_version where strategy_id = ? and version = ?`, [id, v]);
  if (!row) throw new DiagnosticsError(DiagnosticsErrorCode.NOT_FOUND, 'pl', ['version']);
  return { id, version: v, document: row.document, versions: head.current_version };
}

/**
 * Stores an edited strategy as a new version. Baselines cannot be edited: they were fixed when
 * the strategy was made, and changing them would move the goalposts.
 */
export async function reviseLocalStrategy(em: EntityManager, id: string, edit: Partial<Pick<StrategyDocument, 'title' | 'problems' | 'goals' | 'actions'>> & { targets?: Record<string, number> }, createdBy: string | null): Promise<{ id: string; version: number; document: StrategyDocument }> {
  const current = await loadLocalStrategy(em, id);
  const document: StrategyDocument = {
    ...current.document,
    ...(edit.title ? { title: edit.title } : {}),
    ...(edit.problems ? { problems: edit.problems } : {}),
    ...(edit.goals ? { goals: edit.goals } : {}),
    ...(edit.actions ? { actions: edit.actions } : {}),
    indicators: current.document.indicators.map((i) => (edit.targets?.[i.code] !== undefined ? { ...i, targetValue: edit.targets[i.code] } : i)),
  };
  const version = current.versions + 1;
  await em.execute(`insert into diagnostics_local_strategy_version (strategy_id, version, document, created_by) values (?, ?, ?::jsonb, ?)`, [id, version, JSON.stringify(document), createdBy]);
  await em.execute(`update diagnostics_local_strategy set current_version = ? where id = ?`, [version, id]);
  return { id, version, document };
}

/** Current values of the monitoring indicators, read live from the Observatory's published statistics. */
export async function currentIndicatorValues(em: EntityManager, document: StrategyDocument): Promise<Record<string, { year: number; value: number } | null>> {
  const codes = document.indicators.map((i) => i.code);
  const values = await new IndicatorService(em).values({ indicatorCodes: codes, areaCodes: [document.territory.code], breakdown: IndicatorBreakdown.TOTAL }, { revealSuppressed: false });
  return Object.fromEntries(codes.map((code) => {
    const latest = values.filter((v) => v.indicatorCode === code && v.value !== null).sort((a, b) => b.year - a.year)[0];
    return [code, latest ? { year: latest.year, value: Number(latest.value) } : null];
  }));
}
