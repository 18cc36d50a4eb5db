import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { PageHeading } from '../../components/page-heading';
import { ClientSearch } from '../../features/clients';

export function ClientsSearchRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="page">
      <PageHeading title={t('search.title')}>{t('search.title')}</PageHeading>
      <p>{t('search.intro')}</p>
      <ClientSearch onOpen={(id) => navigate(`/clients/${id}`)} />
    </div>
  );
}
