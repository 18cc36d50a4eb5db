import { RouterProvider } from 'react-router-dom';

import { SessionProvider } from '../features/auth';
import { router } from './router';

/** Providers, then the routes. */
export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
