import { type ChangePasswordRequest, ChangePasswordRequestSchema } from '@drivebay/api-types';
import { type FieldErrors, issueFieldErrors } from '../../../shared/api/fieldErrors';

/** What the change-password form holds. */
export interface PasswordChangeInput {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The request to send, or messages by field; the API's own schema sets the rules. */
export function checkPasswordChange(
  input: PasswordChangeInput,
): { ok: true; request: ChangePasswordRequest } | { ok: false; errors: FieldErrors } {
  const parsed = ChangePasswordRequestSchema.safeParse({
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
  });
  const errors: Record<string, string> = parsed.success ? {} : { ...issueFieldErrors(parsed.error.issues) };
  if (input.currentPassword === '') errors.currentPassword = 'is required';
  if (!errors.newPassword && input.newPassword === input.currentPassword) {
    errors.newPassword = 'must differ from the current password';
  }
  if (input.confirmPassword !== input.newPassword) errors.confirmPassword = 'does not match the new password';
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, request: parsed.data };
}
