/** Labels of every widget in both languages; Polish is the default. */
export type Lang = 'pl' | 'en';

export const asLang = (value: unknown): Lang => (value === 'en' ? 'en' : 'pl');

export const LABELS = {
  pl: {
    suppressed: 'brak danych (tajemnica statystyczna)',
    noData: 'brak danych',
    source: 'Źródło',
    referenceDate: 'Stan na',
    dataVersion: 'wersja danych',
    showTable: 'Pokaż tabelę danych',
    hideTable: 'Ukryj tabelę danych',
    downloadCsv: 'Pobierz CSV',
    downloadSvg: 'Pobierz SVG',
    downloadPng: 'Pobierz PNG',
    area: 'Obszar',
    value: 'Wartość',
    year: 'Rok',
    rank: 'Miejsce',
    back: '← Wróć',
    loading: 'Ładowanie…',
    failed: 'Nie udało się wczytać danych.',
    mapOf: 'Mapa',
    seriesOf: 'Szereg czasowy',
    rankingOf: 'Ranking',
    poland: 'Polska',
    legend: 'Legenda',
    synthetic: 'Dane demonstracyjne (syntetyczne)',
    stories: 'Historie sukcesu',
    noStories: 'Brak opublikowanych historii dla tego obszaru.',
    storiesSource: 'Krajowe Obserwatorium Gospodarki Społecznej, historie sukcesu (CMS)',
    storiesShown: (shown: number, total: number) => `Pokazano ${shown} z ${total}`,
    storiesStale: 'CMS jest chwilowo niedostępny: historie pochodzą z pamięci podręcznej i mogą być nieaktualne.',
    entity: 'Podmiot ekonomii społecznej',
    legalForm: 'Forma prawna',
    seat: 'Siedziba',
    status: 'Status',
    founded: 'Data założenia',
    socialEnterprise: 'Status przedsiębiorstwa społecznego',
    yes: 'tak',
    no: 'nie',
    clickToDrill: 'Kliknij obszar, aby zobaczyć jednostki niższego szczebla.',
  },
  en: {
    suppressed: 'no data (confidentiality)',
    noData: 'no data',
    source: 'Source',
    referenceDate: 'Reference date',
    dataVersion: 'data version',
    showTable: 'Show data table',
    hideTable: 'Hide data table',
    downloadCsv: 'Download CSV',
    downloadSvg: 'Download SVG',
    downloadPng: 'Download PNG',
    area: 'Area',
    value: 'Value',
    year: 'Year',
    rank: 'Rank',
    back: '← Back',
    loading: 'Loading…',
    failed: 'The data could not be loaded.',
    mapOf: 'Map',
    seriesOf: 'Time series',
    rankingOf: 'Ranking',
    poland: 'Poland',
    legend: 'Legend',
    synthetic: 'Demonstration data (synthetic)',
    stories: 'Success stories',
    noStories: 'No published stories for this area.',
    storiesSource: 'National Social Economy Observatory, success stories (CMS)',
    storiesShown: (shown: number, total: number) => `Showing ${shown} of ${total}`,
    storiesStale: 'The CMS is temporarily unavailable: these stories come from a cache and may be out of date.',
    entity: 'Social economy entity',
    legalForm: 'Legal form',
    seat: 'Seat',
    status: 'Status',
    founded: 'Founded',
    socialEnterprise: 'Social enterprise status',
    yes: 'yes',
    no: 'no',
    clickToDrill: 'Click an area to see the units inside it.',
  },
} as const;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A number as the language writes it (decimal comma in Polish), at most 2 decimals. */
export function formatValue(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}
