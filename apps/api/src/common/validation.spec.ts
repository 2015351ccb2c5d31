import { Type } from 'class-transformer';
import { IsEmail, IsString, MaxLength, ValidateNested } from 'class-validator';
import { AppError } from './app-error.js';
import { createValidationPipe } from './validation.js';

class AddressDto {
  @IsString() city: string;
}
class SampleCreateDto {
  @IsString() @MaxLength(5) name: string;
  @IsEmail() email: string;
  @ValidateNested() @Type(() => AddressDto) address: AddressDto;
}

describe('validation pipe', () => {
  const sut = createValidationPipe();
  const run = (value: unknown) => sut.transform(value, { type: 'body', metatype: SampleCreateDto });

  it('should refuse unknown fields instead of dropping them', async () => {
    const error = await run({ name: 'Ada', email: 'ada@example.test', address: { city: 'X' }, isAdmin: true }).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('validation-failed');
    expect(error.extensions.errors).toEqual([{ field: 'isAdmin', message: 'property isAdmin should not exist' }]);
  });

  it('should report every bad field with its path', async () => {
    const error = await run({ name: 'Too long', email: 'nope', address: { city: 3 } }).catch((caught) => caught);
    expect(error.extensions.errors.map((entry: { field: string }) => entry.field).sort()).toEqual([
      'address.city',
      'email',
      'name',
    ]);
  });

  it('should pass a valid body through as the DTO class', async () => {
    const value = await run({ name: 'Ada', email: 'ada@example.test', address: { city: 'London' } });
    expect(value).toBeInstanceOf(SampleCreateDto);
    expect(value.address).toBeInstanceOf(AddressDto);
  });
});
