import { apiFetch } from '../../../lib/api-client';
import { useQuery, type QueryOptions } from '../../../lib/query';
import type { DriftReport } from '../types';

/** GET /api/drift/latest: the newest report; 404 (CS_ERR_NO_DRIFT_REPORT) while there is none. */
export const getLatestDrift = (signal?: AbortSignal) =>
  apiFetch<DriftReport>('/drift/latest', signal ? { signal } : {});
export const latestDriftQueryOptions = (): QueryOptions<DriftReport> => ({
  key: '/drift/latest',
  fn: getLatestDrift,
});
export const useLatestDrift = () => useQuery(latestDriftQueryOptions());
