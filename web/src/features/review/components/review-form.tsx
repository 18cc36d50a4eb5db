import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorMessage } from '../../../components/error-message';
import { useMutation } from '../../../lib/query';
import type { FinalDecision } from '../../../types/api';
import { recordReview } from '../api/record-review';

export interface ReviewFormProps {
  readonly clientId: number;
  readonly current: FinalDecision | null;
  readonly onRecorded: () => void;
}

/** For a file in the review band: the advisor accepts or refuses, and says why (shown in the letter). */
export function ReviewForm({ clientId, current, onRecorded }: ReviewFormProps) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'accept' | 'refuse'>(current?.decision ?? 'accept');
  const [reason, setReason] = useState('');
  const mutation = useMutation(recordReview);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await mutation.run({ clientId, decision, reason: reason.trim() });
    if (done) {
      setReason('');
      onRecorded();
    }
  };

  return (
    <section className="card review" aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title')}</h2>
      <p>{t(current ? 'review.helpAgain' : 'review.help')}</p>
      <form onSubmit={submit}>
        <fieldset className="radio-group">
          <legend>{t('review.decisionLegend')}</legend>
          {(['accept', 'refuse'] as const).map((d) => (
            <label key={d} className="radio">
              <input
                type="radio"
                name="review-decision"
                value={d}
                checked={decision === d}
                onChange={() => setDecision(d)}
              />
              {t(`review.final.${d}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="review-reason">{t('review.reason')}</label>
          <textarea
            id="review-reason"
            required
            minLength={3}
            maxLength={1000}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        {mutation.error ? <ErrorMessage error={mutation.error} /> : null}
        {mutation.data ? (
          <p className="message message--ok" role="status">
            {t('review.recorded')}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={mutation.pending || reason.trim().length < 3}>
          {t('review.submit')}
        </button>
      </form>
    </section>
  );
}
