import { Navigate } from 'react-router-dom';

import { useSession } from '../../features/auth';

/** Advisors land on the search; a client on their own page. */
export function HomeRoute() {
  const { user } = useSession();
  if (!user) return null;
  return (
    <Navigate
      to={user.role === 'client' && user.clientId !== null ? `/clients/${user.clientId}` : '/clients'}
      replace
    />
  );
}
