import pino, { type Logger } from 'pino';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * What the launcher tells the person at the terminal: one line when a step starts, one when it is
 * done with its duration, and the other programs' output prefixed with where it comes from.
 */
export class Progress {
  constructor(
    private readonly out: NodeJS.WritableStream = process.stdout,
    private readonly verbose = false,
  ) {}

  /** Runs a step and reports its duration; a failing step is reported and rethrown. */
  async step<T>(name: string, work: () => Promise<T>, describe?: (result: T) => string | undefined): Promise<T> {
    const started = performance.now();
    this.write(`  … ${name}`);
    try {
      const result = await work();
      const detail = describe?.(result);
      this.write(`  ✓ ${name}${detail ? ` — ${detail}` : ''} (${seconds(performance.now() - started)})`);
      return result;
    } catch (error) {
      this.write(`  ✗ ${name} (${seconds(performance.now() - started)})`);
      throw error;
    }
  }

  notice(message: string): void {
    this.write(`    ${message}`);
  }

  /** Output of another program; routine lines only when LOG_LEVEL is debug or trace. */
  from(source: string, line: string, important = true): void {
    if (important || this.verbose) this.write(`${source.padEnd(4)}│ ${line}`);
  }

  write(text: string): void {
    this.out.write(`${text}\n`);
  }

  /**
   * A pino logger for hub code the launcher calls (prepareHub): the same records the hub logs,
   * as one readable line each instead of JSON.
   */
  hubLogger(level: string): Logger {
    return pino(
      { level, base: undefined, timestamp: false },
      {
        write: (record: string) => {
          const { level: numeric, msg, ...fields } = JSON.parse(record) as Record<string, unknown> & { level: number; msg?: string };
          const extra = Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
          const text = `${numeric >= 50 ? 'ERROR ' : numeric >= 40 ? 'WARN ' : ''}${msg ?? ''}${extra}`;
          this.from('hub', text.length > 300 ? `${text.slice(0, 297)}...` : text);
        },
      },
    );
  }
}

/** Strapi log lines worth showing without LOG_LEVEL=debug: warnings and errors. */
export function isStrapiWarning(line: string): boolean {
  return /\b(warn|error)\b/i.test(line);
}

/**
 * PostgreSQL log lines worth showing without LOG_LEVEL=debug: server trouble. Plain ERROR lines are
 * failed statements, which the client that sent them reports itself (Strapi probes for indexes
 * that do not exist yet on its first start, for instance).
 */
export function isPostgresWarning(line: string): boolean {
  return (
    /\b(WARNING|FATAL|PANIC)\b/.test(line) &&
    !/the database system is (starting up|shutting down)|terminating connection due to administrator command/.test(line)
  );
}
