import { createContext, useContext } from 'react';

import type { ApiError } from '../../lib/api-client';
import type { Me } from '../../types/api';
import type { Credentials } from './api/login';

export interface Session {
  /** undefined while the first /api/me is on its way. */
  readonly user: Me | null | undefined;
  /** Why the last session ended (expired), for the log-in page to say so. */
  readonly ended: 'expired' | 'logged-out' | null;
  readonly startupError: ApiError | null;
  readonly login: (credentials: Credentials) => Promise<Me>;
  readonly logout: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
