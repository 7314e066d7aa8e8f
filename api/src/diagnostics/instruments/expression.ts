/*
 * A safe evaluator for the subset of XLSForm (ODK XPath) expressions the hub supports, with a
 * real tokenizer and a precedence-climbing parser — never `eval`. Grammar, loosest first:
 *   or  →  and  →  = !=  →  < <= > >=  →  + -  →  * div mod  →  unary -  →  primary
 *   primary: number | 'string' | "string" | ${name} | . | true() | false() | fn(args) | ( expr )
 * Values follow XPath 1.0: an unanswered question is '' (so `${x} = ''` tests for an empty
 * answer and `${n} > 3` is false when n is empty, as NaN compares false); a select_multiple
 * answer is its choices joined by spaces. Relational operators on two non-numeric strings compare
 * them as text, so ISO dates ('2026-01-31') compare correctly.
 */

export type AnswerValue = string | number | string[] | null;
export type Value = string | number | boolean;

export class ExpressionError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
    this.name = 'ExpressionError';
  }
}

type Token =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'str'; value: string; pos: number }
  | { kind: 'ref'; name: string; pos: number }
  | { kind: 'dot'; pos: number }
  | { kind: 'name'; name: string; pos: number }
  | { kind: 'op'; op: string; pos: number }
  | { kind: 'end'; pos: number };

export type Node =
  | { t: 'lit'; value: Value }
  | { t: 'ref'; name: string }
  | { t: 'self' }
  | { t: 'neg'; arg: Node }
  | { t: 'bin'; op: string; left: Node; right: Node }
  | { t: 'call'; fn: string; args: Node[] };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    const start = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      while (i < src.length && /[0-9.]/.test(src[i])) i++;
      const text = src.slice(start, i);
      if (!/^(\d+\.?\d*|\.\d+)$/.test(text)) throw new ExpressionError(`bad number "${text}"`, start);
      tokens.push({ kind: 'num', value: Number(text), pos: start });
    } else if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError('unterminated string', start);
      tokens.push({ kind: 'str', value: src.slice(i + 1, end), pos: start });
      i = end + 1;
    } else if (c === '$' && src[i + 1] === '{') {
      const end = src.indexOf('}', i);
      if (end < 0) throw new ExpressionError('unterminated ${…}', start);
      const name = src.slice(i + 2, end).trim();
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) throw new ExpressionError(`bad variable name "${name}"`, start);
      tokens.push({ kind: 'ref', name, pos: start });
      i = end + 1;
    } else if (c === '.') {
      tokens.push({ kind: 'dot', pos: start });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_-]/.test(src[i])) i++;
      // "a-b" is a name in XPath, but "x -1" is not: a trailing '-' never belongs to a name.
      while (src[i - 1] === '-') i--;
      tokens.push({ kind: 'name', name: src.slice(start, i), pos: start });
    } else {
      const two = src.slice(i, i + 2);
      if (['!=', '<=', '>='].includes(two)) {
        tokens.push({ kind: 'op', op: two, pos: start });
        i += 2;
      } else if ('=<>+-*(),'.includes(c)) {
        tokens.push({ kind: 'op', op: c, pos: start });
        i++;
      } else throw new ExpressionError(`unexpected character "${c}"`, start);
    }
  }
  tokens.push({ kind: 'end', pos: src.length });
  return tokens;
}

const FUNCTIONS: Record<string, [number, number]> = {
  selected: [2, 2], 'count-selected': [1, 1], 'string-length': [1, 1], if: [3, 3], regex: [2, 2], not: [1, 1],
  'true': [0, 0], 'false': [0, 0], concat: [1, 99], number: [1, 1], int: [1, 1], round: [1, 2], coalesce: [2, 2],
  contains: [2, 2], 'starts-with': [2, 2], min: [1, 99], max: [1, 99], string: [1, 1],
};
export const SUPPORTED_FUNCTIONS = Object.keys(FUNCTIONS);

const LEVELS: string[][] = [['or'], ['and'], ['=', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', 'div', 'mod']];

/** Parses an expression into a tree; throws ExpressionError with the position at fault. */
export function parseExpression(src: string): Node {
  const tokens = tokenize(src);
  let p = 0;
  const peek = () => tokens[p];
  const opOf = (t: Token) => (t.kind === 'op' ? t.op : t.kind === 'name' && ['or', 'and', 'div', 'mod'].includes(t.name) ? t.name : null);
  const expect = (op: string) => {
    const t = tokens[p];
    if (t.kind !== 'op' || t.op !== op) throw new ExpressionError(`expected "${op}"`, t.pos);
    p++;
  };
  const level = (n: number): Node => {
    if (n === LEVELS.length) return unary();
    let left = level(n + 1);
    for (;;) {
      const op = opOf(peek());
      if (!op || !LEVELS[n].includes(op)) return left;
      p++;
      left = { t: 'bin', op, left, right: level(n + 1) };
    }
  };
  const unary = (): Node => {
    const t = peek();
    if (t.kind === 'op' && t.op === '-') {
      p++;
      return { t: 'neg', arg: unary() };
    }
    return primary();
  };
  const primary = (): Node => {
    const t = tokens[p++];
    switch (t.kind) {
      case 'num': return { t: 'lit', value: t.value };
      case 'str': return { t: 'lit', value: t.value };
      case 'ref': return { t: 'ref', name: t.name };
      case 'dot': return { t: 'self' };
      case 'op':
        if (t.op === '(') {
          const inner = level(0);
          expect(')');
          return inner;
        }
        throw new ExpressionError(`unexpected "${t.op}"`, t.pos);
      case 'name': {
        const arity = FUNCTIONS[t.name];
        if (!arity) throw new ExpressionError(`unknown function or name "${t.name}"`, t.pos);
        expect('(');
        const args: Node[] = [];
        if (!(peek().kind === 'op' && (peek() as { op: string }).op === ')')) {
          args.push(level(0));
          while (peek().kind === 'op' && (peek() as { op: string }).op === ',') {
            p++;
            args.push(level(0));
          }
        }
        expect(')');
        if (args.length < arity[0] || args.length > arity[1]) throw new ExpressionError(`${t.name}() takes ${arity[0]}–${arity[1]} arguments`, t.pos);
        if (t.name === 'regex' && args[1].t === 'lit') compileRegex(String(args[1].value), t.pos);
        return { t: 'call', fn: t.name, args };
      }
      default: throw new ExpressionError('unexpected end of expression', t.pos);
    }
  };
  const tree = level(0);
  if (peek().kind !== 'end') throw new ExpressionError('unexpected text after the expression', peek().pos);
  return tree;
}

/** Variables an expression reads (`${name}`), for checking references at import. */
export function referencedNames(node: Node, into = new Set<string>()): Set<string> {
  if (node.t === 'ref') into.add(node.name);
  else if (node.t === 'neg') referencedNames(node.arg, into);
  else if (node.t === 'bin') { referencedNames(node.left, into); referencedNames(node.right, into); }
  else if (node.t === 'call') node.args.forEach((a) => referencedNames(a, into));
  return into;
}

// Regexes come from instrument authors (staff); patterns are capped and compiled once.
const regexCache = new Map<string, RegExp>();
function compileRegex(pattern: string, pos = 0): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    if (pattern.length > 200) throw new ExpressionError('regex pattern longer than 200 characters', pos);
    try { re = new RegExp(`^(?:${pattern})$`, 'u'); } catch { throw new ExpressionError(`bad regex "${pattern}"`, pos); }
    regexCache.set(pattern, re);
  }
  return re;
}

const fromAnswer = (v: AnswerValue | undefined): Value => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : v);
export const toStr = (v: Value): string => (typeof v === 'boolean' ? String(v) : typeof v === 'number' ? (Number.isNaN(v) ? 'NaN' : String(v)) : v);
export const toNum = (v: Value): number => (typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : v.trim() === '' ? NaN : Number(v));
export const toBool = (v: Value): boolean => (typeof v === 'boolean' ? v : typeof v === 'number' ? v !== 0 && !Number.isNaN(v) : v.length > 0);

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return toBool(a) === toBool(b);
  if (typeof a === 'number' || typeof b === 'number') return toNum(a) === toNum(b);
  return a === b;
}
function compare(op: string, a: Value, b: Value): boolean {
  const na = toNum(a), nb = toNum(b);
  let x: number | string = na, y: number | string = nb;
  if (typeof a === 'string' && typeof b === 'string' && (Number.isNaN(na) || Number.isNaN(nb)) && a !== '' && b !== '') { x = a; y = b; }
  if (typeof x === 'number' && (Number.isNaN(x) || Number.isNaN(y as number))) return false;
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

export interface EvalScope {
  answers: Readonly<Record<string, AnswerValue>>;
  /** The value `.` stands for (a constraint's own answer). */
  self?: AnswerValue;
}

/** Evaluates a parsed expression. A reference to an unknown variable reads as empty. */
export function evaluate(node: Node, scope: EvalScope): Value {
  switch (node.t) {
    case 'lit': return node.value;
    case 'ref': return fromAnswer(scope.answers[node.name]);
    case 'self': return fromAnswer(scope.self);
    case 'neg': return -toNum(evaluate(node.arg, scope));
    case 'bin': {
      if (node.op === 'or') return toBool(evaluate(node.left, scope)) || toBool(evaluate(node.right, scope));
      if (node.op === 'and') return toBool(evaluate(node.left, scope)) && toBool(evaluate(node.right, scope));
      const a = evaluate(node.left, scope), b = evaluate(node.right, scope);
      switch (node.op) {
        case '=': return equal(a, b);
        case '!=': return !equal(a, b);
        case '<': case '<=': case '>': case '>=': return compare(node.op, a, b);
        case '+': return toNum(a) + toNum(b);
        case '-': return toNum(a) - toNum(b);
        case '*': return toNum(a) * toNum(b);
        case 'div': return toNum(a) / toNum(b);
        case 'mod': return toNum(a) % toNum(b);
      }
      throw new ExpressionError(`operator ${node.op}`, 0);
    }
    case 'call': {
      const arg = (i: number) => evaluate(node.args[i], scope);
      const rawList = (i: number): string[] => {
        const n = node.args[i];
        const raw = n.t === 'ref' ? scope.answers[n.name] : n.t === 'self' ? scope.self : undefined;
        if (Array.isArray(raw)) return raw;
        return toStr(evaluate(n, scope)).split(/\s+/).filter(Boolean);
      };
      switch (node.fn) {
        case 'selected': return rawList(0).includes(toStr(arg(1)));
        case 'count-selected': return rawList(0).length;
        case 'string-length': return [...toStr(arg(0))].length;
        case 'if': return toBool(arg(0)) ? arg(1) : arg(2);
        case 'regex': return compileRegex(toStr(arg(1))).test(toStr(arg(0)));
        case 'not': return !toBool(arg(0));
        case 'true': return true;
        case 'false': return false;
        case 'concat': return node.args.map((_, i) => toStr(arg(i))).join('');
        case 'number': return toNum(arg(0));
        case 'string': return toStr(arg(0));
        case 'int': return Math.trunc(toNum(arg(0)));
        case 'round': {
          const digits = node.args.length > 1 ? toNum(arg(1)) : 0;
          const f = 10 ** digits;
          return Math.round(toNum(arg(0)) * f) / f;
        }
        case 'coalesce': { const a = arg(0); return toStr(a) !== '' ? a : arg(1); }
        case 'contains': return toStr(arg(0)).includes(toStr(arg(1)));
        case 'starts-with': return toStr(arg(0)).startsWith(toStr(arg(1)));
        case 'min': return Math.min(...node.args.map((_, i) => toNum(arg(i))));
        case 'max': return Math.max(...node.args.map((_, i) => toNum(arg(i))));
      }
      throw new ExpressionError(`function ${node.fn}`, 0);
    }
  }
}

const parsed = new Map<string, Node>();
/** Parses (once per distinct text) and evaluates. */
export function evaluateText(src: string, scope: EvalScope): Value {
  let node = parsed.get(src);
  if (!node) {
    node = parseExpression(src);
    if (parsed.size > 5000) parsed.clear();
    parsed.set(src, node);
  }
  return evaluate(node, scope);
}
