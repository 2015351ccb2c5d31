import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from './calendar-date.js';
import { quantityToMilli } from './invoice-totals.js';

/** A real calendar day written as YYYY-MM-DD; the message names the field. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ property }) => `${property} must be a date like 2026-04-01`,
        ...options,
      },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

/** Upper-case letters, digits and underscores, e.g. STD, RED, ZERO. */
export const TAX_CODE_PATTERN = /^[A-Z0-9_]{1,12}$/;
export const TAX_CODE_MESSAGE = 'must be 1 to 12 upper-case letters, digits or underscores, such as STD';

/** Largest quantity on a line, and largest unit price (minor units). */
export const MAX_QUANTITY = 1_000_000;
export const MAX_UNIT_PRICE_MINOR = 100_000_000_000_000;

/**
 * A quantity above zero with at most three decimals (1.5 hours, 0.25 kg), read from its
 * decimal text so it becomes exact thousandths.
 */
export function IsQuantity(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isQuantity',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `quantity must be a number above 0 and up to ${MAX_QUANTITY}, with at most three decimals`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'number') return false;
          const milli = quantityToMilli(value);
          return milli !== null && milli > 0 && milli <= MAX_QUANTITY * 1000;
        },
      },
    });
}
