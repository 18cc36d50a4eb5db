import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { DecisionLetter } from '../../features/letter';
import { useClientScore } from '../../features/scoring';
import { Refused } from '../layout/require-role';
import { useClientId } from './use-client-id';

/** The printable letter: screen chrome is hidden by the print style sheet, leaving one A4 page. */
export function LetterRoute() {
  const { t } = useTranslation();
  const { id, allowed } = useClientId();
  const score = useClientScore(allowed ? id : null);
  if (!allowed || id === null) return <Refused />;
  return (
    <div className="page letter-page">
      <div className="no-print">
        <PageHeading title={t('letter.pageTitle', { id })}>{t('letter.pageTitle', { id })}</PageHeading>
        <p className="page-actions">
          <Link to={`/clients/${id}`}>{t('common.backToClient')}</Link>
          <button type="button" className="button" onClick={() => window.print()}>
            {t('letter.print')}
          </button>
        </p>
        <p className="muted">{t('letter.printHelp')}</p>
      </div>
      {score.error ? <ErrorMessage error={score.error} onRetry={score.reload} /> : null}
      {score.loading ? <Loading /> : null}
      {score.data ? <DecisionLetter score={score.data} today={new Date()} /> : null}
    </div>
  );
}
