import type { MikroORM } from '@mikro-orm/postgresql';
import { purgeExpiredResponses } from './privacy.service';

export const RETENTION_USAGE = '  npm run hub -- diagnostics purge [--now ISO]  delete raw survey responses past their retention period';

/** `hub diagnostics purge`: runs the retention job once (schedule it daily, e.g. from cron). */
export async function runRetentionCommand(orm: MikroORM, args: string[], out: (line: string) => void = console.log): Promise<void> {
  const i = args.indexOf('--now');
  const now = i >= 0 ? new Date(args[i + 1]) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error('--now must be an ISO date-time');
  const report = await purgeExpiredResponses(orm.em.fork(), now);
  out(`diagnostics purge: ${report.campaigns.length} campaign(s) purged, ${report.responsesDeleted} response(s) deleted, ${report.invitationsExpired} invitation(s) expired`);
}
