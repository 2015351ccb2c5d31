import { i18n } from '../i18n/i18n';

/**
 * Client-side rules several forms share, worded as the sentences people read under a field,
 * in the reader's language (`formRules` in the catalogues; read when the rule runs).
 */

/** As the API's password policy: at least 12 characters (it also refuses the commonest ones). */
export const MIN_PASSWORD_LENGTH = 12;

export const newPasswordRule = (password: string) =>
  password.length >= MIN_PASSWORD_LENGTH ? null : i18n.t('formRules.passwordTooShort', { min: MIN_PASSWORD_LENGTH });

/** The age gate: a date of birth, or the tick instead. */
export const ageRule = (dateOfBirth: string, values: { confirmAge: boolean }) =>
  dateOfBirth || values.confirmAge ? null : i18n.t('formRules.ageMissing');
