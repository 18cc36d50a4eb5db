import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';

import { ApiError, SESSION_ENDED_EVENT } from '../../lib/api-client';
import { clearQueries } from '../../lib/query';
import type { Me } from '../../types/api';
import { getMe } from './api/get-me';
import { login as postLogin, logout as postLogout, type Credentials } from './api/login';
import { SessionContext, type Session } from './session-context';

/** Who is logged in: asked once at start (the cookie is httpOnly), then kept in memory. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [user, setUser] = useState<Me | null | undefined>(undefined);
  const [ended, setEnded] = useState<Session['ended']>(null);
  const [startupError, setStartupError] = useState<ApiError | null>(null);

  useEffect(() => {
    getMe().then(setUser, (error: unknown) => {
      setStartupError(error instanceof ApiError ? error : new ApiError(0, 'CS_ERR_NETWORK', String(error)));
      setUser(null);
    });
    const onEnded = () => {
      clearQueries();
      setUser((current) => {
        if (current) setEnded('expired');
        return null;
      });
    };
    window.addEventListener(SESSION_ENDED_EVENT, onEnded);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, onEnded);
  }, []);

  const login = useCallback(async (credentials: Credentials) => {
    const me = await postLogin(credentials);
    clearQueries();
    setEnded(null);
    setStartupError(null);
    setUser(me);
    return me;
  }, []);

  const logout = useCallback(async () => {
    try {
      await postLogout();
    } finally {
      clearQueries();
      setEnded('logged-out');
      setUser(null);
    }
  }, []);

  const value = useMemo(
    () => ({ user, ended, startupError, login, logout }),
    [user, ended, startupError, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
