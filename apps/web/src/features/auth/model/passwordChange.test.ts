import { describe, expect, it } from 'vitest';
import { checkPasswordChange } from './passwordChange';

describe('checkPasswordChange', () => {
  it('accepts a long enough new password typed twice', () => {
    const result = checkPasswordChange({
      currentPassword: 'old-password-1',
      newPassword: 'correct horse battery',
      confirmPassword: 'correct horse battery',
    });
    expect(result).toEqual({
      ok: true,
      request: { currentPassword: 'old-password-1', newPassword: 'correct horse battery' },
    });
  });

  it('names each field that is wrong', () => {
    const result = checkPasswordChange({
      currentPassword: '',
      newPassword: 'short',
      confirmPassword: 'shorter',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        currentPassword: 'is required',
        newPassword: 'must be at least 12 characters',
        confirmPassword: 'does not match the new password',
      },
    });
  });

  it('refuses the same password again', () => {
    const same = 'the same password';
    const result = checkPasswordChange({ currentPassword: same, newPassword: same, confirmPassword: same });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.newPassword).toBe('must differ from the current password');
  });
});
