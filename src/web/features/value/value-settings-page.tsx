import { Alert, Card, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { useValueSettings } from './value-hooks';
import { MatricesEditor } from './value-matrices-editor';
import { PoliciesEditor } from './value-policies-editor';
import { ValueSettingsForm } from './value-settings-form';

/** The value engine's rules (admins): cut-offs, RFM segments, tiers, costs, schedule, matrices, policies. */
export default function ValueSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const settings = useValueSettings();
  if (me.data && me.data.role !== 'admin')
    return (
      <Result
        status="403"
        title={t('valueSettings.adminsOnly')}
        extra={<Link to="/value">{t('value.title')}</Link>}
      />
    );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('valueSettings.title')}
        </Typography.Title>
        <Link to="/value">← {t('value.title')}</Link>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'rules',
              label: t('valueSettings.tabs.rules'),
              children: settings.isError ? (
                <Alert type="error" showIcon title={settings.error.message} />
              ) : settings.data ? (
                <ValueSettingsForm view={settings.data} />
              ) : (
                <Skeleton active />
              ),
            },
            { key: 'matrices', label: t('valueSettings.tabs.matrices'), children: <MatricesEditor /> },
            { key: 'policies', label: t('valueSettings.tabs.policies'), children: <PoliciesEditor /> },
          ]}
        />
      </Card>
    </Space>
  );
}
