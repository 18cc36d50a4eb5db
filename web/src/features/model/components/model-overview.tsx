import { useTranslation } from 'react-i18next';

import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { useModelCard, useModelPage } from '../api/model-api';
import { ModelComparisonTable } from './comparison-table';
import { ConfusionMatrix } from './confusion-matrix';
import { FairnessSection } from './fairness-section';
import { ImportanceChart } from './importance-chart';
import { CalibrationCostCharts, RocPrCharts } from './model-curves';
import { ModelCardView } from './model-card-view';

/** The model page: the card first (from /api/model), then the evaluation (from /api/model/page). */
export function ModelOverview() {
  const { t } = useTranslation();
  const card = useModelCard();
  const page = useModelPage();
  return (
    <div className="model-overview">
      {card.error ? <ErrorMessage error={card.error} onRetry={card.reload} /> : null}
      {card.data ? <ModelCardView card={card.data} /> : card.loading ? <Loading /> : null}
      {page.error ? <ErrorMessage error={page.error} onRetry={page.reload} /> : null}
      {page.loading ? <Loading label={t('model.loadingPage')} /> : null}
      {page.data ? (
        <>
          <h2>{t('model.evaluation')}</h2>
          <RocPrCharts page={page.data} />
          <CalibrationCostCharts page={page.data} />
          <ConfusionMatrix confusion={page.data.confusion} threshold={page.data.threshold} />
          <ImportanceChart groups={page.data.importance} />
          <h2>{t('model.fairness.title')}</h2>
          <FairnessSection byGender={page.data.fairness.byGender} byAgeBand={page.data.fairness.byAgeBand} />
          <ModelComparisonTable candidates={page.data.card.comparison ?? []} champion={page.data.card.kind} />
        </>
      ) : null}
    </div>
  );
}
