import { localeFromHeader, Locale } from './locale';

describe('localeFromHeader', () => {
  it.each([
    [undefined, Locale.pl],
    ['en-GB,en;q=0.9', Locale.en],
    ['de-DE, pl;q=0.5', Locale.pl],
    ['fr', Locale.pl],
  ])('reads %s as %s', (header, expected) => {
    expect(localeFromHeader(header)).toBe(expected);
  });
});
