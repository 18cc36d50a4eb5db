import { useTranslation } from 'react-i18next';

import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { useAllRuns } from '../api/experiments-api';
import { TrainingRunsTable, StudiesTable } from './runs-tables';
import { SamplerComparison } from './sampler-comparison';

/** Every experiment of the tracking store: training runs, tuning studies, the samplers compared. */
export function ExperimentsOverview() {
  const { t } = useTranslation();
  const query = useAllRuns();
  if (query.error) return <ErrorMessage error={query.error} onRetry={query.reload} />;
  if (!query.data) return <Loading />;
  if (query.data.length === 0)
    return (
      <EmptyState title={t('experiments.emptyTitle')}>
        <p>{t('experiments.emptyText')}</p>
      </EmptyState>
    );
  return (
    <div className="experiments">
      {query.data.map(({ experiment, runs }) => (
        <section
          key={experiment.experimentId}
          className="card"
          aria-labelledby={`exp-${experiment.experimentId}`}
        >
          <h2 id={`exp-${experiment.experimentId}`}>
            {experiment.name}{' '}
            <span className="muted small">({t('experiments.runCount', { count: runs.length })})</span>
          </h2>
          <h3>{t('experiments.trainingRuns')}</h3>
          <TrainingRunsTable runs={runs} />
          <h3>{t('experiments.studies')}</h3>
          <StudiesTable runs={runs} />
          <h3>{t('experiments.samplers')}</h3>
          <SamplerComparison runs={runs} />
        </section>
      ))}
    </div>
  );
}
