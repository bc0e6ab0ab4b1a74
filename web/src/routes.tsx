import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, Outlet, type RouteObject } from 'react-router';
import { RequireAdmin, RequireUser } from './auth/guards';
import { RouteError } from './components/RouteFallback';
import { AppLayout } from './layout/AppLayout';

/** Each page is its own chunk, loaded when first visited: the first load carries only the frame. */
const page =
  (load: () => Promise<{ default: ComponentType }>): RouteObject['lazy'] =>
  async () => ({
    Component: (await load()).default,
  });

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', lazy: page(() => import('./pages/public/LoginPage')) },
      { path: '/register', lazy: page(() => import('./pages/public/RegisterPage')) },
      { path: '/verify-email', lazy: page(() => import('./pages/public/VerifyEmailPage')) },
      { path: '/services', lazy: page(() => import('./pages/customer/CatalogPage')) },
      { path: '/services/:slug', lazy: page(() => import('./pages/customer/ServicePage')) },
      {
        element: (
          <RequireUser>
            <Outlet />
          </RequireUser>
        ),
        children: [
          { path: '/', lazy: page(() => import('./pages/customer/HomePage')) },
          { path: '/subscriptions', lazy: page(() => import('./pages/customer/SubscriptionsPage')) },
          { path: '/subscriptions/:id', lazy: page(() => import('./pages/customer/SubscriptionPage')) },
          { path: '/pods/:id', lazy: page(() => import('./pages/customer/PodPage')) },
          { path: '/billing', lazy: page(() => import('./pages/customer/BillingPage')) },
          { path: '/billing/transactions', lazy: page(() => import('./pages/customer/TransactionsPage')) },
          { path: '/billing/invoices', lazy: page(() => import('./pages/customer/InvoicesPage')) },
          { path: '/notifications', lazy: page(() => import('./pages/customer/NotificationsPage')) },
          { path: '/profile', lazy: page(() => import('./pages/customer/ProfilePage')) },
        ],
      },
      { path: '/admin', element: <Navigate to="/admin/users" replace /> },
      {
        element: (
          <RequireAdmin>
            <Outlet />
          </RequireAdmin>
        ),
        children: [
          { path: '/admin/users', lazy: page(() => import('./pages/admin/UsersPage')) },
          { path: '/admin/catalog', lazy: page(() => import('./pages/admin/CatalogAdminPage')) },
          { path: '/admin/workers', lazy: page(() => import('./pages/admin/WorkersPage')) },
          { path: '/admin/workers/:id', lazy: page(() => import('./pages/admin/WorkerPage')) },
          { path: '/admin/pods', lazy: page(() => import('./pages/admin/PodsAdminPage')) },
          { path: '/admin/orphans', lazy: page(() => import('./pages/admin/OrphansPage')) },
          { path: '/admin/transactions', lazy: page(() => import('./pages/admin/TransactionsAdminPage')) },
          { path: '/admin/queues', lazy: page(() => import('./pages/admin/QueuesPage')) },
          { path: '/admin/audit', lazy: page(() => import('./pages/admin/AuditPage')) },
        ],
      },
      { path: '*', lazy: page(() => import('./pages/public/NotFoundPage')) },
    ],
  },
];

export const router = createBrowserRouter(routes);
