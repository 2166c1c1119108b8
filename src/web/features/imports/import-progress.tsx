import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex, Progress, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue, ImportRun } from '../../../shared/imports/import-api.schema';
import { getImportIssues, getImportRun, importReportUrl } from './import-api';

const PAGE = 20;

/** A run followed to its end (polled), then its counts, its problems page by page and the report. */
export function ImportProgress({
  initial,
  onChange,
}: {
  initial: ImportRun;
  onChange(run: ImportRun): void;
}) {
  const { t, i18n } = useTranslation();
  const state = useQuery({
    queryKey: ['import-run', initial.id, initial.mode],
    queryFn: ({ signal }) => getImportRun(initial.id, signal),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });
  const run = state.data;
  useEffect(() => {
    if (run.status !== 'running') onChange(run);
  }, [run, onChange]);
  const [page, setPage] = useState(1);
  const finished = run.status === 'done' || run.status === 'failed';
  const issues = useQuery({
    queryKey: ['import-issues', run.id, run.mode, page, i18n.language],
    queryFn: ({ signal }) => getImportIssues(run.id, (page - 1) * PAGE, PAGE, signal),
    enabled: finished && run.issueCount > 0,
    placeholderData: keepPreviousData,
  });
  const dry = run.mode === 'dry-run';
  const percent = run.total ? Math.round((run.done / run.total) * 100) : undefined;

  return (
    <div style={{ marginTop: 24 }} aria-live="polite">
      <Typography.Title level={5}>{dry ? t('imports.dryRunTitle') : t('imports.runTitle')}</Typography.Title>
      {run.status === 'running' && (
        <>
          <Progress
            percent={percent ?? 99}
            status="active"
            showInfo={percent !== undefined}
            aria-label={t('imports.progress')}
          />
          <Typography.Text type="secondary">
            {t(`imports.phase.${run.phase ?? 'read'}`, {
              done: run.done.toLocaleString(),
              total: run.total ?? '',
            })}
          </Typography.Text>
        </>
      )}
      {run.status === 'failed' && (
        <Alert type="error" showIcon title={run.problem?.message ?? t('errors.server')} />
      )}
      {run.status === 'done' && run.counts && (
        <>
          <Alert
            showIcon
            type={run.written ? 'success' : dry && run.counts.invalid === 0 ? 'success' : 'warning'}
            title={
              dry
                ? run.counts.invalid
                  ? t('imports.dryRunBad', { count: run.counts.invalid })
                  : t('imports.dryRunGood')
                : run.written
                  ? t('imports.written')
                  : t('imports.notWritten', { count: run.counts.invalid })
            }
          />
          <Descriptions
            size="small"
            column={{ xs: 2, sm: 3, md: 5 }}
            style={{ marginTop: 12 }}
            items={(
              [
                'rows',
                'inserted',
                'updated',
                'unchanged',
                'invalid',
                // 查重 figures: shown when the import found look-alikes (customers only).
                ...(run.counts.duplicates + run.counts.merged > 0 ? (['duplicates', 'merged'] as const) : []),
                ...(run.counts.namesUnchecked > 0 ? (['namesUnchecked'] as const) : []),
              ] as const
            ).map((k) => ({
              key: k,
              label: t(`imports.counts.${k}`),
              children: run.counts![k].toLocaleString(),
            }))}
          />
        </>
      )}
      {finished && run.issueCount > 0 && (
        <>
          <Flex gap="small" style={{ margin: '12px 0' }} wrap>
            <Typography.Text strong>{t('imports.issues', { count: run.issueCount })}</Typography.Text>
            <Button size="small" icon={<DownloadOutlined />} href={importReportUrl(run.id, 'xlsx')}>
              {t('imports.reportXlsx')}
            </Button>
            <Button size="small" icon={<DownloadOutlined />} href={importReportUrl(run.id, 'csv')}>
              {t('imports.reportCsv')}
            </Button>
          </Flex>
          <Table<ImportIssue>
            size="small"
            rowKey={(i) => `${i.line}-${i.column}-${i.code}`}
            loading={issues.isFetching}
            dataSource={issues.data?.items ?? []}
            pagination={{
              current: page,
              pageSize: PAGE,
              total: run.issueCount,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              { title: t('imports.issueLine'), dataIndex: 'line', width: 80 },
              { title: t('imports.issueColumn'), dataIndex: 'column', width: 160 },
              { title: t('imports.issueValue'), dataIndex: 'value', width: 200, ellipsis: true },
              { title: t('imports.issueMessage'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </div>
  );
}
