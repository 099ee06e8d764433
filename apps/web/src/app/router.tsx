import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { ContainersPage } from '../pages/ContainersPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OverviewPage } from '../pages/OverviewPage';
import { AppShell } from './AppShell';
import { loginPath, setUnauthorizedHandler } from './auth-redirect';

// The two landing pages load with the app; the rest when first visited (a smaller first download).
const ContainerDetailPage = lazy(() =>
  import('../pages/ContainerDetailPage').then((module) => ({
    default: module.ContainerDetailPage,
  })),
);
const TriggersPage = lazy(() =>
  import('../pages/TriggersPage').then((module) => ({ default: module.TriggersPage })),
);
const TriggerEditorPage = lazy(() =>
  import('../pages/TriggerEditorPage').then((module) => ({ default: module.TriggerEditorPage })),
);
const HistoryPage = lazy(() =>
  import('../pages/HistoryPage').then((module) => ({ default: module.HistoryPage })),
);
const HostsPage = lazy(() =>
  import('../pages/HostsPage').then((module) => ({ default: module.HostsPage })),
);
const SettingsPage = lazy(() =>
  import('../pages/SettingsPage').then((module) => ({ default: module.SettingsPage })),
);
const LoginPage = lazy(() =>
  import('../pages/LoginPage').then((module) => ({ default: module.LoginPage })),
);

export const routes = [
  {
    element: <AppShell />,
    children: [
      { path: '/', element: <OverviewPage /> },
      { path: '/containers', element: <ContainersPage /> },
      { path: '/containers/:id', element: <ContainerDetailPage /> },
      { path: '/triggers', element: <TriggersPage /> },
      { path: '/triggers/new', element: <TriggerEditorPage /> },
      { path: '/triggers/:type/:name', element: <TriggerEditorPage /> },
      { path: '/history', element: <HistoryPage /> },
      { path: '/hosts', element: <HostsPage /> },
      { path: '/settings', element: <SettingsPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  const router = createBrowserRouter(routes);
  setUnauthorizedHandler(() => {
    const { pathname, search } = router.state.location;
    if (pathname !== '/login')
      void router.navigate(loginPath(`${pathname}${search}`), { replace: true });
  });
  return router;
}
