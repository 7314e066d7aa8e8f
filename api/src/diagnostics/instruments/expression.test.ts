import { ExpressionError, evaluateText, parseExpression } from './expression';

const ev = (src: string, answers: Record<string, string | number | string[] | null> = {}, self?: string | number | string[] | null) => evaluateText(src, { answers, self });

describe('XLSForm expression evaluator', () => {
  it('compares numbers, and treats an empty answer as failing a numeric comparison', () => {
    expect(ev('${age} >= 18', { age: 20 })).toBe(true);
    expect(ev('${age} >= 18', {})).toBe(false);
    expect(ev("${age} = ''", {})).toBe(true);
  });
  it('follows XPath precedence: and binds tighter than or, * tighter than +', () => {
    expect(ev('1 = 1 or 1 = 2 and 1 = 2')).toBe(true);
    expect(ev('2 + 3 * 4')).toBe(14);
    expect(ev('(2 + 3) * 4')).toBe(20);
    expect(ev('7 div 2')).toBe(3.5);
    expect(ev('7 mod 2')).toBe(1);
    expect(ev('-3 + 5')).toBe(2);
  });
  it('checks the own answer through "." in constraints', () => {
    expect(ev('. >= 0 and . <= 100', {}, 50)).toBe(true);
    expect(ev('. >= 0 and . <= 100', {}, 150)).toBe(false);
  });
  it('knows selected, count-selected, string-length, if, regex and not', () => {
    const answers = { p: ['ops', 'pup'] };
    expect(ev("selected(${p}, 'pup')", answers)).toBe(true);
    expect(ev("selected(${p}, 'ngo')", answers)).toBe(false);
    expect(ev('count-selected(${p})', answers)).toBe(2);
    expect(ev("string-length('źdźbło')")).toBe(6);
    expect(ev("if(${x} > 1, 'big', 'small')", { x: 3 })).toBe('big');
    expect(ev("regex(., '[0-9]{2}-[0-9]{3}')", {}, '00-950')).toBe(true);
    expect(ev("not(selected(${p}, 'ops'))", answers)).toBe(false);
  });
  it('compares ISO dates as text', () => {
    expect(ev(". >= '2020-01-01'", {}, '2021-05-01')).toBe(true);
    expect(ev(". >= '2020-01-01'", {}, '2019-05-01')).toBe(false);
  });
  it('refuses what is not an expression instead of running it', () => {
    expect(() => parseExpression('process.exit(1)')).toThrow(ExpressionError);
    expect(() => parseExpression('${a} >')).toThrow(ExpressionError);
    expect(() => parseExpression('1 2')).toThrow(ExpressionError);
    expect(() => parseExpression("regex(., '(')")).toThrow(ExpressionError);
  });
});
