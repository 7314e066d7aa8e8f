import { foldForSearch } from './search-name';

describe('foldForSearch', () => {
  it('folds Polish letters, ł included, and lower-cases', () => {
    expect(foldForSearch('ŁÓDŹ Żółć Gęślą Jaźń')).toBe('lodz zolc gesla jazn');
    expect(foldForSearch('Spółdzielnia')).toBe(foldForSearch('spoldzielnia'));
  });

  it('turns quotes, dots and dashes into single spaces so a query need not type them', () => {
    expect(foldForSearch('Spółdzielnia Socjalna „Pod Bocianem”')).toBe('spoldzielnia socjalna pod bocianem');
    expect(foldForSearch('Agencja „Start” sp. z o.o. non-profit')).toBe('agencja start sp z o o non profit');
  });

  it('folds a whole name and any part of it alike, so a folded part is found in the folded name', () => {
    const name = 'Zakład Aktywności Zawodowej „Nadmorski” w Gdańsku';
    for (const part of ['aktywności', 'AKTYWNOSCI zawodowej', '„nadmorski', 'gdańsk']) expect(foldForSearch(name)).toContain(foldForSearch(part));
  });

  it('folds text of punctuation only to nothing', () => {
    expect(foldForSearch('%_„”')).toBe('');
  });
});
