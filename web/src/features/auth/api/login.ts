import { apiFetch } from '../../../lib/api-client';
import type { Me } from '../../../types/api';

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** POST /api/login: the service sets the httpOnly session cookie. */
export async function login(credentials: Credentials): Promise<Me> {
  const answer = await apiFetch<{ user: Me }>('/login', { method: 'POST', body: credentials });
  return answer.user;
}

/** POST /api/logout: clears the cookie and revokes the session. */
export async function logout(): Promise<void> {
  await apiFetch<{ loggedOut: true }>('/logout', { method: 'POST', body: {} });
}
