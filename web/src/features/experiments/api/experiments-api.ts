import { apiFetch } from '../../../lib/api-client';
import { useQuery, type QueryOptions } from '../../../lib/query';
import type { Experiment, ExperimentRuns, Run } from '../types';

/** Every experiment with its runs: GET /api/experiments, then GET /api/experiments/:id/runs for each. */
export async function getAllRuns(signal?: AbortSignal): Promise<ExperimentRuns[]> {
  const opts = signal ? { signal } : {};
  const { experiments } = await apiFetch<{ experiments: Experiment[] }>('/experiments', opts);
  return Promise.all(
    experiments
      .filter((e) => e.lifecycleStage !== 'deleted')
      .map(async (experiment) => ({
        experiment,
        runs: (await apiFetch<{ runs: Run[] }>(`/experiments/${experiment.experimentId}/runs`, opts)).runs,
      })),
  );
}

export const allRunsQueryOptions = (): QueryOptions<ExperimentRuns[]> => ({
  key: '/experiments/*/runs',
  fn: getAllRuns,
});
export const useAllRuns = () => useQuery(allRunsQueryOptions());
