import { Router } from 'express';
import type { Logger } from 'pino';
import type { HubConfig } from '../../config';
import type { CmsClient } from '../cms/cms-client';
import { encodeStrapiQuery, type QueryValue } from '../cms/query-string';
import { ACADEMY_TYPES } from '../academy/academy-records';
import { STORY_FIELDS, STORY_POPULATE } from '../stories/story-record';
import { blocksToPrint, markdownToPrint } from '../../print/blocks-to-print';
import { renderHtml } from '../../print/html-renderer';
import type { Block, PrintDocument } from '../../print/print-document';
import { Locale } from '../../shared/i18n';
import { verifyPreview } from './preview-token';

/** Models an editor can preview, with the REST collection, the fields read and how the body is written. */
const PREVIEWABLE: Record<string, { collection: string; fields: readonly string[]; populate: unknown; body: (r: Record<string, unknown>) => { lead: unknown; blocks: unknown; markdown?: boolean } }> = {
  'success-story': { collection: 'success-stories', fields: STORY_FIELDS, populate: STORY_POPULATE, body: (r) => ({ lead: r.lead, blocks: r.body, markdown: true }) },
  material: { collection: 'materials', fields: ACADEMY_TYPES.material.fields, populate: ACADEMY_TYPES.material.populate, body: (r) => ({ lead: r.summary, blocks: r.body }) },
  course: { collection: 'courses', fields: ACADEMY_TYPES.course.fields, populate: ACADEMY_TYPES.course.populate, body: (r) => ({ lead: r.lead, blocks: r.description }) },
  workshop: { collection: 'workshops', fields: ACADEMY_TYPES.workshop.fields, populate: ACADEMY_TYPES.workshop.populate, body: (r) => ({ lead: r.summary, blocks: r.programme }) },
};

const BANNER = { pl: 'PODGLĄD WERSJI ROBOCZEJ — treść nieopublikowana', en: 'DRAFT PREVIEW — not published' };

/**
 * `GET /preview/<model>/<documentId>?locale=&token=`: an editor's draft rendered by the hub, for
 * a signed, short-lived link made by Strapi's preview button (see academy/README.md). The draft
 * is read with `status=draft`; the preview token travels along in `X-Hub-Preview-Token` so the
 * CMS can check it too. Never cached, never indexed.
 */
export function createPreviewRouter(options: { cms: CmsClient; config: HubConfig; log?: Logger }): Router {
  const router = Router();
  router.get('/:model/:documentId', async (req, res, next) => {
    try {
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Robots-Tag', 'noindex, nofollow');
      res.setHeader('Referrer-Policy', 'no-referrer');
      const secret = options.config.cmsPreviewSecret;
      if (!secret) return void res.status(503).json({ error: 'previews are off (CMS_PREVIEW_SECRET is not set)' });
      const { model, documentId } = req.params;
      const spec = PREVIEWABLE[model];
      if (!spec || !/^[A-Za-z0-9]{1,64}$/.test(documentId)) return void res.status(404).json({ error: 'nothing to preview here' });
      const locale = req.query.locale === 'en' ? Locale.en : Locale.pl;
      const token = typeof req.query.token === 'string' ? req.query.token : undefined;
      const verdict = verifyPreview(secret, token, { model, documentId, locale }, Math.floor(Date.now() / 1000));
      if (verdict !== 'VALID') return void res.status(401).json({ error: 'invalid or expired preview link', reason: verdict });

      const query = encodeStrapiQuery({ status: 'draft', locale, fields: [...new Set([...spec.fields, 'updatedAt'])], populate: spec.populate as Record<string, QueryValue> });
      let answer: Response;
      try {
        answer = await fetch(`${options.cms.baseUrl}/api/${spec.collection}/${documentId}?${query}`, {
          headers: { Accept: 'application/json', 'X-Hub-Preview-Token': token!, ...(options.config.cmsToken ? { Authorization: `Bearer ${options.config.cmsToken}` } : {}) },
          signal: AbortSignal.timeout(options.config.cmsTimeoutMs),
        });
      } catch {
        return void res.status(503).json({ error: 'the CMS is unreachable' });
      }
      if (answer.status === 404) return void res.status(404).json({ error: 'no such draft' });
      if (!answer.ok) {
        options.log?.warn({ status: answer.status, model }, 'CMS refused a draft read for a preview');
        return void res.status(502).json({ error: `the CMS refused to hand over the draft (${answer.status})` });
      }
      const record = ((await answer.json()) as { data: Record<string, unknown> }).data;
      const absolute = (u: string) => (u.startsWith('http') ? u : `${options.cms.baseUrl}${u}`);
      const body = spec.body(record);
      const blocks: Block[] = body.markdown ? markdownToPrint(body.blocks as string, absolute) : blocksToPrint(body.blocks, absolute);
      const doc: PrintDocument = {
        locale,
        kindLabel: BANNER[locale],
        title: String(record.title ?? ''),
        subtitle: typeof body.lead === 'string' ? body.lead : null,
        facts: [],
        chapters: [{ title: String(record.title ?? ''), blocks }],
        sourceUrl: `${options.cms.baseUrl}/admin`,
        updatedAt: Number.isNaN(Date.parse(String(record.updatedAt))) ? new Date(0) : new Date(String(record.updatedAt)),
      };
      res.type('html').send(renderHtml(doc));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
