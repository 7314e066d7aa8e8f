import { ExpressionError, parseExpression, referencedNames } from './expression';

/** Text in both languages; Polish is the default. */
export interface Text2 {
  pl: string;
  en: string;
}

export type QuestionType = 'select_one' | 'select_multiple' | 'integer' | 'decimal' | 'text' | 'date' | 'note' | 'calculate';
export const QUESTION_TYPES: readonly QuestionType[] = ['select_one', 'select_multiple', 'integer', 'decimal', 'text', 'date', 'note', 'calculate'];

/** A section (XLSForm group). `appearance: 'table-list'` shows its select questions as a matrix (rows × one shared scale). */
export interface Section {
  name: string;
  label: Text2;
  appearance: string | null;
  relevant: string | null;
}

/**
 * One question (an XLSForm survey row). Likert = select_one with appearance "likert"; a number
 * with a range = integer/decimal with a constraint such as `. >= 0 and . <= 100`.
 */
export interface Question {
  /** The variable code: stable across versions (renames are recorded in previousNames). */
  name: string;
  type: QuestionType;
  /** Choice list of select questions. */
  listName: string | null;
  label: Text2;
  hint: Text2 | null;
  required: boolean;
  relevant: string | null;
  constraint: string | null;
  constraintMessage: Text2 | null;
  calculate: string | null;
  appearance: string | null;
  /** Special category of personal data (GDPR art. 9: health, disability, ethnicity…): hidden from analysts. */
  specialCategory: boolean;
  /**
   * Codes this question had in earlier versions: one = a rename, several = a merge (the new
   * question takes the first non-empty of the old answers, in the order given).
   */
  previousNames: string[];
  /** The section the question sits in, or null at top level. */
  section: string | null;
}

export interface Choice {
  name: string;
  label: Text2;
}

/** A scored dimension: an expression over the answers giving 0..100, weighted into the index. */
export interface ScoringDimension {
  name: string;
  label: Text2;
  expression: string;
  weight: number;
}

/** An instrument version's whole definition, as data. */
export interface InstrumentDefinition {
  code: string;
  title: Text2;
  version: number;
  sections: Section[];
  questions: Question[];
  choiceLists: Record<string, Choice[]>;
  scoring: ScoringDimension[];
}

export interface DefinitionProblem {
  /** Where: e.g. "survey!12" (sheet and row) or a question name. */
  where: string;
  message: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Checks an instrument: names unique and well-formed, lists exist, expressions parse and refer to known variables. */
export function checkDefinition(def: InstrumentDefinition, whereOf: (name: string) => string = (n) => n): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (!NAME.test(def.code)) problems.push({ where: 'settings', message: `form_id "${def.code}" must be letters, digits and _` });
  const names = new Set<string>();
  for (const s of def.sections) {
    if (!NAME.test(s.name)) problems.push({ where: whereOf(s.name), message: `bad section name "${s.name}"` });
    if (names.has(s.name)) problems.push({ where: whereOf(s.name), message: `duplicate name "${s.name}"` });
    names.add(s.name);
  }
  for (const q of def.questions) {
    if (!NAME.test(q.name)) problems.push({ where: whereOf(q.name), message: `bad question name "${q.name}"` });
    if (names.has(q.name)) problems.push({ where: whereOf(q.name), message: `duplicate name "${q.name}"` });
    names.add(q.name);
    if ((q.type === 'select_one' || q.type === 'select_multiple') && (!q.listName || !def.choiceLists[q.listName])) {
      problems.push({ where: whereOf(q.name), message: `choice list "${q.listName ?? ''}" not found in the choices sheet` });
    }
    if (q.type === 'calculate' && !q.calculate) problems.push({ where: whereOf(q.name), message: 'a calculate row needs a calculation' });
  }
  const check = (text: string | null, where: string) => {
    if (!text) return;
    try {
      for (const ref of referencedNames(parseExpression(text))) {
        if (!names.has(ref)) problems.push({ where, message: `expression refers to unknown variable \${${ref}}` });
      }
    } catch (error) {
      if (error instanceof ExpressionError) problems.push({ where, message: `expression "${text}": ${error.message} (at ${error.position})` });
      else throw error;
    }
  };
  for (const s of def.sections) check(s.relevant, whereOf(s.name));
  for (const q of def.questions) {
    check(q.relevant, whereOf(q.name));
    check(q.constraint, whereOf(q.name));
    check(q.calculate, whereOf(q.name));
  }
  for (const d of def.scoring) {
    if (!NAME.test(d.name)) problems.push({ where: `hub_scoring!${d.name}`, message: `bad dimension name "${d.name}"` });
    if (!(d.weight >= 0)) problems.push({ where: `hub_scoring!${d.name}`, message: 'weight must be a number ≥ 0' });
    check(d.expression, `hub_scoring!${d.name}`);
  }
  for (const [list, choices] of Object.entries(def.choiceLists)) {
    const seen = new Set<string>();
    for (const c of choices) {
      if (seen.has(c.name)) problems.push({ where: `choices!${list}`, message: `duplicate choice "${c.name}" in list ${list}` });
      seen.add(c.name);
    }
  }
  return problems;
}

/** Which questions carry answers a respondent gives (not notes, not calculations). */
export const isAnswerable = (q: Question) => q.type !== 'note' && q.type !== 'calculate';
