import { DomainError } from '../../shared/errors';
import { type Bilingual, type Locale, pick } from '../../shared/i18n';

/** A message with `{name}` placeholders filled from `vars`, in the request's language. */
export function say(text: Bilingual, locale: Locale, vars: Record<string, string | number | bigint> = {}): string {
  return pick(text, locale).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * A DomainError for one of a module's codes, with its message in the request's language.
 * Origination services (clients, advisory, products, applications) raise their typed errors through it.
 */
export function fail<Code extends string>(messages: Record<Code, Bilingual>, code: Code, locale: Locale, field: string[] = [], vars: Record<string, string | number | bigint> = {}): DomainError<Code> {
  return new DomainError(code, say(messages[code], locale, vars), field);
}
