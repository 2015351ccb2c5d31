import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { PolicyVersionEntity } from './entities/policy-version.entity.js';
import type { PrivacyContactEntity } from './entities/privacy-contact.entity.js';
import type { SubProcessorEntity } from './entities/sub-processor.entity.js';
import type { DraftView, PolicyView } from './policies.service.js';
import type { PolicyFacts } from './policy-facts.types.js';
import type { SectionChange } from './policy-render.js';
import { FACT_BLOCKS, type FactBlock } from './policy-sections.js';

export class PolicySectionDto {
  /** Stable key of the section, unique in the document. @example retention */
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'key must be lowercase letters, digits and dashes (up to 40)' })
  key: string;

  /** @example Data Retention and Deletion */
  @IsString()
  @Length(1, 120, { message: 'title must be 1 to 120 characters' })
  title: string;

  /** Text before the facts; paragraphs separated by a blank line. */
  @IsString()
  @MaxLength(5000, { message: 'prose must be at most 5000 characters' })
  prose: string;

  /** The block of facts this section states, rendered from live settings; null for prose only. @example retention */
  @IsOptional()
  @IsIn(FACT_BLOCKS, { message: `facts must be one of ${FACT_BLOCKS.join(', ')}, or null` })
  facts: FactBlock | null;

  /** Text after the facts. */
  @IsString()
  @MaxLength(5000, { message: 'closing must be at most 5000 characters' })
  closing: string;
}

export class RenderedSectionDto extends PolicySectionDto {
  /** The facts as the sentences a reader sees. */
  statements: string[];
}

export class PolicyVersionResponseDto {
  /** @example 3 */
  number: number;
  /** @example published */
  status: string;
  /** @example 2026-12-02 */
  effectiveDate: string | null;
  lastUpdated: Date;
  changeNote: string | null;
  /** The cookie section's revision: the consent banner asks again when it rises. */
  cookieRevision: number;
  /** True when the live facts differ from those this version was published with. */
  factsChangedSincePublication: boolean;
  sections: RenderedSectionDto[];
  /** The facts behind the statements, as structured data. */
  facts: Record<string, unknown>;
}

export class PolicyDocumentResponseDto extends PolicyVersionResponseDto {
  /** @example Privacy Policy */
  title: string;
  /** Whose document: null for the platform's policy. */
  organization: { name: string; slug: string } | null;
}

export class SectionChangeDto {
  key: string;
  title: string;
  removed: string[];
  added: string[];
}

export class PolicyDraftResponseDto extends PolicyVersionResponseDto {
  /** Send back when saving or publishing: a stale draft is refused with 409. */
  draftVersion: number;
  /** What publishing changes, against the published version. */
  changes: SectionChangeDto[];
}

export class PolicyHistoryItemDto {
  number: number;
  status: string;
  effectiveDate: string | null;
  publishedAt: Date | null;
  changeNote: string | null;
}

export class PolicyHistoryResponseDto {
  items: PolicyHistoryItemDto[];
}

export class PolicyDraftUpdateDto {
  /** The draftVersion you read. */
  @IsInt()
  @Min(1)
  version: number;

  @IsArray()
  @ArrayMinSize(1, { message: 'sections must list at least one section' })
  @ArrayMaxSize(30, { message: 'sections may list at most 30 sections' })
  @ValidateNested({ each: true })
  @Type(() => PolicySectionDto)
  sections: PolicySectionDto[];
}

export class PolicyPublishDto {
  /** The draftVersion you reviewed. */
  @IsInt()
  @Min(1)
  version: number;

  /** What changed, in a sentence readers see in the version history. @example Sessions are now kept 14 days after they end. */
  @IsString()
  @Length(3, 500, { message: 'changeNote must be 3 to 500 characters' })
  changeNote: string;
}

export class PolicyAcceptanceStatusDto {
  current: { number: number; effectiveDate: string | null };
  /** The highest version this user accepted, or null. */
  accepted: number | null;
  /** True: the API refuses other requests with policy-acceptance-required until accepted. */
  required: boolean;
}

export class PolicyAcceptDto {
  /** The version number you read and accept. @example 2 */
  @IsInt()
  @Min(1)
  number: number;
}

export class ProcessorInputDto {
  /** @example Amazon Web Services */
  @IsString()
  @Length(2, 120, { message: 'name must be 2 to 120 characters' })
  name: string;

  /** @example Hosting, storage and compute */
  @IsString()
  @Length(2, 300, { message: 'purpose must be 2 to 300 characters' })
  purpose: string;

  /** @example ["Account profile", "CRM records"] */
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(2, 80, { each: true, message: 'each data category must be 2 to 80 characters' })
  dataCategories: string[];

  /** @example the European Union (Ireland) */
  @IsString()
  @Length(2, 120, { message: 'location must be 2 to 120 characters' })
  location: string;

  /** @example Standard Contractual Clauses */
  @IsString()
  @Length(2, 200, { message: 'safeguard must be 2 to 200 characters' })
  safeguard: string;

  /** @example 2026-01-15 */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'dpaDate must be a date such as 2026-01-15' })
  dpaDate: string | null;
}

export class ProcessorUpdateDto extends ProcessorInputDto {
  @IsInt()
  version: number;
}

export class ProcessorResponseDto {
  id: string;
  name: string;
  purpose: string;
  dataCategories: string[];
  location: string;
  safeguard: string;
  dpaDate: string | null;
  version: number;
}

export class ProcessorListResponseDto {
  items: ProcessorResponseDto[];
}

export class PrivacyContactDto {
  /** @example Acme Services Ltd */
  @IsString()
  @Length(2, 200, { message: 'controllerName must be 2 to 200 characters' })
  controllerName: string;

  /** @example privacy@acme.example */
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  /** @example Data Protection Officer */
  @IsOptional()
  @IsString()
  @Length(2, 200)
  dpoName: string | null;

  @IsOptional()
  @IsEmail({}, { message: 'dpoEmail must be an email address' })
  @MaxLength(254)
  dpoEmail: string | null;

  @IsOptional()
  @IsString()
  @Length(2, 400)
  postalAddress: string | null;

  @IsOptional()
  @Matches(/^[+0-9 ()-]{5,40}$/, { message: 'phone must be a phone number such as +44 20 7946 0000' })
  phone: string | null;

  /** @example Data Protection Commission (Ireland) */
  @IsString()
  @Length(2, 200, { message: 'authorityName must be 2 to 200 characters' })
  authorityName: string;

  @IsOptional()
  @IsUrl({ require_protocol: true }, { message: 'authorityUrl must be a web address starting with https://' })
  @MaxLength(400)
  authorityUrl: string | null;
}

export const toVersionResponse = (view: PolicyView): PolicyVersionResponseDto => ({
  number: view.number,
  status: view.status,
  effectiveDate: view.effectiveDate,
  lastUpdated: view.lastUpdated,
  changeNote: view.changeNote,
  cookieRevision: view.cookieRevision,
  factsChangedSincePublication: view.factsChangedSincePublication,
  sections: view.sections,
  facts: view.facts as PolicyFacts & Record<string, unknown>,
});

export const toDraftResponse = (view: DraftView): PolicyDraftResponseDto => ({
  ...toVersionResponse(view),
  draftVersion: view.draftVersion,
  changes: view.changes satisfies SectionChange[],
});

export const toHistoryItem = (version: PolicyVersionEntity): PolicyHistoryItemDto => ({
  number: version.number,
  status: version.status,
  effectiveDate: version.effectiveDate,
  publishedAt: version.publishedAt,
  changeNote: version.changeNote,
});

export const toProcessorResponse = (entry: SubProcessorEntity): ProcessorResponseDto => ({
  id: entry.id,
  name: entry.name,
  purpose: entry.purpose,
  dataCategories: entry.dataCategories,
  location: entry.location,
  safeguard: entry.safeguard,
  dpaDate: entry.dpaDate,
  version: entry.version,
});

export const toContactResponse = (contact: PrivacyContactEntity | null): PrivacyContactDto | null =>
  contact
    ? {
        controllerName: contact.controllerName,
        email: contact.email,
        dpoName: contact.dpoName,
        dpoEmail: contact.dpoEmail,
        postalAddress: contact.postalAddress,
        phone: contact.phone,
        authorityName: contact.authorityName,
        authorityUrl: contact.authorityUrl,
      }
    : null;

export class PolicyDraftEnvelopeDto {
  /** The draft waiting to be published, or null when the published version says it all. */
  draft: PolicyDraftResponseDto | null;
}

export class PrivacyContactEnvelopeDto {
  /** Null until the controller publishes its contact details. */
  contact: PrivacyContactDto | null;
}
