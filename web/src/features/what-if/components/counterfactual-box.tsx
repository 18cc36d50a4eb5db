import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { ApiError } from '../../../lib/api-client';
import { asLang } from '../../../lib/i18n';
import { getCounterfactual } from '../api/what-if-api';
import type { Application, CounterfactualResult, Levers } from '../types';
import { leversOf } from './levers';

export interface CounterfactualBoxProps {
  readonly application: Application;
  readonly onApply: (levers: Levers) => void;
}

/** What would get the application accepted: one suggestion per lever, each with a button to try it. */
export function CounterfactualBox({ application, onApply }: CounterfactualBoxProps) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const [result, setResult] = useState<CounterfactualResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setResult(null);
    setError(null);
    getCounterfactual(application, controller.signal).then(setResult, (e: unknown) => {
      if (!controller.signal.aborted)
        setError(e instanceof ApiError ? e : new ApiError(0, 'CS_ERR_CLIENT', String(e)));
    });
    return () => controller.abort();
  }, [application]);

  return (
    <section className="card counterfactual" aria-labelledby="cf-title" aria-live="polite">
      <h2 id="cf-title">{t('whatIf.cfTitle')}</h2>
      {error ? <ErrorMessage error={error} /> : null}
      {!result && !error ? <Loading label={t('whatIf.cfSearching')} /> : null}
      {result && result.suggestions.length === 0 ? <p>{t('whatIf.cfNone')}</p> : null}
      {result && result.suggestions.length > 0 ? (
        <ul className="suggestions">
          {result.suggestions.map((s) => (
            <li key={s.lever} data-lever={s.lever}>
              <p>{s.sentence[lang]}</p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  onApply(leversOf({ ...application, ...s.application, SK_ID_CURR: application.SK_ID_CURR }))
                }
              >
                {t('whatIf.cfApply')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {result && result.unreachable.length > 0 ? (
        <ul className="muted small">
          {result.unreachable.map((u) => (
            <li key={u.lever}>{u.reason[lang]}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
