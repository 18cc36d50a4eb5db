import { apiFetch } from '../../../lib/api-client';
import { useQuery, type QueryOptions } from '../../../lib/query';
import type { SearchResult } from '../types';

/** GET /api/clients?prefix=: clients whose id starts with the digits given (advisors). */
export const searchClients = (prefix: string, limit: number, signal?: AbortSignal): Promise<SearchResult> =>
  apiFetch<SearchResult>('/clients', { query: { prefix, limit }, ...(signal ? { signal } : {}) });

export const searchClientsQueryOptions = (prefix: string, limit = 10): QueryOptions<SearchResult> => ({
  key: `/clients?prefix=${prefix}&limit=${limit}`,
  fn: (signal) => searchClients(prefix, limit, signal),
});

export const useSearchClients = (prefix: string | null) =>
  useQuery(prefix === null ? null : searchClientsQueryOptions(prefix));
