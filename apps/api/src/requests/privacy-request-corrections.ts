import { isEmail } from 'class-validator';
import { AppError } from '../common/app-error.js';
import type { ProposedCorrectionDto } from './privacy-requests.dto.js';
import type { CorrectionField, CorrectionState, RequestType } from './privacy-requests.types.js';

/** The same bounds the CRM's contact and profile updates apply, checked when the request arrives. */
const RULES: Record<CorrectionField, { min: number; max: number; email?: boolean }> = {
  fullName: { min: 1, max: 200 },
  email: { min: 3, max: 254, email: true },
  phone: { min: 3, max: 40 },
  jobTitle: { min: 1, max: 120 },
  company: { min: 1, max: 200 },
};

const invalid = (field: string, message: string) =>
  new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });

/**
 * Checks what a request proposes: corrections only on a rectification, each field once,
 * each value within the bounds of the record it will land in. Returns the proposals as
 * `{ field: value }` (to seal) and the per-field states (field names only).
 */
export const proposedCorrections = (
  type: RequestType,
  corrections: ProposedCorrectionDto[] | undefined,
): { values: Partial<Record<CorrectionField, string>>; states: CorrectionState[] } | null => {
  if (!corrections || corrections.length === 0) return null;
  if (type !== 'rectification') throw invalid('corrections', 'only a rectification request proposes corrections');
  const values: Partial<Record<CorrectionField, string>> = {};
  for (const [index, { field, value }] of corrections.entries()) {
    const rule = RULES[field];
    if (values[field] !== undefined) throw invalid(`corrections.${index}.field`, `${field} is proposed twice`);
    if (value.length < rule.min || value.length > rule.max) {
      throw invalid(`corrections.${index}.value`, `${field} must be ${rule.min} to ${rule.max} characters`);
    }
    if (rule.email && !isEmail(value)) throw invalid(`corrections.${index}.value`, 'email must be an email address');
    values[field] = value;
  }
  return {
    values,
    states: Object.keys(values).map((field) => ({ field: field as CorrectionField, decision: 'proposed' })),
  };
};
