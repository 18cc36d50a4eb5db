import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../features/auth';

/** Pages for advisors and admins only; a client account gets a clear refusal. */
export function RequireStaff({ children }: { readonly children: ReactNode }) {
  const { user } = useSession();
  if (user && user.role !== 'client') return <>{children}</>;
  return <Refused />;
}

export function Refused() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeading title={t('refused.title')}>{t('refused.title')}</PageHeading>
      <div className="message message--error" role="alert" data-testid="refused">
        <p>{t('refused.text')}</p>
      </div>
    </div>
  );
}
