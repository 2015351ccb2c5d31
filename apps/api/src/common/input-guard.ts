import { AppError } from './app-error.js';

/** Deeper than any request this API defines, far shallower than what overflows a stack. */
export const MAX_INPUT_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first check of every body, query and path value, before class-transformer sees it:
 * - nesting deeper than MAX_INPUT_DEPTH (a few thousand levels overflow the transformer's
 *   recursion, a 500 before sign-in);
 * - NUL characters and lone UTF-16 surrogates in strings or keys, which PostgreSQL cannot
 *   store as text or jsonb (the insert, or the audit entry of the change, would fail);
 * - `__proto__`, `constructor` and `prototype` as field names, which the whitelist of
 *   unknown fields does not see and which could reach an object's prototype.
 * One iterative walk, linear in the size of the input and with no recursion of its own.
 */
export function assertSafeInput(value: unknown): void {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const { value: current, path, depth } = stack.pop() as (typeof stack)[number];
    if (typeof current === 'string') {
      if (!isStorableText(current))
        throw refuse(
          path,
          `${path || 'the value'} contains a character that cannot be stored (a NUL or an unpaired surrogate)`,
        );
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_INPUT_DEPTH)
      throw refuse(path, `${path || 'the body'} is nested more than ${MAX_INPUT_DEPTH} levels deep`);
    for (const key of Object.keys(current)) {
      const child = join(path, key, Array.isArray(current));
      if (FORBIDDEN_KEYS.has(key)) throw refuse(child, `${key} is not an allowed field name`);
      if (!isStorableText(key)) throw refuse(path, `${path || 'the body'} has a field name that cannot be stored`);
      stack.push({ value: (current as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isStorableText = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

const join = (path: string, key: string, isArray: boolean) =>
  isArray ? `${path}[${key}]` : path ? `${path}.${key}` : key;

const refuse = (field: string, message: string) =>
  new AppError('validation-failed', message, { errors: [{ field: field || 'body', message }] });
