import type { CreateUserRequest, UpdateUserRequest } from '@drivebay/api-types';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { userKeys } from '../api/userKeys';
import { createUser, deleteUser, updateUser } from '../api/usersApi';

/** Reloads the user list after a change, whatever its outcome (a 412 may mean someone else changed it). */
function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const onSettled = useRefreshUsers();
  return useMutation({ mutationFn: (request: CreateUserRequest) => createUser(request), onSettled });
}

export function useUpdateUser(username: string) {
  const onSettled = useRefreshUsers();
  return useMutation({
    mutationFn: (request: UpdateUserRequest) => updateUser(username, request),
    onSettled,
  });
}

export function useDeleteUser(username: string) {
  const onSettled = useRefreshUsers();
  return useMutation({ mutationFn: () => deleteUser(username), onSettled });
}
