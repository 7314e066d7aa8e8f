/**
 * Encodes nested parameters the way Strapi's REST API reads them (qs bracket syntax):
 * `{ filters: { slug: { $in: ['a', 'b'] } } }` → `filters[slug][$in][0]=a&filters[slug][$in][1]=b`.
 * Written out here because the hub needs only this direction and it is a dozen lines.
 */
export type QueryValue = string | number | boolean | QueryValue[] | { [key: string]: QueryValue };

export function encodeStrapiQuery(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  const walk = (prefix: string, value: QueryValue): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(`${prefix}[${i}]`, item));
    else if (typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(`${prefix}[${key}]`, inner);
    else parts.push(`${encodeURIComponent(prefix).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(value))}`);
  };
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value) || typeof value === 'object') walk(key, value);
    else walk(key, value);
  }
  return parts.join('&');
}
