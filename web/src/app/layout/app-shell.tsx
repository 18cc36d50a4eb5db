import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router-dom';

import { ErrorMessage } from '../../components/error-message';
import { LanguageSwitch } from '../../components/language-switch';
import { Loading } from '../../components/loading';
import { useSession } from '../../features/auth';

/** Skip link, header (navigation by role, language, log-out), the page. Without a session: the log-in page. */
export function AppShell() {
  const { t } = useTranslation();
  const { user, logout, startupError } = useSession();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) {
    if (startupError && startupError.status !== 401)
      return <ErrorMessage error={startupError} onRetry={() => window.location.reload()} />;
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }
  const staff = user.role !== 'client';
  const own = user.clientId;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">Clairscore</span>
          <span className="brand-sub">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {staff ? (
              <>
                <li>
                  <NavLink to="/clients" end>
                    {t('nav.clients')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/model">{t('nav.model')}</NavLink>
                </li>
                <li>
                  <NavLink to="/experiments">{t('nav.experiments')}</NavLink>
                </li>
                <li>
                  <NavLink to="/monitoring">{t('nav.monitoring')}</NavLink>
                </li>
              </>
            ) : own !== null ? (
              <>
                <li>
                  <NavLink to={`/clients/${own}`} end>
                    {t('nav.myFile')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to={`/clients/${own}/what-if`}>{t('nav.mySimulation')}</NavLink>
                </li>
                <li>
                  <NavLink to={`/clients/${own}/letter`}>{t('nav.myLetter')}</NavLink>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageSwitch />
          <span className="user" data-testid="user">
            {t('nav.user', { user: user.username, role: t(`role.${user.role}`) })}
          </span>
          <button type="button" className="button button--on-dark" onClick={() => void logout()}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
