import { useTranslation } from 'react-i18next';

import { PageHeading } from '../../components/page-heading';
import { ExperimentsOverview } from '../../features/experiments';

export function ExperimentsRoute() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeading title={t('experiments.title')}>{t('experiments.title')}</PageHeading>
      <p>{t('experiments.intro')}</p>
      <ExperimentsOverview />
    </div>
  );
}
