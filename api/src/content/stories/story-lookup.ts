import type { QueryValue } from '../cms/query-string';

/**
 * The ways the hub looks stories up, each by a stable key the CMS stores:
 * the entity's UUID, a TERYT code (the story's place or any ancestor of it), a slug, or Strapi's documentId.
 */
export type StoryLookupKind = 'entity' | 'territory' | 'slug' | 'document';

export interface StoryLookup {
  kind: StoryLookupKind;
  value: string;
}

/** The country's code in the hub: a territory lookup for it matches every story. */
export const COUNTRY_CODE = 'PL';

export const lookupKey = (locale: string, lookup: StoryLookup): string => `story|${locale}|${lookup.kind}|${lookup.value}`;

/** Does a story (as fetched) answer a lookup? Used to distribute one batched response over many keys. */
export function storyMatches(story: { entityKey?: string | null; terytCode?: string | null; slug: string; documentId: string }, lookup: StoryLookup): boolean {
  switch (lookup.kind) {
    case 'entity':
      return story.entityKey === lookup.value;
    case 'territory':
      return lookup.value === COUNTRY_CODE || (story.terytCode ?? '').startsWith(lookup.value);
    case 'slug':
      return story.slug === lookup.value;
    case 'document':
      return story.documentId === lookup.value;
  }
}

/**
 * One Strapi filter for a whole batch of lookups: `$or` over `$in` lists (and `$startsWith` for
 * territory prefixes). Returns undefined when a lookup matches everything (the whole country).
 */
export function batchFilter(lookups: StoryLookup[]): Record<string, QueryValue> | undefined {
  if (lookups.some((l) => l.kind === 'territory' && l.value === COUNTRY_CODE)) return undefined;
  const or: QueryValue[] = [];
  const inList = (kind: StoryLookupKind, field: string) => {
    const values = [...new Set(lookups.filter((l) => l.kind === kind).map((l) => l.value))];
    if (values.length) or.push({ [field]: { $in: values } });
  };
  inList('entity', 'entityKey');
  inList('slug', 'slug');
  inList('document', 'documentId');
  for (const code of new Set(lookups.filter((l) => l.kind === 'territory').map((l) => l.value))) or.push({ terytCode: { $startsWith: code } });
  return { $or: or };
}
