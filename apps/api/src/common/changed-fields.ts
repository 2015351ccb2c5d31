/** The names of the fields a patch changes (values are never logged); `version` is not a field. */
export const changedFields = (patch: object): string[] =>
  Object.entries(patch)
    .filter(([key, value]) => value !== undefined && key !== 'version')
    .map(([key]) => key)
    .sort();
