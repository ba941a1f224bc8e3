import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/** Reads retry only what may pass on a second try (network, 5xx, 429); writes never retry by themselves. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, err) =>
        count < 2 &&
        (!(err instanceof ApiError) || err.status === 0 || err.status === 429 || err.status >= 500),
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
    mutations: { retry: false },
  },
});
