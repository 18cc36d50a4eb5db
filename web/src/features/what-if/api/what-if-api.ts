import { apiFetch } from '../../../lib/api-client';
import { useQuery, type QueryOptions } from '../../../lib/query';
import type { Score } from '../../../types/api';
import type { Application, CounterfactualResult } from '../types';

/** GET /api/clients/:id/application: the stored application in the JSON shape POST /api/score takes. */
export const getApplication = (id: number, signal?: AbortSignal) =>
  apiFetch<Application>(`/clients/${id}/application`, signal ? { signal } : {});
export const applicationQueryOptions = (id: number): QueryOptions<Application> => ({
  key: `/clients/${id}/application`,
  fn: (signal) => getApplication(id, signal),
});
export const useApplication = (id: number) => useQuery(applicationQueryOptions(id));

/** POST /api/score: the score of a modified application. */
export const scoreApplication = (application: Application, signal?: AbortSignal) =>
  apiFetch<Score>('/score', { method: 'POST', body: application, ...(signal ? { signal } : {}) });

/** POST /api/counterfactual: the smallest change per lever that gets it accepted. */
export const getCounterfactual = (application: Application, signal?: AbortSignal) =>
  apiFetch<CounterfactualResult>('/counterfactual', {
    method: 'POST',
    body: application,
    ...(signal ? { signal } : {}),
  });
