// Letters that Unicode decomposition leaves whole (ł has no combining form), folded by hand.
const SPECIAL: Record<string, string> = { ł: 'l', đ: 'd', ð: 'd', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ı: 'i' };
const SPECIAL_PATTERN = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');

/**
 * Folds a name for diacritics-insensitive search: lower case, Polish (and other Latin) diacritics
 * removed — ł→l, ą→a, ś→s, ż/ź→z … — and every run of other characters (quotes, dots, dashes)
 * made one space. "Spółdzielnia Socjalna „Pod Bocianem”" → "spoldzielnia socjalna pod bocianem".
 * The same function fills `social_economy_entity.search_name` and folds the query, so both
 * sides always agree.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(SPECIAL_PATTERN, (c) => SPECIAL[c])
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

