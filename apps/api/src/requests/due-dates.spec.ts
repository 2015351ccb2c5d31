import { addBusinessDays, addMonths, daysLeft, dueDateOf, extendedDueDate } from './due-dates.js';

describe('due dates of data-subject requests', () => {
  it('should give a right the response period from receipt', () => {
    expect(dueDateOf('erasure', new Date('2026-03-01T10:00:00Z'), 30).toISOString()).toBe('2026-03-31T10:00:00.000Z');
  });

  it('should give an inquiry two business days, skipping the weekend', () => {
    // Friday → Tuesday
    expect(dueDateOf('inquiry', new Date('2026-12-04T10:00:00Z'), 30).toISOString()).toBe('2026-12-08T10:00:00.000Z');
    expect(addBusinessDays(new Date('2026-12-07T10:00:00Z'), 2).toISOString()).toBe('2026-12-09T10:00:00.000Z');
  });

  it('should extend by calendar months, clamped to the end of a shorter month', () => {
    expect(addMonths(new Date('2026-12-31T08:00:00Z'), 2).toISOString()).toBe('2027-02-28T08:00:00.000Z');
    expect(extendedDueDate(new Date('2026-01-15T08:00:00Z'), 1).toISOString()).toBe('2026-02-15T08:00:00.000Z');
  });

  it('should refuse an extension beyond two months', () => {
    expect(() => extendedDueDate(new Date(), 3)).toThrow(RangeError);
    expect(() => extendedDueDate(new Date(), 0)).toThrow(RangeError);
  });

  it('should count whole days left, negative once overdue', () => {
    const due = new Date('2026-03-10T12:00:00Z');
    expect(daysLeft(due, new Date('2026-03-09T12:00:00Z'))).toBe(1);
    expect(daysLeft(due, new Date('2026-03-09T13:00:00Z'))).toBe(1);
    expect(daysLeft(due, new Date('2026-03-10T13:00:00Z'))).toBe(-1);
  });
});
