import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { PageHeading } from '../../components/page-heading';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </div>
  );
}
