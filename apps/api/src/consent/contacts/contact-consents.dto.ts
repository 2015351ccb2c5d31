import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Min, ValidateIf } from 'class-validator';
import {
  CONSENT_LAWFUL_BASES,
  CONSENT_SOURCES,
  type ConsentLawfulBasis,
  type ConsentSource,
  PURPOSE_KEY_PATTERN,
  RECORDABLE_ACTIONS,
  type RecordableAction,
} from './contact-consents.types.js';

/** Sources staff and integrators may state; `double-opt-in` is the confirmation link's own. */
const RECORDED_SOURCES = CONSENT_SOURCES.filter((source) => source !== 'double-opt-in');

export class ContactConsentRecordDto {
  /** @example marketing-email */
  @Matches(PURPOSE_KEY_PATTERN, { message: 'purposeKey must be a purpose key such as marketing-email' })
  purposeKey: string;

  /** granted, or withdrawn / objected (each adds an entry; nothing is overwritten). @example granted */
  @IsIn(RECORDABLE_ACTIONS, { message: `action must be one of ${RECORDABLE_ACTIONS.join(', ')}` })
  action: RecordableAction;

  /** Required with `granted`: consent, or another basis (legitimate-interests for a customer's soft opt-in). @example consent */
  @ValidateIf((body: ContactConsentRecordDto) => body.action === 'granted' || body.lawfulBasis !== undefined)
  @IsIn(CONSENT_LAWFUL_BASES, {
    message: `lawfulBasis must be one of ${CONSENT_LAWFUL_BASES.join(', ')} (required when granting)`,
  })
  lawfulBasis?: ConsentLawfulBasis;

  /** Where the person said so. @example phone */
  @IsIn(RECORDED_SOURCES, { message: `source must be one of ${RECORDED_SOURCES.join(', ')}` })
  source: ConsentSource;

  /** The wording version the person was shown (granting only); defaults to the current one. @example 1 */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'wordingVersion must be a whole number' })
  @Min(1, { message: 'wordingVersion must be 1 or more' })
  wordingVersion?: number;
}

export class ConsentRecorderDto {
  /** user, api_key or subject (the person, through the double opt-in) @example user */
  kind: string;
  id: string | null;
}

export class ContactConsentEntryResponseDto {
  id: string;
  /** @example marketing-email */
  purposeKey: string;
  /** @example Marketing email */
  purposeName: string;
  /** @example granted */
  action: string;
  /** @example consent */
  lawfulBasis: string | null;
  /** @example phone */
  source: string;
  /** The wording version shown; null for a withdrawal or objection. @example 1 */
  wordingVersion: number | null;
  recordedAt: Date;
  recordedBy: ConsentRecorderDto;
}

export class ContactConsentStateDto {
  /** @example marketing-email */
  purposeKey: string;
  purposeName: string;
  channel: string;
  marketing: boolean;
  /** The latest entry's action, or `none`. @example withdrawn */
  status: string;
  /** Whether the organization may process for this purpose now (latest entry granted or confirmed). */
  validBasis: boolean;
  lawfulBasis: string | null;
  since: Date | null;
  archived: boolean;
}

export class ContactConsentsResponseDto {
  contactId: string;
  purposes: ContactConsentStateDto[];
  /** Every entry, oldest first. */
  history: ContactConsentEntryResponseDto[];
}

export class ConsentReceiptEntryDto extends ContactConsentEntryResponseDto {
  /** The exact words shown with this entry. */
  wordingText: string | null;
}

/** A stable, machine-readable proof of a contact's consents (`format` names its version). */
export class ConsentReceiptDto {
  /** @example steward.consent-receipt/1 */
  format: string;
  organizationId: string;
  contactId: string;
  generatedAt: Date;
  purposes: ContactConsentStateDto[];
  entries: ConsentReceiptEntryDto[];
}
