import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from './pdf-renderer';
import { renderHtml } from './html-renderer';
import { renderCertificatePdf } from './certificate-pdf';
import { samplePrintDocument } from './print-fixture';
import { Locale } from '../shared/i18n';

const pdftotext = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'print-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('PDF rendering', () => {
  it('prints the same bytes for the same document', async () => {
    const [a, b] = [await renderPdf(samplePrintDocument()), await renderPdf(samplePrintDocument())];
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
    const changed = await renderPdf(samplePrintDocument({ updatedAt: new Date('2026-10-02T08:30:00Z') }));
    expect(changed.equals(a)).toBe(false);
  });

  it('keeps every Polish letter, the contents with page numbers, footnotes and page numbers', async () => {
    const text = pdftotext(await renderPdf(samplePrintDocument()));
    for (const letter of 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ') expect(text).toContain(letter);
    expect(text).toMatch(/Spis treści/);
    expect(text).toMatch(/Wprowadzenie[ .]+3\b/);
    expect(text).toMatch(/Finansowanie i rozliczenia[ .]+\d+/);
    expect(text).toMatch(/Kto może założyć spółdzielnię[ .]+\d+/);
    expect(text).toContain('¹ https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20060940651');
    expect(text).toMatch(/Strona 2 z \d+/);
  });

  it('renders the same content as self-contained HTML, escaping what editors typed', () => {
    const html = renderHtml(samplePrintDocument({ title: 'Tytuł <script>alert(1)</script>' }));
    expect(html).toContain('Tytuł &lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<a href="#s1">Wprowadzenie</a>');
    expect(html).toContain('<a href="https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20060940651">ustawa o spółdzielniach socjalnych</a>');
  });

  it('prints a certificate with the holder, the workshop and the grouped code', async () => {
    const input = {
      locale: Locale.pl,
      code: '0123456789AB',
      holderName: 'Małgorzata Żółć',
      workshopTitle: 'Jak założyć spółdzielnię socjalną',
      place: 'Gorlice, ul. Biecka 2',
      startsOn: '2030-04-10',
      endsOn: '2030-04-14',
      attendedSessions: 4,
      totalSessions: 5,
      issuedAt: new Date('2030-04-13T15:00:00Z'),
      verifyUrl: 'https://hub.example/print/certificates/0123456789AB.pdf',
    };
    const pdf = await renderCertificatePdf(input);
    expect(pdf.equals(await renderCertificatePdf(input))).toBe(true);
    const text = pdftotext(pdf);
    expect(text).toContain('ZAŚWIADCZENIE');
    expect(text).toContain('Małgorzata Żółć');
    expect(text).toContain('0123-4567-89AB');
    if (process.env.PRINT_SAMPLES_DIR) writeFileSync(join(process.env.PRINT_SAMPLES_DIR, 'certificate.pdf'), pdf);
  });

  it('writes samples to look at when PRINT_SAMPLES_DIR is set', async () => {
    if (!process.env.PRINT_SAMPLES_DIR) return;
    writeFileSync(join(process.env.PRINT_SAMPLES_DIR, 'material.pdf'), await renderPdf(samplePrintDocument()));
  });
});
