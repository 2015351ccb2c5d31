/** A subject or record column of a table that a hold on that subject or record covers. */
export interface HeldColumn {
  /** `client`, `contact`, `user`, or a record kind (`invoice`, `job`…). */
  kind: string;
  column: string;
}

/**
 * SQL that is true when an active legal hold (table `legal_holds`, owned by the retention
 * context) covers row `t`: a hold on its organization, or on a subject or record one of its
 * `held` columns names. The one fragment every purge and preview uses, so "excludes held
 * rows" is written once. Kinds and columns come from code, never from input.
 */
export function heldBy(organizationColumn: string, held: HeldColumn[] = []): string {
  const targets = held.map(({ kind, column }) => ` OR (h.target_kind = '${kind}' AND h.target_id = t.${column})`);
  return `EXISTS (SELECT 1 FROM legal_holds h
     WHERE h.released_at IS NULL AND h.organization_id = t.${organizationColumn}
       AND (h.scope = 'organization'${targets.join('')}))`;
}
