import type { Bilingual } from '../shared/i18n';

/**
 * Polish and English labels for the codes an export carries. Codes stay as they are in every
 * language (scripts key on them); labels are for people.
 */

export const LEVEL_LABELS: Record<string, Bilingual> = {
  COUNTRY: { pl: 'Kraj', en: 'Country' },
  NUTS2: { pl: 'Region NUTS 2', en: 'NUTS 2 region' },
  NUTS3: { pl: 'Podregion NUTS 3', en: 'NUTS 3 subregion' },
  VOIVODESHIP: { pl: 'Województwo', en: 'Voivodeship' },
  POWIAT: { pl: 'Powiat', en: 'Powiat (county)' },
  GMINA: { pl: 'Gmina', en: 'Gmina (municipality)' },
};

export const BREAKDOWN_LABELS: Record<string, Bilingual> = {
  TOTAL: { pl: 'Ogółem', en: 'Total' },
  LEGAL_FORM: { pl: 'Forma prawna', en: 'Legal form' },
  STATUS: { pl: 'Status działalności', en: 'Operating status' },
};

/** Categories in the order tables show them; anything unknown follows, alphabetically. */
export const CATEGORY_LABELS: Record<string, Bilingual> = {
  TOTAL: { pl: 'Ogółem', en: 'Total' },
  SOCIAL_COOPERATIVE: { pl: 'Spółdzielnia socjalna', en: 'Social cooperative' },
  WORKER_COOPERATIVE: { pl: 'Spółdzielnia pracy', en: 'Worker cooperative' },
  COOPERATIVE_OF_DISABLED_OR_BLIND: { pl: 'Spółdzielnia inwalidów lub niewidomych', en: 'Cooperative of disabled or blind persons' },
  ASSOCIATION: { pl: 'Stowarzyszenie', en: 'Association' },
  FOUNDATION: { pl: 'Fundacja', en: 'Foundation' },
  NON_PROFIT_COMPANY: { pl: 'Spółka non-profit', en: 'Non-profit company' },
  CIS: { pl: 'Centrum Integracji Społecznej (CIS)', en: 'Social integration centre (CIS)' },
  KIS: { pl: 'Klub Integracji Społecznej (KIS)', en: 'Social integration club (KIS)' },
  ZAZ: { pl: 'Zakład Aktywności Zawodowej (ZAZ)', en: 'Vocational activity establishment (ZAZ)' },
  WTZ: { pl: 'Warsztat Terapii Zajęciowej (WTZ)', en: 'Occupational therapy workshop (WTZ)' },
  RURAL_HOUSEWIVES_CIRCLE: { pl: 'Koło gospodyń wiejskich', en: 'Rural housewives’ circle' },
  OTHER: { pl: 'Inna forma', en: 'Other form' },
  ACTIVE: { pl: 'Aktywne', en: 'Active' },
  SUSPENDED: { pl: 'Zawieszone', en: 'Suspended' },
  IN_LIQUIDATION: { pl: 'W likwidacji', en: 'In liquidation' },
  DISSOLVED: { pl: 'Wykreślone', en: 'Dissolved' },
};

export const SUPPRESSION_REASON_LABELS: Record<string, Bilingual> = {
  FEW_UNITS: { pl: 'Wartość tworzą mniej niż 3 podmioty', en: 'Fewer than 3 entities make up the figure' },
  DOMINANCE: { pl: 'Jeden podmiot stanowi ponad 75% wartości', en: 'One entity contributes more than 75% of the figure' },
  SECONDARY: { pl: 'Utajnienie wtórne: chroni inną utajnioną wartość przed wyliczeniem z sum', en: 'Secondary suppression: keeps another hidden figure from being worked out from totals' },
};

/**
 * The flag every format uses for a cell without a value. `c` follows the Eurostat/GUS habit of
 * marking confidential cells with a lower-case c.
 */
export enum CellFlag {
  CONFIDENTIAL = 'c',
  NOT_AVAILABLE = 'm',
}

export const FLAG_LABELS: Record<CellFlag, Bilingual> = {
  [CellFlag.CONFIDENTIAL]: { pl: 'Wartość utajniona (tajemnica statystyczna)', en: 'Confidential: hidden by statistical disclosure control' },
  [CellFlag.NOT_AVAILABLE]: { pl: 'Brak wartości (np. brak danych o ludności albo dzielenie przez zero)', en: 'Not available (e.g. no population figure, or nothing to divide by)' },
};

export const CONFIDENTIALITY_NOTE: Bilingual = {
  pl:
    'Dane publiczne. Wartości objęte tajemnicą statystyczną (art. 10 i 38 ustawy z dnia 29 czerwca 1995 r. o statystyce publicznej) nie są publikowane: ' +
    'komórka ma pustą wartość, flagę „c” i kod powodu (FEW_UNITS – mniej niż 3 podmioty, DOMINANCE – jeden podmiot ponad 75% wartości, SECONDARY – utajnienie wtórne).',
  en:
    'Public data. Figures covered by statistical confidentiality (Public Statistics Act of 29 June 1995, art. 10 and 38) are not published: ' +
    'the cell has an empty value, the flag "c" and a reason code (FEW_UNITS – fewer than 3 entities, DOMINANCE – one entity over 75% of the figure, SECONDARY – secondary suppression).',
};

export const AREA_DIMENSION_LABEL: Bilingual = { pl: 'Obszar', en: 'Area' };
export const YEAR_DIMENSION_LABEL: Bilingual = { pl: 'Rok', en: 'Year' };
export const CATEGORY_DIMENSION_LABEL: Bilingual = { pl: 'Kategoria', en: 'Category' };
export const INDICATOR_DIMENSION_LABEL: Bilingual = { pl: 'Wskaźnik', en: 'Indicator' };

/** Area names are proper names (GUS, Eurostat spelling); only the country's has an English form. */
export function areaName(code: string, name: string): Bilingual {
  return code === 'PL' ? { pl: name || 'Polska', en: 'Poland' } : { pl: name, en: name };
}

export function labelOf(table: Record<string, Bilingual>, code: string): Bilingual {
  return table[code] ?? { pl: code, en: code };
}

/** Sorts categories in table order (TOTAL first), unknown codes last and alphabetically. */
export function compareCategories(a: string, b: string): number {
  const order = Object.keys(CATEGORY_LABELS);
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  if (ia !== -1 && ib !== -1) return ia - ib;
  if (ia !== -1) return -1;
  if (ib !== -1) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Indicator definitions keep some texts as "Polish / English" in one string (units, sources,
 * version citations). Splits such a text at its one " / "; anything else serves both languages.
 */
export function splitBilingual(text: string): Bilingual {
  const parts = text.split(' / ');
  return parts.length === 2 ? { pl: parts[0].trim(), en: parts[1].trim() } : { pl: text, en: text };
}
