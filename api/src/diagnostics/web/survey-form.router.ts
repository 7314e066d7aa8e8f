import express, { Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { localeFromHeader } from '../../shared/i18n';
import { principalFromAuthorizationHeader } from '../../access';
import { StaffRole } from '../../access/staff-role';
import type { AnswerValue } from '../instruments/expression';
import type { InstrumentDefinition, Question } from '../instruments/instrument-model';
import { openInvitation, saveResponse, submitResponse } from '../campaigns/campaign.service';
import type { AnswerError } from '../instruments/validate-answers';
import { DiagnosticsError } from '../diagnostics-errors';
import { configurePseudonymKey } from '../privacy/pseudonym';
import { currentIndicatorValues, loadLocalStrategy } from '../strategy/local-strategy.service';
import { renderStrategyPdf } from '../strategy/render-strategy-pdf';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
type Lang = 'pl' | 'en';
const UI = {
  pl: { save: 'Zapisz i dokończ później', submit: 'Wyślij odpowiedzi', saved: 'Zapisano. Możesz wrócić pod ten sam adres.', thanks: 'Dziękujemy! Odpowiedzi zostały wysłane.', fix: 'Popraw zaznaczone odpowiedzi.', required: 'obowiązkowe', other: 'English' },
  en: { save: 'Save and finish later', submit: 'Send answers', saved: 'Saved. You can come back to the same address.', thanks: 'Thank you! Your answers have been sent.', fix: 'Please correct the marked answers.', required: 'required', other: 'Polski' },
};

function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}fieldset{border:1px solid #ccc;margin:1rem 0;padding:1rem}legend{font-weight:700}
.q{margin:1rem 0}.err{color:#b00020;font-weight:600}.hint{color:#555;font-size:.9em}.notice{padding:.75rem;background:#eef6ee;border-left:4px solid #2e7d32}.alert{padding:.75rem;background:#fdecea;border-left:4px solid #b00020}
table.matrix td,table.matrix th{padding:.25rem .5rem;text-align:center}table.matrix td:first-child{text-align:left}button{margin:.5rem .5rem 0 0;padding:.5rem 1rem}</style></head><body>${body}</body></html>`;
}

function questionHtml(def: InstrumentDefinition, q: Question, value: AnswerValue | undefined, error: AnswerError | undefined, lang: Lang): string {
  const id = `q_${q.name}`;
  const label = `${esc(q.label[lang])}${q.required ? ` <span class="hint">(${UI[lang].required})</span>` : ''}`;
  const hint = q.hint ? `<div class="hint" id="${id}_hint">${esc(q.hint[lang])}</div>` : '';
  const err = error ? `<div class="err" id="${id}_err" role="alert">${esc(error.message[lang])}</div>` : '';
  const described = [q.hint ? `${id}_hint` : '', error ? `${id}_err` : ''].filter(Boolean).join(' ');
  const aria = `${described ? ` aria-describedby="${described}"` : ''}${error ? ' aria-invalid="true"' : ''}`;
  const v = value === undefined || value === null ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  if (q.type === 'note') return `<p class="q">${esc(q.label[lang])}</p>`;
  if (q.type === 'select_one' || q.type === 'select_multiple') {
    const multi = q.type === 'select_multiple';
    const chosen = new Set(Array.isArray(value) ? value : v ? [v] : []);
    const options = (def.choiceLists[q.listName!] ?? []).map((c) => `<label><input type="${multi ? 'checkbox' : 'radio'}" name="${q.name}" value="${esc(c.name)}"${chosen.has(c.name) ? ' checked' : ''}${aria}> ${esc(c.label[lang])}</label>`).join('<br>');
    return `<fieldset class="q"><legend>${label}</legend>${hint}${err}${options}</fieldset>`;
  }
  const type = q.type === 'date' ? 'date' : q.type === 'integer' || q.type === 'decimal' ? 'number' : 'text';
  const step = q.type === 'decimal' ? ' step="any"' : '';
  const input = q.type === 'text' ? `<textarea id="${id}" name="${q.name}" rows="3"${aria}>${esc(v)}</textarea>` : `<input id="${id}" type="${type}"${step} name="${q.name}" value="${esc(v)}"${aria}>`;
  return `<div class="q"><label for="${id}">${label}</label>${hint}${err}<div>${input}</div></div>`;
}

/** The whole form: every question is in the HTML (no script needed); skip logic is applied by the server on save. */
function formHtml(def: InstrumentDefinition, answers: Record<string, AnswerValue>, errors: AnswerError[], lang: Lang, token: string, notice: string): string {
  const errOf = new Map(errors.map((e) => [e.field, e]));
  const parts: string[] = [];
  const questions = def.questions.filter((q) => q.type !== 'calculate');
  const bySection = new Map<string | null, Question[]>();
  for (const q of questions) bySection.set(q.section, [...(bySection.get(q.section) ?? []), q]);
  for (const [section, qs] of bySection) {
    const s = def.sections.find((x) => x.name === section);
    const inner = qs.map((q) => questionHtml(def, q, answers[q.name], errOf.get(q.name), lang)).join('');
    parts.push(s ? `<section><h2>${esc(s.label[lang])}</h2>${inner}</section>` : inner);
  }
  const other = lang === 'pl' ? 'en' : 'pl';
  return page(lang, def.title[lang], `<p><a href="?lang=${other}" hreflang="${other}">${UI[lang].other}</a></p><h1>${esc(def.title[lang])}</h1>${notice}
<form method="post" action="/surveys/${encodeURIComponent(token)}?lang=${lang}">${parts.join('')}
<button type="submit" name="action" value="save">${UI[lang].save}</button><button type="submit" name="action" value="submit">${UI[lang].submit}</button></form>`);
}

export interface DiagnosticsRouterDeps {
  orm: MikroORM;
  log: Logger;
  jwtSecret: string;
  pseudonymKey: string | undefined;
}

/**
 * `GET /surveys/<token>`: a server-rendered form (pl/en) a respondent can fill in with any browser;
 * `POST` saves or submits it and shows field errors beside the questions. `GET /strategies/<id>.pdf`
 * returns a strategy's PDF to staff (Bearer token, ANALYST or ADMIN).
 */
export function createDiagnosticsRouter({ orm, log, jwtSecret, pseudonymKey }: DiagnosticsRouterDeps): Router {
  configurePseudonymKey(pseudonymKey);
  const router = Router();
  const langOf = (req: express.Request): Lang => (req.query.lang === 'en' ? 'en' : req.query.lang === 'pl' ? 'pl' : localeFromHeader(req.headers['accept-language']) as Lang);
  const refusal = (res: express.Response, error: unknown, lang: Lang) => {
    if (error instanceof DiagnosticsError) {
      const message = new DiagnosticsError(error.code, lang).message;
      res.status(error.code === 'TOKEN_INVALID' ? 404 : 410).type('html').send(page(lang, message, `<p class="alert">${esc(message)}</p>`));
      return;
    }
    log.error({ err: error }, 'survey form failed');
    res.status(500).type('html').send(page(lang, 'Error', '<p class="alert">Internal error</p>'));
  };
  router.get('/surveys/:token', async (req, res) => {
    const lang = langOf(req);
    res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer');
    try {
      const open = await openInvitation(orm.em.fork(), req.params.token, new Date());
      res.type('html').send(formHtml(open.definition, open.answers, [], lang, req.params.token, ''));
    } catch (error) {
      refusal(res, error, lang);
    }
  });
  router.post('/surveys/:token', express.urlencoded({ extended: false, limit: '100kb' }), async (req, res) => {
    const lang = langOf(req);
    res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer');
    try {
      const em = orm.em.fork();
      const open = await openInvitation(em, req.params.token, new Date());
      const body = req.body as Record<string, string | string[]>;
      const given: Record<string, unknown> = {};
      for (const q of open.definition.questions) {
        if (q.type === 'note' || q.type === 'calculate') continue;
        const raw = body[q.name];
        // An unticked checkbox group sends nothing: the form shows every question, so absence means "no answer".
        given[q.name] = q.type === 'select_multiple' ? (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) : raw === undefined || raw === '' ? null : Array.isArray(raw) ? raw[0] : raw;
      }
      const result = body.action === 'submit' ? await submitResponse(em, req.params.token, given, new Date()) : await saveResponse(em, req.params.token, given, new Date());
      if (result.status === 'SUBMITTED') {
        res.type('html').send(page(lang, UI[lang].thanks, `<p class="notice">${UI[lang].thanks}</p>`));
        return;
      }
      const notice = result.errors.length ? `<p class="alert">${UI[lang].fix}</p>` : `<p class="notice">${UI[lang].saved}</p>`;
      res.status(result.errors.length ? 422 : 200).type('html').send(formHtml(open.definition, { ...given, ...result.answers } as Record<string, AnswerValue>, result.errors, lang, req.params.token, notice));
    } catch (error) {
      refusal(res, error, lang);
    }
  });
  router.get('/strategies/:id.pdf', async (req, res) => {
    let principal;
    try {
      principal = principalFromAuthorizationHeader(req.headers.authorization, jwtSecret);
    } catch {
      principal = null;
    }
    if (!principal || !principal.roles.some((r) => r === StaffRole.ANALYST || r === StaffRole.ADMIN)) {
      res.status(401).json({ error: 'staff token with ANALYST or ADMIN role required' });
      return;
    }
    try {
      const em = orm.em.fork();
      const s = await loadLocalStrategy(em, req.params.id);
      const pdf = await renderStrategyPdf(s.document, await currentIndicatorValues(em, s.document), s.version);
      res.type('application/pdf').set('Content-Disposition', `inline; filename="strategia-${s.document.territory.code}-v${s.version}.pdf"`).send(pdf);
    } catch (error) {
      if (error instanceof DiagnosticsError) res.status(404).json({ error: 'not found' });
      else refusal(res, error, 'pl');
    }
  });
  return router;
}
