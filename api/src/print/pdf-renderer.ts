import { deterministicPdf, isEmbeddableImage, PAGE, pdfBytes } from './pdf-document';
import { formatDate, label, superscript } from './print-labels';
import type { Block, Inline, PrintDocument, PrintImage } from './print-document';

const BODY = 10.5;
const LINE_GAP = 3;
const TOC_LINE = 20;
/** Footnotes that fit in the bottom margin of a page; more are listed only in the closing list of links. */
const FOOTNOTES_PER_PAGE = 6;

interface TocEntry {
  title: string;
  level: 1 | 2;
  page: number;
  destination: string;
}

interface Footnote {
  n: number;
  url: string;
  page: number;
}

/**
 * Renders a printable document as a PDF: cover, table of contents with page numbers (reserved
 * before the content is laid out, filled in after), chapters each starting on a new page, links
 * as numbered footnotes at the foot of the page where they occur (and all of them listed at the
 * end), page numbers "Strona n z N". Deterministic: same document, same bytes.
 */
export async function renderPdf(source: PrintDocument): Promise<Buffer> {
  const locale = source.locale;
  const doc = deterministicPdf({ title: source.title, subject: source.kindLabel, lang: locale, at: source.updatedAt });
  const contentWidth = PAGE.width - PAGE.margin.left - PAGE.margin.right;
  const pageIndex = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;

  // Cover.
  doc.addPage();
  doc.font('sans').fontSize(11).fillColor('#555555').text(source.kindLabel.toUpperCase(), { characterSpacing: 1 });
  doc.moveDown(2);
  doc.font('sansBold').fontSize(26).fillColor('#1a1a1a').text(source.title, { lineGap: 4 });
  if (source.subtitle) doc.moveDown(0.8).font('serifItalic').fontSize(13).fillColor('#333333').text(source.subtitle, { lineGap: 3 });
  doc.moveDown(1.5);
  for (const [name, value] of source.facts) doc.font('sansBold').fontSize(10).fillColor('#1a1a1a').text(`${name}: `, { continued: true }).font('sans').text(value);
  if (source.cover && isEmbeddableImage(source.cover.data)) {
    doc.moveDown(1.5);
    const room = PAGE.height - PAGE.margin.bottom - doc.y - 40;
    if (room > 120) doc.image(source.cover.data, PAGE.margin.left, doc.y, { fit: [contentWidth, Math.min(room, 300)], align: 'center' });
  }
  doc.font('sans').fontSize(9).fillColor('#555555');
  const coverBottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0; // the cover's foot sits in the margin; it must not spill onto a new page
  doc.text(`${label('updated', locale)} ${formatDate(source.updatedAt, locale)} · ${label('online', locale)}: ${source.sourceUrl}`, PAGE.margin.left, PAGE.height - PAGE.margin.bottom, { width: contentWidth });
  doc.text(label('publisher', locale), { width: contentWidth });
  doc.page.margins.bottom = coverBottom;

  // Table of contents: one entry per chapter and per second-level heading; pages reserved now.
  const entryCount = source.chapters.reduce((n, c) => n + 1 + c.blocks.filter((b) => b.kind === 'heading' && b.level <= 2).length, 0) + 1;
  const perPage = Math.floor((PAGE.height - PAGE.margin.top - PAGE.margin.bottom - 60) / TOC_LINE);
  const tocPages = Math.max(1, Math.ceil(entryCount / perPage));
  const tocStart = pageIndex() + 1;
  for (let i = 0; i < tocPages; i++) doc.addPage();

  const toc: TocEntry[] = [];
  const footnotes: Footnote[] = [];
  let destinations = 0;
  const mark = (title: string, level: 1 | 2) => {
    const destination = `s${++destinations}`;
    doc.addNamedDestination(destination);
    toc.push({ title, level, page: pageIndex(), destination });
  };

  const ensureRoom = (points: number) => {
    if (doc.y + points > PAGE.height - PAGE.margin.bottom) doc.addPage();
  };

  const writeInlines = (inlines: Inline[], options: { font?: 'serif' | 'serifItalic'; indent?: number; width?: number } = {}) => {
    const runs = inlines.filter((i) => i.text.length > 0);
    if (!runs.length) return;
    const base = { width: options.width ?? contentWidth - (options.indent ?? 0), lineGap: LINE_GAP, align: 'left' as const };
    const x = PAGE.margin.left + (options.indent ?? 0);
    // pdfkit: a continued run must be written without coordinates (passing undefined drops the options).
    const say = (text: string, i: number, continued: boolean) => (i === 0 ? doc.text(text, x, doc.y, { ...base, continued }) : doc.text(text, { ...base, continued }));
    runs.forEach((run, i) => {
      const last = i === runs.length - 1;
      if (run.kind === 'link') {
        doc.font(options.font ?? 'serif').fillColor('#1a1a1a');
        const n = footnotes.length + 1;
        say(`${run.text}${superscript(n)}`, i, !last);
        footnotes.push({ n, url: run.url, page: pageIndex() });
      } else {
        const font = run.code ? 'mono' : run.bold && (run.italic || options.font === 'serifItalic') ? 'serifBoldItalic' : run.bold ? 'serifBold' : run.italic || options.font === 'serifItalic' ? 'serifItalic' : 'serif';
        doc.font(font).fillColor('#1a1a1a');
        say(run.text, i, !last);
      }
    });
  };

  const writeImage = (image: PrintImage) => {
    if (isEmbeddableImage(image.data)) {
      ensureRoom(220);
      doc.image(image.data, PAGE.margin.left, doc.y, { fit: [contentWidth, 200], align: 'center' });
      doc.y += 206;
    } else {
      ensureRoom(30);
    }
    doc.font('sans').fontSize(8.5).fillColor('#555555').text(`${label('image', locale)}: ${image.caption || image.alt || image.url}`, PAGE.margin.left, doc.y, { width: contentWidth, align: 'center' });
    doc.fontSize(BODY).moveDown(0.6);
  };

  const writeBlock = (block: Block) => {
    switch (block.kind) {
      case 'heading': {
        const size = block.level === 1 ? 16 : block.level === 2 ? 13.5 : 11.5;
        ensureRoom(size * 4);
        doc.moveDown(0.6);
        if (block.level <= 2) mark(block.text, 2);
        doc.font('sansBold').fontSize(size).fillColor('#1a1a1a').text(block.text, PAGE.margin.left, doc.y, { width: contentWidth, lineGap: 2 });
        doc.fontSize(BODY).moveDown(0.3);
        return;
      }
      case 'paragraph':
        doc.fontSize(BODY);
        ensureRoom(BODY * 2);
        writeInlines(block.inlines);
        doc.moveDown(0.6);
        return;
      case 'quote':
        doc.fontSize(BODY);
        ensureRoom(BODY * 2);
        writeInlines(block.inlines, { font: 'serifItalic', indent: 24 });
        doc.moveDown(0.6);
        return;
      case 'code':
        ensureRoom(BODY * 2);
        doc.font('mono').fontSize(9).fillColor('#1a1a1a').text(block.text, PAGE.margin.left + 12, doc.y, { width: contentWidth - 12, lineGap: 1 });
        doc.fontSize(BODY).moveDown(0.6);
        return;
      case 'list':
        doc.fontSize(BODY);
        block.items.forEach((item, i) => {
          ensureRoom(BODY * 2);
          const y = doc.y;
          doc.font('serif').fillColor('#1a1a1a').text(block.ordered ? `${i + 1}.` : '•', PAGE.margin.left + 6, y, { width: 18, lineBreak: false });
          doc.y = y;
          writeInlines(item, { indent: 24 });
          doc.moveDown(0.2);
        });
        doc.moveDown(0.4);
        return;
      case 'image':
        writeImage(block.image);
        return;
    }
  };

  for (const chapter of source.chapters) {
    doc.addPage();
    mark(chapter.title, 1);
    doc.font('sansBold').fontSize(19).fillColor('#1a1a1a').text(chapter.title, { lineGap: 3 });
    doc.moveDown(0.8).fontSize(BODY);
    for (const block of chapter.blocks) writeBlock(block);
  }

  // Every link, in order, for readers of a page whose foot ran out of room and for the record.
  if (footnotes.length) {
    doc.addPage();
    mark(label('links', locale), 1);
    doc.font('sansBold').fontSize(19).text(label('links', locale));
    doc.moveDown(0.8);
    for (const f of footnotes) doc.font('serif').fontSize(9.5).text(`${f.n}. ${f.url}`, { width: contentWidth, lineGap: 2 });
  }

  // Fill in the reserved contents pages.
  const numberOf = (page: number) => page + 1;
  toc.forEach((entry, i) => {
    const page = tocStart + Math.floor(i / perPage);
    doc.switchToPage(page);
    if (i % perPage === 0) {
      doc.font('sansBold').fontSize(19).fillColor('#1a1a1a').text(label('contents', locale), PAGE.margin.left, PAGE.margin.top);
    }
    const y = PAGE.margin.top + 50 + (i % perPage) * TOC_LINE;
    const indent = entry.level === 1 ? 0 : 16;
    const pageText = String(numberOf(entry.page));
    doc.font(entry.level === 1 ? 'sansBold' : 'sans').fontSize(entry.level === 1 ? 11 : 10);
    const numberWidth = doc.widthOfString(pageText);
    const titleWidth = contentWidth - indent - numberWidth - 24;
    let title = entry.title;
    while (doc.widthOfString(title) > titleWidth && title.length > 4) title = `${title.slice(0, -2)}…`.replace(/……$/, '…');
    doc.text(title, PAGE.margin.left + indent, y, { width: titleWidth + 4, lineBreak: false, goTo: entry.destination });
    const dotsFrom = PAGE.margin.left + indent + doc.widthOfString(title) + 6;
    const dotsTo = PAGE.margin.left + contentWidth - numberWidth - 6;
    doc.font('sans').fontSize(9).fillColor('#888888');
    let dots = '';
    while (doc.widthOfString(`${dots} .`) < dotsTo - dotsFrom) dots += ' .';
    doc.text(dots, dotsFrom, y + 1, { width: dotsTo - dotsFrom + 4, lineBreak: false });
    doc.font(entry.level === 1 ? 'sansBold' : 'sans').fontSize(entry.level === 1 ? 11 : 10).fillColor('#1a1a1a');
    doc.text(pageText, PAGE.margin.left + contentWidth - numberWidth, y, { width: numberWidth + 1, lineBreak: false, goTo: entry.destination });
  });

  // Footnotes and page numbers, written into the bottom margin of each page.
  const range = doc.bufferedPageRange();
  const byPage = new Map<number, Footnote[]>();
  for (const f of footnotes) byPage.set(f.page, [...(byPage.get(f.page) ?? []), f]);
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    const notes = byPage.get(page) ?? [];
    if (notes.length) {
      let y = PAGE.height - PAGE.margin.bottom + 10;
      doc.moveTo(PAGE.margin.left, y - 4).lineTo(PAGE.margin.left + 120, y - 4).lineWidth(0.5).strokeColor('#999999').stroke();
      doc.font('sans').fontSize(7.5).fillColor('#333333');
      for (const note of notes.slice(0, FOOTNOTES_PER_PAGE)) {
        doc.text(`${superscript(note.n)} ${note.url}`, PAGE.margin.left, y, { width: contentWidth, lineBreak: false, ellipsis: true });
        y += 10;
      }
      if (notes.length > FOOTNOTES_PER_PAGE) doc.text(`(${label('moreLinks', locale)})`, PAGE.margin.left, y, { width: contentWidth, lineBreak: false });
    }
    if (page > range.start) {
      doc.font('sans').fontSize(8.5).fillColor('#555555');
      doc.text(`${label('page', locale)} ${page + 1} ${label('of', locale)} ${range.count}`, PAGE.margin.left, PAGE.height - 40, { width: contentWidth, align: 'center', lineBreak: false });
    }
    doc.page.margins.bottom = bottom;
  }

  for (const entry of toc.filter((e) => e.level === 1)) doc.outline.addItem(entry.title);
  return pdfBytes(doc);
}
