/** ISO 4217 currencies the hub books, with their minor units per major unit (exponent). */
const EXPONENT: Record<string, number> = { PLN: 2, EUR: 2 };

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * An amount of money: whole minor units (grosze) and an ISO 4217 currency. Immutable; never a
 * float. Arithmetic refuses mixed currencies; allocation hands out remainders deterministically.
 */
export class Money {
  private constructor(
    /** Whole minor units (1/100 PLN), may be negative. */
    readonly minor: bigint,
    readonly currency: string,
  ) {}

  /** Money from minor units (grosze): a bigint, a safe integer, or an integer string as PostgreSQL returns bigint. */
  static ofMinor(minor: bigint | number | string, currency = 'PLN'): Money {
    exponentOf(currency);
    if (typeof minor === 'number' && !Number.isSafeInteger(minor)) throw new RangeError(`${minor} is not a whole number of minor units`);
    if (typeof minor === 'string' && !/^-?\d+$/.test(minor)) throw new RangeError(`"${minor}" is not a whole number of minor units`);
    return new Money(BigInt(minor), currency);
  }

  static zero(currency = 'PLN'): Money {
    return Money.ofMinor(0n, currency);
  }

  /** Parses a decimal string in major units ("1250.00", "-3.5", "7"); more decimals than the currency has are refused, never rounded. */
  static parse(decimal: string, currency = 'PLN'): Money {
    const exponent = exponentOf(currency);
    const m = DECIMAL.exec(decimal.trim());
    if (!m) throw new RangeError(`"${decimal}" is not a decimal amount`);
    const [, sign, whole, fraction = ''] = m;
    if (fraction.length > exponent) throw new RangeError(`"${decimal}" has more than ${exponent} decimal places`);
    const minor = BigInt(whole + fraction.padEnd(exponent, '0'));
    return new Money(sign ? -minor : minor, currency);
  }

  /** The amount in major units as a decimal string with exactly the currency's decimals: "1250.00", "-0.05". */
  toDecimal(): string {
    const exponent = exponentOf(this.currency);
    const negative = this.minor < 0n;
    const digits = (negative ? -this.minor : this.minor).toString().padStart(exponent + 1, '0');
    const whole = digits.slice(0, digits.length - exponent);
    const fraction = digits.slice(digits.length - exponent);
    return `${negative ? '-' : ''}${whole}${exponent ? `.${fraction}` : ''}`;
  }

  plus(other: Money): Money {
    return new Money(this.minor + this.sameCurrency(other).minor, this.currency);
  }

  minus(other: Money): Money {
    return new Money(this.minor - this.sameCurrency(other).minor, this.currency);
  }

  negated(): Money {
    return new Money(-this.minor, this.currency);
  }

  isNegative(): boolean {
    return this.minor < 0n;
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && this.minor === other.minor;
  }

  /**
   * Splits the amount in proportion to non-negative integer `ratios`: the parts sum to the whole,
   * each is within one minor unit of its exact share, and left-over units go to the earliest parts.
   */
  allocate(ratios: readonly number[]): Money[] {
    if (!ratios.length || ratios.some((r) => !Number.isSafeInteger(r) || r < 0)) throw new RangeError('ratios must be non-negative integers');
    const total = ratios.reduce((s, r) => s + BigInt(r), 0n);
    if (total === 0n) throw new RangeError('ratios must not all be zero');
    const parts = ratios.map((r) => (this.minor * BigInt(r)) / total); // truncates toward zero
    let left = this.minor - parts.reduce((s, p) => s + p, 0n);
    const step = left < 0n ? -1n : 1n;
    for (let i = 0; left !== 0n; i = (i + 1) % parts.length) {
      if (ratios[i] === 0) continue;
      parts[i] += step;
      left -= step;
    }
    return parts.map((p) => new Money(p, this.currency));
  }

  toString(): string {
    return `${this.toDecimal()} ${this.currency}`;
  }

  private sameCurrency(other: Money): Money {
    if (other.currency !== this.currency) throw new TypeError(`Cannot combine ${this.currency} with ${other.currency}`);
    return other;
  }
}

function exponentOf(currency: string): number {
  const exponent = EXPONENT[currency];
  if (exponent === undefined) throw new RangeError(`Unsupported currency "${currency}"`);
  return exponent;
}
