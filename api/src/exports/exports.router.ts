import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Locale } from '../shared/i18n';
import { ExportError } from './export-error';
import { canonicalQuery, exportFileName, parseExportRequest, type ExportFormat, type ExportRequest } from './export-request';
import type { ExportDataset } from './export-dataset';
import { ExportsService } from './exports.service';
import { formatCsv, formatCsvMetadata } from './format-csv';
import { formatJsonStat } from './format-jsonstat';
import { formatSdmxCsv, SDMX_CSV_MEDIA_TYPE } from './format-sdmx-csv';
import { formatXlsx } from './format-xlsx';

/** Bump when any format's bytes change for the same data, so revalidating clients see new ETags. */
export const EXPORT_FORMAT_REVISION = '1';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT_LIVED = 'public, max-age=300';

const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  'sdmx.csv': SDMX_CSV_MEDIA_TYPE,
};

async function render(request: ExportRequest, ds: ExportDataset): Promise<Buffer> {
  switch (request.format) {
    case 'csv':
      return request.meta ? formatCsvMetadata(ds) : formatCsv(ds);
    case 'xlsx':
      return formatXlsx(ds);
    case 'json':
      return formatJsonStat(ds);
    case 'sdmx.csv':
      return formatSdmxCsv(ds);
  }
}

/** A strong validator: same version, wording, slice and format ⇒ same bytes. */
export function exportEtag(parts: { versionLabel: string; definitionFingerprint: string; query: string; format: ExportFormat }): string {
  const digest = createHash('sha256').update([EXPORT_FORMAT_REVISION, parts.versionLabel, parts.definitionFingerprint, parts.format, parts.query].join('\n')).digest('base64url');
  return `"${digest.slice(0, 32)}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes do not matter. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Errors are not representations to revalidate: no ETag (res.json would add a weak one). */
function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status).type('application/json; charset=utf-8').end(JSON.stringify(body));
}

export interface ExportsRouterDeps {
  orm: MikroORM;
  log: Logger;
}

/**
 * `GET /indicators/<CODE>.<csv|xlsx|json|sdmx.csv>?level=…` — public statistics as files.
 * Resolves the indicator and data version first and answers If-None-Match from the ETag before
 * any value is read; a URL naming its version is immutable, one without is cached for 5 minutes
 * and points at its versioned twin (Content-Location, Link rel=canonical).
 */
export function createExportsRouter({ orm, log }: ExportsRouterDeps): Router {
  const router = Router();
  router.get('/indicators/:file', async (req: Request, res: Response) => {
    // Public, read-only, no credentials: any site may fetch exports from the browser.
    res.set('Access-Control-Allow-Origin', '*');
    res.set('Access-Control-Expose-Headers', 'ETag, Content-Location, Content-Disposition, Link, X-Data-Version');
    try {
      const request = parseExportRequest(String(req.params.file), req.query as Record<string, unknown>);
      const service = new ExportsService(orm.em.fork());
      const resolved = await service.resolve(request);
      const query = canonicalQuery(request, resolved.version.label);
      const canonicalUrl = `${req.baseUrl}/indicators/${request.code}.${request.format}?${query}`;
      const etag = exportEtag({ versionLabel: resolved.version.label, definitionFingerprint: resolved.definitionFingerprint, query, format: request.format });

      res.set('ETag', etag);
      res.set('Cache-Control', request.version ? IMMUTABLE : SHORT_LIVED);
      res.set('X-Data-Version', resolved.version.label);
      res.set('Link', `<${canonicalUrl}>; rel="canonical"`);
      if (!request.version) res.set('Content-Location', canonicalUrl);
      if (matchesIfNoneMatch(req.get('if-none-match'), etag)) {
        res.status(304).end();
        return;
      }

      const ds = await service.dataset(request, resolved, canonicalUrl);
      const body = await render(request, ds);
      res.set('Content-Type', MEDIA_TYPES[request.format]);
      res.set('Content-Language', request.format === 'sdmx.csv' ? 'pl, en' : request.lang === Locale.en ? 'en' : 'pl');
      res.set('Content-Disposition', `attachment; filename="${exportFileName(request, resolved.version.label)}"`);
      res.status(200).end(body);
    } catch (error) {
      res.removeHeader('ETag');
      res.removeHeader('Link');
      res.removeHeader('Content-Location');
      res.removeHeader('X-Data-Version');
      res.set('Cache-Control', 'no-store');
      if (error instanceof ExportError) {
        sendJson(res, error.status, error.toJSON());
        return;
      }
      const requestId = String(req.id ?? '');
      log.error({ err: error, reqId: requestId }, 'export failed');
      sendJson(res, 500, { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error; quote the request id when reporting it', requestId } });
    }
  });
  router.use((_req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store');
    sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'Exports live at /exports/indicators/<CODE>.<csv|xlsx|json|sdmx.csv>?level=…' } });
  });
  return router;
}
