import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../config';
import type { GeoLib } from '../../../widgets/src/render/choropleth';

let loaded: Promise<GeoLib> | undefined;

/**
 * d3-geo for server-side rendering. d3-geo and d3-array ship as ES modules with UMD builds beside
 * them; Node can `import()` the module, but jest's CommonJS sandbox cannot, so when the import
 * fails the UMD builds are evaluated instead (same code, same output).
 */
export function loadD3Geo(): Promise<GeoLib> {
  loaded ??= (new Function('specifier', 'return import(specifier)') as (s: string) => Promise<GeoLib>)('d3-geo').catch(() => {
    const umd = (name: string, deps: Record<string, unknown>) => {
      const exports: Record<string, unknown> = {};
      const code = readFileSync(join(repoRoot, 'node_modules', name, 'dist', `${name}.js`), 'utf8');
      new Function('exports', 'module', 'require', 'define', code)(exports, { exports }, (dep: string) => deps[dep], undefined);
      return exports;
    };
    const d3Array = umd('d3-array', {});
    return umd('d3-geo', { 'd3-array': d3Array }) as unknown as GeoLib;
  });
  return loaded;
}
