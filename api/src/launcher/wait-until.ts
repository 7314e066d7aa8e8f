import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** What we wait for, in words; it ends up in the timeout error. */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Aborting stops the wait at once with the signal's reason (e.g. "the process exited"). */
  signal?: AbortSignal;
}

/** Polls `check` until it returns true; a check that throws counts as "not yet". */
export async function waitUntil(check: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const { what, timeoutMs, intervalMs = 250, signal } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    signal?.throwIfAborted();
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    signal?.throwIfAborted();
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${detail}`);
    }
    await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
  }
}

/** Waits until `GET url` answers with an accepted status (2xx by default). */
export async function waitForHttp(
  url: string,
  options: WaitOptions & { accept?: (status: number) => boolean },
): Promise<void> {
  const accept = options.accept ?? ((status: number) => status >= 200 && status < 300);
  await waitUntil(async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000), redirect: 'manual' });
    await response.body?.cancel();
    return accept(response.status);
  }, options);
}
