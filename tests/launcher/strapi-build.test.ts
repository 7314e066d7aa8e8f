import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_STAMP, buildNeeded, cmsSourceHash } from '../../api/src/launcher/strapi-build';

/** A stand-in Strapi project: just the files the build hash is made of. */
function fakeCms(root: string, strapiVersion = '5.54.0'): string {
  const cms = join(root, 'cms');
  const write = (path: string, content: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  };
  write(join(cms, 'package.json'), '{"name":"cms"}');
  write(join(cms, 'tsconfig.json'), '{}');
  write(join(cms, 'config', 'server.ts'), 'export default {};');
  write(join(cms, 'src', 'index.ts'), 'export default {};');
  write(join(cms, 'src', 'api', 'story', 'schema.json'), '{"kind":"collectionType"}');
  write(join(root, 'node_modules', '@strapi', 'strapi', 'package.json'), JSON.stringify({ name: '@strapi/strapi', version: strapiVersion }));
  return cms;
}

function stampBuild(cms: string, hash: string, admin: boolean) {
  mkdirSync(join(cms, 'dist', 'src'), { recursive: true });
  writeFileSync(join(cms, 'dist', 'src', 'index.js'), '');
  if (admin) {
    mkdirSync(join(cms, 'dist', 'build'), { recursive: true });
    writeFileSync(join(cms, 'dist', 'build', 'index.html'), '<html></html>');
  }
  writeFileSync(join(cms, 'dist', BUILD_STAMP), JSON.stringify({ hash, admin, builtAt: new Date().toISOString() }));
}

describe('CMS build staleness', () => {
  let root: string;
  let cms: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hub-cms-hash-'));
    cms = fakeCms(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('gives the same hash for the same sources', () => {
    expect(cmsSourceHash(cms)).toBe(cmsSourceHash(cms));
  });

  it.each([
    ['a source file is edited', (c: string) => writeFileSync(join(c, 'src', 'index.ts'), 'export default { register() {} };')],
    ['a content-type schema is edited', (c: string) => writeFileSync(join(c, 'src', 'api', 'story', 'schema.json'), '{"kind":"singleType"}')],
    ['a file is added', (c: string) => writeFileSync(join(c, 'src', 'extra.ts'), '')],
    ['a config file is edited', (c: string) => writeFileSync(join(c, 'config', 'server.ts'), 'export default { port: 1 };')],
    ['cms/package.json is edited', (c: string) => writeFileSync(join(c, 'package.json'), '{"name":"cms","version":"2"}')],
    ['another Strapi version is installed', () => fakeCms(root, '5.55.0')],
  ])('changes when %s', (_what, change) => {
    const before = cmsSourceHash(cms);
    change(cms);
    expect(cmsSourceHash(cms)).not.toBe(before);
  });

  it('ignores what is not a build input (uploads, the build itself)', () => {
    const before = cmsSourceHash(cms);
    mkdirSync(join(cms, 'public', 'uploads'), { recursive: true });
    writeFileSync(join(cms, 'public', 'uploads', 'photo.jpg'), 'jpeg');
    stampBuild(cms, 'whatever', true);
    expect(cmsSourceHash(cms)).toBe(before);
  });

  it('asks for a build when there is none, and not when the stamp matches the sources', () => {
    expect(buildNeeded(cms, 'admin')).toBe('no build yet');
    stampBuild(cms, cmsSourceHash(cms), true);
    expect(buildNeeded(cms, 'admin')).toBeUndefined();
    expect(buildNeeded(cms, 'server')).toBeUndefined();
  });

  it('asks for a rebuild after a source file changed', () => {
    stampBuild(cms, cmsSourceHash(cms), true);
    writeFileSync(join(cms, 'src', 'index.ts'), 'export default { bootstrap() {} };');
    expect(buildNeeded(cms, 'admin')).toMatch(/changed/);
  });

  it('accepts a server-only build for a CMS without admin panel, but not for one with it', () => {
    stampBuild(cms, cmsSourceHash(cms), false);
    expect(buildNeeded(cms, 'server')).toBeUndefined();
    expect(buildNeeded(cms, 'admin')).toMatch(/admin panel/);
  });
});
