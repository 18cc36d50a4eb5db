import { useTranslation } from 'react-i18next';

import { DecisionBadge } from '../../../components/decision-badge';
import { date, dateTime } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import type { Decision, Score } from '../../../types/api';

export interface DecisionLetterProps {
  readonly score: Score;
  /** The date printed on the letter. */
  readonly today: Date;
}

/** The decision the client receives: the advisor's final decision when one was recorded, else the model's. */
export function effectiveDecision(score: Score): Decision {
  if (score.finalDecision) return score.finalDecision.decision === 'accept' ? 'accepted' : 'refused';
  return score.decision;
}

/** A one-page letter to the client: decision, main reasons in plain words, date, model version. */
export function DecisionLetter({ score, today }: DecisionLetterProps) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const decision = effectiveDecision(score);
  const explanation = score.explanation;
  const reasons = explanation
    ? decision === 'accepted'
      ? explanation.lowering.slice(0, 3)
      : explanation.raising.slice(0, 3)
    : [];
  return (
    <article className="letter" data-testid="letter">
      <header className="letter-header">
        <p className="letter-sender">
          <strong>{t('letter.company')}</strong>
          <br />
          {t('letter.service')}
        </p>
        <p className="letter-meta">
          {t('letter.date', { date: date(today, lang) })}
          <br />
          {t('letter.reference', { id: score.clientId })}
        </p>
      </header>
      <h2 className="letter-subject">{t('letter.subject')}</h2>
      <p>{t('letter.greeting')}</p>
      <p>{t('letter.intro')}</p>
      <p className="letter-decision">
        <DecisionBadge decision={decision} size="large" />
      </p>
      <p>{t(`letter.decisionText.${decision}`)}</p>
      {score.finalDecision ? (
        <p data-testid="letter-final-decision">
          {t('letter.reviewed', { at: dateTime(score.finalDecision.at, lang) })}{' '}
          <q>{score.finalDecision.reason}</q>
        </p>
      ) : null}
      {reasons.length > 0 ? (
        <>
          <h3>{t(decision === 'accepted' ? 'letter.reasonsFor' : 'letter.reasonsAgainst')}</h3>
          <ul className="letter-reasons">
            {reasons.map((r) => (
              <li key={r.group}>{r.sentence[lang]}</li>
            ))}
          </ul>
        </>
      ) : null}
      {explanation ? <p>{explanation.interpretation.client[lang]}</p> : null}
      <p>{t('letter.rights')}</p>
      <p>{t('letter.closing')}</p>
      <footer className="letter-footer small">
        {t('letter.footer', { version: score.modelVersion, feature: score.featureVersion })}
      </footer>
    </article>
  );
}
