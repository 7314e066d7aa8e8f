import { evaluateText, toBool, toNum, type AnswerValue, type Value } from './expression';
import { isAnswerable, type InstrumentDefinition, type Question, type Text2 } from './instrument-model';

export type AnswerErrorCode = 'UNKNOWN_QUESTION' | 'WRONG_TYPE' | 'NOT_A_CHOICE' | 'CONSTRAINT' | 'REQUIRED' | 'NOT_RELEVANT';

/** A problem with one answer, for the field it concerns. */
export interface AnswerError {
  field: string;
  code: AnswerErrorCode;
  message: Text2;
}

export interface ValidatedAnswers {
  /** The answers kept: typed, relevant only (skip logic clears answers to questions not shown). */
  answers: Record<string, AnswerValue>;
  /** Values of calculate rows. */
  calculated: Record<string, number | string>;
  errors: AnswerError[];
}

const MESSAGES: Record<Exclude<AnswerErrorCode, 'CONSTRAINT'>, Text2> = {
  UNKNOWN_QUESTION: { pl: 'Nie ma takiego pytania w tej ankiecie.', en: 'There is no such question in this survey.' },
  WRONG_TYPE: { pl: 'Odpowiedź ma niewłaściwą postać (np. tekst zamiast liczby).', en: 'The answer has the wrong form (e.g. text instead of a number).' },
  NOT_A_CHOICE: { pl: 'Wybrano odpowiedź spoza listy.', en: 'The answer is not one of the choices.' },
  REQUIRED: { pl: 'To pytanie jest obowiązkowe.', en: 'This question is required.' },
  NOT_RELEVANT: { pl: 'To pytanie nie dotyczy tej ankiety i zostało pominięte.', en: 'This question does not apply and was skipped.' },
};
const CONSTRAINT_DEFAULT: Text2 = { pl: 'Odpowiedź nie spełnia warunku pytania.', en: 'The answer does not meet the question’s condition.' };

const isEmpty = (v: AnswerValue | undefined) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Brings a raw answer (from JSON or a posted form) into the question's type, or reports why it cannot be. */
function coerce(q: Question, raw: unknown, choices: Set<string> | null): { value: AnswerValue } | { error: AnswerErrorCode } {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  switch (q.type) {
    case 'integer':
    case 'decimal': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+([.,]\d+)?$/.test(raw.trim()) ? Number(raw.trim().replace(',', '.')) : NaN;
      if (!Number.isFinite(n) || (q.type === 'integer' && !Number.isInteger(n))) return { error: 'WRONG_TYPE' };
      return { value: n };
    }
    case 'date': {
      if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { error: 'WRONG_TYPE' };
      const d = new Date(`${raw}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw) return { error: 'WRONG_TYPE' };
      return { value: raw };
    }
    case 'text':
      if (typeof raw !== 'string' && typeof raw !== 'number') return { error: 'WRONG_TYPE' };
      return String(raw).length > 5000 ? { error: 'WRONG_TYPE' } : { value: String(raw) };
    case 'select_one':
      if (typeof raw !== 'string') return { error: 'WRONG_TYPE' };
      return choices!.has(raw) ? { value: raw } : { error: 'NOT_A_CHOICE' };
    case 'select_multiple': {
      const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/\s+/).filter(Boolean) : null;
      if (!list || !list.every((x) => typeof x === 'string')) return { error: 'WRONG_TYPE' };
      if (!list.every((x) => choices!.has(x))) return { error: 'NOT_A_CHOICE' };
      // Kept in the choice list's order, without repeats, so equal answers are equal values.
      const chosen = new Set(list as string[]);
      return { value: [...choices!].filter((c) => chosen.has(c)) };
    }
    default:
      return { error: 'UNKNOWN_QUESTION' };
  }
}

/**
 * Validates answers by the instrument's own rules — the same code serves GraphQL saves, the web
 * form and imported data. Questions are walked in form order; relevance and constraints see the
 * answers before them and after them as given (XLSForm evaluates against the whole record).
 * `final` = a submission: required questions must be answered.
 */
export function validateAnswers(def: InstrumentDefinition, input: Readonly<Record<string, unknown>>, options: { final: boolean }): ValidatedAnswers {
  const errors: AnswerError[] = [];
  const byName = new Map(def.questions.map((q) => [q.name, q]));
  for (const key of Object.keys(input)) {
    const q = byName.get(key);
    if (!q || !isAnswerable(q)) errors.push({ field: key, code: 'UNKNOWN_QUESTION', message: MESSAGES.UNKNOWN_QUESTION });
  }
  const answers: Record<string, AnswerValue> = {};
  const typeErrors = new Set<string>();
  for (const q of def.questions) {
    if (!isAnswerable(q) || !(q.name in input)) continue;
    const choices = q.listName ? new Set((def.choiceLists[q.listName] ?? []).map((c) => c.name)) : null;
    const result = coerce(q, input[q.name], choices);
    if ('error' in result) {
      errors.push({ field: q.name, code: result.error, message: MESSAGES[result.error as Exclude<AnswerErrorCode, 'CONSTRAINT'>] });
      typeErrors.add(q.name);
    } else if (result.value !== null) answers[q.name] = result.value;
  }
  const calculated: Record<string, number | string> = {};
  const scope = { answers: answers as Record<string, AnswerValue> };
  const sectionShown = new Map<string, boolean>();
  for (const s of def.sections) sectionShown.set(s.name, !s.relevant || toBool(evaluateText(s.relevant, scope)));
  for (const q of def.questions) {
    const shown = (q.section === null || sectionShown.get(q.section) !== false) && (!q.relevant || toBool(evaluateText(q.relevant, scope)));
    if (q.type === 'calculate') {
      if (!shown) continue;
      const v: Value = evaluateText(q.calculate!, scope);
      const stored = typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'number' && !Number.isFinite(v) ? null : v;
      if (stored !== null && stored !== '') {
        calculated[q.name] = stored;
        answers[q.name] = stored;
      }
      continue;
    }
    if (!isAnswerable(q) || typeErrors.has(q.name)) continue;
    const value = answers[q.name];
    if (!shown) {
      // Skip logic: an answer to a question not shown is dropped, as ODK drops it on submission.
      delete answers[q.name];
      continue;
    }
    if (isEmpty(value)) {
      if (options.final && q.required) errors.push({ field: q.name, code: 'REQUIRED', message: MESSAGES.REQUIRED });
      continue;
    }
    if (q.constraint && !toBool(evaluateText(q.constraint, { answers, self: value }))) {
      errors.push({ field: q.name, code: 'CONSTRAINT', message: q.constraintMessage ?? CONSTRAINT_DEFAULT });
      // A stored response never holds an answer that breaks a rule.
      delete answers[q.name];
    }
  }
  for (const name of Object.keys(calculated)) delete answers[name];
  return { answers, calculated, errors };
}

/** Scores per dimension (0..100, null when its expression gives no number) and the weighted index. */
export function scoreAnswers(def: InstrumentDefinition, answers: Readonly<Record<string, AnswerValue>>, calculated: Readonly<Record<string, number | string>> = {}): { dimensions: Record<string, number | null>; index: number | null } {
  const scope = { answers: { ...answers, ...calculated } };
  const dimensions: Record<string, number | null> = {};
  let weighted = 0;
  let weights = 0;
  for (const d of def.scoring) {
    const n = toNum(evaluateText(d.expression, scope));
    const score = Number.isFinite(n) ? Math.round(Math.min(100, Math.max(0, n)) * 10) / 10 : null;
    dimensions[d.name] = score;
    if (score !== null && d.weight > 0) {
      weighted += score * d.weight;
      weights += d.weight;
    }
  }
  return { dimensions, index: weights > 0 ? Math.round((weighted / weights) * 10) / 10 : null };
}
