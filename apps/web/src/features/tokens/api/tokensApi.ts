import { CreatedTokenSchema, type CreateTokenRequest, TokenListSchema } from '@drivebay/api-types';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../shared/api/getJson';
import { sendJson } from '../../../shared/api/sendJson';

export const TOKENS_PATH = '/api/v1/tokens';

export const tokenKeys = {
  all: ['tokens'] as const,
  list: () => [...tokenKeys.all, 'list'] as const,
};

/** The caller's tokens (an admin's list holds everyone's), newest first. */
export function tokensQuery() {
  return queryOptions({
    queryKey: tokenKeys.list(),
    queryFn: async ({ signal }) => {
      const { tokens } = await getJson(TOKENS_PATH, TokenListSchema, signal);
      return [...tokens].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  });
}

/** A new token; the answer holds its secret, shown this once. */
export function createToken(request: CreateTokenRequest) {
  return sendJson('POST', TOKENS_PATH, request, { schema: CreatedTokenSchema });
}

export function revokeToken(id: string): Promise<void> {
  return sendJson('DELETE', `${TOKENS_PATH}/${encodeURIComponent(id)}`);
}
