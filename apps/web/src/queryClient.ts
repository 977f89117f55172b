import { QueryClient } from '@tanstack/react-query';
import { isRetryable } from './shared/api/apiError';

/**
 * The app's query client. Topology queries set their own (live) options. A 4xx is an answer,
 * not a hiccup: retrying a 401 or 403 only repeats it.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 3 && isRetryable(error),
      },
    },
  });
}
