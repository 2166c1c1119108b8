import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { switchLocale } from '../../lib/i18n';
import { LanguageSwitch } from '../../ui/language-switch';
import { ME_KEY, signIn, useMe } from './session';

type Values = { email: string; password: string };

/** Only paths of this app: a crafted ?next= must not send the user elsewhere. */
const safeNext = (next: string | null) =>
  next?.startsWith('/') && !next.startsWith('//') ? next : '/customers';

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  // While the user types, the customer list's code loads: after signing in only its data is awaited.
  useEffect(() => {
    import('../customers/customer-list-page').catch(() => {}); // the route loads it again if need be
  }, []);

  if (me.data) return <Navigate to={next} replace />;

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(values.email, values.password);
      if (user.locale) await switchLocale(user.locale);
      client.setQueryData(ME_KEY, user);
      navigate(next, { replace: true });
    } catch (err) {
      setError(
        err instanceof ApiError && err.status !== 0 && err.status < 500
          ? t('login.failed')
          : (err as Error).message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="kehu-login">
      <Card style={{ width: 360, maxWidth: '92vw' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label={t('login.email')}
            name="email"
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
