import { apiFetch } from '../../../lib/api-client';
import { useQuery, type QueryOptions } from '../../../lib/query';
import type { Lang } from '../../../types/api';
import type { Neighbour } from '../types';
import { getNeighbours } from './comparison-api';

interface InfoAnswer {
  readonly fields: readonly {
    readonly name: string;
    readonly value: number | null;
    readonly formatted: string;
  }[];
}

export interface NeighbourValue extends Neighbour {
  readonly value: number | null;
  readonly formatted: string;
}

/**
 * The k most similar clients and their value of one feature: the neighbours' ids, then each
 * one's fields of the feature's table only (GET /api/clients/:id?origin=), so the answer stays small.
 */
export async function getNeighbourValues(
  id: number,
  k: number,
  feature: string,
  origin: string,
  lang: Lang,
  signal?: AbortSignal,
): Promise<NeighbourValue[]> {
  const { neighbours } = await getNeighbours(id, k, signal);
  return Promise.all(
    neighbours.map(async (n) => {
      const info = await apiFetch<InfoAnswer>(`/clients/${n.id}`, {
        query: { lang, origin },
        ...(signal ? { signal } : {}),
      });
      const field = info.fields.find((f) => f.name === feature);
      return { ...n, value: field?.value ?? null, formatted: field?.formatted ?? '—' };
    }),
  );
}

export const neighbourValuesQueryOptions = (
  id: number,
  k: number,
  feature: string,
  origin: string,
  lang: Lang,
): QueryOptions<NeighbourValue[]> => ({
  key: `/clients/${id}/compare/neighbours?k=${k}&feature=${feature}&lang=${lang}`,
  fn: (signal) => getNeighbourValues(id, k, feature, origin, lang, signal),
});

export const useNeighbourValues = (
  id: number,
  k: number,
  feature: { name: string; origin: string } | null,
  lang: Lang,
  enabled: boolean,
) =>
  useQuery(
    enabled && feature ? neighbourValuesQueryOptions(id, k, feature.name, feature.origin, lang) : null,
  );
