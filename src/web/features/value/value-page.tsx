import { AlertOutlined, PlayCircleOutlined, SettingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Skeleton,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useMe } from '../auth/session';
import { getValueSummary, listValueRuns, startValueRun, VALUE_KEY, type ValueRun } from './value-api';
import { BreachesCard } from './value-breaches';
import { canManageValue, centsToYuan, percent, useValueSettings } from './value-hooks';
import { ValueListsCard } from './value-lists';
import { MatricesCard } from './value-matrix-grid';

// ECharts loads with the charts, not with the page.
const ValueCharts = lazy(() => import('./value-charts'));

/** 价值分析: run the classification, read its summary, charts, matrices, breaches and lists. */
export default function ValuePage() {
  const { t } = useTranslation();
  const summary = useQuery({
    queryKey: [...VALUE_KEY, 'summary'],
    queryFn: ({ signal }) => getValueSummary(signal),
  });
  const runs = useQuery({
    queryKey: [...VALUE_KEY, 'runs'],
    queryFn: ({ signal }) => listValueRuns(24, signal),
    // While a run is going (the nightly one, or someone else's), look again every few seconds.
    refetchInterval: (q) => (q.state.data?.items[0]?.status === 'running' ? 3_000 : false),
  });
  const latest = summary.data?.latest ?? null;
  // A run finished elsewhere (the nightly one, another manager's): everything follows it.
  const client = useQueryClient();
  const newestDone = runs.data?.items.find((r) => r.status === 'done')?.id;
  const shown = summary.data ? (summary.data.latest?.id ?? null) : undefined;
  useEffect(() => {
    if (newestDone !== undefined && shown !== undefined && shown !== newestDone)
      void client.invalidateQueries({ queryKey: VALUE_KEY });
  }, [newestDone, shown, client]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Header latest={latest} newest={runs.data?.items[0]} />
      {summary.isError && <Alert type="error" showIcon title={summary.error.message} />}
      {summary.isPending ? (
        <Skeleton active />
      ) : !latest?.summary ? (
        <Card>
          <Empty description={t('value.noRunsYet')} />
        </Card>
      ) : (
        <>
          <SummaryTiles run={latest} />
          <Suspense fallback={<Skeleton active />}>
            <ValueCharts latest={latest} runs={runs.data?.items ?? []} />
          </Suspense>
          <MatricesCard summary={latest.summary} />
          <BreachesCard />
          <ValueListsCard />
        </>
      )}
    </Space>
  );
}

function Header({ latest, newest }: { latest: ValueRun | null; newest: ValueRun | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = currentLocale();
  const me = useMe();
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: () => startValueRun(),
    onSuccess: async (done) => {
      void message.success(t('value.run.done', { count: done.customers }));
      await client.invalidateQueries({ queryKey: VALUE_KEY });
      await client.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  const manager = canManageValue(me.data?.role);
  const going = run.isPending || newest?.status === 'running';
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space orientation="vertical" size={0}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('value.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="value-last-run">
            {latest
              ? t('value.lastRun', {
                  asOf: latest.asOf,
                  count: latest.customers,
                  at: formatDateTime(latest.finishedAt, locale),
                  trigger: t(`value.trigger.${latest.trigger}`),
                })
              : t('value.noRunsYet')}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Link to="/value/clv">
            <Button icon={<AlertOutlined />}>{t('clv.open')}</Button>
          </Link>
          {me.data?.role === 'admin' && (
            <Link to="/value/settings">
              <Button icon={<SettingOutlined />}>{t('valueSettings.open')}</Button>
            </Link>
          )}
          {manager && (
            <Button type="primary" icon={<PlayCircleOutlined />} loading={going} onClick={() => run.mutate()}>
              {going ? t('value.run.running') : t('value.run.button')}
            </Button>
          )}
        </Space>
      </Flex>
      {going && (
        <Alert type="info" showIcon role="status" title={t('value.run.progress')} style={{ marginTop: 12 }} />
      )}
      {run.isError && (
        <Alert type="error" showIcon role="alert" title={run.error.message} style={{ marginTop: 12 }} />
      )}
      {newest?.status === 'failed' && (
        <Alert
          type="warning"
          showIcon
          title={t('value.run.failed', { asOf: newest.asOf, error: newest.error ?? '' })}
          style={{ marginTop: 12 }}
        />
      )}
    </Card>
  );
}

function SummaryTiles({ run }: { run: ValueRun }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const settings = useValueSettings();
  const s = run.summary!;
  const n = Math.max(1, s.customers);
  const basis = t(`value.basis.${s.basis}`);
  const tiles: { key: string; title: string; value: number; suffix: string }[] = [
    { key: 'customers', title: t('value.tiles.customers'), value: s.customers, suffix: '' },
    ...(['A', 'B', 'C'] as const).map((c) => ({
      key: c,
      title: t('value.tiles.abc', { abc: c }),
      value: s.abc[c].count,
      suffix: percent(s.abc[c].share),
    })),
    ...(['MVC', 'STC', 'BZ'] as const).map((tier) => ({
      key: tier,
      title: t(`value.tier.${tier}`),
      value: s.tiers[tier].count,
      suffix: percent(s.tiers[tier].share),
    })),
  ];
  // The cut-offs the run used: the current ones unless they changed after it started.
  const view = settings.data;
  const cuts = view && (!view.updatedAt || view.updatedAt <= run.startedAt) ? view.settings.abc : undefined;
  return (
    <Card size="small">
      <Row gutter={[16, 16]}>
        {tiles.map((tile) => (
          <Col key={tile.key} xs={12} md={6} xl={3}>
            <div data-testid="value-tile">
              <Statistic
                title={tile.title}
                value={tile.value}
                suffix={
                  tile.suffix ? <Typography.Text type="secondary"> · {tile.suffix}</Typography.Text> : null
                }
              />
            </div>
          </Col>
        ))}
      </Row>
      <ul style={{ margin: '12px 0 0', paddingInlineStart: 20 }} data-testid="value-explain">
        <li>
          {t('value.explain.total', {
            count: s.customers,
            basis,
            total: formatMoney(centsToYuan(s.totalPositiveValueCents), locale),
          })}
        </li>
        {(['A', 'B'] as const).map((c) => (
          <li key={c}>
            {t(cuts ? 'value.explain.abc' : 'value.explain.abcNoCut', {
              abc: c,
              count: s.abc[c].count,
              customerShare: percent(s.abc[c].count / n),
              valueShare: percent(s.abc[c].share),
              basis,
              cut: cuts ? percent(c === 'A' ? cuts.aCut : cuts.bCut, 0) : '',
            })}
          </li>
        ))}
        <li>
          {t('value.explain.tiers', {
            mvc: s.tiers.MVC.count,
            stc: s.tiers.STC.count,
            bz: s.tiers.BZ.count,
            bzValue: formatMoney(centsToYuan(s.tiers.BZ.valueCents), locale),
          })}
        </li>
        {s.warnings.map((w) => (
          <li key={w.code}>{t(`value.warning.${w.code}`, { count: w.count, defaultValue: w.code })}</li>
        ))}
      </ul>
    </Card>
  );
}
