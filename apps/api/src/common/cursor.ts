import { AppError } from './app-error.js';

/**
 * Opaque page cursors: the sort key of the last item of a page, base64url-encoded JSON.
 * Clients pass them back untouched; a cursor that does not decode is a 400, not a crash.
 */
export const encodeCursor = (position: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify(position)).toString('base64url');

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (cursor === undefined) return null;
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(position) &&
      position.length === arity &&
      position.every((part) => typeof part === 'string' || typeof part === 'number')
    ) {
      return position;
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError('validation-failed', 'cursor is not a cursor this API handed out', {
    errors: [{ field: 'cursor', message: 'cursor is not a cursor this API handed out' }],
  });
}
