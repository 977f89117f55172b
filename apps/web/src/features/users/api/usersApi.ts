import {
  type CreateUserRequest,
  type UpdateUserRequest,
  UserListSchema,
  UserSchema,
} from '@drivebay/api-types';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../shared/api/getJson';
import { sendJson } from '../../../shared/api/sendJson';
import { userKeys } from './userKeys';

export const USERS_PATH = '/api/v1/users';

const userPath = (username: string) => `${USERS_PATH}/${encodeURIComponent(username)}`;

/** Every user (admin only). */
export function usersQuery() {
  return queryOptions({
    queryKey: userKeys.list(),
    queryFn: async ({ signal }) => (await getJson(USERS_PATH, UserListSchema, signal)).users,
  });
}

export function createUser(request: CreateUserRequest) {
  return sendJson('POST', USERS_PATH, request, { schema: UserSchema });
}

/** A new role and/or password; either ends the user's sessions. */
export function updateUser(username: string, request: UpdateUserRequest) {
  return sendJson('PATCH', userPath(username), request, { schema: UserSchema });
}

export function deleteUser(username: string): Promise<void> {
  return sendJson('DELETE', userPath(username));
}
