import fc from 'fast-check';
import {
  checkKrs,
  checkNip,
  checkRegon,
  generateKrs,
  generateNip,
  generateRegon14,
  generateRegon9,
  isValidKrs,
  isValidNip,
  isValidRegon,
  normaliseIdentifier,
  SYNTHETIC_KRS_RANGE,
} from '.';

/** A tiny seeded PRNG for the properties (shared/ must not import the demo generator's one). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inserts separators people type (dashes, spaces) at arbitrary places. */
const withSeparators = (digits: string, cuts: number[], sep: string) => {
  const positions = new Set(cuts.map((c) => c % digits.length).filter((c) => c > 0));
  return [...digits].map((d, i) => (positions.has(i) ? sep + d : d)).join('');
};

describe('NIP', () => {
  it.each([
    ['1234563218', true, 'the textbook example (sum 118, remainder 8)'],
    ['123-456-32-18', true, 'dashes as individuals write it'],
    ['123-45-63-218', true, 'dashes as companies used to write it'],
    [' 123 456 32 18 ', true, 'spaces and padding'],
    ['PL1234563218', true, 'the EU VAT prefix'],
    ['8567346215', true, 'another valid number'],
    ['1234563219', false, 'a wrong check digit'],
    ['1234567890', false, 'a body whose remainder is 10 (never issued)'],
    ['0000000000', false, 'all zeros'],
    ['123456321', false, 'nine digits'],
    ['12345632188', false, 'eleven digits'],
    ['12345632I8', false, 'a letter in place of a digit'],
    ['', false, 'an empty string'],
  ])('judges %j as %s (%s)', (input, expected) => {
    expect(isValidNip(input)).toBe(expected);
  });

  it('returns the digits alone when a typed NIP is valid', () => {
    expect(checkNip('PL 123-456-32-18')).toEqual({ valid: true, value: '1234563218' });
  });

  it('tells a wrong length from a wrong check digit', () => {
    expect(checkNip('123')).toMatchObject({ valid: false, problem: 'FORMAT' });
    expect(checkNip('1234563219')).toMatchObject({ valid: false, problem: 'CHECKSUM' });
  });

  it('generates only valid NIPs, whatever the seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = seeded(seed);
        for (let i = 0; i < 20; i++) {
          const nip = generateNip(random);
          expect(nip).toMatch(/^[1-9]\d{9}$/);
          expect(isValidNip(nip)).toBe(true);
        }
      }),
    );
  });

  it('rejects every single-digit typo in a valid NIP (the weights are all non-zero modulo 11)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(9), fc.integer({ min: 1, max: 9 }), (seed, position, delta) => {
        const nip = generateNip(seeded(seed));
        const typo = nip.slice(0, position) + ((Number(nip[position]) + delta) % 10).toString() + nip.slice(position + 1);
        expect(isValidNip(typo)).toBe(false);
      }),
    );
  });

  it('ignores dashes and spaces wherever they are typed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom('-', ' ', ' - '), (seed, cuts, sep) => {
        const nip = generateNip(seeded(seed));
        expect(checkNip(withSeparators(nip, cuts, sep))).toEqual({ valid: true, value: nip });
      }),
    );
  });
});

describe('REGON', () => {
  it.each([
    ['000331501', true, 'Statistics Poland itself'],
    ['000-331-501', true, 'with dashes'],
    ['000331502', false, 'a wrong check digit'],
    ['000000000', false, 'all zeros'],
    ['00033150100001', false, '14 digits whose last check digit is wrong'],
    ['12345678', false, 'eight digits'],
    ['1234567890', false, 'ten digits'],
  ])('judges %j as %s (%s)', (input, expected) => {
    expect(isValidRegon(input)).toBe(expected);
  });

  it('writes a remainder of 10 as check digit 0', () => {
    // 8·1 + 2·1 = 10: the remainder 10 is written as 0, and 1 is wrong.
    expect(isValidRegon('101000000')).toBe(true);
    expect(isValidRegon('101000001')).toBe(false);
  });

  it('accepts a 14-digit local-unit REGON only when its parent REGON is valid too', () => {
    const local = generateRegon14(seeded(7), '000331501');
    expect(local.startsWith('000331501')).toBe(true);
    expect(isValidRegon(local)).toBe(true);
    // Same local part under a parent with a broken check digit: the 14-digit check may pass, the parent's must not.
    const brokenParent = '000331502' + local.slice(9, 13);
    const weights = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];
    const check = (weights.reduce((s, w, i) => s + w * Number(brokenParent[i]), 0) % 11) % 10;
    expect(checkRegon(brokenParent + check)).toMatchObject({ valid: false, problem: 'CHECKSUM' });
  });

  it('generates only valid 9- and 14-digit REGONs, whatever the seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = seeded(seed);
        const nine = generateRegon9(random);
        const fourteen = generateRegon14(random, nine);
        expect(nine).toMatch(/^\d{9}$/);
        expect(fourteen).toMatch(/^\d{14}$/);
        expect(fourteen.startsWith(nine)).toBe(true);
        expect(isValidRegon(nine)).toBe(true);
        expect(isValidRegon(fourteen)).toBe(true);
      }),
    );
  });

  it('ignores separators in a 14-digit REGON', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.nat(), { maxLength: 4 }), (seed, cuts) => {
        const regon = generateRegon14(seeded(seed));
        expect(checkRegon(withSeparators(regon, cuts, ' '))).toEqual({ valid: true, value: regon });
      }),
    );
  });
});

describe('KRS number', () => {
  it.each([
    ['0000566214', true, 'ten digits with leading zeros'],
    ['566214', false, 'a number without its leading zeros (the register always prints 10 digits)'],
    ['0000-566-214', true, 'with dashes'],
    ['0000000000', false, 'zero'],
    ['00005662140', false, 'eleven digits'],
    ['KRS0000566214', false, 'a prefix'],
    ['12345a', false, 'a letter'],
  ])('judges %j as %s (%s)', (input, expected) => {
    expect(isValidKrs(input)).toBe(expected);
  });

  it('returns the digits alone when a typed KRS number is valid', () => {
    expect(checkKrs('0000 566 214')).toEqual({ valid: true, value: '0000566214' });
  });

  it('accepts any non-zero 10-digit number, because a KRS number has no check digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), (n) => {
        const krs = n.toString().padStart(10, '0');
        expect(checkKrs(krs)).toEqual({ valid: true, value: krs });
      }),
    );
  });

  it('generates synthetic numbers only from the reserved range above any number issued so far', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const krs = generateKrs(seeded(seed));
        expect(krs).toMatch(/^\d{10}$/);
        expect(Number(krs)).toBeGreaterThanOrEqual(SYNTHETIC_KRS_RANGE.from);
        expect(Number(krs)).toBeLessThan(SYNTHETIC_KRS_RANGE.from + SYNTHETIC_KRS_RANGE.size);
      }),
    );
  });
});

describe('normaliseIdentifier', () => {
  it('removes spaces, no-break spaces, dashes and dots but keeps letters', () => {
    expect(normaliseIdentifier(' 12\u00a034-5.6 x ')).toBe('123456x');
  });
});
