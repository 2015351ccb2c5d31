import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PURPOSE_KEY_PATTERN } from '../../consent/contacts/contact-consents.types.js';
import { TAG_PATTERN } from '../crm.dto.js';
import { CONTACT_LIST_KINDS } from '../crm.types.js';

/** Structured fields only: a saved filter never holds a name or other free text. */
export class ContactFilterDto {
  @IsOptional()
  @Matches(TAG_PATTERN, { message: 'filter.tag must be a lower-case word with dashes' })
  tag?: string;

  @IsOptional()
  @IsUUID('all')
  branchId?: string;

  @IsOptional()
  @IsUUID('all')
  ownerId?: string;

  @IsOptional()
  @IsUUID('all')
  clientId?: string;
}

export class ContactListItemResponseDto {
  id: string;
  /** @example Boiler plan renewals */
  name: string;
  /** @example static */
  kind: string;
  filter: ContactFilterDto | null;
  branchId: string | null;
  ownerId: string | null;
  /** The consent purpose the list is used for: reading it yields only contacts with a valid basis. */
  purposeKey: string | null;
  /** Members of a static list; null for a saved filter (it is evaluated when read). */
  memberCount: number | null;
  createdAt: Date;
  /** Last change of the list itself, not of its members (for `updatedSince`). */
  updatedAt: Date;
  version: number;
}

export class ContactListsResponseDto {
  items: ContactListItemResponseDto[];
}

export class ContactListCreateDto {
  @IsString()
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name: string;

  /** static: hand-picked members; saved_filter: everyone matching `filter` when read. */
  @IsIn(CONTACT_LIST_KINDS, { message: `kind must be one of ${CONTACT_LIST_KINDS.join(', ')}` })
  kind: (typeof CONTACT_LIST_KINDS)[number];

  @ValidateIf((body: ContactListCreateDto) => body.kind === 'saved_filter' || body.filter !== undefined)
  @ValidateNested()
  @Type(() => ContactFilterDto)
  filter?: ContactFilterDto;

  /** Limit the list to one branch; omit for the whole organization (managers must name one of theirs). */
  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;

  /**
   * Use the list for this consent purpose (e.g. `marketing-email`): reading it then yields
   * only contacts with a valid basis for it. null (on update) stops using it for a purpose.
   * @example marketing-email
   */
  @IsOptional()
  @Matches(PURPOSE_KEY_PATTERN, { message: 'purposeKey must be a purpose key such as marketing-email' })
  purposeKey?: string | null;
}

export class ContactListUpdateDto {
  @IsInt()
  version: number;

  @IsOptional()
  @IsString()
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ContactFilterDto)
  filter?: ContactFilterDto;

  /**
   * Use the list for this consent purpose (e.g. `marketing-email`): reading it then yields
   * only contacts with a valid basis for it. null (on update) stops using it for a purpose.
   * @example marketing-email
   */
  @IsOptional()
  @Matches(PURPOSE_KEY_PATTERN, { message: 'purposeKey must be a purpose key such as marketing-email' })
  purposeKey?: string | null;
}

export class ContactListMembersDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'contactIds must hold contact ids' })
  contactIds: string[];
}

export class ContactListMembersAddedResponseDto {
  /** How many were not yet members. */
  added: number;
}
