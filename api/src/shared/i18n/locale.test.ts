import { localeFromHeader, Locale } from './locale';

describe('localeFromHeader', () => {
  it.each([
    [undefined, Locale.PL],
    ['en-GB,en;q=0.9', Locale.EN],
    ['de-DE, pl;q=0.5', Locale.PL],
    ['fr', Locale.PL],
  ])('reads %s as %s', (header, expected) => {
    expect(localeFromHeader(header)).toBe(expected);
  });
});
