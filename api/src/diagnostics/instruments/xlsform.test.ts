import { Workbook } from 'exceljs';
import { BUILTIN_INSTRUMENTS, ENTITY_POTENTIAL } from './builtin-instruments';
import { checkDefinition } from './instrument-model';
import { scoreAnswers, validateAnswers } from './validate-answers';
import { exportXlsForm, importXlsForm, XlsFormError } from './xlsform';

describe('XLSForm import and export', () => {
  it.each(BUILTIN_INSTRUMENTS.map((d) => [d.code, d] as const))('exports %s and imports it back identical', async (_code, def) => {
    expect(checkDefinition(def)).toEqual([]);
    const back = await importXlsForm(await exportXlsForm(def));
    expect(back).toEqual(def);
  });

  it('reads a hand-written form with plain label columns, relevant and constraint', async () => {
    const wb = new Workbook();
    wb.addWorksheet('survey').addRows([
      ['type', 'name', 'label', 'required', 'relevant', 'constraint', 'constraint_message'],
      ['start', 'start'],
      ['integer', 'age', 'Wiek', 'yes', '', '. >= 15 and . <= 110', 'Wiek od 15 do 110 lat'],
      ['select_one yn', 'works', 'Czy pracuje?', 'yes'],
      ['text', 'employer', 'Gdzie?', 'yes', "${works} = 'y'"],
    ]);
    wb.addWorksheet('choices').addRows([['list_name', 'name', 'label'], ['yn', 'y', 'tak'], ['yn', 'n', 'nie']]);
    wb.addWorksheet('settings').addRows([['form_title', 'form_id'], ['Ankieta', 'hand_form']]);
    const def = await importXlsForm(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(def.questions.map((x) => x.name)).toEqual(['age', 'works', 'employer']);
    expect(validateAnswers(def, { age: 12, works: 'n' }, { final: true }).errors).toEqual([
      { field: 'age', code: 'CONSTRAINT', message: { pl: 'Wiek od 15 do 110 lat', en: 'Wiek od 15 do 110 lat' } },
    ]);
    // employer is not shown when works = n, so it is neither required nor kept.
    expect(validateAnswers(def, { age: 30, works: 'n', employer: 'X' }, { final: true })).toMatchObject({ errors: [], answers: { age: 30, works: 'n' } });
    expect(validateAnswers(def, { age: 30, works: 'y' }, { final: true }).errors.map((e) => [e.field, e.code])).toEqual([['employer', 'REQUIRED']]);
  });

  it('reports every problem with its sheet and row', async () => {
    const wb = new Workbook();
    wb.addWorksheet('survey').addRows([
      ['type', 'name', 'label', 'relevant'],
      ['geopoint', 'where', 'Gdzie?'],
      ['select_one nolist', 'x', 'X'],
      ['integer', 'y', 'Y', '${missing} > 1'],
    ]);
    const error = await importXlsForm(Buffer.from(await wb.xlsx.writeBuffer())).catch((e) => e);
    expect(error).toBeInstanceOf(XlsFormError);
    expect((error as XlsFormError).problems.map((p) => p.where)).toEqual(['survey!2', 'survey!3', 'survey!4']);
  });

  it('scores the entity potential diagnosis per dimension and into an index', () => {
    const answers = {
      revenue_total: 800000, market_share: 60, customers: ['residents'], public_contracts: 'yes', reserves_months: 3,
      employees: 10, excluded_employees: 5, reintegration_plan: 'yes', local_benefit: '5', founded_on: '2015-03-01', strategy_document: 'yes',
      res_management: '4', res_accounting: '3', res_marketing: '2', partners: ['ops', 'pup', 'business'], owes_support: 'yes',
    };
    const v = validateAnswers(ENTITY_POTENTIAL, answers, { final: true });
    expect(v.errors).toEqual([]);
    expect(v.calculated.excluded_share).toBe(50);
    const s = scoreAnswers(ENTITY_POTENTIAL, v.answers, v.calculated);
    // economic 30 + 20 + 15; social 30 + 20 + 20; organisational 25 + 6·75/12; network 45 + 25
    expect(s.dimensions).toEqual({ economic: 65, social: 70, organisational: 62.5, network: 70 });
    expect(s.index).toBe(66.9);
  });
});
