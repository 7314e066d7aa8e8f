import fc from 'fast-check';
import { LegalForm, SocialEconomyEntityStatus } from '../registry/legal-form';
import { fold, formatScaled, padNumericIdentifier, parseBoolean, parseCount, parseDate, parseDecimal2, parseLegalForm, parseMoney, parsePkd, parseStatus, parseTerytCode } from './values';
import { numberText } from './read-xlsx';

const grosze = (text: string) => {
  const parsed = parseMoney(text);
  return parsed.ok ? parsed.value : parsed.reason;
};

describe('parseMoney', () => {
  it.each([
    ['1 234,56', 123456n],
    ['1234.56', 123456n],
    ['1234,5', 123450n],
    ['1234', 123400n],
    ['0,01', 1n],
    [',5', 50n],
    ['1\u00a0234\u00a0567,89', 123456789n],
    ['1.234.567,89', 123456789n],
    ['1,234,567.89', 123456789n],
    ['1.234.567', 123456700n],
    ['-1 234,56', -123456n],
    ['\u22121 234,56', -123456n],
    ['12,50 zł', 1250n],
    ['12.50 PLN', 1250n],
    ['12,500', 1250n],
    ['92233720368547758.07', 9223372036854775807n],
  ])('reads %j as %s grosze', (text, expected) => {
    expect(grosze(text)).toBe(expected);
  });

  it.each(['', 'abc', '12,345', '1,2,3.4', '1.2.3', '12.3.4,5', '1 234,567', '--5', '1e5', '12,34,56'])('refuses %j', (text) => {
    expect(parseMoney(text).ok).toBe(false);
  });

  it('reads every amount written with a comma and Polish thousands spaces back to the same grosze', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (minor) => {
        const text = formatScaled(minor, 2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
        // The grouping regex also groups the decimals' side only when it is longer than 3 digits, which it never is.
        expect(grosze(text)).toBe(minor);
      }),
    );
  });
});

describe('parseCount and parseDecimal2', () => {
  it('reads whole counts, refuses fractions and negatives with the reason', () => {
    expect(parseCount('1 200')).toEqual({ ok: true, value: 1200 });
    expect(parseCount('12,0')).toEqual({ ok: true, value: 12 });
    expect(parseCount('12,5')).toEqual({ ok: false, reason: 'NOT_WHOLE' });
    expect(parseCount('-3')).toEqual({ ok: false, reason: 'NEGATIVE' });
    expect(parseCount('3000000000')).toEqual({ ok: false, reason: 'TOO_LARGE' });
  });

  it('writes full-time equivalents with two places, from a comma or a dot', () => {
    expect(parseDecimal2('12,5')).toEqual({ ok: true, value: '12.50' });
    expect(parseDecimal2('0.75')).toEqual({ ok: true, value: '0.75' });
    expect(parseDecimal2('1,125').ok).toBe(false);
  });
});

describe('parseDate', () => {
  it.each([
    ['2024-02-29', '2024-02-29'],
    ['2024-2-9', '2024-02-09'],
    ['29.02.2024', '2024-02-29'],
    ['1.3.2020', '2020-03-01'],
    ['01/03/2020', '2020-03-01'],
    ['2020-03-01 00:00:00', '2020-03-01'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseDate(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['2023-02-29', '31.04.2020', '2020/03/01x', '03-2020', 'wczoraj', '2020-13-01'])('refuses %j', (text) => {
    expect(parseDate(text).ok).toBe(false);
  });
});

describe('dictionaries', () => {
  it.each([
    ['spółdzielnia socjalna', LegalForm.SOCIAL_COOPERATIVE],
    ['Spółdzielnia Socjalna', LegalForm.SOCIAL_COOPERATIVE],
    ['SPOLDZIELNIA SOCJALNA', LegalForm.SOCIAL_COOPERATIVE],
    ['SOCIAL_COOPERATIVE', LegalForm.SOCIAL_COOPERATIVE],
    ['social cooperative', LegalForm.SOCIAL_COOPERATIVE],
    ['Spółdzielnia inwalidów', LegalForm.COOPERATIVE_OF_DISABLED_OR_BLIND],
    ['Fundacja', LegalForm.FOUNDATION],
    ['stowarzyszenie', LegalForm.ASSOCIATION],
    ['Spółka z o.o. non-profit', LegalForm.NON_PROFIT_COMPANY],
    ['Koło Gospodyń Wiejskich', LegalForm.RURAL_HOUSEWIVES_CIRCLE],
    ['KGW', LegalForm.RURAL_HOUSEWIVES_CIRCLE],
    ['Centrum Integracji Społecznej', LegalForm.CIS],
    ['zakład aktywności zawodowej', LegalForm.ZAZ],
    ['Warsztat Terapii Zajęciowej', LegalForm.WTZ],
  ])('maps the legal form %j to %s', (text, form) => {
    expect(parseLegalForm(text)).toEqual({ ok: true, value: form });
  });

  it('refuses a legal form it does not know', () => {
    expect(parseLegalForm('spółka jawna').ok).toBe(false);
  });

  it('maps Polish statuses and yes/no answers', () => {
    expect(parseStatus('w likwidacji')).toEqual({ ok: true, value: SocialEconomyEntityStatus.IN_LIQUIDATION });
    expect(parseStatus('Wykreślony')).toEqual({ ok: true, value: SocialEconomyEntityStatus.DISSOLVED });
    expect(parseStatus('aktywna')).toEqual({ ok: true, value: SocialEconomyEntityStatus.ACTIVE });
    expect(parseBoolean('TAK')).toEqual({ ok: true, value: true });
    expect(parseBoolean('fałsz')).toEqual({ ok: true, value: false });
    expect(parseBoolean('może').ok).toBe(false);
  });

  it('folds Polish letters, ł included', () => {
    expect(fold('  Łódzka  Spółdzielnia_Żółć ')).toBe('lodzka spoldzielnia zolc');
  });
});

describe('codes', () => {
  it('normalises PKD classes', () => {
    expect(parsePkd('8810Z')).toEqual({ ok: true, value: '88.10.Z' });
    expect(parsePkd('88.10.z')).toEqual({ ok: true, value: '88.10.Z' });
    expect(parsePkd('88.1').ok).toBe(false);
  });

  it('puts back the leading zero a spreadsheet dropped from a TERYT code', () => {
    expect(parseTerytCode('264011')).toEqual({ ok: true, value: '0264011' });
    expect(parseTerytCode('2')).toEqual({ ok: true, value: '02' });
    expect(parseTerytCode('1261011')).toEqual({ ok: true, value: '1261011' });
    expect(parseTerytCode('12 61 011')).toEqual({ ok: true, value: '1261011' });
    expect(parseTerytCode('12610').ok).toBe(false);
    expect(parseTerytCode('PL').ok).toBe(false);
  });

  it('pads identifiers stored as spreadsheet numbers', () => {
    expect(padNumericIdentifier('krs', '566214')).toBe('0000566214');
    expect(padNumericIdentifier('regon', '331501')).toBe('000331501');
    expect(padNumericIdentifier('regon', '33150100001')).toBe('00033150100001');
  });

  it('writes spreadsheet numbers without float noise or exponents', () => {
    expect(numberText(1234.5600000000002)).toBe('1234.56');
    expect(numberText(566214)).toBe('566214');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(0.0000001)).toBe('0.0000001');
    expect(numberText(-12.5)).toBe('-12.5');
  });
});
