import { VALID_BASIS_ACTIONS } from './contact-consents.types.js';

const VALID = VALID_BASIS_ACTIONS.map((action) => `'${action}'`).join(', ');

/**
 * The one statement of "has a valid basis for a purpose", as SQL: the contact's latest entry
 * for the purpose (by recorded_at, then seq) is a grant or a confirmed double opt-in. A
 * withdrawal, an objection or a pending double opt-in as the latest entry is no basis, and
 * neither is having no entry at all. Lists and exports put this in their WHERE clause, so a
 * withdrawal committed before the query starts is honoured by it.
 *
 * `contactAlias` is the alias of the contacts table in the caller's query; `purposeKeyParam`
 * the name of a bound parameter holding the purpose key.
 */
export function validBasisCondition(contactAlias: string, purposeKeyParam: string): string {
  return `EXISTS (
    SELECT 1 FROM consent_purposes consent_purpose
    CROSS JOIN LATERAL (
      SELECT consent_entry.action FROM contact_consent_entries consent_entry
      WHERE consent_entry.organization_id = consent_purpose.organization_id
        AND consent_entry.contact_id = ${contactAlias}.id
        AND consent_entry.purpose_id = consent_purpose.id
      ORDER BY consent_entry.recorded_at DESC, consent_entry.seq DESC
      LIMIT 1
    ) consent_latest
    WHERE consent_purpose.organization_id = ${contactAlias}.organization_id
      AND consent_purpose.key = :${purposeKeyParam}
      AND consent_latest.action IN (${VALID})
  )`;
}

/** The latest entry per contact and purpose, as of a moment (the chart and the state read it). */
export const LATEST_ORDER = 'recorded_at DESC, seq DESC';
export const VALID_ACTIONS_SQL = VALID;
