import { addDays, isCalendarDate, subtractYears } from './calendar-date.js';
import {
  AmountTooLargeError,
  computeLine,
  computeTotals,
  divideRounded,
  type LineInput,
  milliToQuantity,
  quantityToMilli,
  UnknownTaxCodeError,
  unknownTaxCodes,
} from './invoice-totals.js';

const line = (quantityMilli: number, unitPriceMinor: number, taxCode = 'STD'): LineInput => ({
  description: 'Work',
  quantityMilli,
  unitPriceMinor,
  taxCode,
});
const UK = [
  { code: 'STD', name: 'Standard', basisPoints: 2000 },
  { code: 'RED', name: 'Reduced', basisPoints: 500 },
  { code: 'ZERO', name: 'Zero', basisPoints: 0 },
];

describe('invoice totals', () => {
  describe(divideRounded.name, () => {
    it.each([
      [5n, 10n, 1n],
      [4n, 10n, 0n],
      [15n, 10n, 2n],
      [25n, 10n, 3n],
      [-5n, 10n, -1n],
      [-4n, 10n, 0n],
      [0n, 7n, 0n],
      [7n, 2n, 4n],
    ])('should round %s / %s half-up to %s', (numerator, denominator, expected) => {
      expect(divideRounded(numerator, denominator)).toBe(expected);
    });

    it('should stay exact far beyond 2^53', () => {
      expect(divideRounded(10n ** 30n + 5n, 10n)).toBe(10n ** 29n + 1n);
    });
  });

  describe(quantityToMilli.name, () => {
    it.each([
      [1.5, 1500],
      [2, 2000],
      ['0.001', 1],
      [1.005, 1005],
      [12.34, 12340],
      ['7.250', 7250],
    ])('should read %s as %s thousandths', (quantity, milli) => {
      expect(quantityToMilli(quantity)).toBe(milli);
    });

    it.each([[1.0005], [-1], [1e-7], [0.1 + 0.2], ['1,5'], ['']])('should refuse %s', (quantity) => {
      expect(quantityToMilli(quantity)).toBeNull();
    });

    it('should turn thousandths back into the quantity', () => {
      expect([1500, 1, 2000, 1005].map(milliToQuantity)).toEqual([1.5, 0.001, 2, 1.005]);
    });
  });

  describe('exclusive pricing', () => {
    it('should add tax on top of the rounded net', () => {
      // 1.5 × 19.99 = 29.985 → 29.99; 20% of 29.99 = 5.998 → 6.00
      expect(computeLine(line(1500, 1999), 2000, 'exclusive')).toMatchObject({
        netMinor: 2999,
        taxMinor: 600,
        grossMinor: 3599,
        taxBasisPoints: 2000,
      });
    });

    it('should round halves up where floats would round down', () => {
      // 1.005 × 1.00: as floats 1.005 * 100 = 100.49999…, exactly 100.5 → 101
      expect(computeLine(line(1005, 100), 0, 'exclusive').netMinor).toBe(101);
      // 5% of 0.10 = 0.005 → 0.01
      expect(computeLine(line(1000, 10), 500, 'exclusive').taxMinor).toBe(1);
      // 5% of 0.09 = 0.0045 → 0.00
      expect(computeLine(line(1000, 9), 500, 'exclusive').taxMinor).toBe(0);
    });

    it('should allow a zero price', () => {
      expect(computeLine(line(3000, 0), 2000, 'exclusive')).toMatchObject({ netMinor: 0, taxMinor: 0, grossMinor: 0 });
    });
  });

  describe('inclusive pricing', () => {
    it('should take the tax out of the gross', () => {
      expect(computeLine(line(1000, 1200), 2000, 'inclusive')).toMatchObject({
        netMinor: 1000,
        taxMinor: 200,
        grossMinor: 1200,
      });
      // 10.00 incl. 20%: net 8.3333… → 8.33, tax the rest
      expect(computeLine(line(1000, 1000), 2000, 'inclusive')).toMatchObject({
        netMinor: 833,
        taxMinor: 167,
        grossMinor: 1000,
      });
    });

    it('should round an exact half of the net up and leave the tax as the remainder', () => {
      // 0.03 incl. 20%: net 0.025 → 0.03, tax 0.00
      expect(computeLine(line(1000, 3), 2000, 'inclusive')).toMatchObject({ netMinor: 3, taxMinor: 0, grossMinor: 3 });
    });

    it('should keep the gross the entered amount, rounded once', () => {
      // 2.5 × 3.33 = 8.325 → 8.33 gross
      const computed = computeLine(line(2500, 333), 500, 'inclusive');
      expect(computed.grossMinor).toBe(833);
      expect(computed.netMinor + computed.taxMinor).toBe(833);
      expect(computed.netMinor).toBe(793); // 833 / 1.05 = 793.33…
    });

    it('should leave a zero rate untaxed', () => {
      expect(computeLine(line(1000, 999), 0, 'inclusive')).toMatchObject({ netMinor: 999, taxMinor: 0 });
    });
  });

  describe(computeTotals.name, () => {
    it('should sum the rounded lines, not round the sums', () => {
      // Each line's 20% of 0.01 rounds to 0; the invoice's tax is the sum of the lines: 0.
      const totals = computeTotals([line(1000, 1), line(1000, 1), line(1000, 1)], UK, 'exclusive');
      expect(totals).toMatchObject({ subtotalMinor: 3, taxMinor: 0, totalMinor: 3 });
    });

    it('should apply each line its own rate', () => {
      const totals = computeTotals(
        [line(2000, 5000, 'STD'), line(1000, 1000, 'RED'), line(1000, 700, 'ZERO')],
        UK,
        'exclusive',
      );
      expect(totals.lines.map((computed) => computed.taxMinor)).toEqual([2000, 50, 0]);
      expect(totals).toMatchObject({ subtotalMinor: 11_700, taxMinor: 2050, totalMinor: 13_750 });
    });

    it('should name the line whose tax code the policy lacks', () => {
      expect(unknownTaxCodes([line(1, 1, 'STD'), line(1, 1, 'EXEMPT'), line(1, 1, 'std')], UK)).toEqual([1, 2]);
      const error = (() => {
        try {
          computeTotals([line(1000, 1), line(1000, 1, 'NOPE')], UK, 'exclusive');
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(UnknownTaxCodeError);
      expect(error).toMatchObject({ index: 1, code: 'NOPE' });
    });

    it('should refuse amounts a number cannot hold exactly', () => {
      const huge = line(1_000_000_000, 1_000_000_000_000);
      expect(() => computeTotals([huge], UK, 'exclusive')).toThrow(AmountTooLargeError);
      const justFits = line(1000, Number.MAX_SAFE_INTEGER, 'ZERO');
      expect(computeTotals([justFits], UK, 'exclusive').totalMinor).toBe(Number.MAX_SAFE_INTEGER);
      expect(() => computeTotals([justFits, line(1000, 1, 'ZERO')], UK, 'exclusive')).toThrow(AmountTooLargeError);
    });
  });

  describe('calendar dates', () => {
    it('should accept only real days written as YYYY-MM-DD', () => {
      expect(['2026-02-28', '2024-02-29'].every(isCalendarDate)).toBe(true);
      expect(['2026-02-29', '2026-13-01', '2026-1-01', '2026-01-01T00:00:00Z', 20260101].some(isCalendarDate)).toBe(
        false,
      );
    });

    it('should count days and years across month ends and leap days', () => {
      expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
      expect(addDays('2024-12-15', 30)).toBe('2025-01-14');
      expect(subtractYears('2031-03-01', 7)).toBe('2024-03-01');
      expect(subtractYears('2024-02-29', 7)).toBe('2017-02-28');
    });
  });
});
