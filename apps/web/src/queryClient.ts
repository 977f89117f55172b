import { QueryClient } from '@tanstack/react-query';

/** The app's query client. Topology queries set their own (live) options. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false },
    },
  });
}
