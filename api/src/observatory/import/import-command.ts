import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Locale } from '../../shared/i18n';
import { ImportChannel, ImportKind } from './import-run.entity';
import { importRegistryFiles, type ImportProgress, type RegistryImportFile } from './registry-import.service';
import { ImportFormat } from './table';

export const IMPORT_USAGE = `  npm run hub -- import entities <file> [--reports <file>] [--dry-run] [--lang en] [--json]
                                             import registry entities (CSV or XLSX), optionally with their annual reports
  npm run hub -- import reports <file> [--dry-run] [--lang en] [--json]
                                             import annual reports (CSV or XLSX); see api/src/observatory/import/README.md`;

/** Files larger than this are refused before reading (the whole file is held in memory). */
export const MAX_CLI_FILE_BYTES = 200 * 1024 * 1024;

export interface ImportCommandIo {
  log?: Logger;
  /** Where the report goes (default stdout). */
  out?: (text: string) => void;
  /** Where progress goes (default stderr). */
  err?: (text: string) => void;
  /** Whether `err` is a terminal, so a progress line can be redrawn in place. */
  tty?: boolean;
  /** Milliseconds between progress lines (default 500). */
  progressEveryMs?: number;
}

const option = (args: readonly string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const formatOf = (path: string): ImportFormat => (extname(path).toLowerCase() === '.xlsx' ? ImportFormat.XLSX : ImportFormat.CSV);

async function fileAt(kind: ImportKind, path: string): Promise<RegistryImportFile> {
  const { size } = await stat(path);
  if (size > MAX_CLI_FILE_BYTES) throw new Error(`${path} has ${size} bytes; the importer reads at most ${MAX_CLI_FILE_BYTES}`);
  return { kind, format: formatOf(path), fileName: basename(path), content: new Uint8Array(await readFile(path)) };
}

const PHASE_LABEL: Record<ImportProgress['phase'], { pl: string; en: string }> = {
  READ: { pl: 'odczyt', en: 'reading' },
  VALIDATE: { pl: 'sprawdzanie', en: 'validating' },
  WRITE: { pl: 'zapis', en: 'writing' },
  REFRESH: { pl: 'przeliczanie wskaźników', en: 'refreshing indicators' },
  DONE: { pl: 'gotowe', en: 'done' },
};

/**
 * `npm run hub -- import entities|reports <file> …`: imports, printing a progress line at most
 * every half second (only for imports that last longer than that), then the report. Returns the
 * exit code: 0 when the files were written (or a dry run found no problem), 1 otherwise, 2 for
 * wrong arguments.
 */
export async function runRegistryImportCommand(em: EntityManager, args: readonly string[], io: ImportCommandIo = {}): Promise<number> {
  const out = io.out ?? ((text: string) => void process.stdout.write(text));
  const err = io.err ?? ((text: string) => void process.stderr.write(text));
  const tty = io.tty ?? process.stderr.isTTY === true;
  const every = io.progressEveryMs ?? 500;
  const [subject, path] = args;
  const locale = (option(args, '--lang') ?? process.env.LANG ?? '').toLowerCase().startsWith('en') ? Locale.en : Locale.pl;
  if ((subject !== 'entities' && subject !== 'reports') || !path || path.startsWith('--')) {
    err(`${IMPORT_USAGE}\n`);
    return 2;
  }
  const files = [await fileAt(subject === 'entities' ? ImportKind.ENTITIES : ImportKind.ANNUAL_REPORTS, path)];
  const reportsPath = option(args, '--reports');
  if (reportsPath && subject === 'entities') files.push(await fileAt(ImportKind.ANNUAL_REPORTS, reportsPath));

  // A timer, not the callback, prints: a phase that lasts (the write, the indicator refresh) still
  // shows, and short imports print nothing. A terminal gets one line redrawn; a pipe gets a line per change.
  const started = Date.now();
  let latest: ImportProgress | null = null;
  let printed = '';
  let drawn = false;
  const print = () => {
    if (!latest || latest.phase === 'DONE') return;
    const state = `${PHASE_LABEL[latest.phase][locale]}${latest.rowsTotal ? ` ${latest.rowsDone}/${latest.rowsTotal}` : ''}`;
    if (!tty && state === printed) return;
    printed = state;
    const line = `import: ${state} (${((Date.now() - started) / 1000).toFixed(1)} s)`;
    err(tty ? `\r${line.padEnd(60)}` : `${line}\n`);
    drawn = true;
  };
  const timer = setInterval(print, every);
  timer.unref();
  let result;
  try {
    result = await importRegistryFiles(em, files, { channel: ImportChannel.CLI, dryRun: args.includes('--dry-run'), onProgress: (p) => (latest = p), log: io.log });
  } finally {
    clearInterval(timer);
  }
  if (drawn && tty) err('\n');

  if (args.includes('--json')) {
    out(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const en = locale === Locale.en;
    for (const r of result.reports) {
      out(
        en
          ? `${r.fileName} (${r.kind}): ${r.rowsRead} rows read, ${r.rowsValid} valid; created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}\n`
          : `${r.fileName} (${r.kind}): wierszy ${r.rowsRead}, poprawnych ${r.rowsValid}; nowych ${r.created}, zmienionych ${r.updated}, bez zmian ${r.unchanged}\n`,
      );
      for (const e of r.errors) out(`  ${en ? 'row' : 'wiersz'} ${e.row}${e.column ? `, ${en ? 'column' : 'kolumna'} ${e.column}` : ''}: ${en ? e.messageEn : e.messagePl} [${e.code}]\n`);
      if (r.errorCount > r.errors.length) out(`  … ${r.errorCount - r.errors.length} ${en ? 'more' : 'więcej'}\n`);
    }
    for (const p of result.problems) out(`${p.code}: ${p.message[locale]}\n`);
    const verdict = result.applied
      ? en
        ? `written in ${result.durationMs} ms${result.dataVersion ? `; indicators: data version ${result.dataVersion.label}` : ''}`
        : `zapisano w ${result.durationMs} ms${result.dataVersion ? `; wskaźniki: wersja danych ${result.dataVersion.label}` : ''}`
      : args.includes('--dry-run') && !result.problems.length
        ? en
          ? 'dry run: nothing written'
          : 'próba: niczego nie zapisano'
        : en
          ? 'nothing written'
          : 'niczego nie zapisano';
    out(`${verdict}\n`);
  }
  return result.problems.length ? 1 : 0;
}
