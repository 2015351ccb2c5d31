import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { asSentence, problemOf } from '../api/problems';

export { asSentence };

/** How an API field shows in a form: its label, and the form's path when it differs. */
export type FieldMap = Record<string, { label: string; path?: string }>;

/**
 * The one place a problem's `errors[]` reach a form: each message as a sentence, once per
 * field (the same rule broken twice is said once), set on the field it names. Messages for
 * fields the form does not show come back, to be shown above the form.
 */
export function applyFieldErrors<Values>(
  form: UseFormReturnType<Values, never> | UseFormReturnType<Values>,
  error: unknown,
  fields: FieldMap,
): string[] {
  const byPath = new Map<string, Set<string>>();
  const elsewhere = new Set<string>();
  for (const { field, message } of problemOf(error)?.problem.errors ?? []) {
    const known = fields[field];
    const sentence = asSentence(message, field, known?.label);
    if (!known) {
      elsewhere.add(sentence);
      continue;
    }
    const path = known.path ?? field;
    byPath.set(path, (byPath.get(path) ?? new Set()).add(sentence));
  }
  form.setErrors(Object.fromEntries([...byPath].map(([path, messages]) => [path, [...messages].join(' ')])));
  return [...elsewhere];
}

/** Client-side rules' messages as sentences too. */
export const sentenceRule =
  <Value, Values>(rule: (value: Value, values: Values) => string | null | undefined) =>
  (value: Value, values: Values): string | null => {
    const message = rule(value, values);
    return message ? asSentence(message) : null;
  };

/**
 * After a refused submit, the first field in error (in the order people read the form)
 * takes the focus and is scrolled into view. Call `focusFirstError` when errors are set;
 * the focus moves once they show.
 */
export function useFirstErrorFocus<Root extends HTMLElement = HTMLFormElement>() {
  const ref = useRef<Root>(null);
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current) return;
    // PasswordInput marks its input with data-invalid only (its wrapper is a div).
    const field = ref.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"], input[data-invalid="true"], textarea[data-invalid="true"]',
    );
    if (!field) return;
    pending.current = false;
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  });
  return {
    ref,
    focusFirstError: () => {
      pending.current = true;
    },
  };
}
