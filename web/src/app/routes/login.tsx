import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';

import { LanguageSwitch } from '../../components/language-switch';
import { PageHeading } from '../../components/page-heading';
import { LoginForm, useSession } from '../../features/auth';
import type { Me } from '../../types/api';

const homeOf = (user: Me): string =>
  user.role === 'client' && user.clientId !== null ? `/clients/${user.clientId}` : '/clients';

export function LoginRoute() {
  const { t } = useTranslation();
  const { user, login, ended } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  if (user) return <Navigate to={homeOf(user)} replace />;
  return (
    <main id="main" className="login-page">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <div className="card login-card">
        <p className="brand-name brand-name--dark">Clairscore</p>
        <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
        <p className="muted">{t('login.intro')}</p>
        {ended === 'expired' ? (
          <p className="message message--info" role="status" data-testid="session-expired">
            {t('login.expired')}
          </p>
        ) : null}
        <LoginForm
          onLogin={async (credentials) => {
            const me = await login(credentials);
            // a client goes to their own page whatever the address asked for
            navigate(me.role !== 'client' && from && from !== '/' ? from : homeOf(me), { replace: true });
            return me;
          }}
        />
      </div>
    </main>
  );
}
