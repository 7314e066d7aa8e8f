// Bundles the browser side of the widgets with esbuild into dist/widget-assets/, where the hub
// serves them: loader.js (tiny, found by partner pages), widgets.js (charts, maps, tables; loaded
// lazily by the loader, cached forever under ?v=<hash>) and embed-resize.js (for iframe hosts).
// Run: node widgets/build.mjs   (or import { buildWidgets } from it)
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = join(here, '..', 'dist', 'widget-assets');

const common = { bundle: true, minify: true, format: 'iife', target: ['es2019'], legalComments: 'none', write: false, logLevel: 'silent' };

export async function buildWidgets(outDir = OUT_DIR) {
  await mkdir(outDir, { recursive: true });
  const widgets = await build({ ...common, entryPoints: [join(here, 'src/client/widgets.ts')] });
  const widgetsJs = widgets.outputFiles[0].contents;
  const version = createHash('sha256').update(widgetsJs).digest('hex').slice(0, 12);
  const loader = await build({ ...common, entryPoints: [join(here, 'src/client/loader.ts')], define: { __WIDGETS_VERSION__: JSON.stringify(version) } });
  const resize = await build({ ...common, entryPoints: [join(here, 'src/client/embed-resize.ts')] });
  const files = { 'widgets.js': widgetsJs, 'loader.js': loader.outputFiles[0].contents, 'embed-resize.js': resize.outputFiles[0].contents };
  for (const [name, contents] of Object.entries(files)) await writeFile(join(outDir, name), contents);
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify({ version, bytes: Object.fromEntries(Object.entries(files).map(([n, c]) => [n, c.length])) }, null, 2));
  return { outDir, version, bytes: Object.fromEntries(Object.entries(files).map(([n, c]) => [n, c.length])) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await buildWidgets();
  process.stdout.write(`widgets built in ${result.outDir}: ${JSON.stringify(result.bytes)}\n`);
}
