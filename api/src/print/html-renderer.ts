import { formatDate, label } from './print-labels';
import type { Block, Inline, PrintDocument } from './print-document';

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Only web and mail links are kept as links; anything else (javascript:, data:) is printed as text. */
const safeUrl = (url: string): string | null => (/^(https?:|mailto:|\/)/i.test(url) ? url : null);

function inlines(items: Inline[]): string {
  return items
    .map((i) => {
      if (i.kind === 'link') {
        const href = safeUrl(i.url);
        return href ? `<a href="${escapeHtml(href)}">${escapeHtml(i.text)}</a>` : escapeHtml(i.text);
      }
      let html = escapeHtml(i.text);
      if (i.code) html = `<code>${html}</code>`;
      if (i.italic) html = `<em>${html}</em>`;
      if (i.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

function block(b: Block, anchor: () => string): string {
  switch (b.kind) {
    case 'heading': {
      const tag = `h${b.level + 1}`;
      return b.level <= 2 ? `<${tag} id="${anchor()}">${escapeHtml(b.text)}</${tag}>` : `<${tag}>${escapeHtml(b.text)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${inlines(b.inlines)}</p>`;
    case 'quote':
      return `<blockquote><p>${inlines(b.inlines)}</p></blockquote>`;
    case 'code':
      return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${inlines(item)}</li>`).join('')}</${tag}>`;
    }
    case 'image': {
      const src = safeUrl(b.image.url);
      const caption = b.image.caption ? `<figcaption>${escapeHtml(b.image.caption)}</figcaption>` : '';
      return src ? `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(b.image.alt)}">${caption}</figure>` : '';
    }
  }
}

const STYLE = `body{font-family:"DejaVu Serif",Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#1a1a1a}
h1,h2,h3,h4,nav{font-family:"DejaVu Sans",Arial,sans-serif}.kind{text-transform:uppercase;letter-spacing:.08em;color:#555;font-size:.85rem}
.subtitle{font-style:italic;font-size:1.15rem}dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}
figure{margin:1rem 0;text-align:center}img{max-width:100%;height:auto}blockquote{margin-left:1.5rem;font-style:italic}
footer{margin-top:3rem;font-size:.85rem;color:#555}nav ol{padding-left:1.2rem}
@media print{nav{page-break-after:always}section.chapter{page-break-before:always}a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;word-break:break-all}}`;

/** The same document as a clean, self-contained HTML page (no scripts), with its own contents list and print styles. */
export function renderHtml(source: PrintDocument): string {
  const locale = source.locale;
  let n = 0;
  const anchor = () => `s${++n}`;
  const toc: string[] = [];
  const chapters = source.chapters.map((chapter) => {
    const id = anchor();
    const sub: string[] = [];
    const body = chapter.blocks
      .map((b) => {
        const html = block(b, anchor);
        if (b.kind === 'heading' && b.level <= 2) sub.push(`<li><a href="#s${n}">${escapeHtml(b.text)}</a></li>`);
        return html;
      })
      .join('\n');
    toc.push(`<li><a href="#${id}">${escapeHtml(chapter.title)}</a>${sub.length ? `<ol>${sub.join('')}</ol>` : ''}</li>`);
    return `<section class="chapter"><h2 id="${id}">${escapeHtml(chapter.title)}</h2>\n${body}</section>`;
  });
  const facts = source.facts.length ? `<dl class="facts">${source.facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>` : '';
  const cover = source.cover && safeUrl(source.cover.url) ? `<figure><img src="${escapeHtml(source.cover.url)}" alt="${escapeHtml(source.cover.alt)}"></figure>` : '';
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(source.title)}</title><style>${STYLE}</style></head>
<body>
<header><p class="kind">${escapeHtml(source.kindLabel)}</p><h1>${escapeHtml(source.title)}</h1>${source.subtitle ? `<p class="subtitle">${escapeHtml(source.subtitle)}</p>` : ''}${facts}${cover}</header>
<nav aria-label="${escapeHtml(label('contents', locale))}"><h2>${escapeHtml(label('contents', locale))}</h2><ol>${toc.join('')}</ol></nav>
<main>
${chapters.join('\n')}
</main>
<footer><p>${escapeHtml(label('updated', locale))} ${escapeHtml(formatDate(source.updatedAt, locale))} · ${escapeHtml(label('online', locale))}: <a href="${escapeHtml(source.sourceUrl)}">${escapeHtml(source.sourceUrl)}</a></p><p>${escapeHtml(label('publisher', locale))}</p></footer>
</body>
</html>
`;
}
