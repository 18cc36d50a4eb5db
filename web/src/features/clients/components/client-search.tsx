import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { ErrorMessage } from '../../../components/error-message';
import { number } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import { useSearchClients } from '../api/search-clients';

export interface ClientSearchProps {
  /** Opens a client (the page of that id). */
  readonly onOpen: (id: number) => void;
  readonly initial?: string;
}

const ID_PATTERN = /^[0-9]{1,9}$/;

/** Search by id: typing lists the matching ids (as links), Enter opens the id typed. */
export function ClientSearch({ onOpen, initial = '' }: ClientSearchProps) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const [text, setText] = useState(initial);
  const [prefix, setPrefix] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const results = useSearchClients(prefix);

  useEffect(() => {
    const value = text.trim();
    const timer = window.setTimeout(() => setPrefix(ID_PATTERN.test(value) ? value : null), 200);
    return () => window.clearTimeout(timer);
  }, [text]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!ID_PATTERN.test(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onOpen(Number(value));
  };

  return (
    <div className="client-search">
      <form onSubmit={submit} role="search" aria-label={t('search.label')}>
        <label htmlFor="client-search-input">{t('search.label')}</label>
        <div className="inline-form">
          <input
            id="client-search-input"
            inputMode="numeric"
            autoComplete="off"
            value={text}
            aria-invalid={invalid}
            aria-describedby="client-search-help"
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button">
            {t('search.open')}
          </button>
        </div>
        <p id="client-search-help" className={invalid ? 'field-error' : 'muted small'}>
          {invalid ? t('search.invalid') : t('search.help')}
        </p>
      </form>
      {results.error ? <ErrorMessage error={results.error} /> : null}
      {results.data && prefix !== null ? (
        <div aria-live="polite">
          <p className="small">{t('search.found', { count: results.data.total })}</p>
          {results.data.items.length > 0 ? (
            <ul className="search-results">
              {results.data.items.map((item) => (
                <li key={item.clientId}>
                  <Link to={`/clients/${item.clientId}`}>
                    {t('search.result', {
                      id: item.clientId,
                      age: item.age ?? '—',
                      credit: number(item.credit, lang),
                    })}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
