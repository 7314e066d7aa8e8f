export { Locale, DEFAULT_LOCALE, localeFromHeader, pick, type Bilingual } from './locale';
