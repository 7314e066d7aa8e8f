/**
 * Strapi's "blocks" rich text is JSON. The seed writes its texts in a small Markdown subset and turns
 * them into blocks here: `## heading`, `- item` lists, `1. item` lists, `> quote`, paragraphs, and
 * inline **bold** and _italic_.
 */
export type InlineNode = { type: 'text'; text: string; bold?: boolean; italic?: boolean };
export type Block =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: InlineNode[] }
  | { type: 'quote'; children: InlineNode[] }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: Array<{ type: 'list-item'; children: InlineNode[] }> };

export const inline = (text: string): InlineNode[] => {
  const nodes: InlineNode[] = [];
  const pattern = /\*\*(.+?)\*\*|_(.+?)_/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) nodes.push({ type: 'text', text: text.slice(last, match.index) });
    nodes.push(match[1] !== undefined ? { type: 'text', text: match[1], bold: true } : { type: 'text', text: match[2]!, italic: true });
    last = match.index + match[0].length;
  }
  if (last < text.length || nodes.length === 0) nodes.push({ type: 'text', text: text.slice(last) });
  return nodes;
};

export const toBlocks = (source: string): Block[] =>
  source
    .trim()
    .split(/\n\s*\n/)
    .map((chunk): Block => {
      const lines = chunk.trim().split('\n').map((l) => l.trim());
      const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]!);
      if (heading && lines.length === 1) {
        return { type: 'heading', level: heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6, children: inline(heading[2]!) };
      }
      if (lines.every((l) => /^-\s+/.test(l))) {
        return { type: 'list', format: 'unordered', children: lines.map((l) => ({ type: 'list-item', children: inline(l.replace(/^-\s+/, '')) })) };
      }
      if (lines.every((l) => /^\d+\.\s+/.test(l))) {
        return { type: 'list', format: 'ordered', children: lines.map((l) => ({ type: 'list-item', children: inline(l.replace(/^\d+\.\s+/, '')) })) };
      }
      if (lines.every((l) => l.startsWith('>'))) {
        return { type: 'quote', children: inline(lines.map((l) => l.replace(/^>\s?/, '')).join(' ')) };
      }
      return { type: 'paragraph', children: inline(lines.join(' ')) };
    });

/** Plain text of blocks, for tests and reading-time estimates. */
export const blocksText = (blocks: Block[]): string =>
  blocks
    .map((b) => (b.type === 'list' ? b.children.map((i) => i.children.map((c) => c.text).join('')).join('\n') : b.children.map((c) => c.text).join('')))
    .join('\n\n');
