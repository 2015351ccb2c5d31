/**
 * Money in the SPA is what the API sends: whole minor units (pence, cents). Text a person
 * types is turned into minor units by reading its digits, never by multiplying a float, so
 * "0.29" is 29 and not 28.999…; quantities and tax rates are read the same way. Amounts are
 * written by `src/i18n/format.ts` in the reader's locale.
 */
import { currencyDigits } from '../../i18n/format.js';

export { currencyDigits, formatMoney, minorToDecimal } from '../../i18n/format.js';

export type Parsed<Value> = { ok: true; value: Value } | { ok: false; error: string };

/**
 * "12.50" → 1250 for GBP. Accepts thousands separators (1,250.00) and a currency-less
 * amount; refuses more decimals than the currency has, negatives and anything else.
 */
export function parseMoney(text: string, currency: string): Parsed<number> {
  const digits = currencyDigits(currency);
  const cleaned = text.trim().replace(/[,\s]/g, '');
  if (!cleaned) return { ok: false, error: 'Enter an amount' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[1] === '' && !match[2])) return { ok: false, error: 'Enter an amount such as 12.50' };
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return {
      ok: false,
      error: digits ? `At most ${digits} decimals in ${currency}` : `${currency} has no decimals`,
    };
  }
  const minor = BigInt(match[1] || '0') * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'That amount is too large' };
  return { ok: true, value: Number(minor) };
}

/** A quantity above 0 with at most three decimals, as the API takes it ("1.5" → 1.5). */
export function parseQuantity(text: string): Parsed<number> {
  const cleaned = text.trim().replace(/,/g, '');
  if (!cleaned) return { ok: false, error: 'Enter a quantity' };
  const match = /^(\d*)(?:\.(\d{0,3}))?$/.exec(cleaned);
  if (!match || (match[1] === '' && !match[2])) {
    return { ok: false, error: 'A number with at most three decimals' };
  }
  const whole = (match[1] || '0').replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (/^0*$/.test(whole) && !fraction) return { ok: false, error: 'The quantity must be above 0' };
  if (whole.length > 7) return { ok: false, error: 'That quantity is too large' };
  // The decimal text itself, so 0.1 stays 0.1 (the API reads the number's shortest form).
  return { ok: true, value: Number(fraction ? `${whole}.${fraction}` : whole) };
}

/** A tax rate typed as a percent ("20", "5.5") → basis points (2000, 550); two decimals at most. */
export function parsePercent(text: string): Parsed<number> {
  const cleaned = text.trim().replace(/%$/, '').trim();
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return { ok: false, error: 'A percentage such as 20 or 5.5 (two decimals at most)' };
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (basisPoints > 10_000) return { ok: false, error: 'At most 100%' };
  return { ok: true, value: basisPoints };
}

/** 2000 → "20", 550 → "5.5", 1 → "0.01". */
export function formatPercent(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** Currencies offered first; any ISO 4217 code can be typed. */
export const COMMON_CURRENCIES = ['GBP', 'EUR', 'USD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD', 'JPY'];
