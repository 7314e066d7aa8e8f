import { registerEnumType } from 'type-graphql';

/** Languages the hub serves. Polish is the default everywhere; English is the second language. */
// Members are lower-case on purpose: GraphQL shows enum member names, and clients write `locale: pl`.
export enum Locale {
  pl = 'pl',
  en = 'en',
}
registerEnumType(Locale, {
  name: 'Locale',
  description: 'Content language: pl (Polish, the default) or en (English).',
  valuesConfig: { pl: { description: 'Polish (default).' }, en: { description: 'English.' } },
});

export const DEFAULT_LOCALE = Locale.pl;

/** Picks pl or en from an Accept-Language header; anything else falls back to Polish. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    if (tag.startsWith('pl')) return Locale.pl;
    if (tag.startsWith('en')) return Locale.en;
  }
  return DEFAULT_LOCALE;
}

/** A message in both languages; `pick` chooses the request's one. */
export interface Bilingual {
  pl: string;
  en: string;
}
export const pick = (text: Bilingual, locale: Locale): string => text[locale];
