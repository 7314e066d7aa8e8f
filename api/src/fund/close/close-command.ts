import type { EntityManager } from '@mikro-orm/postgresql';
import { dateInPoland, isCalendarDate } from '../../shared/dates';
import { closeThrough } from './close-of-business';

export const CLOSE_OF_BUSINESS_USAGE = `  npm run hub -- close-of-business [--date YYYY-MM-DD] [--from YYYY-MM-DD]
                                             close the fund's business day(s): interest, arrears, penalties, provisions, guarantees`;

/**
 * `npm run hub -- close-of-business [--date D] [--from F]`: closes every business date after the
 * last closed one up to D (default: yesterday in Poland), printing a line per step. Before the first
 * close only D is closed (or F … D). Returns the exit code.
 */
export async function runCloseOfBusinessCommand(em: EntityManager, args: readonly string[], out: (line: string) => void = (l) => void process.stdout.write(`${l}\n`), today: Date = new Date()): Promise<number> {
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const yesterday = dateInPoland(new Date(today.getTime() - 86_400_000));
  const date = option('--date') ?? yesterday;
  const from = option('--from');
  if (!isCalendarDate(date) || (from !== undefined && !isCalendarDate(from))) {
    out(`Not a date (YYYY-MM-DD): ${!isCalendarDate(date) ? date : from}`);
    return 2;
  }
  const results = await closeThrough(em, date, {
    from,
    onProgress: (p) => out(`${p.businessDate}  ${p.step.padEnd(10)} ${String(p.loans).padStart(9)} loans  ${(p.elapsedMs / 1000).toFixed(1)} s`),
  });
  if (!results.length) out(`Nothing to close: ${date} is already closed.`);
  return 0;
}
