import {
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  DiffOutlined,
  FileTextOutlined,
  FunnelPlotOutlined,
  HomeOutlined,
  ImportOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  MessageOutlined,
  ProfileOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { LogTouchProvider } from '../features/activities/log-touch';
import { useMe, useSignOut } from '../features/auth/session';
import { GlobalSearch } from '../features/customers/global-search';
import { api } from '../lib/api';
import { LanguageSwitch } from '../ui/language-switch';

/** The signed-in shell: side navigation, the global search, language and the user menu. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  // On a phone the navigation is a drawer opened from the header, not a column over the page.
  const narrow = Grid.useBreakpoint().md === false;
  const [drawer, setDrawer] = useState(false);

  if (me.isPending) return <Spin fullscreen description={t('common.loading')} />;
  if (me.isError)
    return (
      <Result
        status="error"
        title={t('errors.server')}
        extra={<Button onClick={() => me.refetch()}>{t('errors.retry')}</Button>}
      />
    );
  if (!me.data)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;

  // Admin pages and the lifetime-value page have items of their own; elsewhere the first path segment.
  const section =
    location.pathname.startsWith('/admin/') || location.pathname.startsWith('/value/clv')
      ? location.pathname.slice(1)
      : location.pathname.split('/')[1] || 'home';
  const soon = (key: string, icon: ReactNode) => ({
    key,
    icon,
    disabled: true,
    label: `${t(`nav.${key}`)} · ${t('nav.comingSoon')}`,
  });
  const nav = (
    <Menu
      mode="inline"
      selectedKeys={[section]}
      onClick={({ key }) => {
        setDrawer(false);
        navigate(key === 'home' ? '/' : `/${key}`);
      }}
      items={[
        { key: 'home', icon: <HomeOutlined />, label: t('home.menu') },
        { key: 'customers', icon: <TeamOutlined />, label: t('nav.customers') },
        { key: 'contacts', icon: <UserOutlined />, label: t('nav.contacts') },
        { key: 'activities', icon: <MessageOutlined />, label: t('nav.activities') },
        { key: 'products', icon: <AppstoreOutlined />, label: t('nav.products') },
        { key: 'orders', icon: <FileTextOutlined />, label: t('nav.orders') },
        { key: 'duplicates', icon: <DiffOutlined />, label: t('duplicates.menu') },
        { key: 'quality', icon: <SafetyCertificateOutlined />, label: t('quality.menu') },
        ...(me.data.role === 'analyst'
          ? []
          : [{ key: 'import', icon: <ImportOutlined />, label: t('imports.menu') }]),
        { key: 'value', icon: <RiseOutlined />, label: t('value.menu') },
        { key: 'value/clv', icon: <AlertOutlined />, label: t('clv.menu') },
        soon('analytics', <BarChartOutlined />),
        soon('pipeline', <FunnelPlotOutlined />),
        soon('service', <CustomerServiceOutlined />),
        ...(me.data.role === 'admin'
          ? [
              { key: 'admin/users', icon: <SettingOutlined />, label: t('admin.users') },
              { key: 'admin/org', icon: <ApartmentOutlined />, label: t('org.menu') },
              { key: 'admin/settings', icon: <ControlOutlined />, label: t('settings.menu') },
              {
                key: 'admin/custom-fields',
                icon: <ProfileOutlined />,
                label: t('settings.customFieldsMenu'),
              },
            ]
          : []),
      ]}
    />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer
          placement="left"
          size={240}
          open={drawer}
          onClose={() => setDrawer(false)}
          title={<span className="kehu-brand">{t('app.name')}</span>}
          styles={{ body: { padding: 0 } }}
        >
          {nav}
        </Drawer>
      ) : (
        <Layout.Sider theme="light" width={200}>
          <div className="kehu-brand">{t('app.name')}</div>
          {nav}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="kehu-header">
          {narrow && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.menu')}
              onClick={() => setDrawer(true)}
            />
          )}
          <GlobalSearch />
          <Space size="middle">
            <LanguageSwitch
              onSwitched={(locale) =>
                void api('/auth/me', { method: 'PATCH', body: { locale } }).catch(() => {})
              }
            />
            <Dropdown
              menu={{
                items: [
                  { key: 'tokens', icon: <KeyOutlined />, label: t('tokens.menu') },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout') },
                ],
                onClick: async ({ key }) => {
                  if (key === 'tokens') return navigate('/account/tokens');
                  await signOut();
                  navigate('/login', { replace: true });
                },
              }}
            >
              <Button type="text" icon={<UserOutlined />} aria-label={me.data.name}>
                {/* On a phone the icon is enough: the search box needs the width. */}
                <Typography.Text className="kehu-wide-only">{me.data.name}</Typography.Text>
                <Typography.Text type="secondary" className="kehu-wide-only">
                  {' '}
                  · {t(`roles.${me.data.role}`)}
                </Typography.Text>
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="kehu-content">
          <LogTouchProvider>
            <Suspense fallback={<Spin description={t('common.loading')} />}>
              <Outlet />
            </Suspense>
          </LogTouchProvider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
