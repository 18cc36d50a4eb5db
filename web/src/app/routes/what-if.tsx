import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { PageHeading } from '../../components/page-heading';
import { ContributionWaterfall, DecisionSummary, ReasonsList, ScoreGauge } from '../../features/scoring';
import { WhatIfSimulator } from '../../features/what-if';
import { Refused } from '../layout/require-role';
import { useClientId } from './use-client-id';

/** The what-if simulator, drawing each new score with the scoring feature's gauge and reasons. */
export function WhatIfRoute() {
  const { t } = useTranslation();
  const { id, allowed, audience } = useClientId();
  if (!allowed || id === null) return <Refused />;
  const title = t(audience === 'client' ? 'whatIf.titleOwn' : 'whatIf.title', { id });
  return (
    <div className="page">
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <Link to={`/clients/${id}`}>{t('common.backToClient')}</Link>
      </p>
      <p>{t(audience === 'client' ? 'whatIf.introClient' : 'whatIf.intro')}</p>
      <WhatIfSimulator
        clientId={id}
        renderScore={(score) => (
          <div className="what-if-score">
            <div className="score-row">
              <ScoreGauge score={score} />
              <DecisionSummary score={{ ...score, finalDecision: null }} audience={audience} />
            </div>
            {score.explanation ? (
              <>
                <ReasonsList explanation={score.explanation} />
                <ContributionWaterfall explanation={score.explanation} audience={audience} top={6} />
              </>
            ) : null}
          </div>
        )}
      />
    </div>
  );
}
