import { useTranslation } from 'react-i18next';

import { asLang } from '../../../lib/i18n';
import type { Score } from '../../../types/api';

export interface InterpretationProps {
  readonly score: Score;
  readonly audience: 'advisor' | 'client';
}

/** The one-paragraph plain-language reading of the score, addressed to the advisor or to the client. */
export function Interpretation({ score, audience }: InterpretationProps) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const text = score.explanation?.interpretation[audience][lang];
  return (
    <section className="interpretation" aria-labelledby="interpretation-title">
      <h2 id="interpretation-title">
        {t(audience === 'client' ? 'interpretation.titleClient' : 'interpretation.title')}
      </h2>
      <p data-testid="interpretation">{text ?? t('interpretation.unavailable')}</p>
    </section>
  );
}
