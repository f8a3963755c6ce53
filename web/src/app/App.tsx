import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import type { ApiClients } from '../lib/api-client';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

export function App({ i18n, clients }: { i18n: I18n; clients: ApiClients }) {
  const [router] = useState(createAppRouter);
  return (
    <AppProvider i18n={i18n} clients={clients}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
