import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class PasswordResetRequestDto {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmDto {
  /** The token from the emailed link. */
  @IsString()
  @Length(20, 200)
  token: string;

  @IsString()
  @MaxLength(128)
  password: string;
}
