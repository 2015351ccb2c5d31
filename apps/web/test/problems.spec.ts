import { ApiProblem } from '#api-client';
import { asSentence, fieldErrorsOf } from '../src/api/problems.js';

const problem = (errors: Array<{ field: string; message: string }>) =>
  new ApiProblem({
    type: 'urn:steward:problem:validation',
    title: 'Invalid request',
    status: 400,
    detail: '',
    instance: '/api/v1/clients',
    code: 'validation',
    requestId: 'test',
    errors,
  });

describe('the error normaliser', () => {
  it('should turn an API message into a sentence with the field in words', () => {
    expect(asSentence('amountMinor must be above 0', 'amountMinor', 'Amount')).toBe('Amount must be above 0.');
    expect(asSentence('clientId must be a client id', 'clientId')).toBe('Client must be a client id.');
    expect(asSentence('address.line1 is too long', 'address.line1')).toBe('Address line1 is too long.');
    expect(asSentence('Already a sentence.')).toBe('Already a sentence.');
  });

  it('should say each message of a field once, and keep two different ones', () => {
    const errors = fieldErrorsOf(
      problem([
        { field: 'password', message: 'password must be at least 12 characters' },
        { field: 'password', message: 'password must be at least 12 characters' },
        { field: 'password', message: 'password is among the most common passwords' },
        { field: 'email', message: 'email must be an email address' },
      ]),
    );
    expect(errors).toEqual({
      password: 'Password must be at least 12 characters. Password is among the most common passwords.',
      email: 'Email must be an email address.',
    });
  });

  it('should find no field errors in anything but a problem', () => {
    expect(fieldErrorsOf(new Error('network'))).toEqual({});
  });
});
