import { useTranslation } from 'react-i18next';

import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { useAllRuns } from '../api/experiments-api';
import type { ExperimentRuns } from '../types';
import { comparisonRuns, studyRuns, trainingRuns } from './run-selectors';
import { StudiesTable, TrainingRunsTable } from './runs-tables';
import { SamplerComparison } from './sampler-comparison';

/** One experiment: only the sections it has (training runs, studies, a sampler comparison). */
function ExperimentSection({ experiment, runs }: ExperimentRuns) {
  const { t } = useTranslation();
  const hasTraining = trainingRuns(runs).length > 0;
  const hasStudies = studyRuns(runs).length > 0;
  const hasComparison = comparisonRuns(runs).length > 0 || studyRuns(runs).length > 1;
  return (
    <section
      className="card"
      aria-labelledby={`exp-${experiment.experimentId}`}
      data-experiment={experiment.name}
    >
      <h2 id={`exp-${experiment.experimentId}`}>
        {experiment.name}{' '}
        <span className="muted small">({t('experiments.runCount', { count: runs.length })})</span>
      </h2>
      {hasTraining ? (
        <>
          <h3>{t('experiments.trainingRuns')}</h3>
          <TrainingRunsTable runs={runs} />
        </>
      ) : null}
      {hasStudies ? (
        <>
          <h3>{t('experiments.studies')}</h3>
          <StudiesTable runs={runs} />
        </>
      ) : null}
      {hasComparison ? (
        <>
          <h3>{t('experiments.samplers')}</h3>
          <SamplerComparison runs={runs} />
        </>
      ) : null}
    </section>
  );
}

/** Every experiment of the tracking store that holds runs; what is missing is said once, with the command. */
export function ExperimentsOverview() {
  const { t } = useTranslation();
  const query = useAllRuns();
  if (query.error) return <ErrorMessage error={query.error} onRetry={query.reload} />;
  if (!query.data) return <Loading />;
  const withRuns = query.data.filter((e) => e.runs.length > 0);
  if (withRuns.length === 0)
    return (
      <EmptyState title={t('experiments.emptyTitle')}>
        <p>{t('experiments.emptyText')}</p>
      </EmptyState>
    );
  const all = withRuns.flatMap((e) => e.runs);
  return (
    <div className="experiments">
      {studyRuns(all).length === 0 ? (
        <p className="message message--info">{t('experiments.noStudies')}</p>
      ) : null}
      {studyRuns(all).length > 0 && comparisonRuns(all).length === 0 ? (
        <p className="message message--info">{t('experiments.noComparison')}</p>
      ) : null}
      {withRuns.map((e) => (
        <ExperimentSection key={e.experiment.experimentId} {...e} />
      ))}
    </div>
  );
}
