import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, useEffect, useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { ME_KEY } from '../features/auth/session';
import { ApiError } from '../lib/api';
import { currentLocale, i18n } from '../lib/i18n';
import { NotFoundPage } from '../ui/not-found-page';
import { AppLayout } from './layout';
import './app.css';

// Pages load on demand: the login page and the shell come first.
const CustomerListPage = lazy(() => import('../features/customers/customer-list-page'));
const Customer360Page = lazy(() => import('../features/customers/customer-360-page'));
const UsersPage = lazy(() => import('../features/admin/users-page'));
const TokensPage = lazy(() => import('../features/account/tokens-page'));
const OrgPage = lazy(() => import('../features/admin/org-page'));
const SettingsPage = lazy(() => import('../features/admin/settings-page'));
const CustomFieldsPage = lazy(() => import('../features/admin/custom-fields-page'));
const ContactListPage = lazy(() => import('../features/contacts/contact-list-page'));
const ActivityListPage = lazy(() => import('../features/activities/activity-list-page'));
const ProductListPage = lazy(() => import('../features/products/product-list-page'));
const OrderListPage = lazy(() => import('../features/orders/order-list-page'));
const ContactDetailPage = lazy(() => import('../features/contacts/contact-detail-page'));
const ActivityDetailPage = lazy(() => import('../features/activities/activity-detail-page'));
const ProductDetailPage = lazy(() => import('../features/products/product-detail-page'));
const OrderDetailPage = lazy(() => import('../features/orders/order-detail-page'));
const DuplicatesPage = lazy(() => import('../features/duplicates/duplicates-page'));
const QualityPage = lazy(() => import('../features/quality/quality-page'));
const ImportPage = lazy(() => import('../features/imports/import-page'));
const HomePage = lazy(() => import('../features/home/home-page'));
const ValuePage = lazy(() => import('../features/value/value-page'));
const ValueSettingsPage = lazy(() => import('../features/value/value-settings-page'));
const ClvPage = lazy(() => import('../features/value/clv-page'));

// A 401 anywhere means the session ended (expired, or signed out elsewhere): the shell then sends the
// user to the login page with the page they were on, and back there after signing in.
const onError = (err: unknown) => {
  if (err instanceof ApiError && err.status === 401) queryClient.setQueryData(ME_KEY, null);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a lost network may.
      retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      refetchOnWindowFocus: false,
    },
    // A save while offline fails at once with a message (the form keeps what was typed), instead of
    // waiting silently, spinner turning, for the connection to return.
    mutations: { networkMode: 'always' },
  },
});

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'customers', element: <CustomerListPage /> },
      { path: 'customers/:id', element: <Customer360Page /> },
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'account/tokens', element: <TokensPage /> },
      { path: 'admin/org', element: <OrgPage /> },
      { path: 'admin/settings', element: <SettingsPage /> },
      { path: 'admin/custom-fields', element: <CustomFieldsPage /> },
      { path: 'contacts', element: <ContactListPage /> },
      { path: 'activities', element: <ActivityListPage /> },
      { path: 'products', element: <ProductListPage /> },
      { path: 'orders', element: <OrderListPage /> },
      { path: 'contacts/:id', element: <ContactDetailPage /> },
      { path: 'activities/:id', element: <ActivityDetailPage /> },
      { path: 'products/:id', element: <ProductDetailPage /> },
      { path: 'orders/:id', element: <OrderDetailPage /> },
      { path: 'duplicates', element: <DuplicatesPage /> },
      { path: 'quality', element: <QualityPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'value', element: <ValuePage /> },
      { path: 'value/settings', element: <ValueSettingsPage /> },
      { path: 'value/clv', element: <ClvPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  const [locale, setLocale] = useState(currentLocale());
  useEffect(() => {
    const onChange = () => {
      setLocale(currentLocale());
      void queryClient.invalidateQueries(); // server texts (errors, enums) come in the new language
    };
    i18n.on('languageChanged', onChange);
    document.documentElement.lang = currentLocale();
    return () => i18n.off('languageChanged', onChange);
  }, []);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1f6feb' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
