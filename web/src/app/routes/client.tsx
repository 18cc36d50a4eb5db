import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';

import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ClientInfoCard, ClientSearch, useClientInfo } from '../../features/clients';
import { ComparisonPanel, type FeatureChoice } from '../../features/comparison';
import { ReviewForm } from '../../features/review';
import {
  ContributionWaterfall,
  DecisionSummary,
  Interpretation,
  ReasonsList,
  ScoreGauge,
  useClientScore,
} from '../../features/scoring';
import { asLang } from '../../lib/i18n';
import { Refused } from '../layout/require-role';
import { useClientId } from './use-client-id';

/** The client page: score and decision, reasons, information, comparisons; the review form when in the band. */
export function ClientRoute() {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const navigate = useNavigate();
  const { id, allowed, audience } = useClientId();
  const score = useClientScore(allowed ? id : null);
  const info = useClientInfo(allowed ? id : null, lang);
  const features = useMemo<FeatureChoice[]>(
    () =>
      (info.data?.fields ?? [])
        .map((f) => ({ name: f.name, label: f.label, origin: f.origin }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
    [info.data, lang],
  );
  const values = useMemo(
    () => new Map((info.data?.fields ?? []).map((f) => [f.name, { value: f.value, formatted: f.formatted }])),
    [info.data],
  );
  if (!allowed || id === null) return <Refused />;
  const title = t(audience === 'client' ? 'client.titleOwn' : 'client.title', { id });
  const s = score.data;
  // the first reason with a value to place (a missing value has no position), else the amount
  const defaultFeature =
    [...(s?.explanation?.raising ?? []), ...(s?.explanation?.lowering ?? [])].find(
      (r) => r.value !== null && values.has(r.feature),
    )?.feature ?? (values.has('AMT_CREDIT') ? 'AMT_CREDIT' : features[0]?.name);

  return (
    <div className="page client-page">
      {audience === 'advisor' ? (
        <div className="search-strip">
          <ClientSearch key={id} onOpen={(next) => navigate(`/clients/${next}`)} />
        </div>
      ) : null}
      <PageHeading title={title}>{title}</PageHeading>
      <nav className="page-actions" aria-label={t('client.actions')}>
        <Link className="button button--secondary" to={`/clients/${id}/what-if`}>
          {t('client.whatIf')}
        </Link>
        <Link className="button button--secondary" to={`/clients/${id}/letter`}>
          {t('client.letter')}
        </Link>
      </nav>
      {score.error ? <ErrorMessage error={score.error} onRetry={score.reload} /> : null}
      {score.loading ? <Loading /> : null}
      {s ? (
        <>
          <section className="score-row" aria-label={t('client.scoreSection')}>
            <div className="card">
              <ScoreGauge score={s} />
            </div>
            <div className="card">
              <DecisionSummary score={s} audience={audience} />
              <Interpretation score={s} audience={audience} />
            </div>
          </section>
          {audience === 'advisor' && s.decision === 'review' ? (
            <ReviewForm clientId={id} current={s.finalDecision} onRecorded={score.reload} />
          ) : null}
          <section className="card" aria-labelledby="reasons-title">
            <h2 id="reasons-title">{t(audience === 'client' ? 'reasons.titleClient' : 'reasons.title')}</h2>
            {s.explanation ? (
              <div className="reasons-row">
                <ContributionWaterfall explanation={s.explanation} audience={audience} />
                <ReasonsList explanation={s.explanation} />
              </div>
            ) : (
              <p>{t('reasons.unavailable')}</p>
            )}
          </section>
        </>
      ) : null}
      {score.error ? null : <ClientInfoCard clientId={id} />}
      {s && defaultFeature ? (
        <ComparisonPanel
          key={`${id}-${defaultFeature}`}
          clientId={id}
          features={features}
          defaultFeature={defaultFeature}
          clientValues={values}
          audience={audience}
        />
      ) : null}
    </div>
  );
}
