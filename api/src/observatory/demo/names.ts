import { LegalForm } from '../registry/legal-form';
import { pick, type Random } from './prng';

// Word lists for plausible Polish names. Adjectives agree with the noun's gender (m, f, n).
const ADJECTIVES: readonly (readonly [string, string, string])[] = [
  ['Zielony', 'Zielona', 'Zielone'], ['Dobry', 'Dobra', 'Dobre'], ['Nowy', 'Nowa', 'Nowe'], ['Słoneczny', 'Słoneczna', 'Słoneczne'],
  ['Wspólny', 'Wspólna', 'Wspólne'], ['Złoty', 'Złota', 'Złote'], ['Leśny', 'Leśna', 'Leśne'], ['Pogodny', 'Pogodna', 'Pogodne'],
  ['Przyjazny', 'Przyjazna', 'Przyjazne'], ['Kolorowy', 'Kolorowa', 'Kolorowe'], ['Otwarty', 'Otwarta', 'Otwarte'], ['Rodzinny', 'Rodzinna', 'Rodzinne'],
  ['Pracowity', 'Pracowita', 'Pracowite'], ['Smaczny', 'Smaczna', 'Smaczne'], ['Jasny', 'Jasna', 'Jasne'], ['Ciepły', 'Ciepła', 'Ciepłe'],
  ['Stary', 'Stara', 'Stare'], ['Mały', 'Mała', 'Małe'], ['Wiejski', 'Wiejska', 'Wiejskie'], ['Srebrny', 'Srebrna', 'Srebrne'],
];
const NOUNS: readonly (readonly [string, 0 | 1 | 2])[] = [
  ...['Ogród', 'Dom', 'Most', 'Zakątek', 'Spichlerz', 'Młyn', 'Warsztat', 'Horyzont', 'Kompas', 'Kłos', 'Wrzos', 'Promyk', 'Start', 'Smak', 'Bursztyn', 'Żuraw', 'Dąb', 'Stół', 'Piec', 'Sad'].map((n) => [n, 0] as const),
  ...['Przystań', 'Pracownia', 'Kuchnia', 'Zagroda', 'Polana', 'Chata', 'Piekarnia', 'Stodoła', 'Latarnia', 'Tęcza', 'Iskra', 'Ostoja', 'Arka', 'Dłoń', 'Szansa', 'Droga', 'Łąka', 'Spiżarnia', 'Wierzba', 'Pasieka'].map((n) => [n, 1] as const),
  ...['Gniazdo', 'Miejsce', 'Źródło', 'Pole', 'Jutro', 'Siedlisko', 'Ziarno', 'Serce', 'Słońce', 'Okno', 'Koło', 'Wzgórze', 'Sąsiedztwo', 'Rękodzieło', 'Podwórko'].map((n) => [n, 2] as const),
];
const PLACES = ['Pod Lipami', 'Pod Dębem', 'Pod Jabłonią', 'Pod Kasztanem', 'Pod Wierzbami', 'Pod Gwiazdami', 'Nad Rzeką', 'Nad Stawem', 'Przy Młynie', 'Za Lasem', 'U Źródła', 'Na Skarpie'];
const SERVICES = ['Usług Remontowych', 'Usług Opiekuńczych', 'Usług Porządkowych', 'Usług Gastronomicznych', 'Usług Ogrodniczych', 'Usług Transportowych', 'Usług Turystycznych', 'Usług Pralniczych', 'Usług Informatycznych', 'Usług Edukacyjnych'];
const CAUSES = [
  'Osób Niepełnosprawnych', 'Rozwoju Wsi', 'Aktywnych Seniorów', 'Edukacji Ekologicznej', 'Dzieci i Młodzieży', 'Przedsiębiorczości Społecznej',
  'Kultury Ludowej', 'Zdrowia Psychicznego', 'Integracji Społecznej', 'Rodzin Zastępczych', 'Lokalnego Dziedzictwa', 'Osób Bezdomnych',
];
const COMPANY_KINDS = ['Agencja Rozwoju Lokalnego', 'Centrum Usług Wspólnych', 'Przedsiębiorstwo Społeczne', 'Inkubator Społeczny'];

/** A quoted proper name in Polish typography: „Zielona Przystań”. */
function quotedName(random: Random): string {
  const roll = random();
  if (roll < 0.1) return `„${pick(random, PLACES)}”`;
  const [noun, gender] = pick(random, NOUNS);
  if (roll < 0.3) return `„${noun}”`;
  return `„${pick(random, ADJECTIVES)[gender]} ${noun}”`;
}

const withService = (random: Random, prefix: string) => (random() < 0.4 ? `${prefix} ${pick(random, SERVICES)}` : prefix);

/** A plausible Polish name for an entity of the given form, e.g. „Spółdzielnia Socjalna Usług Remontowych „Kompas”". */
export function entityName(random: Random, form: LegalForm): string {
  switch (form) {
    case LegalForm.SOCIAL_COOPERATIVE:
      return `${withService(random, 'Spółdzielnia Socjalna')} ${quotedName(random)}`;
    case LegalForm.WORKER_COOPERATIVE:
      return `${withService(random, 'Spółdzielnia Pracy')} ${quotedName(random)}`;
    case LegalForm.COOPERATIVE_OF_DISABLED_OR_BLIND:
      return `${random() < 0.8 ? 'Spółdzielnia Inwalidów' : 'Spółdzielnia Niewidomych'} ${quotedName(random)}`;
    case LegalForm.ASSOCIATION:
      return random() < 0.6 ? `Stowarzyszenie ${quotedName(random)}` : `Stowarzyszenie na rzecz ${pick(random, CAUSES)} ${quotedName(random)}`;
    case LegalForm.FOUNDATION:
      return random() < 0.6 ? `Fundacja ${quotedName(random)}` : `Fundacja na rzecz ${pick(random, CAUSES)} ${quotedName(random)}`;
    case LegalForm.NON_PROFIT_COMPANY:
      return `${pick(random, COMPANY_KINDS)} ${quotedName(random)} sp. z o.o. non-profit`;
    case LegalForm.CIS:
      return `Centrum Integracji Społecznej ${quotedName(random)}`;
    case LegalForm.KIS:
      return `Klub Integracji Społecznej ${quotedName(random)}`;
    case LegalForm.ZAZ:
      return `Zakład Aktywności Zawodowej ${quotedName(random)}`;
    case LegalForm.WTZ:
      return `Warsztat Terapii Zajęciowej ${quotedName(random)}`;
    case LegalForm.RURAL_HOUSEWIVES_CIRCLE:
      return `Koło Gospodyń Wiejskich ${quotedName(random)}`;
    case LegalForm.OTHER:
      return `Podmiot Ekonomii Społecznej ${quotedName(random)}`;
  }
}
