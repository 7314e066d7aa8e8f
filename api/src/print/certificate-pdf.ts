import { deterministicPdf, pdfBytes } from './pdf-document';
import { formatDate } from './print-labels';
import type { Locale } from '../shared/i18n';

export interface CertificatePrint {
  locale: Locale;
  code: string;
  holderName: string;
  workshopTitle: string;
  place: string;
  startsOn: string;
  endsOn: string;
  attendedSessions: number;
  totalSessions: number;
  issuedAt: Date;
  /** Where anyone can check the code. */
  verifyUrl: string;
}

const text = {
  pl: { title: 'ZAŚWIADCZENIE', certifies: 'Zaświadcza się, że', completed: 'ukończył(a) warsztaty', dates: 'w dniach', place: 'Miejsce', attendance: 'Obecność', sessions: 'spotkań', code: 'Kod weryfikacyjny', verify: 'Sprawdź autentyczność', issued: 'Wydano' },
  en: { title: 'CERTIFICATE', certifies: 'This is to certify that', completed: 'has completed the workshop', dates: 'held', place: 'Place', attendance: 'Attendance', sessions: 'sessions', code: 'Verification code', verify: 'Check it at', issued: 'Issued' },
};

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** A one-page landscape certificate; deterministic (its dates are the issue date). */
export async function renderCertificatePdf(c: CertificatePrint): Promise<Buffer> {
  const t = text[c.locale];
  const margins = { top: 56, left: 72, right: 72, bottom: 40 };
  const doc = deterministicPdf({ title: `${t.title} ${c.code}`, subject: c.workshopTitle, lang: c.locale, at: c.issuedAt, layout: 'landscape', margins });
  doc.addPage();
  const width = doc.page.width - margins.left - margins.right;
  doc.rect(28, 28, doc.page.width - 56, doc.page.height - 56).lineWidth(2).strokeColor('#2b4a6f').stroke();
  doc.rect(34, 34, doc.page.width - 68, doc.page.height - 68).lineWidth(0.5).strokeColor('#2b4a6f').stroke();
  doc.font('sans').fontSize(10).fillColor('#555555').text('Akademia Ekonomii Społecznej', margins.left, 64, { width, align: 'center' });
  doc.font('serifBold').fontSize(34).fillColor('#2b4a6f').text(t.title, margins.left, 100, { width, align: 'center', characterSpacing: 3 });
  doc.font('serif').fontSize(14).fillColor('#1a1a1a').text(t.certifies, margins.left, 170, { width, align: 'center' });
  doc.font('serifBold').fontSize(28).text(c.holderName, margins.left, 200, { width, align: 'center' });
  doc.font('serif').fontSize(14).text(t.completed, margins.left, 250, { width, align: 'center' });
  doc.font('serifBoldItalic').fontSize(18).text(`„${c.workshopTitle}”`, margins.left, 276, { width, align: 'center' });
  const period = c.startsOn === c.endsOn ? formatDate(day(c.startsOn), c.locale) : `${formatDate(day(c.startsOn), c.locale)} – ${formatDate(day(c.endsOn), c.locale)}`;
  doc.font('serif').fontSize(13).text(`${t.dates} ${period}`, margins.left, doc.y + 12, { width, align: 'center' });
  doc.text(`${t.place}: ${c.place} · ${t.attendance}: ${c.attendedSessions}/${c.totalSessions} ${t.sessions}`, { width, align: 'center' });
  const formatted = c.code.match(/.{1,4}/g)!.join('-');
  doc.font('sans').fontSize(10).fillColor('#333333');
  doc.text(`${t.issued}: ${formatDate(c.issuedAt, c.locale)}`, margins.left, doc.page.height - 120, { width: width / 2 });
  doc.font('sansBold').fontSize(12).text(`${t.code}: ${formatted}`, margins.left, doc.page.height - 120, { width, align: 'right' });
  doc.font('sans').fontSize(9).text(`${t.verify}: ${c.verifyUrl}`, margins.left, doc.page.height - 100, { width, align: 'right', link: c.verifyUrl });
  return pdfBytes(doc);
}
