/**
 * Searches the hub's public GraphQL API by name, so editors pick registry entities, territorial units
 * and indicators instead of typing UUIDs and TERYT codes. Runs in Strapi's server: the admin panel
 * calls GET /hub-picker/search and never talks to the hub itself (no CORS, one place for the URL).
 */
export type HubRecordKind = 'ENTITY' | 'TERRITORY' | 'INDICATOR';
export const HUB_RECORD_KINDS: HubRecordKind[] = ['ENTITY', 'TERRITORY', 'INDICATOR'];

/** One search hit: `key` is what the CMS stores (entity UUID, TERYT code, indicator code). */
export interface HubRecordOption {
  key: string;
  label: string;
  detail: string;
}

export class HubSearchError extends Error {}

export interface HubSearchOptions {
  /** e.g. http://127.0.0.1:4000/graphql */
  graphqlUrl: string;
  timeoutMs?: number;
  limit?: number;
  fetch?: typeof fetch;
}

export const hubGraphqlUrlFromEnv = (env: NodeJS.ProcessEnv = process.env): string =>
  env.HUB_GRAPHQL_URL?.trim() || `${(env.HUB_URL?.trim() || 'http://127.0.0.1:4000').replace(/\/+$/, '')}/graphql`;

/** Lower case without Polish diacritics or punctuation: "Łódź" and "lodz" meet. */
export const foldText = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const gql = async <T>(options: HubSearchOptions, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
  const doFetch = options.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(options.graphqlUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 8000),
    });
  } catch (error) {
    throw new HubSearchError(`the hub at ${options.graphqlUrl} did not answer: ${(error as Error).message}`);
  }
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> } | null;
  if (!body?.data) {
    throw new HubSearchError(`the hub answered HTTP ${res.status}: ${body?.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  }
  return body.data;
};

/** Entity global ids are base64url("SocialEconomyEntity:<uuid>"); CMS entries keep the UUID. */
export const entityKeyFromGlobalId = (id: string): string => {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  return decoded.startsWith('SocialEconomyEntity:') ? decoded.slice('SocialEconomyEntity:'.length) : id;
};

const LEGAL_FORM_PL: Record<string, string> = {
  SOCIAL_COOPERATIVE: 'spółdzielnia socjalna',
  FOUNDATION: 'fundacja',
  ASSOCIATION: 'stowarzyszenie',
  CIS: 'centrum integracji społecznej',
  KIS: 'klub integracji społecznej',
  WTZ: 'warsztat terapii zajęciowej',
  ZAZ: 'zakład aktywności zawodowej',
  NON_PROFIT_COMPANY: 'spółka non-profit',
  WORKER_COOPERATIVE: 'spółdzielnia pracy',
  COOPERATIVE_OF_DISABLED_OR_BLIND: 'spółdzielnia inwalidów / niewidomych',
  RURAL_HOUSEWIVES_CIRCLE: 'koło gospodyń wiejskich',
};

interface EntityNode {
  id: string;
  name: string;
  krs: string | null;
  regon: string | null;
  legalForm: string;
  seat: { name: string; terytCode: string } | null;
}
const ENTITY_FIELDS = 'id name krs regon legalForm seat { name terytCode }';

const entityOption = (e: EntityNode): HubRecordOption => ({
  key: entityKeyFromGlobalId(e.id),
  label: e.name,
  detail: [
    LEGAL_FORM_PL[e.legalForm] ?? e.legalForm.toLowerCase().replace(/_/g, ' '),
    e.seat ? `${e.seat.name} (${e.seat.terytCode})` : null,
    e.krs ? `KRS ${e.krs}` : null,
    e.regon ? `REGON ${e.regon}` : null,
  ]
    .filter(Boolean)
    .join(' · '),
});

const searchEntities = async (q: string, options: HubSearchOptions): Promise<HubRecordOption[]> => {
  const digits = q.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(digits) || /^\d{9}$|^\d{14}$/.test(digits)) {
    // A KRS (10 digits) or REGON (9/14) number finds exactly one entity, or none.
    const arg = digits.length === 10 ? 'krs' : 'regon';
    try {
      const data = await gql<{ entity: EntityNode }>(options, `query($v: String) { entity(${arg}: $v) { ${ENTITY_FIELDS} } }`, { v: digits });
      return [entityOption(data.entity)];
    } catch (error) {
      if (error instanceof HubSearchError && /No social economy entity/.test(error.message)) return [];
      throw error;
    }
  }
  const data = await gql<{ entities: { nodes: EntityNode[] } }>(
    options,
    `query($q: String!, $first: Int) { entities(filter: { nameContains: $q }, first: $first) { nodes { ${ENTITY_FIELDS} } } }`,
    { q, first: options.limit ?? 20 },
  );
  return data.entities.nodes.map(entityOption);
};

interface UnitNode {
  terytCode: string;
  name: string;
  level: string;
  gminaType: string | null;
}
const LEVEL_PL: Record<string, string> = { VOIVODESHIP: 'województwo', POWIAT: 'powiat', GMINA: 'gmina' };

/** All territorial units, cached: ~2,900 of them change once a year at most. */
let unitsCache: { url: string; at: number; units: UnitNode[] } | undefined;
const UNITS_TTL_MS = 60 * 60 * 1000;

const allUnits = async (options: HubSearchOptions): Promise<UnitNode[]> => {
  if (unitsCache && unitsCache.url === options.graphqlUrl && Date.now() - unitsCache.at < UNITS_TTL_MS) return unitsCache.units;
  const units: UnitNode[] = [];
  let after: string | null = null;
  for (let page = 0; page < 200; page += 1) {
    const data: { territorialUnits: { nodes: UnitNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gql(
      options,
      'query($after: String) { territorialUnits(first: 100, after: $after) { nodes { terytCode name level gminaType } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    units.push(...data.territorialUnits.nodes.filter((u) => /^\d{2}(\d{2}(\d{3})?)?$/.test(u.terytCode)));
    if (!data.territorialUnits.pageInfo.hasNextPage) break;
    after = data.territorialUnits.pageInfo.endCursor;
  }
  unitsCache = { url: options.graphqlUrl, at: Date.now(), units };
  return units;
};

const searchTerritory = async (q: string, options: HubSearchOptions): Promise<HubRecordOption[]> => {
  const units = await allUnits(options);
  const byCode = new Map(units.map((u) => [u.terytCode, u]));
  const folded = foldText(q);
  const digits = q.trim();
  const hits = /^\d+$/.test(digits)
    ? units.filter((u) => u.terytCode.startsWith(digits))
    : units
        .map((u) => ({ u, name: foldText(u.name) }))
        .filter(({ name }) => name.includes(folded))
        // Exact and prefix matches first, then higher levels (voivodeship before gmina), then code.
        .sort((a, b) => rank(a.name, folded) - rank(b.name, folded) || a.u.terytCode.length - b.u.terytCode.length || a.u.terytCode.localeCompare(b.u.terytCode))
        .map(({ u }) => u);
  return hits.slice(0, options.limit ?? 20).map((u) => {
    const voivodeship = u.terytCode.length > 2 ? byCode.get(u.terytCode.slice(0, 2))?.name : undefined;
    const powiat = u.terytCode.length > 4 ? byCode.get(u.terytCode.slice(0, 4))?.name : undefined;
    return {
      key: u.terytCode,
      label: u.name,
      detail: [
        `${LEVEL_PL[u.level] ?? u.level.toLowerCase()}${u.gminaType ? ` ${u.gminaType.toLowerCase()}` : ''}`,
        powiat ? `pow. ${powiat}` : null,
        voivodeship ? `woj. ${voivodeship}` : null,
        `TERYT ${u.terytCode}`,
      ]
        .filter(Boolean)
        .join(' · '),
    };
  });
};

const rank = (name: string, q: string): number => (name === q ? 0 : name.startsWith(q) ? 1 : 2);

interface IndicatorNode {
  code: string;
  name: string;
  unit: string;
}

const searchIndicators = async (q: string, options: HubSearchOptions): Promise<HubRecordOption[]> => {
  const data = await gql<{ indicators: IndicatorNode[] }>(options, '{ indicators { code name(locale: pl) unit } }');
  const folded = foldText(q);
  return data.indicators
    .filter((i) => foldText(i.name).includes(folded) || foldText(i.code).includes(folded))
    .slice(0, options.limit ?? 20)
    .map((i) => ({ key: i.code, label: i.name, detail: `${i.code} · ${i.unit}` }));
};

/** What the admin's picker shows for a query; an empty query lists nothing. */
export const searchHub = async (kind: HubRecordKind, q: string, options: HubSearchOptions): Promise<HubRecordOption[]> => {
  const query = q.trim();
  if (query.length === 0 && kind !== 'INDICATOR') return [];
  if (kind === 'ENTITY') return searchEntities(query, options);
  if (kind === 'TERRITORY') return searchTerritory(query, options);
  return searchIndicators(query, options);
};
