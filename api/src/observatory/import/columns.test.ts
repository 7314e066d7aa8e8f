import { ENTITY_COLUMNS, headerKey, mapHeader, REPORT_COLUMNS, type EntityColumn, type ReportColumn } from './columns';
import { detectSeparator, readCsv } from './read-csv';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('header mapping', () => {
  it('folds header cells into column names, dropping a unit in brackets', () => {
    expect(headerKey('Forma prawna')).toBe('forma_prawna');
    expect(headerKey(' Data założenia ')).toBe('data_zalozenia');
    expect(headerKey('Przychody rynkowe (zł)')).toBe('przychody_rynkowe');
    expect(headerKey('Status PS')).toBe('status_ps');
    expect(headerKey('Członkowie')).toBe('czlonkowie');
  });

  it('accepts Polish and English names for the same columns', () => {
    const pl = mapHeader<EntityColumn>(['Nazwa', 'Forma prawna', 'KRS', 'TERYT', 'Data założenia', 'Status PS'], ENTITY_COLUMNS);
    const en = mapHeader<EntityColumn>(['name', 'legal_form', 'krs', 'teryt_code', 'founded_on', 'social_enterprise'], ENTITY_COLUMNS);
    expect(pl.errors).toEqual([]);
    expect(en.errors).toEqual([]);
    expect(pl.index).toEqual(en.index);
    expect(pl.label.legal_form).toBe('Forma prawna');
  });

  it('reports a missing required column, an unknown one and one named twice, all on row 1', () => {
    const map = mapHeader<EntityColumn>(['nazwa', 'name', 'krs', 'regn', '# uwagi', ''], ENTITY_COLUMNS);
    expect(map.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'name', 'DUPLICATE_COLUMN'],
      [1, 'regn', 'UNKNOWN_COLUMN'],
      [1, 'forma_prawna', 'MISSING_COLUMN'],
      [1, 'teryt', 'MISSING_COLUMN'],
    ]);
    expect(map.errors[1].messagePl).toContain('Nieznana kolumna „regn”');
    expect(map.errors[1].messageEn).toContain('Unknown column "regn"');
  });

  it('knows every annual report field by a Polish and an English name', () => {
    const map = mapHeader<ReportColumn>(
      ['KRS', 'Rok', 'Zatrudnieni', 'Etaty', 'Niepełnosprawni', 'Bezdomni', 'Długotrwale bezrobotni', 'Po uzależnieniu', 'Po więzieniu', 'Uchodźcy', 'Wykluczeni inni', 'Członkowie', 'Wolontariusze', 'Przychody rynkowe (zł)', 'Dotacje publiczne', 'Wynik finansowy', 'Nadwyżka reinwestowana', 'PKD'],
      REPORT_COLUMNS,
    );
    expect(map.errors).toEqual([]);
    expect(Object.keys(map.index).sort()).toEqual(REPORT_COLUMNS.map((c) => c.key).filter((k) => k !== 'regon' && k !== 'nip').sort());
  });
});

describe('readCsv', () => {
  it('detects a semicolon or a comma from the header line', () => {
    expect(detectSeparator('nazwa;krs;"a,b"\n1,2,3')).toBe(';');
    expect(detectSeparator('name,krs,"a;b;c"\n')).toBe(',');
  });

  it('reads quotes, doubled quotes, line breaks inside quotes and a BOM, numbering rows as a spreadsheet does', () => {
    const table = readCsv(utf8('\ufeffnazwa;krs\r\n"Spółdzielnia ""Pod Bocianem""";0000566214\r\n\r\n"Dwie\nlinie";0000000001\r\nOstatnia;0000000002'));
    expect(table.separator).toBe(';');
    expect(table.header).toEqual(['nazwa', 'krs']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['Spółdzielnia "Pod Bocianem"', '0000566214'] },
      { row: 4, cells: ['Dwie\nlinie', '0000000001'] },
      { row: 5, cells: ['Ostatnia', '0000000002'] },
    ]);
  });

  it('refuses text that is not UTF-8 (e.g. Windows-1250) and an unclosed quote', () => {
    expect(() => readCsv(new Uint8Array([0x6e, 0x61, 0x7a, 0x77, 0x61, 0x0a, 0xb3, 0xf3, 0x64, 0x9f]))).toThrow('NOT_UTF8');
    expect(() => readCsv(utf8('a;b\n"x;y\n'))).toThrow('UNTERMINATED_QUOTE');
  });
});
