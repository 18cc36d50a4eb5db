import { apiFetch } from '../../../lib/api-client';
import { useQuery, type QueryOptions } from '../../../lib/query';
import type { ModelCard, ModelPage } from '../types';

/** GET /api/model: the champion's card. */
export const getModelCard = (signal?: AbortSignal) => apiFetch<ModelCard>('/model', signal ? { signal } : {});
export const modelCardQueryOptions = (): QueryOptions<ModelCard> => ({ key: '/model', fn: getModelCard });
export const useModelCard = () => useQuery(modelCardQueryOptions());

/** GET /api/model/page: curves, confusion matrix, importance and fairness (advisors). */
export const getModelPage = (signal?: AbortSignal) =>
  apiFetch<ModelPage>('/model/page', signal ? { signal } : {});
export const modelPageQueryOptions = (): QueryOptions<ModelPage> => ({
  key: '/model/page',
  fn: getModelPage,
});
export const useModelPage = () => useQuery(modelPageQueryOptions());
