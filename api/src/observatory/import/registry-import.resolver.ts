import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../context';
import { StaffRole } from '../../access';
import { UserError } from '../../shared/errors';
import { pick, type Bilingual } from '../../shared/i18n';
import { ImportChannel } from './import-run.entity';
import { fileMessage, RegistryImportErrorCode } from './messages';
import { RegistryImportInput, RegistryImportPayload } from './registry-import.graphql';
import { importRegistryFiles, type ImportReport } from './registry-import.service';

/** Decoded bytes a mutation takes; the HTTP body limit (100 KB) keeps real requests well below it. */
export const MAX_GRAPHQL_FILE_BYTES = 100 * 1024;
const MAX_FILE_NAME = 255;

/**
 * Strict base64 (standard or URL-safe alphabet, padding optional, whitespace and a data-URL prefix
 * ignored): Buffer.from(…, 'base64') alone skips invalid characters silently and would hand the
 * importer a garbled file.
 */
export function decodeBase64(text: string): Uint8Array | null {
  const body = text.replace(/^data:[^,]*;base64,/i, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(body) || body.replace(/=+$/, '').length % 4 === 1) return null;
  return new Uint8Array(Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

const userError = (code: RegistryImportErrorCode, message: Bilingual, locale: HubContext['locale'], field: string[] = ['input', 'contentBase64']) =>
  Object.assign(new UserError(), { code, field, message: pick(message, locale) });

@Resolver()
export class RegistryImportResolver {
  @Authorized(StaffRole.ANALYST)
  @Mutation(() => RegistryImportPayload, {
    description:
      'Imports a CSV or XLSX file of registry entities or of annual reports (analysts and administrators). Every row is validated first; if any row has a problem nothing is written and the report lists every problem by row and column. Otherwise entities are matched by KRS, else REGON, else NIP and created or updated (changes of seat, legal form, status or social enterprise status are recorded as dated events), reports are matched by entity and year, and the indicators are recomputed. Importing the same file again changes nothing. The request may be at most 100 KB; import larger files from the command line (npm run hub -- import …), which also shows progress.',
  })
  async registryImport(@Arg('input', () => RegistryImportInput) input: RegistryImportInput, @Ctx() ctx: HubContext): Promise<RegistryImportPayload> {
    const payload = new RegistryImportPayload();
    const fileName = input.fileName.trim().slice(0, MAX_FILE_NAME) || 'import';
    const content = decodeBase64(input.contentBase64);
    if (!content) return Object.assign(payload, { errors: [userError(RegistryImportErrorCode.FILE_UNREADABLE, fileMessage('BAD_BASE64', { file: fileName }), ctx.locale)] });
    if (content.length > MAX_GRAPHQL_FILE_BYTES) {
      return Object.assign(payload, { errors: [userError(RegistryImportErrorCode.FILE_TOO_LARGE, fileMessage('FILE_TOO_LARGE', { file: fileName, size: content.length, max: MAX_GRAPHQL_FILE_BYTES }), ctx.locale)] });
    }
    if (!content.length) return Object.assign(payload, { errors: [userError(RegistryImportErrorCode.EMPTY_FILE, fileMessage('EMPTY_FILE', { file: fileName }), ctx.locale)] });

    const result = await importRegistryFiles(ctx.em, [{ kind: input.kind, format: input.format, fileName, content }], {
      channel: ImportChannel.GRAPHQL,
      importedById: ctx.user?.id ?? null,
      dryRun: input.dryRun ?? false,
      log: ctx.log,
    });
    const report: ImportReport | undefined = result.reports[0];
    return Object.assign(payload, {
      report: report ? { ...report, errors: report.errors.map((e) => ({ ...e, message: ctx.locale === 'en' ? e.messageEn : e.messagePl })) } : null,
      applied: result.applied,
      dataVersion: result.dataVersion?.label ?? null,
      errors: result.problems.map((p) => userError(p.code, p.message, ctx.locale)),
    });
  }
}
