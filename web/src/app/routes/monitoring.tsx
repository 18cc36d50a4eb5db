import { useTranslation } from 'react-i18next';

import { PageHeading } from '../../components/page-heading';
import { DriftOverview } from '../../features/monitoring';

export function MonitoringRoute() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeading title={t('monitoring.title')}>{t('monitoring.title')}</PageHeading>
      <p>{t('monitoring.intro')}</p>
      <DriftOverview />
    </div>
  );
}
