import { useTranslation } from 'react-i18next';

import type { ApiError } from '../lib/api-client';

export interface ErrorMessageProps {
  readonly error: ApiError;
  readonly onRetry?: () => void;
}

/** Known failures in plain words (unknown client, refused, session ended, service down), else the API's message. */
export function ErrorMessage({ error, onRetry }: ErrorMessageProps) {
  const { t, i18n } = useTranslation();
  const key = `errors.${error.code}`;
  const byStatus = `errors.status${error.status}`;
  const text = i18n.exists(key) ? t(key) : i18n.exists(byStatus) ? t(byStatus) : error.message;
  return (
    <div className="message message--error" role="alert" data-error-code={error.code}>
      <p>
        <span aria-hidden="true" className="message-icon">
          !
        </span>{' '}
        {text}
      </p>
      {error.status !== 0 && text !== error.message ? (
        <p className="message-detail">{error.message}</p>
      ) : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
