import { type ArgumentMetadata, type ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, type FieldError } from './app-error.js';
import { assertSafeInput } from './input-guard.js';

/** class-validator errors as field paths and messages (nested: `address.country`). */
export function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Every input passes the cheap structural guard before class-transformer walks it. */
class GuardedValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata) {
    assertSafeInput(value);
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused, not silently dropped: a typo should not lose data. */
export const createValidationPipe = () =>
  new GuardedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return new AppError('validation-failed', fieldErrors.map((error) => error.message).join('; '), {
        errors: fieldErrors,
      });
    },
  });
