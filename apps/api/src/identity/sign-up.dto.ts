import { IsBoolean, IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/** Date of birth or an age confirmation: the age gate needs one of them. */
export class AgeAnswerDto {
  /** Checked against the minimum age and then forgotten: never stored, never logged. @example 1990-04-23 */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date like 1990-04-23' })
  dateOfBirth?: string;

  /** "I am at least the minimum age", instead of a date of birth. */
  @IsOptional()
  @IsBoolean()
  confirmAge?: boolean;
}

export class SignUpDto extends AgeAnswerDto {
  /** Your company: a new organization, with you as its owner. @example Riverside Plumbing */
  @IsString()
  @Length(2, 200, { message: 'organizationName must be 2 to 200 characters' })
  organizationName: string;

  /** @example Ada Lovelace */
  @IsString()
  @Length(1, 200, { message: 'fullName must be 1 to 200 characters' })
  fullName: string;

  /** @example ada@riverside.example */
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  /** At least 12 characters; the commonest passwords are refused. */
  @IsString()
  @MaxLength(128)
  password: string;
}

export class TokenDto {
  /** The token from the emailed link. */
  @IsString()
  @Length(20, 200)
  token: string;
}

export class EmailDto {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}
