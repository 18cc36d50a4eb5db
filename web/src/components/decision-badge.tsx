import { useTranslation } from 'react-i18next';

import { DECISION_ICON } from '../lib/palette';
import type { Decision } from '../types/api';

export interface DecisionBadgeProps {
  readonly decision: Decision;
  /** "Decision:" before the word, or the word alone. */
  readonly withLabel?: boolean;
  readonly size?: 'normal' | 'large';
}

/** The decision in words, an icon and a colour: never the colour alone. */
export function DecisionBadge({ decision, withLabel = true, size = 'normal' }: DecisionBadgeProps) {
  const { t } = useTranslation();
  return (
    <span className={`decision decision--${decision} decision--${size}`} data-decision={decision}>
      <span className="decision-icon" aria-hidden="true">
        {DECISION_ICON[decision]}
      </span>
      <span className="decision-text">
        {withLabel ? <span className="decision-label">{t('decision.label')} </span> : null}
        <strong>{t(`decision.${decision}`)}</strong>
      </span>
    </span>
  );
}
