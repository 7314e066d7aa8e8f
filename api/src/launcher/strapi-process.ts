import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { childExited, describeExit, LineTail, stopChild, type ExitInfo } from './processes';
import { strapiBin } from './strapi-build';
import { waitForHttp } from './wait-until';

export interface StrapiProcessOptions {
  /** The Strapi project (`cms/`), already built (see strapi-build.ts). */
  cmsDir: string;
  /** Everything Strapi reads: secrets, CMS_DATABASE_URL, CMS_TOKEN, editor account, ... */
  env: NodeJS.ProcessEnv;
  port: number;
  host?: string;
  /** Receives Strapi's output, line by line. */
  onLog?: (line: string) => void;
  /** A first start creates the schema and seeds content, so it is allowed much longer than later ones. */
  startTimeoutMs?: number;
  signal?: AbortSignal;
}

/** Seconds Strapi gets to shut down after SIGTERM before it is killed. */
export const STRAPI_STOP_GRACE_MS = 10_000;

/**
 * One running `strapi start`, in its own process group so that a terminal's Ctrl-C reaches only
 * whoever started it, which then stops things in order.
 */
export class StrapiProcess {
  private stopping = false;
  private readonly exitListeners: ((info: ExitInfo, recentLog: string[]) => void)[] = [];
  readonly exited: Promise<ExitInfo>;

  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    private readonly tail: LineTail,
  ) {
    this.exited = childExited(child);
    void this.exited.then((info) => {
      if (!this.stopping) for (const listener of this.exitListeners) listener(info, this.tail.recent());
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Called once if Strapi exits without `stop()` having been asked for. */
  onUnexpectedExit(listener: (info: ExitInfo, recentLog: string[]) => void): void {
    this.exitListeners.push(listener);
  }

  /** SIGTERM to Strapi's process group; SIGKILL when it is still there after the grace period. */
  async stop(graceMs = STRAPI_STOP_GRACE_MS): Promise<ExitInfo> {
    this.stopping = true;
    return stopChild(this.child, 'SIGTERM', graceMs);
  }

  static async start(options: StrapiProcessOptions): Promise<StrapiProcess> {
    const host = options.host ?? '127.0.0.1';
    const url = `http://${host}:${options.port}`;
    // The upload provider writes here and Strapi refuses to start without it.
    mkdirSync(join(options.cmsDir, 'public', 'uploads'), { recursive: true });
    const child = spawn(process.execPath, [strapiBin(options.cmsDir), 'start'], {
      cwd: options.cmsDir,
      env: {
        ...options.env,
        CMS_HOST: host,
        CMS_PORT: String(options.port),
        STRAPI_TELEMETRY_DISABLED: 'true',
        BROWSER: 'none',
        // The hub sends up to 200 keys in one batched filter URL; Node's default 16 KB header limit is too tight.
        NODE_OPTIONS: [options.env.NODE_OPTIONS, '--max-http-header-size=65536'].filter(Boolean).join(' '),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const tail = new LineTail(options.onLog ?? (() => undefined), 60);
    tail.attach(child.stdout);
    tail.attach(child.stderr);
    const strapi = new StrapiProcess(url, child, tail);

    const gaveUp = new AbortController();
    void strapi.exited.then((info) =>
      gaveUp.abort(new Error(`Strapi exited during start (${describeExit(info)}):\n  ${tail.recent().slice(-20).join('\n  ')}`)),
    );
    const onAbort = () => gaveUp.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await waitForHttp(`${url}/_health`, {
        what: `Strapi at ${url}/_health`,
        timeoutMs: options.startTimeoutMs ?? 180_000,
        intervalMs: 250,
        signal: gaveUp.signal,
        accept: (status) => status === 204,
      });
    } catch (error) {
      await strapi.stop().catch(() => undefined);
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
    return strapi;
  }
}
