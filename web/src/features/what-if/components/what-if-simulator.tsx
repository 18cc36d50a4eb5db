import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { ApiError } from '../../../lib/api-client';
import type { Score } from '../../../types/api';
import { scoreApplication, useApplication } from '../api/what-if-api';
import type { Levers } from '../types';
import { CounterfactualBox } from './counterfactual-box';
import { LeverInputs } from './lever-inputs';
import { applyLevers, leversOf, sameLevers } from './levers';

export interface WhatIfSimulatorProps {
  readonly clientId: number;
  /** Draws a score (gauge, decision, reasons): the page composes it from the scoring feature. */
  readonly renderScore: (score: Score, changed: boolean) => ReactNode;
}

/** Change the loan and see the new score, decision and reasons as you type, with what would get it accepted. */
export function WhatIfSimulator({ clientId, renderScore }: WhatIfSimulatorProps) {
  const { t } = useTranslation();
  const stored = useApplication(clientId);
  const original = useMemo(() => (stored.data ? leversOf(stored.data) : null), [stored.data]);
  const [levers, setLevers] = useState<Levers | null>(null);
  const [score, setScore] = useState<Score | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => setLevers(original), [original]);
  const application = useMemo(
    () => (stored.data && levers ? applyLevers(stored.data, levers) : null),
    [stored.data, levers],
  );

  useEffect(() => {
    if (!application) return;
    const controller = new AbortController();
    setPending(true);
    // a short pause so typing a number sends one request, not one per key
    const timer = window.setTimeout(() => {
      scoreApplication(application, controller.signal).then(
        (next) => {
          setScore(next);
          setError(null);
          setPending(false);
        },
        (e: unknown) => {
          if (controller.signal.aborted) return;
          setError(e instanceof ApiError ? e : new ApiError(0, 'CS_ERR_CLIENT', String(e)));
          setPending(false);
        },
      );
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [application]);

  if (stored.error) return <ErrorMessage error={stored.error} onRetry={stored.reload} />;
  if (!original || !levers || !application) return <Loading />;
  const changed = !sameLevers(levers, original);
  return (
    <div className="what-if">
      <form className="card" onSubmit={(e) => e.preventDefault()} aria-labelledby="whatif-form-title">
        <h2 id="whatif-form-title">{t('whatIf.formTitle')}</h2>
        <LeverInputs levers={levers} original={original} onChange={setLevers} />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setLevers(original)}
          disabled={!changed}
        >
          {t('whatIf.reset')}
        </button>
      </form>
      <section className="what-if-result" aria-labelledby="whatif-result-title" aria-busy={pending}>
        <h2 id="whatif-result-title">{t(changed ? 'whatIf.resultChanged' : 'whatIf.resultOriginal')}</h2>
        {error ? <ErrorMessage error={error} /> : null}
        <div aria-live="polite" data-testid="whatif-result">
          {score ? renderScore(score, changed) : <Loading />}
        </div>
      </section>
      {score && score.decision !== 'accepted' ? (
        <CounterfactualBox application={application} onApply={setLevers} />
      ) : null}
    </div>
  );
}
