import { divisionsOf, isPkdCode, PkdSection, sectionOf } from './pkd';

describe('PKD codes', () => {
  it('accepts class codes written NN.NN.L only', () => {
    expect(isPkdCode('88.10.Z')).toBe(true);
    expect(isPkdCode('85.59.B')).toBe(true);
    expect(isPkdCode('8810Z')).toBe(false);
    expect(isPkdCode('88.10')).toBe(false);
  });

  it('places a code in its section by division', () => {
    expect(sectionOf('56.29.Z')).toBe(PkdSection.I);
    expect(sectionOf('10.71.Z')).toBe(PkdSection.C);
    expect(sectionOf('88.10.Z')).toBe(PkdSection.Q);
    expect(sectionOf('04.00.Z')).toBeNull();
  });

  it('lists every division of a section and none of another', () => {
    expect(divisionsOf(PkdSection.Q)).toEqual(['86', '87', '88']);
    expect(divisionsOf(PkdSection.C)).toHaveLength(24);
    const all = Object.values(PkdSection).flatMap(divisionsOf);
    expect(new Set(all).size).toBe(all.length);
  });
});
