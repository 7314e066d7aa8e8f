import { type Bilingual, type Locale, pick } from '../shared/i18n';

const labels = {
  contents: { pl: 'Spis treści', en: 'Contents' },
  links: { pl: 'Odnośniki', en: 'Links' },
  page: { pl: 'Strona', en: 'Page' },
  of: { pl: 'z', en: 'of' },
  updated: { pl: 'Stan na', en: 'As of' },
  online: { pl: 'Wersja online', en: 'Online version' },
  publisher: { pl: 'Akademia Ekonomii Społecznej · Hub Ekonomii Społecznej', en: 'Social Economy Academy · Social Economy Hub' },
  material: { pl: 'Materiał edukacyjny', en: 'Educational material' },
  course: { pl: 'Program kształcenia', en: 'Study programme' },
  image: { pl: 'Ilustracja', en: 'Image' },
  moreLinks: { pl: 'dalsze odnośniki: zob. listę na końcu', en: 'further links: see the list at the end' },
} satisfies Record<string, Bilingual>;

export type PrintLabel = keyof typeof labels;
export const label = (key: PrintLabel, locale: Locale): string => pick(labels[key], locale);

/** 1 → ¹, 12 → ¹²: footnote marks that need no second font size. */
export const superscript = (n: number): string => String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);

/** A calendar date as people in each language write it, from a UTC instant (no local clock). */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Warsaw' }).format(date);
}
