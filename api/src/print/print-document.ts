import type { Locale } from '../shared/i18n';

/** Inline text of a printable block: plain runs and links (links become numbered footnotes in PDF). */
export type Inline =
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean; code?: boolean }
  | { kind: 'link'; text: string; url: string };

export interface PrintImage {
  url: string;
  alt: string;
  caption?: string;
  /** The image bytes, fetched before rendering; absent or unsupported → a captioned placeholder. */
  data?: Buffer;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'quote'; inlines: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'image'; image: PrintImage };

export interface PrintChapter {
  title: string;
  blocks: Block[];
}

/**
 * Everything a printable document (a material, a course) consists of, already in one language.
 * The renderers are pure functions of this value: the same document gives the same bytes.
 */
export interface PrintDocument {
  locale: Locale;
  /** What it is, shown above the title on the cover ("Materiał edukacyjny"). */
  kindLabel: string;
  title: string;
  subtitle?: string | null;
  /** Label/value lines for the cover (level, hours, ECTS, audience…). */
  facts: [string, string][];
  cover?: PrintImage | null;
  chapters: PrintChapter[];
  /** Where the online version lives. */
  sourceUrl: string;
  /** The content's last change: printed on the cover and used as the PDF's dates, so output is reproducible. */
  updatedAt: Date;
}

export const plainText = (inlines: Inline[]): string => inlines.map((i) => i.text).join('');
