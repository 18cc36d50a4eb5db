import { apiFetch } from '../../../lib/api-client';
import { useQuery, type QueryOptions } from '../../../lib/query';
import type { Score } from '../../../types/api';

/** GET /api/clients/:id/score: probability, decision, explanation and any recorded final decision. */
export const getClientScore = (id: number, signal?: AbortSignal): Promise<Score> =>
  apiFetch<Score>(`/clients/${id}/score`, signal ? { signal } : {});

export const clientScoreQueryOptions = (id: number): QueryOptions<Score> => ({
  key: `/clients/${id}/score`,
  fn: (signal) => getClientScore(id, signal),
});

export const useClientScore = (id: number | null) =>
  useQuery(id === null ? null : clientScoreQueryOptions(id));
