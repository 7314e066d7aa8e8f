import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { childExited, describeExit, isAlive, LineTail } from './processes';

/**
 * The Strapi project in `cms/` is TypeScript: `strapi start` runs the compiled server from
 * `cms/dist`, and serves the admin panel from `cms/dist/build`. Building the admin takes about a
 * minute, so it is redone only when its inputs changed: `cms/src`, `cms/config`, `cms/package.json`,
 * `cms/tsconfig.json` and the installed @strapi/strapi version. Their hash is stored next to the
 * build. Without the admin panel (CMS_SERVE_ADMIN=false, as in tests) compiling the server is enough.
 */
export const BUILD_STAMP = '.hub-build-stamp.json';

interface BuildStamp {
  hash: string;
  /** Whether the admin panel was built from these inputs too, not only the server. */
  admin: boolean;
  builtAt: string;
}

export type CmsBuildKind = 'admin' | 'server';

export function cmsDistDir(cmsDir: string): string {
  return join(cmsDir, 'dist');
}

/** Where `strapi build` puts the admin panel of a TypeScript project. */
export function adminBuildDir(cmsDir: string): string {
  return join(cmsDistDir(cmsDir), 'build');
}

/** Finds an installed package's package.json the way Node would, from `fromDir` upwards. */
export function installedPackageJson(name: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (looked upwards from ${fromDir}); run npm ci`);
  }
}

function filesUnder(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(root, path);
      return entry.isFile() ? [path] : [];
    });
}

/** The hash of everything a CMS build is made from. */
export function cmsSourceHash(cmsDir: string): string {
  const hash = createHash('sha256');
  const strapiVersion = (JSON.parse(readFileSync(installedPackageJson('@strapi/strapi', cmsDir), 'utf8')) as { version: string }).version;
  hash.update(`@strapi/strapi@${strapiVersion}\0`);
  const files = [
    ...filesUnder(cmsDir, join(cmsDir, 'src')),
    ...filesUnder(cmsDir, join(cmsDir, 'config')),
    join(cmsDir, 'package.json'),
    join(cmsDir, 'tsconfig.json'),
  ].filter((file) => existsSync(file));
  for (const file of files) {
    // Path and content both count: a renamed file changes the build.
    hash.update(`${relative(cmsDir, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function readStamp(cmsDir: string): BuildStamp | undefined {
  try {
    return JSON.parse(readFileSync(join(cmsDistDir(cmsDir), BUILD_STAMP), 'utf8')) as BuildStamp;
  } catch {
    return undefined;
  }
}

/** Why a build is needed, or undefined when the existing one is current. */
export function buildNeeded(cmsDir: string, kind: CmsBuildKind, hash = cmsSourceHash(cmsDir)): string | undefined {
  const stamp = readStamp(cmsDir);
  if (!stamp || !existsSync(join(cmsDistDir(cmsDir), 'src', 'index.js'))) return 'no build yet';
  if (stamp.hash !== hash) return 'the CMS sources or the Strapi version changed';
  if (kind === 'admin' && (!stamp.admin || !existsSync(join(adminBuildDir(cmsDir), 'index.html')))) {
    return 'the admin panel was never built';
  }
  return undefined;
}

export interface CmsBuildOptions {
  kind: CmsBuildKind;
  env?: NodeJS.ProcessEnv;
  /** Receives the build's output lines. */
  onLog?: (line: string) => void;
  /** Receives one line saying why a build runs. */
  onNotice?: (message: string) => void;
  signal?: AbortSignal;
}

export interface CmsBuildResult {
  built: boolean;
  reason?: string;
}

/**
 * Builds the CMS when its stamp says so. Concurrent callers (parallel test workers) are serialised
 * by a lock, and the second one finds the build done.
 */
export async function ensureCmsBuild(cmsDir: string, options: CmsBuildOptions): Promise<CmsBuildResult> {
  return withLock(join(tmpdir(), `hub-cms-build-${createHash('sha1').update(cmsDir).digest('hex').slice(0, 12)}.lock`), async () => {
    const hash = cmsSourceHash(cmsDir);
    const reason = buildNeeded(cmsDir, options.kind, hash);
    if (!reason) return { built: false };
    options.onNotice?.(
      options.kind === 'admin'
        ? `building the CMS admin panel (${reason}; about a minute)`
        : `compiling the CMS server (${reason})`,
    );
    await runBuild(cmsDir, options);
    mkdirSync(cmsDistDir(cmsDir), { recursive: true });
    const stamp: BuildStamp = { hash, admin: options.kind === 'admin', builtAt: new Date().toISOString() };
    writeFileSync(join(cmsDistDir(cmsDir), BUILD_STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
    return { built: true, reason };
  });
}

async function runBuild(cmsDir: string, options: CmsBuildOptions): Promise<void> {
  // `strapi build` compiles the server and builds the admin; the CMS's `build:server` script compiles
  // only the server.
  const [command, args] =
    options.kind === 'admin' ? [process.execPath, [strapiBin(cmsDir), 'build']] : npmRun('build:server');
  // A stamp from an older build must not survive a failed one.
  rmSync(join(cmsDistDir(cmsDir), BUILD_STAMP), { force: true });
  const child = spawn(command, args, {
    cwd: cmsDir,
    env: { ...(options.env ?? process.env), STRAPI_TELEMETRY_DISABLED: 'true', CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const tail = new LineTail(options.onLog ?? (() => undefined), 60);
  tail.attach(child.stdout);
  tail.attach(child.stderr);
  const abort = () => child.pid && process.kill(-child.pid, 'SIGTERM');
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    const exit = await childExited(child);
    options.signal?.throwIfAborted();
    if (exit.code !== 0) {
      throw new Error(`The CMS ${options.kind} build failed (${describeExit(exit)}):\n  ${tail.recent().slice(-25).join('\n  ')}`);
    }
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}

/** `npm run <script>`, through the npm that runs us when there is one. */
function npmRun(script: string): [string, string[]] {
  const npmCli = process.env.npm_execpath;
  return npmCli && /npm-cli\.js$/.test(npmCli)
    ? [process.execPath, [npmCli, 'run', '--silent', script]]
    : ['npm', ['run', '--silent', script]];
}

/** The Strapi CLI script (run with the current node, so no shell or PATH lookup is involved). */
export function strapiBin(cmsDir: string): string {
  const packageJson = installedPackageJson('@strapi/strapi', cmsDir);
  const { bin } = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin: string | Record<string, string> };
  return join(dirname(packageJson), typeof bin === 'string' ? bin : bin.strapi!);
}

/** A cross-process lock: a directory created atomically, holding its owner's pid. */
async function withLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }));
      // A dead owner, or one that never got to write its pid, leaves the lock to us.
      const abandoned = owner > 0 ? !isAlive(owner) : Date.now() - statSync(lockDir).mtimeMs > 10_000;
      if (abandoned) rmSync(lockDir, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
