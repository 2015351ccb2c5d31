import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PURPOSE_KEY_PATTERN } from '../../consent/contacts/contact-consents.types.js';
import { AddressDto, CrmListQueryDto, TAG_MESSAGE, TAG_PATTERN } from '../crm.dto.js';

export class ContactResponseDto {
  id: string;
  clientId: string | null;
  /** @example Rita Rivers */
  fullName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  address: AddressDto | null;
  notes: string | null;
  tags: string[];
  ownerId: string | null;
  branchId: string;
  lastActivityAt: Date | null;
  /** Processing is restricted (GDPR Art. 18): the record is read-only. */
  restricted: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export class ContactListResponseDto {
  items: ContactResponseDto[];
  nextCursor: string | null;
}

export class ContactListQueryDto extends CrmListQueryDto {
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId?: string;

  /** Contacts of a contact list (static members, or the saved filter applied). */
  @IsOptional()
  @IsUUID('all', { message: 'listId must be a contact list id' })
  listId?: string;

  /**
   * Only contacts with a valid consent basis for this purpose (its key, e.g. `marketing-email`):
   * their latest ledger entry is a grant or a confirmed double opt-in. Applied in the query itself.
   * @example marketing-email
   */
  @IsOptional()
  @Matches(PURPOSE_KEY_PATTERN, { message: 'purpose must be a purpose key such as marketing-email' })
  purpose?: string;
}

export class ContactCreateDto {
  /** The client the person works for, if any. */
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId?: string | null;

  /** @example Rita Rivers */
  @IsString()
  @Length(1, 200, { message: 'fullName must be 1 to 200 characters' })
  fullName: string;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @IsOptional()
  @IsString()
  @Length(3, 40, { message: 'phone must be 3 to 40 characters' })
  phone?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  jobTitle?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  tags?: string[];

  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string | null;

  /** Defaults to the client's branch. */
  @IsOptional()
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;
}

export class ContactUpdateDto {
  @IsInt()
  version: number;

  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a client id' })
  clientId?: string | null;

  @ValidateIf((body: ContactUpdateDto) => body.fullName !== undefined)
  @IsString()
  @Length(1, 200, { message: 'fullName must be 1 to 200 characters' })
  fullName?: string;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @IsOptional()
  @IsString()
  @Length(3, 40, { message: 'phone must be 3 to 40 characters' })
  phone?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  jobTitle?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  tags?: string[];

  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string | null;

  @ValidateIf((body: ContactUpdateDto) => body.branchId !== undefined)
  @IsUUID('all', { message: 'branchId must be a branch id' })
  branchId?: string;
}

export class ContactImportQueryDto {
  /** Row number of this chunk's header in the whole file (1 for a whole file), so errors name the right rows. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  firstRow?: number;

  /** Validate only; create nothing. */
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  dryRun?: boolean;
}

export class ImportErrorDto {
  /** @example 14 */
  row: number;
  /** @example email */
  field: string;
  message: string;
}

export class ContactImportResponseDto {
  received: number;
  created: number;
  failed: number;
  errors: ImportErrorDto[];
  /** Header names that matched no column and were ignored. */
  unknownColumns: string[];
}

/** The list's filters; with `purpose`, only those who may be contacted for it (marketing exports). */
export class ContactExportQueryDto extends ContactListQueryDto {}
