import { registerEnumType } from 'type-graphql';

/** A PKD 2007 class code: two-digit division, two-digit group and class, and a letter: "88.10.Z". */
export const PKD_CODE = /^\d{2}\.\d{2}\.[A-Z]$/;

export const isPkdCode = (code: string): boolean => PKD_CODE.test(code);

/** PKD 2007 sections (sekcje), the broadest sectors; identical to NACE Rev. 2. */
export enum PkdSection {
  A = 'A', B = 'B', C = 'C', D = 'D', E = 'E', F = 'F', G = 'G', H = 'H', I = 'I', J = 'J', K = 'K',
  L = 'L', M = 'M', N = 'N', O = 'O', P = 'P', Q = 'Q', R = 'R', S = 'S', T = 'T', U = 'U',
}

/** Each section with its divisions (first two digits of the code, inclusive) and its Polish and English names. */
export const PKD_SECTIONS: Record<PkdSection, { divisions: readonly [number, number]; pl: string; en: string }> = {
  A: { divisions: [1, 3], pl: 'Rolnictwo, leśnictwo, łowiectwo i rybactwo', en: 'Agriculture, forestry and fishing' },
  B: { divisions: [5, 9], pl: 'Górnictwo i wydobywanie', en: 'Mining and quarrying' },
  C: { divisions: [10, 33], pl: 'Przetwórstwo przemysłowe', en: 'Manufacturing' },
  D: { divisions: [35, 35], pl: 'Wytwarzanie i zaopatrywanie w energię elektryczną, gaz, parę wodną i gorącą wodę', en: 'Electricity, gas, steam and air conditioning supply' },
  E: { divisions: [36, 39], pl: 'Dostawa wody; gospodarowanie ściekami i odpadami oraz działalność związana z rekultywacją', en: 'Water supply; sewerage, waste management and remediation' },
  F: { divisions: [41, 43], pl: 'Budownictwo', en: 'Construction' },
  G: { divisions: [45, 47], pl: 'Handel hurtowy i detaliczny; naprawa pojazdów samochodowych', en: 'Wholesale and retail trade; repair of motor vehicles' },
  H: { divisions: [49, 53], pl: 'Transport i gospodarka magazynowa', en: 'Transportation and storage' },
  I: { divisions: [55, 56], pl: 'Działalność związana z zakwaterowaniem i usługami gastronomicznymi', en: 'Accommodation and food service activities' },
  J: { divisions: [58, 63], pl: 'Informacja i komunikacja', en: 'Information and communication' },
  K: { divisions: [64, 66], pl: 'Działalność finansowa i ubezpieczeniowa', en: 'Financial and insurance activities' },
  L: { divisions: [68, 68], pl: 'Działalność związana z obsługą rynku nieruchomości', en: 'Real estate activities' },
  M: { divisions: [69, 75], pl: 'Działalność profesjonalna, naukowa i techniczna', en: 'Professional, scientific and technical activities' },
  N: { divisions: [77, 82], pl: 'Działalność w zakresie usług administrowania i działalność wspierająca', en: 'Administrative and support service activities' },
  O: { divisions: [84, 84], pl: 'Administracja publiczna i obrona narodowa; obowiązkowe zabezpieczenia społeczne', en: 'Public administration and defence; compulsory social security' },
  P: { divisions: [85, 85], pl: 'Edukacja', en: 'Education' },
  Q: { divisions: [86, 88], pl: 'Opieka zdrowotna i pomoc społeczna', en: 'Human health and social work activities' },
  R: { divisions: [90, 93], pl: 'Działalność związana z kulturą, rozrywką i rekreacją', en: 'Arts, entertainment and recreation' },
  S: { divisions: [94, 96], pl: 'Pozostała działalność usługowa', en: 'Other service activities' },
  T: { divisions: [97, 98], pl: 'Gospodarstwa domowe zatrudniające pracowników; gospodarstwa domowe produkujące wyroby i świadczące usługi na własne potrzeby', en: 'Activities of households as employers' },
  U: { divisions: [99, 99], pl: 'Organizacje i zespoły eksterytorialne', en: 'Activities of extraterritorial organisations' },
};

registerEnumType(PkdSection, {
  name: 'PkdSection',
  description: 'A section of the Polish Classification of Activities (PKD 2007, the same as the EU’s NACE Rev. 2): the broadest grouping of sectors.',
  valuesConfig: Object.fromEntries(Object.entries(PKD_SECTIONS).map(([letter, s]) => [letter, { description: `${s.en} (${s.pl}); PKD divisions ${String(s.divisions[0]).padStart(2, '0')}–${String(s.divisions[1]).padStart(2, '0')}.` }])),
});

/** The two-digit divisions of a section, as they begin PKD codes: C → "10" … "33". */
export function divisionsOf(section: PkdSection): string[] {
  const [from, to] = PKD_SECTIONS[section].divisions;
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));
}

/** The section a PKD code belongs to, or null for a division no section has (e.g. "04"). */
export function sectionOf(code: string): PkdSection | null {
  const division = Number(code.slice(0, 2));
  const found = (Object.keys(PKD_SECTIONS) as PkdSection[]).find((s) => division >= PKD_SECTIONS[s].divisions[0] && division <= PKD_SECTIONS[s].divisions[1]);
  return found ?? null;
}
