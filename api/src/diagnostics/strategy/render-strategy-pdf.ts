import { deterministicPdf, pdfBytes } from '../../print/pdf-document';
import type { StrategyDocument } from './local-strategy.service';

const MARGIN = 56;
const LEGAL_FORM_PL: Record<string, string> = {
  SOCIAL_COOPERATIVE: 'spółdzielnia socjalna', ASSOCIATION: 'stowarzyszenie', FOUNDATION: 'fundacja', CIS: 'CIS', KIS: 'KIS', ZAZ: 'ZAZ', WTZ: 'WTZ',
  WORKER_COOPERATIVE: 'spółdzielnia pracy', COOPERATIVE_OF_DISABLED_OR_BLIND: 'spółdzielnia inwalidów', NON_PROFIT_COMPANY: 'spółka non-profit', RURAL_HOUSEWIVES_CIRCLE: 'KGW', OTHER: 'inna forma',
};
const fmt = (v: number | null) => (v === null ? '—' : v.toLocaleString('pl-PL', { maximumFractionDigits: 2 }));

/**
 * The strategy as a PDF in Polish (A4, DejaVu Sans for Polish letters), through the print
 * module's deterministic document: dated the document's `preparedOn`, so the same document gives
 * the same bytes. Current indicator values are passed in (read live by the caller) beside the
 * fixed baselines.
 */
export function renderStrategyPdf(doc: StrategyDocument, current: Record<string, { year: number; value: number } | null>, version: number): Promise<Buffer> {
  const stamp = new Date(`${doc.preparedOn}T00:00:00Z`);
  const pdf = deterministicPdf({ title: doc.title.pl, subject: 'Lokalna strategia rozwoju ekonomii społecznej', lang: 'pl-PL', at: stamp, margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN } });
  pdf.addPage();

  const h1 = (t: string) => pdf.font('sansBold').fontSize(18).fillColor('#1d3557').text(t).moveDown(0.4);
  const h2 = (t: string) => pdf.moveDown(0.6).font('sansBold').fontSize(13).fillColor('#1d3557').text(t).moveDown(0.3);
  const p = (t: string, size = 10) => pdf.font('sans').fontSize(size).fillColor('#222222').text(t, { align: 'left' });

  h1(doc.title.pl);
  p(`${doc.territory.level === 'POWIAT' ? 'Powiat' : doc.territory.level === 'GMINA' ? 'Gmina' : 'Obszar'}: ${doc.territory.name} (TERYT ${doc.territory.code}) · wersja ${version} · przygotowano ${doc.preparedOn}`, 9);
  h2('1. Diagnoza');
  p(doc.diagnosis.summary.pl);
  h2('2. Problemy');
  doc.problems.forEach((x, i) => p(`${i + 1}. ${x.pl}`));
  h2('3. Cele');
  doc.goals.forEach((x, i) => p(`Cel ${i + 1}. ${x.pl}`));
  h2('4. Działania i partnerzy');
  for (const a of doc.actions) {
    pdf.font('sansBold').fontSize(10).fillColor('#222222').text(`Cel ${a.goal}: ${a.title.pl}`);
    p(`Lider: ${a.lead.pl}`, 9);
    p(a.partners.length ? `Partnerzy z rejestru: ${a.partners.map((x) => `${x.name} (${LEGAL_FORM_PL[x.legalForm] ?? x.legalForm})`).join('; ')}` : 'Partnerzy: brak podmiotów tej formy w rejestrze obszaru — do pozyskania.', 9);
    pdf.moveDown(0.3);
  }
  h2('5. Wskaźniki monitorowania');
  const cols = [200, 70, 70, 70, 70];
  const headers = ['Wskaźnik', 'Bazowa', 'Rok baz.', 'Bieżąca', 'Cel'];
  let y = pdf.y;
  const row = (cells: string[], bold: boolean) => {
    let x = pdf.page.margins.left;
    const height = Math.max(...cells.map((c, i) => pdf.font(bold ? 'sansBold' : 'sans').fontSize(9).heightOfString(c, { width: cols[i] - 6 }))) + 6;
    if (y + height > pdf.page.height - pdf.page.margins.bottom) { pdf.addPage(); y = pdf.y; }
    cells.forEach((c, i) => { pdf.font(bold ? 'sansBold' : 'sans').fontSize(9).fillColor('#222222').text(c, x + 3, y + 3, { width: cols[i] - 6 }); x += cols[i]; });
    pdf.moveTo(pdf.page.margins.left, y + height).lineTo(pdf.page.margins.left + cols.reduce((s, w) => s + w, 0), y + height).strokeColor('#999999').lineWidth(0.5).stroke();
    y += height;
  };
  row(headers, true);
  for (const ind of doc.indicators) {
    const now = current[ind.code];
    row([`${ind.name.pl}\n${ind.unit}`, fmt(ind.baselineValue), ind.baselineYear === null ? '—' : String(ind.baselineYear), now ? `${fmt(now.value)} (${now.year})` : '—', `${fmt(ind.targetValue)} (${ind.targetYear})`], false);
  }
  pdf.x = pdf.page.margins.left;
  pdf.y = y + 10;
  p('Wartości bazowe ustalono przy tworzeniu strategii; wartości bieżące pochodzą z aktualnej wersji danych Krajowego Obserwatorium Gospodarki Społecznej. Wyniki ankiet publikowane są tylko przy co najmniej 10 respondentach.', 8);
  return pdfBytes(pdf);
}
