import { useParams } from 'react-router-dom';

import { useSession } from '../../features/auth';

/**
 * The client id of the address, and whether this account may see it: a client account only
 * its own (checked here so a tampered address never even asks; the API refuses it anyway).
 */
export function useClientId(): { id: number | null; allowed: boolean; audience: 'advisor' | 'client' } {
  const { id: raw } = useParams();
  const { user } = useSession();
  const id = raw !== undefined && /^[0-9]{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
  const audience = user?.role === 'client' ? 'client' : 'advisor';
  const allowed = id !== null && (audience === 'advisor' || user?.clientId === id);
  return { id, allowed, audience };
}
