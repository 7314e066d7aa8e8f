import fc from 'fast-check';
import { Money } from './money';

describe('Money', () => {
  it('writes grosze as złoty with two decimals, signs included', () => {
    expect(Money.ofMinor(125000n).toDecimal()).toBe('1250.00');
    expect(Money.ofMinor(-5).toDecimal()).toBe('-0.05');
    expect(Money.ofMinor('0').toDecimal()).toBe('0.00');
    expect(Money.ofMinor('-30800000').toString()).toBe('-308000.00 PLN');
  });

  it('parses a decimal amount back to the same minor units', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (minor) => {
        expect(Money.parse(Money.ofMinor(minor).toDecimal()).minor).toBe(minor);
      }),
    );
    expect(Money.parse('7').minor).toBe(700n);
    expect(Money.parse('-3.5').minor).toBe(-350n);
  });

  it('refuses amounts with more decimals than the currency has, and non-numbers', () => {
    expect(() => Money.parse('1.005')).toThrow(/decimal places/);
    expect(() => Money.parse('1e3')).toThrow(/not a decimal/);
    expect(() => Money.ofMinor(1.5)).toThrow(/whole number/);
    expect(() => Money.ofMinor('12.0')).toThrow(/whole number/);
  });

  it('refuses to add złoty to euro and an unknown currency', () => {
    expect(() => Money.ofMinor(1).plus(Money.ofMinor(1, 'EUR'))).toThrow(/Cannot combine PLN with EUR/);
    expect(() => Money.ofMinor(1, 'XYZ')).toThrow(/Unsupported currency/);
  });

  it('adds and subtracts exactly', () => {
    expect(Money.parse('0.10').plus(Money.parse('0.20')).equals(Money.parse('0.30'))).toBe(true);
    expect(Money.parse('1.00').minus(Money.parse('2.50')).toDecimal()).toBe('-1.50');
    expect(Money.parse('1.00').negated().isNegative()).toBe(true);
  });

  it('allocates by ratios into parts that sum to the whole, each within a grosz of its share', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 12 }).filter((r) => r.some((x) => x > 0)), (minor, ratios) => {
        const parts = Money.ofMinor(minor).allocate(ratios);
        expect(parts.reduce((s, p) => s + p.minor, 0n)).toBe(minor);
        const total = ratios.reduce((s, r) => s + r, 0);
        parts.forEach((p, i) => {
          expect(Math.abs(Number(p.minor) - (Number(minor) * ratios[i]) / total)).toBeLessThan(1.0001);
          if (ratios[i] === 0) expect(p.minor).toBe(0n);
        });
      }),
    );
  });

  it('gives the left-over grosz to the earliest part', () => {
    expect(Money.parse('1.00').allocate([1, 1, 1]).map((m) => m.toDecimal())).toEqual(['0.34', '0.33', '0.33']);
  });
});
