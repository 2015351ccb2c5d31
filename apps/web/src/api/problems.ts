import { ApiProblem } from '#api-client';

/** The ApiProblem a failed call threw, or null for anything else. */
export const problemOf = (error: unknown): ApiProblem | null => (error instanceof ApiProblem ? error : null);

/** `clientId` → "Client", `address.line1` → "Address line1": an API field name in words. */
const fieldInWords = (field: string) => {
  const words = field
    .replace(/Id$/, '')
    .replace(/\./g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * A message as a sentence people read: the API's field name at its start replaced by the
 * form's label (or the name in words), a capital, a full stop.
 */
export function asSentence(message: string, field?: string, label?: string): string {
  let text = message.trim();
  if (field && text.startsWith(`${field} `)) text = `${label ?? fieldInWords(field)}${text.slice(field.length)}`;
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/**
 * Messages per field, as sentences, for forms that hold their own state (forms on
 * @mantine/form use forms/form-errors.ts). Unlike ApiProblem.fieldErrors() it keeps every
 * message of a field, each once: a password can break two rules at once, and the person
 * should see both.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const messages: Record<string, Set<string>> = {};
  for (const { field, message } of problemOf(error)?.problem.errors ?? []) {
    messages[field] = (messages[field] ?? new Set()).add(asSentence(message, field));
  }
  return Object.fromEntries(Object.entries(messages).map(([field, set]) => [field, [...set].join(' ')]));
}

/** A problem that is not about one field: shown as an alert above the form. */
export const formProblemOf = (error: unknown): ApiProblem | null => {
  const problem = problemOf(error);
  return problem && !problem.problem.errors?.length ? problem : null;
};
