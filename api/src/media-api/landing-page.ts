import { escapeXml, type Lang } from '../../../widgets/src/render/text';

export interface LandingFacts {
  base: string;
  maxDepth: number;
  maxCost: number;
  anonymousPerMinute: number;
  defaultKeyPerMinute: number;
}

const EXAMPLES: { title: Record<Lang, string>; query: string }[] = [
  {
    title: { pl: 'Spółdzielnie socjalne na 100 tys. mieszkańców we wszystkich województwach', en: 'Social cooperatives per 100,000 inhabitants in every voivodeship' },
    query: '{ indicator(code: "SOCIAL_COOPERATIVES_PER_100K") { unit source values(level: VOIVODESHIP) { areaName year value suppressed suppressionReason provenance { referenceDate dataVersion citation } } } }',
  },
  {
    title: { pl: 'Jeden powiat: wartość, średnia krajowa i miejsce w rankingu', en: 'One powiat: the value, the national figure and its rank' },
    query: '{ territorialUnit(terytCode: "1205") { name indicator(code: "ACTIVE_ENTITIES") { year value nationalValue siblingRank siblingCount } } }',
  },
  {
    title: { pl: 'Historie sukcesu z regionu razem z podmiotem', en: 'Success stories from a region with the entity behind them' },
    query: '{ successStories(territory: "12", first: 3) { nodes { title lead entity { name legalForm } territory { name } } } }',
  },
  {
    title: { pl: 'Wersje danych do cytowania', en: 'Data versions for citation' },
    query: '{ dataVersions { label status publishedAt citation } }',
  },
];

const TEXT = {
  pl: {
    title: 'API dla mediów i partnerów',
    intro: 'Dane Krajowego Obserwatorium Gospodarki Społecznej — rejestr podmiotów, wskaźniki z wersjami danych, historie sukcesu — w jednym punkcie GraphQL. Dane publiczne są dostępne bez logowania; wartości objęte tajemnicą statystyczną (art. 38 ustawy o statystyce publicznej) są ukryte i opisane.',
    explorer: 'Otwórz eksplorator zapytań',
    keys: 'Klucze API',
    keysText: 'Redakcje i serwisy partnerskie dostają od administratora klucz z własnym limitem. Wysyłaj go w nagłówku X-Api-Key. Bez klucza obowiązuje niższy limit na adres IP.',
    limits: 'Limity',
    anon: 'bez klucza', key: 'z kluczem (domyślnie; każdy klucz może mieć własny)', perMinute: 'zapytań na minutę',
    depth: 'Głębokość zapytania (zagnieżdżenie pól, bez opakowań edges/nodes/node)', cost: 'Koszt zapytania (każde pole = 1; lista mnoży koszt tego, co pod nią, przez first, domyślnie 20)',
    headers: 'Każda odpowiedź niesie nagłówki RateLimit-Limit, RateLimit-Remaining i RateLimit-Reset; po przekroczeniu limitu — 429 i Retry-After.',
    caching: 'Zapytania przez GET i buforowanie',
    cachingText: 'Zapytania publiczne wysłane metodą GET (także jako utrwalone zapytania APQ: extensions.persistedQuery.sha256Hash) mają ETag i Cache-Control: public, więc CDN i przeglądarki mogą je buforować; If-None-Match daje 304. Odpowiedzi dla zalogowanych pracowników są private, no-store. GET wymaga nagłówka apollo-require-preflight (ochrona CSRF).',
    examples: 'Przykładowe zapytania',
    run: 'Uruchom w eksploratorze',
    cite: 'Cytuj wersję danych (pole citation); dane demonstracyjne są oznaczone jako syntetyczne.',
    widgets: 'Widżety i mapy do osadzenia: kreator widżetów',
  },
  en: {
    title: 'API for media and partners',
    intro: 'Data of the National Social Economy Observatory — the registry of entities, indicators with data versions, success stories — in one GraphQL endpoint. Public data needs no sign-in; figures protected by statistical confidentiality (Public Statistics Act, art. 38) are hidden and say why.',
    explorer: 'Open the query explorer',
    keys: 'API keys',
    keysText: 'Newsrooms and partner sites get a key with its own limit from an administrator. Send it in the X-Api-Key header. Without a key a lower limit per IP address applies.',
    limits: 'Limits',
    anon: 'without a key', key: 'with a key (default; each key may have its own)', perMinute: 'requests per minute',
    depth: 'Query depth (nesting of fields, not counting edges/nodes/node wrappers)', cost: 'Query cost (each field = 1; a list multiplies what is under it by first, 20 by default)',
    headers: 'Every answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset headers; past the limit: 429 with Retry-After.',
    caching: 'GET queries and caching',
    cachingText: 'Public queries sent with GET (also as automatic persisted queries, APQ: extensions.persistedQuery.sha256Hash) carry an ETag and Cache-Control: public, so CDNs and browsers can cache them; If-None-Match gives 304. Answers for signed-in staff are private, no-store. GET needs the apollo-require-preflight header (CSRF protection).',
    examples: 'Example queries',
    run: 'Run in the explorer',
    cite: 'Cite the data version (the citation field); demonstration data is labelled as synthetic.',
    widgets: 'Embeddable widgets and maps: the widget builder',
  },
} as const;

/** `/api`: what a journalist needs to start — the explorer, keys, limits, caching and example queries. */
export function landingPage(lang: Lang, facts: LandingFacts): string {
  const t = TEXT[lang];
  const gql = `${facts.base}/graphql`;
  const curl = `curl -G '${gql}' -H 'apollo-require-preflight: true' -H 'X-Api-Key: seh_…' --data-urlencode 'query=${EXAMPLES[3].query}'`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:900px;margin:0 auto;padding:16px;line-height:1.5;color:#222}pre{background:#f4f4f4;padding:8px;overflow:auto;white-space:pre-wrap}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style></head>
<body>
<nav><a href="?lang=pl" hreflang="pl">Polski</a> · <a href="?lang=en" hreflang="en">English</a></nav>
<h1>${t.title}</h1>
<p>${t.intro}</p>
<p><a href="${gql}">${t.explorer}</a> · <a href="${facts.base}/widgets/builder?lang=${lang}">${t.widgets}</a></p>
<h2>${t.keys}</h2><p>${t.keysText}</p>
<h2>${t.limits}</h2>
<table><tbody>
<tr><th>${t.anon}</th><td id="limit-anonymous">${facts.anonymousPerMinute} ${t.perMinute}</td></tr>
<tr><th>${t.key}</th><td id="limit-key">${facts.defaultKeyPerMinute} ${t.perMinute}</td></tr>
<tr><th>${t.depth}</th><td id="limit-depth">${facts.maxDepth} (QUERY_TOO_DEEP)</td></tr>
<tr><th>${t.cost}</th><td id="limit-cost">${facts.maxCost} (QUERY_TOO_COSTLY)</td></tr>
</tbody></table>
<p>${t.headers}</p>
<h2>${t.caching}</h2><p>${t.cachingText}</p>
<pre>${escapeXml(curl)}</pre>
<h2>${t.examples}</h2>
${EXAMPLES.map((e) => `<h3>${escapeXml(e.title[lang])}</h3><pre>${escapeXml(e.query)}</pre><p><a href="${gql}?query=${encodeURIComponent(e.query)}">${t.run}</a></p>`).join('\n')}
<p>${t.cite}</p>
</body></html>`;
}
