import { Locale } from '../shared/i18n';
import type { PrintDocument } from './print-document';

/** A small but complete document for tests and for looking at the layout: every block kind, Polish letters, links. */
export function samplePrintDocument(overrides: Partial<PrintDocument> = {}): PrintDocument {
  const para = (text: string) => ({ kind: 'paragraph' as const, inlines: [{ kind: 'text' as const, text }] });
  const long = 'Spółdzielnia socjalna łączy pracę z reintegracją: zatrudnia osoby zagrożone wykluczeniem, dzieli zysk na cele społeczne i uczy zarządzania wspólnym przedsięwzięciem. ';
  return {
    locale: Locale.pl,
    kindLabel: 'Materiał edukacyjny',
    title: 'Zażółć gęślą jaźń: jak założyć spółdzielnię socjalną',
    subtitle: 'Krok po kroku — od grupy założycielskiej do pierwszego zlecenia. Źródła, wzory, ćwiczenia.',
    facts: [
      ['Czas czytania', '25 min'],
      ['Odbiorcy', 'praktycy ekonomii społecznej'],
      ['Wielkie litery', 'ĄĆĘŁŃÓŚŹŻ'],
    ],
    chapters: [
      {
        title: 'Wprowadzenie',
        blocks: [
          para(long.repeat(3)),
          {
            kind: 'paragraph',
            inlines: [
              { kind: 'text', text: 'Podstawą prawną jest ' },
              { kind: 'link', text: 'ustawa o spółdzielniach socjalnych', url: 'https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20060940651' },
              { kind: 'text', text: ' oraz ' },
              { kind: 'link', text: 'ustawa o ekonomii społecznej', url: 'https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20220001812' },
              { kind: 'text', text: '. Pojęcia ', bold: false },
              { kind: 'text', text: 'przedsiębiorstwo społeczne', bold: true },
              { kind: 'text', text: ' i ' },
              { kind: 'text', text: 'reintegracja', italic: true },
              { kind: 'text', text: ' omawiamy dalej.' },
            ],
          },
          { kind: 'heading', level: 2, text: 'Kto może założyć spółdzielnię' },
          { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'co najmniej pięć osób fizycznych,' }], [{ kind: 'text', text: 'dwie osoby prawne (np. gmina i organizacja pozarządowa),' }], [{ kind: 'text', text: 'osoby bezrobotne, niepełnosprawne, po terapii uzależnień.' }]] },
          { kind: 'quote', inlines: [{ kind: 'text', text: '„Najtrudniejszy był pierwszy rok — potem przyszły stałe zlecenia” — mówi prezeska z Gorlic.' }] },
          { kind: 'heading', level: 2, text: 'Ćwiczenie: biznesplan w godzinę' },
          { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'Opisz usługę i klienta.' }], [{ kind: 'text', text: 'Policz koszty stałe i zmienne.' }], [{ kind: 'text', text: 'Sprawdź źródła wsparcia w OWES.' }]] },
          { kind: 'image', image: { url: 'https://cms.example/uploads/diagram.webp', alt: 'Schemat: grupa → statut → KRS', caption: 'Schemat: grupa założycielska → statut → wpis do KRS' } },
        ],
      },
      {
        title: 'Finansowanie i rozliczenia',
        blocks: [para(long.repeat(6)), { kind: 'heading', level: 2, text: 'Pożyczki i dotacje' }, para(long.repeat(8)), { kind: 'code', text: 'przychód − koszty = nadwyżka (dzielona na reintegrację)' }],
      },
    ],
    sourceUrl: 'https://hub.example/materialy/zazolc-gesla-jazn',
    updatedAt: new Date('2026-10-01T08:30:00Z'),
    ...overrides,
  };
}
