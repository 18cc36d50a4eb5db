import { apiFetch } from '../../../lib/api-client';
import { useQuery, type QueryOptions } from '../../../lib/query';
import type { Lang } from '../../../types/api';
import type { ClientInfo } from '../types';

/** GET /api/clients/:id?lang=: every field with its label and formatted value. */
export const getClientInfo = (id: number, lang: Lang, signal?: AbortSignal): Promise<ClientInfo> =>
  apiFetch<ClientInfo>(`/clients/${id}`, { query: { lang }, ...(signal ? { signal } : {}) });

export const clientInfoQueryOptions = (id: number, lang: Lang): QueryOptions<ClientInfo> => ({
  key: `/clients/${id}?lang=${lang}`,
  fn: (signal) => getClientInfo(id, lang, signal),
});

export const useClientInfo = (id: number | null, lang: Lang) =>
  useQuery(id === null ? null : clientInfoQueryOptions(id, lang));
