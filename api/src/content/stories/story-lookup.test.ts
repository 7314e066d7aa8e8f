import { batchFilter, storyMatches } from './story-lookup';

const story = { documentId: 'd1', slug: 'pod-bocianem', entityKey: 'e1', terytCode: '1205011' };

describe('story lookups', () => {
  it('matches a story to its gmina, powiat and voivodeship and to the whole country', () => {
    for (const value of ['1205011', '1205', '12', 'PL']) expect(storyMatches(story, { kind: 'territory', value })).toBe(true);
    expect(storyMatches(story, { kind: 'territory', value: '14' })).toBe(false);
  });

  it('puts every lookup of a batch into one $or filter', () => {
    const filter = batchFilter([
      { kind: 'entity', value: 'e1' },
      { kind: 'entity', value: 'e2' },
      { kind: 'territory', value: '12' },
      { kind: 'slug', value: 'x' },
    ]);
    expect(filter).toEqual({ $or: [{ entityKey: { $in: ['e1', 'e2'] } }, { slug: { $in: ['x'] } }, { terytCode: { $startsWith: '12' } }] });
  });

  it('drops the filter when the whole country is asked for', () => {
    expect(batchFilter([{ kind: 'territory', value: 'PL' }, { kind: 'entity', value: 'e1' }])).toBeUndefined();
  });
});
