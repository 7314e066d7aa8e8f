import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** DejaVu covers every Polish letter (ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ) and the typographic quotes „”. */
export const FONT_FILES = {
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  serifItalic: 'DejaVuSerif-Italic.ttf',
  serifBoldItalic: 'DejaVuSerif-BoldItalic.ttf',
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;

let cache: Record<FontName, Buffer> | undefined;

/** The font files, read once per process from the dejavu-fonts-ttf package. */
export function fonts(): Record<FontName, Buffer> {
  if (!cache) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    cache = Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(join(dir, file))])) as Record<FontName, Buffer>;
  }
  return cache;
}
