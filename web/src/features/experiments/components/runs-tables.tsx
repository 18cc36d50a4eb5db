import { useTranslation } from 'react-i18next';

import { DataTable } from '../../../components/data-table';
import { dateTime } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import type { Run } from '../types';
import { bestTrial, childrenOf, studyRuns, trainingRuns } from './run-selectors';

const fix = (v: number | undefined, digits = 4) =>
  v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);

/** Training runs: when, status, and the headline metrics. */
export function TrainingRunsTable({ runs }: { readonly runs: readonly Run[] }) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const list = trainingRuns(runs);
  if (list.length === 0) return <p>{t('experiments.noRuns')}</p>;
  return (
    <DataTable
      caption={t('experiments.runsCaption')}
      columns={[
        { label: t('experiments.run') },
        { label: t('experiments.status') },
        { label: t('experiments.started') },
        { label: 'ROC AUC', numeric: true },
        { label: 'PR AUC', numeric: true },
        { label: t('experiments.cost'), numeric: true },
      ]}
      rows={list.map((r) => [
        r.runName || r.runId.slice(0, 8),
        r.status,
        r.startTime === null ? '—' : dateTime(r.startTime, lang),
        fix(r.metrics.roc_auc ?? r.metrics.rocAuc ?? r.metrics.cv_auc),
        fix(r.metrics.pr_auc ?? r.metrics.prAuc),
        fix(r.metrics.cost_per_application ?? r.metrics.costPerApplication),
      ])}
    />
  );
}

/** Tuning studies with their best trial and its parameters. */
export function StudiesTable({ runs }: { readonly runs: readonly Run[] }) {
  const { t } = useTranslation();
  const studies = studyRuns(runs);
  if (studies.length === 0) return <p>{t('experiments.noStudies')}</p>;
  return (
    <div className="studies">
      {studies.map((study) => {
        const trials = childrenOf(runs, study.runId);
        const best = bestTrial(trials);
        return (
          <section key={study.runId} className="study" data-testid="study">
            <h3>{study.runName}</h3>
            <p>
              {t('experiments.studyLine', {
                sampler: study.params.sampler ?? '—',
                trials: trials.length,
                best: fix(best?.metrics.cv_auc ?? study.metrics.best_cv_auc),
                pruned: study.metrics.trials_pruned ?? 0,
              })}
            </p>
            {best ? (
              <DataTable
                caption={t('experiments.bestParams')}
                columns={[{ label: t('experiments.param') }, { label: t('experiments.value') }]}
                rows={Object.entries(best.params).map(([k, v]) => [k, v])}
              />
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
