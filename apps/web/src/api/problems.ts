import { ApiProblem } from '#api-client';

/** The ApiProblem a failed call threw, or null for anything else. */
export const problemOf = (error: unknown): ApiProblem | null => (error instanceof ApiProblem ? error : null);

/**
 * Messages per field, for forms. Unlike ApiProblem.fieldErrors() it keeps every message of
 * a field: a password can break two rules at once, and the person should see both.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const { field, message } of problemOf(error)?.problem.errors ?? []) {
    messages[field] = messages[field] ? `${messages[field]}; ${message}` : message;
  }
  return messages;
}

/** A problem that is not about one field: shown as an alert above the form. */
export const formProblemOf = (error: unknown): ApiProblem | null => {
  const problem = problemOf(error);
  return problem && !problem.problem.errors?.length ? problem : null;
};
