import {
  type CreateUserRequest,
  CreateUserRequestSchema,
  PasswordSchema,
  type Role,
  type User,
} from '@drivebay/api-types';
import { type FieldErrors, issueFieldErrors } from '../../../shared/api/fieldErrors';

/** What the new-user form holds. */
export interface NewUserInput {
  username: string;
  role: Role;
  password: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The request to send, or messages by field, by the API's own schema. */
export function checkNewUser(input: NewUserInput): Checked<CreateUserRequest> {
  const parsed = CreateUserRequestSchema.safeParse({ ...input, username: input.username.trim() });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: issueFieldErrors(parsed.error.issues) };
}

/** A reset password, or why it will not do. */
export function checkPassword(password: string): Checked<string> {
  const parsed = PasswordSchema.safeParse(password);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: { password: parsed.error.issues[0]?.message ?? 'is not valid' } };
}

/** Until when failed sign-ins keep the account locked, if they still do at `now`. */
export function lockedUntil(user: User, now: number): string | undefined {
  if (!user.lockedUntil) return undefined;
  const until = Date.parse(user.lockedUntil);
  return Number.isNaN(until) || until > now ? user.lockedUntil : undefined;
}
