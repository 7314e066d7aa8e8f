import type { Block, Inline } from './print-document';

/** Strapi 5 "blocks" rich text, as its REST API returns it. */
export interface StrapiBlockNode {
  type: string;
  text?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
  url?: string;
  level?: number;
  format?: 'ordered' | 'unordered';
  image?: { url: string; alternativeText?: string | null; caption?: string | null };
  children?: StrapiBlockNode[];
}

function inlinesOf(nodes: StrapiBlockNode[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'link' && node.url) out.push({ kind: 'link', url: node.url, text: (node.children ?? []).map((c) => c.text ?? '').join('') || node.url });
    else if (node.type === 'text') out.push({ kind: 'text', text: node.text ?? '', bold: node.bold, italic: node.italic, code: node.code });
    else if (node.children) out.push(...inlinesOf(node.children));
  }
  return out;
}

/** Flattens nested list items into one level (print keeps the order; indentation of sub-lists is lost). */
function listItems(node: StrapiBlockNode): Inline[][] {
  const items: Inline[][] = [];
  for (const child of node.children ?? []) {
    const nested = (child.children ?? []).filter((c) => c.type === 'list');
    items.push(inlinesOf((child.children ?? []).filter((c) => c.type !== 'list')));
    for (const list of nested) items.push(...listItems(list));
  }
  return items.filter((i) => i.length);
}

/** Strapi blocks → printable blocks; image URLs are made absolute against the CMS. */
export function blocksToPrint(nodes: unknown, absolute: (url: string) => string): Block[] {
  if (!Array.isArray(nodes)) return [];
  const out: Block[] = [];
  for (const node of nodes as StrapiBlockNode[]) {
    switch (node?.type) {
      case 'heading':
        out.push({ kind: 'heading', level: node.level && node.level <= 2 ? (node.level as 1 | 2) : 3, text: inlinesOf(node.children).map((i) => i.text).join('') });
        break;
      case 'paragraph': {
        const inlines = inlinesOf(node.children);
        if (inlines.some((i) => i.text.trim())) out.push({ kind: 'paragraph', inlines });
        break;
      }
      case 'quote':
        out.push({ kind: 'quote', inlines: inlinesOf(node.children) });
        break;
      case 'code':
        out.push({ kind: 'code', text: inlinesOf(node.children).map((i) => i.text).join('') });
        break;
      case 'list':
        out.push({ kind: 'list', ordered: node.format === 'ordered', items: listItems(node) });
        break;
      case 'image':
        if (node.image?.url) out.push({ kind: 'image', image: { url: absolute(node.image.url), alt: node.image.alternativeText ?? '', caption: node.image.caption ?? undefined } });
        break;
      default:
        break;
    }
  }
  return out;
}

const INLINE = /(!?\[([^\]]*)\]\(([^)\s]+)\))|(\*\*([^*]+)\*\*)|(\*([^*]+)\*)|(`([^`]+)`)/g;

function markdownInlines(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index! > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] && !m[1].startsWith('!')) out.push({ kind: 'link', text: m[2] || m[3], url: m[3] });
    else if (m[1]) out.push({ kind: 'text', text: m[2] });
    else if (m[4]) out.push({ kind: 'text', text: m[5], bold: true });
    else if (m[6]) out.push({ kind: 'text', text: m[7], italic: true });
    else if (m[8]) out.push({ kind: 'text', text: m[9], code: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The Markdown subset editors use in stories (headings, paragraphs, lists, quotes, links, emphasis, images). */
export function markdownToPrint(markdown: string | null | undefined, absolute: (url: string) => string): Block[] {
  if (!markdown) return [];
  const out: Block[] = [];
  for (const chunk of markdown.replace(/\r\n/g, '\n').split(/\n{2,}/)) {
    const text = chunk.trim();
    if (!text) continue;
    const heading = /^(#{1,3})\s+(.*)$/.exec(text);
    const image = /^!\[([^\]]*)\]\(([^)\s]+)\)$/.exec(text);
    const lines = text.split('\n');
    if (heading) out.push({ kind: 'heading', level: heading[1].length as 1 | 2 | 3, text: heading[2].trim() });
    else if (image) out.push({ kind: 'image', image: { url: absolute(image[2]), alt: image[1] } });
    else if (lines.every((l) => /^\s*([-*]|\d+\.)\s+/.test(l))) out.push({ kind: 'list', ordered: /^\s*\d+\./.test(lines[0]), items: lines.map((l) => markdownInlines(l.replace(/^\s*([-*]|\d+\.)\s+/, ''))) });
    else if (lines.every((l) => l.startsWith('>'))) out.push({ kind: 'quote', inlines: markdownInlines(lines.map((l) => l.replace(/^>\s?/, '')).join(' ')) });
    else out.push({ kind: 'paragraph', inlines: markdownInlines(lines.join(' ')) });
  }
  return out;
}
