import { useTranslation } from 'react-i18next';

import { DecisionBadge } from '../../../components/decision-badge';
import { dateTime, percent } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import type { Score } from '../../../types/api';

export interface DecisionSummaryProps {
  readonly score: Score;
  /** 'you' for the client's own page. */
  readonly audience: 'advisor' | 'client';
}

/** The decision in words, the probability against the threshold, and any final decision recorded. */
export function DecisionSummary({ score, audience }: DecisionSummaryProps) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const final = score.finalDecision;
  return (
    <div className="decision-summary" data-testid="decision-summary">
      <DecisionBadge decision={score.decision} size="large" />
      <p className="decision-sentence">
        {t(`decision.sentence.${audience}.${score.decision}`, {
          probability: percent(score.probability, lang),
          threshold: percent(score.threshold, lang),
        })}
      </p>
      {final ? (
        <p className="final-decision" data-final-decision={final.decision}>
          <strong>{t('review.finalLabel')}</strong> {t(`review.final.${final.decision}`)} — {final.reason}{' '}
          <span className="muted">({t('review.by', { user: final.by, at: dateTime(final.at, lang) })})</span>
        </p>
      ) : null}
      <p className="muted small">{t('score.modelVersion', { version: score.modelVersion })}</p>
    </div>
  );
}
