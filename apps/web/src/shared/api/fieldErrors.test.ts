import { describe, expect, it } from 'vitest';
import { ApiError } from './apiError';
import { inputField, isFieldError, issueFieldErrors, serverFieldErrors } from './fieldErrors';

describe('field errors', () => {
  it('drops the request part from the field path', () => {
    expect(inputField('body.parameters.raidMaxDrives')).toBe('parameters.raidMaxDrives');
    expect(inputField('params.username')).toBe('username');
    expect(inputField('body')).toBe('');
    expect(inputField('bodyguard')).toBe('bodyguard');
  });

  it('puts a server error beside the field it names, without the path prefix', () => {
    const error = new ApiError('INVALID_ARGUMENT', 'body.password: must be at least 12 characters', {
      status: 400,
      field: 'body.password',
    });
    expect(serverFieldErrors(error, ['username', 'password'])).toEqual({
      password: 'must be at least 12 characters',
    });
    expect(isFieldError(error, ['password'])).toBe(true);
  });

  it('keeps errors about fields the form does not have, or about none, for the form as a whole', () => {
    const elsewhere = new ApiError('ALREADY_EXISTS', 'x', { field: 'body.other' });
    expect(serverFieldErrors(elsewhere, ['username'])).toEqual({});
    expect(serverFieldErrors(new Error('boom'), ['username'])).toEqual({});
    expect(isFieldError(new ApiError('FAILED_PRECONDITION', 'last admin'), ['role'])).toBe(false);
  });

  it('takes the first zod issue per field', () => {
    const issues = [
      { path: ['name'], message: 'is required' },
      { path: ['name'], message: 'too short' },
      { path: ['parameters', 'raidMaxDrives'], message: 'at least 2' },
    ];
    expect(issueFieldErrors(issues)).toEqual({
      name: 'is required',
      'parameters.raidMaxDrives': 'at least 2',
    });
  });
});
