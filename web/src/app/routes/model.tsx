import { useTranslation } from 'react-i18next';

import { PageHeading } from '../../components/page-heading';
import { ModelOverview } from '../../features/model';

export function ModelRoute() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeading title={t('model.title')}>{t('model.title')}</PageHeading>
      <p>{t('model.intro')}</p>
      <ModelOverview />
    </div>
  );
}
