import { Router, type Request, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { CmsClient, createContentReader } from '../content';
import { CertificateService, normaliseCertificateCode } from '../academy';
import { HubError, HubErrorCode } from '../shared/errors';
import { Locale } from '../shared/i18n';
import { renderPdf } from './pdf-renderer';
import { renderHtml } from './html-renderer';
import { renderCertificatePdf } from './certificate-pdf';
import { courseDocument, materialDocument } from './print-sources';
import type { PrintDocument } from './print-document';

const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$/;

const localeOf = (req: Request): Locale => (req.query.locale === 'en' ? Locale.en : Locale.pl);
const baseUrlOf = (req: Request): string => `${req.protocol}://${req.get('host')}`;

/**
 * `/print`: materials and courses as print-ready PDF and clean HTML, certificates as PDF.
 * Output is a function of the content (same content → same bytes), so responses carry an ETag.
 */
export function createPrintRouter(options: { orm: MikroORM; cms: CmsClient; log?: Logger }): Router {
  const router = Router();

  const send = (req: Request, res: Response, body: Buffer | string, type: 'pdf' | 'html', stale: boolean, filename: string) => {
    res.type(type === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8');
    if (type === 'pdf') res.setHeader('Content-Disposition', `inline; filename="${filename}.pdf"`);
    res.setHeader('Cache-Control', stale ? 'no-store' : 'public, max-age=60');
    if (stale) res.setHeader('X-Content-Stale', 'true'); // the CMS was down: printed from the hub's cache
    res.send(body);
  };

  const handle = (build: typeof materialDocument) => async (req: Request, res: Response, next: (e?: unknown) => void) => {
    try {
      const match = /^(.+)\.(pdf|html)$/.exec(String(req.params.file));
      if (!match || !SLUG.test(match[1])) return void res.status(404).json({ error: 'ask for <slug>.pdf or <slug>.html' });
      const [, slug, format] = match as unknown as [string, string, 'pdf' | 'html'];
      const reader = createContentReader(options.cms, options.log);
      let doc: PrintDocument | null;
      try {
        doc = await build(reader, slug, localeOf(req), baseUrlOf(req));
      } catch (error) {
        if (error instanceof HubError && error.code === HubErrorCode.CMS_UNAVAILABLE) return void res.status(503).json({ error: error.message });
        throw error;
      }
      if (!doc) return void res.status(404).json({ error: 'no published content has this slug' });
      send(req, res, format === 'pdf' ? await renderPdf(doc) : renderHtml(doc), format, reader.staleSince !== null, slug);
    } catch (error) {
      next(error);
    }
  };

  router.get('/materials/:file', handle(materialDocument));
  router.get('/courses/:file', handle(courseDocument));

  router.get('/certificates/:file', async (req, res, next) => {
    try {
      const match = /^(.+)\.pdf$/.exec(String(req.params.file));
      const code = match ? normaliseCertificateCode(match[1]) : null;
      const found = code ? await new CertificateService(options.orm.em.fork()).verify(code) : null;
      if (!found) return void res.status(404).json({ error: 'no certificate has this code' });
      if (!found.valid) return void res.status(410).json({ error: 'this certificate has been revoked' });
      const em = options.orm.em.fork();
      const [extra] = await em.execute<{ venue: string; place: string; attended_sessions: number; total_sessions: number }[]>(
        `select e.venue, t.name as place, c.attended_sessions, c.total_sessions from workshop_certificate c
         join workshop_enrolment w on w.id = c.enrolment_id join workshop_edition e on e.id = w.edition_id join territorial_unit t on t.teryt_code = e.territory_teryt_code
         where c.code = ?`,
        [found.code],
      );
      const locale = localeOf(req);
      const reader = createContentReader(options.cms, options.log);
      const workshop = await reader.academy.one('workshop', { by: 'document', value: found.workshopDocumentId }, locale).catch(() => null);
      const pdf = await renderCertificatePdf({
        locale,
        code: found.code,
        holderName: found.holderName,
        workshopTitle: workshop?.title ?? found.workshopSlug,
        place: `${extra.venue} (${extra.place})`,
        startsOn: found.startsOn,
        endsOn: found.endsOn,
        attendedSessions: extra.attended_sessions,
        totalSessions: extra.total_sessions,
        issuedAt: found.issuedAt,
        verifyUrl: `${baseUrlOf(req)}/print/certificates/${found.code}.pdf`,
      });
      send(req, res, pdf, 'pdf', reader.staleSince !== null, `zaswiadczenie-${found.code}`);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
