import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorMessage } from '../../../components/error-message';
import { ApiError } from '../../../lib/api-client';
import type { Me } from '../../../types/api';
import type { Credentials } from '../api/login';

export interface LoginFormProps {
  readonly onLogin: (credentials: Credentials) => Promise<Me>;
}

/** User name and password; the error says what went wrong without telling which part. */
export function LoginForm({ onLogin }: LoginFormProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await onLogin({ username: username.trim(), password });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'CS_ERR_NETWORK', String(caught)));
      setPending(false);
    }
  };

  return (
    <form className="login-form" onSubmit={submit} aria-describedby={error ? 'login-error' : undefined}>
      <div className="field">
        <label htmlFor="login-username">{t('login.username')}</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      {error ? (
        <div id="login-error">
          <ErrorMessage error={error} />
        </div>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('login.pending') : t('login.submit')}
      </button>
    </form>
  );
}
