import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from '../components/layout/AppLayout';
import { DepartmentsRoute } from './routes/departments';
import { NotFoundRoute } from './routes/not-found';

/** The app's routes; the API serves index.html for every client route, so deep links work. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/departments" replace /> },
      { path: 'departments', element: <DepartmentsRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
