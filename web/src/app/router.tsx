import { createBrowserRouter } from 'react-router-dom';

import { AppShell } from './layout/app-shell';
import { RequireStaff } from './layout/require-role';
import { ClientRoute } from './routes/client';
import { ClientsSearchRoute } from './routes/clients-search';
import { ExperimentsRoute } from './routes/experiments';
import { HomeRoute } from './routes/home';
import { LetterRoute } from './routes/letter';
import { LoginRoute } from './routes/login';
import { ModelRoute } from './routes/model';
import { MonitoringRoute } from './routes/monitoring';
import { NotFoundRoute } from './routes/not-found';
import { WhatIfRoute } from './routes/what-if';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginRoute /> },
  {
    element: <AppShell />,
    children: [
      { index: true, element: <HomeRoute /> },
      {
        path: 'clients',
        element: (
          <RequireStaff>
            <ClientsSearchRoute />
          </RequireStaff>
        ),
      },
      { path: 'clients/:id', element: <ClientRoute /> },
      { path: 'clients/:id/what-if', element: <WhatIfRoute /> },
      { path: 'clients/:id/letter', element: <LetterRoute /> },
      {
        path: 'model',
        element: (
          <RequireStaff>
            <ModelRoute />
          </RequireStaff>
        ),
      },
      {
        path: 'experiments',
        element: (
          <RequireStaff>
            <ExperimentsRoute />
          </RequireStaff>
        ),
      },
      {
        path: 'monitoring',
        element: (
          <RequireStaff>
            <MonitoringRoute />
          </RequireStaff>
        ),
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
