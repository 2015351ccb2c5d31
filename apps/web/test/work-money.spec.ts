import { formatPercent, minorToDecimal, parseMoney, parsePercent, parseQuantity } from '../src/pages/work/money.js';

describe('money', () => {
  it('should read amounts by their digits, never through a float', () => {
    expect(parseMoney('12.50', 'GBP')).toEqual({ ok: true, value: 1250 });
    expect(parseMoney('0.29', 'GBP')).toEqual({ ok: true, value: 29 });
    expect(parseMoney('1,234.5', 'EUR')).toEqual({ ok: true, value: 123450 });
    expect(parseMoney('.5', 'GBP')).toEqual({ ok: true, value: 50 });
    expect(parseMoney('700', 'JPY')).toEqual({ ok: true, value: 700 });
    expect(parseMoney('1.234', 'BHD')).toEqual({ ok: true, value: 1234 });
  });

  it('should refuse more decimals than the currency has, negatives and words', () => {
    expect(parseMoney('1.005', 'GBP').ok).toBe(false);
    expect(parseMoney('1.5', 'JPY').ok).toBe(false);
    expect(parseMoney('-3', 'GBP').ok).toBe(false);
    expect(parseMoney('ten', 'GBP').ok).toBe(false);
    expect(parseMoney('', 'GBP').ok).toBe(false);
    expect(parseMoney('.', 'GBP').ok).toBe(false);
    expect(parseMoney('99999999999999999', 'GBP').ok).toBe(false);
  });

  it('should write minor units back as exact decimals', () => {
    expect(minorToDecimal(1250, 'GBP')).toBe('12.50');
    expect(minorToDecimal(5, 'GBP')).toBe('0.05');
    expect(minorToDecimal(-5, 'GBP')).toBe('-0.05');
    expect(minorToDecimal(700, 'JPY')).toBe('700');
  });

  it('should read quantities with up to three decimals', () => {
    expect(parseQuantity('1.5')).toEqual({ ok: true, value: 1.5 });
    expect(parseQuantity('0.125')).toEqual({ ok: true, value: 0.125 });
    expect(parseQuantity('2.000')).toEqual({ ok: true, value: 2 });
    expect(parseQuantity('0').ok).toBe(false);
    expect(parseQuantity('1.2345').ok).toBe(false);
  });

  it('should turn percents into basis points and back', () => {
    expect(parsePercent('20')).toEqual({ ok: true, value: 2000 });
    expect(parsePercent('5.5')).toEqual({ ok: true, value: 550 });
    expect(parsePercent('0.01%')).toEqual({ ok: true, value: 1 });
    expect(parsePercent('100.5').ok).toBe(false);
    expect(parsePercent('1.234').ok).toBe(false);
    expect(formatPercent(2000)).toBe('20');
    expect(formatPercent(550)).toBe('5.5');
    expect(formatPercent(1)).toBe('0.01');
  });
});
