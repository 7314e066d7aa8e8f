import fc from 'fast-check';
import { CROCKFORD, checkCharacter, formatCertificateCode, generateCertificateCode, normaliseCertificateCode } from './certificate-code';

describe('certificate codes', () => {
  it('are 12 Crockford characters whose last one checks the rest', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateCertificateCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
      expect(normaliseCertificateCode(code)).toBe(code);
    }
  });

  it('accept what a person retypes: lower case, hyphens, O for 0 and I or L for 1', () => {
    const code = '01ABCDEFGHJ';
    const full = code + checkCharacter(code);
    const typed = formatCertificateCode(full).toLowerCase().replace('0', 'o').replace('1', 'l');
    expect(normaliseCertificateCode(` ${typed} `)).toBe(full);
  });

  it('reject every single-character error and every swap of adjacent characters but 0↔Z', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 11, maxLength: 11 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 31 }), (digits, position, delta) => {
        const body = digits.map((d) => CROCKFORD[d]).join('');
        const code = body + checkCharacter(body);
        const changed = code.slice(0, position) + CROCKFORD[(CROCKFORD.indexOf(code[position]) + delta) % 32] + code.slice(position + 1);
        expect(normaliseCertificateCode(changed)).toBeNull();
        const pair = code[position] + code[position + 1];
        if (position < 11 && code[position] !== code[position + 1] && pair !== '0Z' && pair !== 'Z0') {
          const swapped = code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
          expect(normaliseCertificateCode(swapped)).toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reject codes of the wrong length or with foreign characters', () => {
    expect(normaliseCertificateCode('ABC')).toBeNull();
    expect(normaliseCertificateCode('ABCDEFGHJKM*')).toBeNull();
    expect(normaliseCertificateCode('UUUUUUUUUUUU')).toBeNull();
  });
});
