import { encodeStrapiQuery } from './query-string';

describe('encodeStrapiQuery', () => {
  it('writes nested filters in the bracket syntax Strapi parses', () => {
    expect(decodeURIComponent(encodeStrapiQuery({ filters: { slug: { $in: ['a', 'b'] } } }))).toBe('filters[slug][$in][0]=a&filters[slug][$in][1]=b');
  });

  it('lists fields and sort orders by index', () => {
    expect(decodeURIComponent(encodeStrapiQuery({ fields: ['title', 'slug'], sort: ['publishedAt:desc'] }))).toBe('fields[0]=title&fields[1]=slug&sort[0]=publishedAt:desc');
  });

  it('escapes values so Polish text and separators survive', () => {
    const encoded = encodeStrapiQuery({ filters: { title: { $eq: 'Spółdzielnia & co' } } });
    expect(encoded).toContain('=Sp%C3%B3%C5%82dzielnia%20%26%20co');
  });
});
