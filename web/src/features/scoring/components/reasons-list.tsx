import { useTranslation } from 'react-i18next';

import { asLang } from '../../../lib/i18n';
import type { Explanation, Reason } from '../../../types/api';

export interface ReasonsListProps {
  readonly explanation: Explanation;
  readonly count?: number;
  /** Heading level inside the page. */
  readonly headingLevel?: 2 | 3;
}

/** The main reasons as sentences: what raises the estimated risk, then what lowers it. */
export function ReasonsList({ explanation, count = 3, headingLevel = 3 }: ReasonsListProps) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const list = (reasons: readonly Reason[], kind: 'raises' | 'lowers') =>
    reasons.length === 0 ? (
      <p className="muted">{t('reasons.none')}</p>
    ) : (
      <ul className={`reasons reasons--${kind}`}>
        {reasons.slice(0, count).map((reason) => (
          <li key={reason.group} data-reason={reason.feature}>
            <span className="reason-mark" aria-hidden="true">
              {kind === 'raises' ? '▲' : '▼'}
            </span>{' '}
            {reason.sentence[lang]}
          </li>
        ))}
      </ul>
    );
  return (
    <div className="reasons-list" data-testid="reasons">
      <div>
        <Heading>{t('reasons.raising')}</Heading>
        {list(explanation.raising, 'raises')}
      </div>
      <div>
        <Heading>{t('reasons.lowering')}</Heading>
        {list(explanation.lowering, 'lowers')}
      </div>
    </div>
  );
}
