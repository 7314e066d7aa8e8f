import PDFDocument from 'pdfkit';
import { fonts, type FontName } from './fonts';

/** A4 in points, and the margins every hub PDF uses; the bottom margin holds footnotes and the page number. */
export const PAGE = { width: 595.28, height: 841.89, margin: { top: 64, left: 64, right: 64, bottom: 118 } };

/**
 * A pdfkit document that prints the same bytes for the same input: pdfkit would stamp the
 * current time as CreationDate and derive the file ID from it, so both dates are given (the
 * content's last change) and everything else is a function of the content.
 */
export function deterministicPdf(options: { title: string; subject: string; lang: string; at: Date; layout?: 'portrait' | 'landscape'; margins?: typeof PAGE.margin }): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margins: options.margins ?? PAGE.margin,
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: options.lang,
    displayTitle: true,
    compress: true,
    info: {
      Title: options.title,
      Subject: options.subject,
      Author: 'Hub Ekonomii Społecznej',
      Creator: 'Hub Ekonomii Społecznej (api/src/print)',
      Producer: 'PDFKit',
      CreationDate: options.at,
      ModDate: options.at,
    },
  });
  for (const [name, data] of Object.entries(fonts()) as [FontName, Buffer][]) doc.registerFont(name, data);
  return doc;
}

/** Collects the document's bytes once it is ended. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** JPEG and PNG are what PDF (and pdfkit) embed directly; anything else is shown as a placeholder. */
export function isEmbeddableImage(data: Buffer | undefined): data is Buffer {
  if (!data || data.length < 8) return false;
  const jpeg = data[0] === 0xff && data[1] === 0xd8;
  const png = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return jpeg || png;
}
