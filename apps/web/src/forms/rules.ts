/** Client-side rules several forms share, worded as the sentences people read under a field. */

/** As the API's password policy: at least 12 characters (it also refuses the commonest ones). */
export const MIN_PASSWORD_LENGTH = 12;

export const newPasswordRule = (password: string) =>
  password.length >= MIN_PASSWORD_LENGTH
    ? null
    : `Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong, memorable password.`;

/** The age gate: a date of birth, or the tick instead. */
export const ageRule = (dateOfBirth: string, values: { confirmAge: boolean }) =>
  dateOfBirth || values.confirmAge ? null : 'Give your date of birth, or tick the box below instead.';
