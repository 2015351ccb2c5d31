import type { PricingMode } from '../crm.types.js';
import type { InvoiceLine } from '../entities/invoice.entity.js';
import type { TaxRate } from '../entities/tax-policy.entity.js';

/**
 * Invoice arithmetic. Money is integers in minor units and quantities integers in
 * thousandths; products and divisions run in BigInt with half-up rounding, so no amount
 * ever passes through a float (0.1 + 0.2 never becomes an invoice line).
 */

/** What a person enters on a line: quantity already in thousandths (see quantityToMilli). */
export interface LineInput {
  description: string;
  quantityMilli: number;
  unitPriceMinor: number;
  taxCode: string;
}

export interface InvoiceTotals {
  lines: InvoiceLine[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** A line's tax code is not one of the policy's rates. */
export class UnknownTaxCodeError extends Error {
  constructor(
    readonly index: number,
    readonly code: string,
  ) {
    super(`Line ${index} uses tax code ${code}, which the tax policy does not have`);
    this.name = 'UnknownTaxCodeError';
  }
}

/** An amount would not fit a JavaScript number exactly (above 2^53 − 1 minor units). */
export class AmountTooLargeError extends Error {
  constructor() {
    super('The amounts of this invoice are too large');
    this.name = 'AmountTooLargeError';
  }
}

const MILLI = 1000n;
const BASIS = 10_000n;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** numerator / denominator rounded half-up (half away from zero), exactly. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (2n * magnitude + denominator) / (2n * denominator);
  return negative ? -quotient : quotient;
}

/**
 * A quantity as thousandths, read from its decimal text (1.5 → 1500, 2 → 2000), never by
 * multiplying a float. Null when it has more than three decimals or is not a plain number.
 */
export function quantityToMilli(quantity: number | string): number | null {
  const text = typeof quantity === 'number' ? String(quantity) : quantity.trim();
  const match = /^(\d+)(?:\.(\d{1,3}))?$/.exec(text);
  if (!match) return null;
  const milli = BigInt(match[1]) * MILLI + BigInt((match[2] ?? '').padEnd(3, '0'));
  return milli > MAX ? null : Number(milli);
}

/** Thousandths back to a decimal number for display (1500 → 1.5). */
export const milliToQuantity = (milli: number): number =>
  Number(`${Math.trunc(milli / 1000)}.${String(milli % 1000).padStart(3, '0')}`);

const safe = (value: bigint): number => {
  if (value > MAX || value < -MAX) throw new AmountTooLargeError();
  return Number(value);
};

/**
 * One line. Exclusive pricing: the price is net, tax is added on top. Inclusive pricing:
 * the price already contains the tax, which is taken out of the gross.
 */
export function computeLine(line: LineInput, basisPoints: number, pricing: PricingMode): InvoiceLine {
  const bp = BigInt(basisPoints);
  const amount = divideRounded(BigInt(line.quantityMilli) * BigInt(line.unitPriceMinor), MILLI);
  let net: bigint;
  let tax: bigint;
  if (pricing === 'exclusive') {
    net = amount;
    tax = divideRounded(net * bp, BASIS);
  } else {
    net = divideRounded(amount * BASIS, BASIS + bp);
    tax = amount - net;
  }
  return {
    description: line.description,
    quantityMilli: line.quantityMilli,
    unitPriceMinor: line.unitPriceMinor,
    taxCode: line.taxCode,
    taxBasisPoints: basisPoints,
    netMinor: safe(net),
    taxMinor: safe(tax),
    grossMinor: safe(net + tax),
  };
}

/** Indexes of the lines whose tax code the rates do not have. */
export const unknownTaxCodes = (lines: Pick<LineInput, 'taxCode'>[], rates: TaxRate[]): number[] =>
  lines.flatMap((line, index) => (rates.some((rate) => rate.code === line.taxCode) ? [] : [index]));

/** Every line and the sums of their net, tax and gross amounts. */
export function computeTotals(lines: LineInput[], rates: TaxRate[], pricing: PricingMode): InvoiceTotals {
  const computed = lines.map((line, index) => {
    const rate = rates.find((candidate) => candidate.code === line.taxCode);
    if (!rate) throw new UnknownTaxCodeError(index, line.taxCode);
    return computeLine(line, rate.basisPoints, pricing);
  });
  const sum = (pick: (line: InvoiceLine) => number) =>
    safe(computed.reduce((total, line) => total + BigInt(pick(line)), 0n));
  return {
    lines: computed,
    subtotalMinor: sum((line) => line.netMinor),
    taxMinor: sum((line) => line.taxMinor),
    totalMinor: sum((line) => line.grossMinor),
  };
}
