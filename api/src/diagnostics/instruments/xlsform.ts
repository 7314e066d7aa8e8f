import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { QUESTION_TYPES, checkDefinition, type Choice, type DefinitionProblem, type InstrumentDefinition, type Question, type QuestionType, type Section, type Text2 } from './instrument-model';

/*
 * XLSForm (https://xlsform.org), the spreadsheet format of ODK and KoboToolbox: a `survey` sheet
 * (type, name, label, hint, required, relevant, constraint, constraint_message, calculate,
 * appearance), a `choices` sheet (list_name, name, label) and a `settings` sheet (form_title,
 * form_id, version, default_language). Languages are columns `label::Polski (pl)` and
 * `label::English (en)`. Hub extensions other tools ignore: survey columns `hub_special_category`
 * and `hub_previous_names`, settings column `hub_form_title_en`, and a `hub_scoring` sheet
 * (dimension, label::…, expression, weight).
 *
 * Supported types: select_one L, select_multiple L, integer, decimal, text, date, note, calculate,
 * begin_group/end_group (one level; appearance table-list = a matrix). Metadata rows (start, end,
 * today, deviceid, username, …) are skipped on import. Anything else is refused with its row.
 */

export const LANG_PL = 'Polski (pl)';
export const LANG_EN = 'English (en)';
const SKIPPED_TYPES = new Set(['start', 'end', 'today', 'deviceid', 'subscriberid', 'simserial', 'phonenumber', 'username', 'email', 'audit', 'start-geopoint']);

const SURVEY_COLUMNS = [
  'type', 'name', `label::${LANG_PL}`, `label::${LANG_EN}`, `hint::${LANG_PL}`, `hint::${LANG_EN}`, 'required', 'relevant', 'constraint',
  `constraint_message::${LANG_PL}`, `constraint_message::${LANG_EN}`, 'calculate', 'appearance', 'hub_special_category', 'hub_previous_names',
];

export class XlsFormError extends Error {
  constructor(readonly problems: DefinitionProblem[]) {
    super(problems.map((p) => `${p.where}: ${p.message}`).join('; '));
    this.name = 'XlsFormError';
  }
}

/** Writes an instrument as an XLSForm workbook (deterministic: fixed workbook dates). */
export async function exportXlsForm(def: InstrumentDefinition): Promise<Buffer> {
  const { Workbook } = await import('exceljs');
  const wb = new Workbook();
  wb.creator = 'Hub Ekonomii Społecznej';
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  const survey = wb.addWorksheet('survey');
  survey.addRow(SURVEY_COLUMNS);
  const yes = (b: boolean) => (b ? 'yes' : '');
  const questionRow = (q: Question) => [
    q.listName ? `${q.type} ${q.listName}` : q.type, q.name, q.label.pl, q.label.en, q.hint?.pl ?? '', q.hint?.en ?? '', yes(q.required), q.relevant ?? '', q.constraint ?? '',
    q.constraintMessage?.pl ?? '', q.constraintMessage?.en ?? '', q.calculate ?? '', q.appearance ?? '', yes(q.specialCategory), q.previousNames.join(' '),
  ];
  let open: string | null = null;
  for (const q of def.questions) {
    if (q.section !== open) {
      if (open !== null) survey.addRow(['end_group', open]);
      open = q.section;
      if (open !== null) {
        const s = def.sections.find((x) => x.name === open)!;
        survey.addRow(['begin_group', s.name, s.label.pl, s.label.en, '', '', '', s.relevant ?? '', '', '', '', '', s.appearance ?? '', '', '']);
      }
    }
    survey.addRow(questionRow(q));
  }
  if (open !== null) survey.addRow(['end_group', open]);
  // Sections without questions still travel (begin + end), after the rest.
  for (const s of def.sections) {
    if (def.questions.some((q) => q.section === s.name)) continue;
    survey.addRow(['begin_group', s.name, s.label.pl, s.label.en, '', '', '', s.relevant ?? '', '', '', '', '', s.appearance ?? '', '', '']);
    survey.addRow(['end_group', s.name]);
  }
  const choices = wb.addWorksheet('choices');
  choices.addRow(['list_name', 'name', `label::${LANG_PL}`, `label::${LANG_EN}`]);
  for (const [list, items] of Object.entries(def.choiceLists)) for (const c of items) choices.addRow([list, c.name, c.label.pl, c.label.en]);
  const settings = wb.addWorksheet('settings');
  settings.addRow(['form_title', 'form_id', 'version', 'default_language', 'hub_form_title_en']);
  settings.addRow([def.title.pl, def.code, String(def.version), LANG_PL, def.title.en]);
  if (def.scoring.length) {
    const scoring = wb.addWorksheet('hub_scoring');
    scoring.addRow(['dimension', `label::${LANG_PL}`, `label::${LANG_EN}`, 'expression', 'weight']);
    for (const d of def.scoring) scoring.addRow([d.name, d.label.pl, d.label.en, d.expression, d.weight]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

interface SheetRows {
  header: string[];
  rows: { row: number; get(column: string): string; has(column: string): boolean }[];
}

function readSheet(sheet: Worksheet | undefined): SheetRows | null {
  if (!sheet) return null;
  const width = sheet.columnCount;
  const header: string[] = [];
  for (let c = 1; c <= width; c++) header.push(cellText(sheet.getRow(1).getCell(c).value).trim());
  const rows: SheetRows['rows'] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(sheet.getRow(r).getCell(c).value).trim());
    if (cells.every((x) => x === '')) continue;
    const index = (column: string) => header.findIndex((h) => h.toLowerCase() === column.toLowerCase());
    rows.push({ row: r, get: (column) => (index(column) >= 0 ? cells[index(column)] : ''), has: (column) => index(column) >= 0 });
  }
  return { header, rows };
}

/** The header of a language column: `label::Polski (pl)`, `label::pl`, `label::Polish`, or plain `label` (used for both languages). */
function languageColumns(header: string[], base: string): { pl: string | null; en: string | null; plain: string | null } {
  const find = (pred: (lang: string) => boolean) => header.find((h) => h.toLowerCase().startsWith(`${base}::`) && pred(h.slice(base.length + 2).trim().toLowerCase())) ?? null;
  return {
    pl: find((l) => l === 'pl' || l.endsWith('(pl)') || l.startsWith('polski') || l.startsWith('polish')),
    en: find((l) => l === 'en' || l.endsWith('(en)') || l.startsWith('english') || l.startsWith('angielski')),
    plain: header.find((h) => h.toLowerCase() === base) ?? null,
  };
}

function text2(row: SheetRows['rows'][number], cols: ReturnType<typeof languageColumns>): Text2 | null {
  const plain = cols.plain ? row.get(cols.plain) : '';
  const pl = (cols.pl ? row.get(cols.pl) : '') || plain;
  const en = (cols.en ? row.get(cols.en) : '') || plain || pl;
  if (!pl && !en) return null;
  return { pl: pl || en, en };
}

const truthy = (v: string) => ['yes', 'true', 'true()', '1', 'tak'].includes(v.trim().toLowerCase());

/** Reads an XLSForm workbook into an instrument definition; throws XlsFormError listing every problem with its sheet and row. */
export async function importXlsForm(bytes: Uint8Array): Promise<InstrumentDefinition> {
  const { Workbook } = await import('exceljs');
  const wb: Workbook = new Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    throw new XlsFormError([{ where: 'file', message: 'not an XLSX workbook' }]);
  }
  const sheet = (name: string) => wb.worksheets.find((w) => w.name.trim().toLowerCase() === name);
  const survey = readSheet(sheet('survey'));
  if (!survey) throw new XlsFormError([{ where: 'file', message: 'no "survey" sheet' }]);
  const problems: DefinitionProblem[] = [];
  const rowOf = new Map<string, number>();

  const labelCols = languageColumns(survey.header, 'label');
  const hintCols = languageColumns(survey.header, 'hint');
  const msgCols = languageColumns(survey.header, 'constraint_message');
  const sections: Section[] = [];
  const questions: Question[] = [];
  let open: string | null = null;
  for (const row of survey.rows) {
    const typeText = row.get('type').replace(/\s+/g, ' ');
    const [rawType, listName] = typeText.split(' ');
    const type = rawType.toLowerCase().replace(/ /g, '_');
    const name = row.get('name');
    const where = `survey!${row.row}`;
    if (name) rowOf.set(name, row.row);
    if (type === 'begin_group' || typeText.toLowerCase() === 'begin group') {
      if (open !== null) { problems.push({ where, message: 'nested groups are not supported' }); continue; }
      open = name;
      sections.push({ name, label: text2(row, labelCols) ?? { pl: name, en: name }, appearance: row.get('appearance') || null, relevant: row.get('relevant') || null });
      continue;
    }
    if (type === 'end_group' || typeText.toLowerCase() === 'end group') { open = null; continue; }
    if (SKIPPED_TYPES.has(type)) continue;
    if (!QUESTION_TYPES.includes(type as QuestionType)) { problems.push({ where, message: `type "${typeText}" is not supported` }); continue; }
    const isSelect = type === 'select_one' || type === 'select_multiple';
    if (isSelect && !listName) problems.push({ where, message: `${type} needs a choice list name` });
    questions.push({
      name,
      type: type as QuestionType,
      listName: isSelect ? listName ?? null : null,
      label: text2(row, labelCols) ?? { pl: '', en: '' },
      hint: text2(row, hintCols),
      required: truthy(row.get('required')),
      relevant: row.get('relevant') || null,
      constraint: row.get('constraint') || null,
      constraintMessage: text2(row, msgCols),
      calculate: row.get('calculate') || null,
      appearance: row.get('appearance') || null,
      specialCategory: truthy(row.get('hub_special_category')),
      previousNames: row.get('hub_previous_names').split(/\s+/).filter(Boolean),
      section: open,
    });
  }
  if (open !== null) problems.push({ where: 'survey', message: `group "${open}" has no end_group` });

  const choiceLists: Record<string, Choice[]> = {};
  const choicesSheet = readSheet(sheet('choices'));
  if (choicesSheet) {
    const cols = languageColumns(choicesSheet.header, 'label');
    for (const row of choicesSheet.rows) {
      const list = row.get('list_name') || row.get('list name');
      if (!list) { problems.push({ where: `choices!${row.row}`, message: 'list_name is empty' }); continue; }
      (choiceLists[list] ??= []).push({ name: row.get('name'), label: text2(row, cols) ?? { pl: row.get('name'), en: row.get('name') } });
    }
  }
  const settings = readSheet(sheet('settings'));
  const s = settings?.rows[0];
  const code = s?.get('form_id') || 'imported_form';
  const titlePl = s?.get('form_title') || code;
  const version = Number(s?.get('version') || '1');

  const scoring: InstrumentDefinition['scoring'] = [];
  const scoringSheet = readSheet(sheet('hub_scoring'));
  if (scoringSheet) {
    const cols = languageColumns(scoringSheet.header, 'label');
    for (const row of scoringSheet.rows) {
      const dim = row.get('dimension');
      scoring.push({ name: dim, label: text2(row, cols) ?? { pl: dim, en: dim }, expression: row.get('expression'), weight: Number(row.get('weight') || '1') });
    }
  }
  const def: InstrumentDefinition = {
    code,
    title: { pl: titlePl, en: s?.get('hub_form_title_en') || titlePl },
    version: Number.isInteger(version) && version > 0 ? version : 1,
    sections,
    questions,
    choiceLists,
    scoring,
  };
  problems.push(...checkDefinition(def, (name) => (rowOf.has(name) ? `survey!${rowOf.get(name)}` : name)));
  if (problems.length) throw new XlsFormError(problems);
  return def;
}
