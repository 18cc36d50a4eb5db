import { apiFetch } from '../../../lib/api-client';
import { useQuery, type QueryOptions } from '../../../lib/query';
import type { GroupFilter } from '../../../types/api';
import type { BivariateSample, FeatureDistribution, FilterOptions, Neighbour, RadarProfile } from '../types';

const filterKey = (filter: GroupFilter): string =>
  Object.entries(filter)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${String(v)}`)
    .sort()
    .join('&');

/** GET /api/compare/filters. */
export const getFilterOptions = (signal?: AbortSignal) =>
  apiFetch<FilterOptions>('/compare/filters', signal ? { signal } : {});
export const filterOptionsQueryOptions = (): QueryOptions<FilterOptions> => ({
  key: '/compare/filters',
  fn: getFilterOptions,
});
export const useFilterOptions = () => useQuery(filterOptionsQueryOptions());

/** GET /api/clients/:id/compare/distribution?feature=&filters. */
export const getDistribution = (id: number, feature: string, filter: GroupFilter, signal?: AbortSignal) =>
  apiFetch<FeatureDistribution>(`/clients/${id}/compare/distribution`, {
    query: { feature, ...filter },
    ...(signal ? { signal } : {}),
  });
export const distributionQueryOptions = (
  id: number,
  feature: string,
  filter: GroupFilter,
): QueryOptions<FeatureDistribution> => ({
  key: `/clients/${id}/compare/distribution?feature=${feature}&${filterKey(filter)}`,
  fn: (signal) => getDistribution(id, feature, filter, signal),
});
export const useDistribution = (id: number, feature: string | null, filter: GroupFilter) =>
  useQuery(feature === null ? null : distributionQueryOptions(id, feature, filter));

/** GET /api/clients/:id/compare/profile?filters. */
export const getProfile = (id: number, filter: GroupFilter, signal?: AbortSignal) =>
  apiFetch<RadarProfile>(`/clients/${id}/compare/profile`, {
    query: { ...filter },
    ...(signal ? { signal } : {}),
  });
export const profileQueryOptions = (id: number, filter: GroupFilter): QueryOptions<RadarProfile> => ({
  key: `/clients/${id}/compare/profile?${filterKey(filter)}`,
  fn: (signal) => getProfile(id, filter, signal),
});
export const useProfile = (id: number, filter: GroupFilter) => useQuery(profileQueryOptions(id, filter));

/** GET /api/clients/:id/compare/bivariate?x=&y=&filters (advisors). */
export const getBivariate = (id: number, x: string, y: string, filter: GroupFilter, signal?: AbortSignal) =>
  apiFetch<BivariateSample>(`/clients/${id}/compare/bivariate`, {
    query: { x, y, sampleSize: 1500, ...filter },
    ...(signal ? { signal } : {}),
  });
export const bivariateQueryOptions = (
  id: number,
  x: string,
  y: string,
  filter: GroupFilter,
): QueryOptions<BivariateSample> => ({
  key: `/clients/${id}/compare/bivariate?x=${x}&y=${y}&${filterKey(filter)}`,
  fn: (signal) => getBivariate(id, x, y, filter, signal),
});
export const useBivariate = (
  id: number,
  x: string | null,
  y: string | null,
  filter: GroupFilter,
  enabled: boolean,
) => useQuery(enabled && x !== null && y !== null ? bivariateQueryOptions(id, x, y, filter) : null);

/** GET /api/clients/:id/compare/neighbours?k= (advisors). */
export const getNeighbours = (id: number, k: number, signal?: AbortSignal) =>
  apiFetch<{ neighbours: Neighbour[] }>(`/clients/${id}/compare/neighbours`, {
    query: { k },
    ...(signal ? { signal } : {}),
  });
