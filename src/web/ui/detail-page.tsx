import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Card, Flex, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api';
import { NotFoundPage } from './not-found-page';

/**
 * One record's page while it loads: a skeleton, then the record; a record the user may not see (the API
 * answers 404, or 422 for an id that is no id) shows the not-found page, like one that does not exist.
 */
export function DetailQuery<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton active />;
  if (query.isError) {
    const err = query.error;
    if (err instanceof ApiError && (err.status === 404 || err.status === 422)) return <NotFoundPage />;
    return <Alert type="error" showIcon title={err.message} />;
  }
  return <>{children(query.data)}</>;
}

/**
 * The head of a record's page, in the house style of the customer 360 page: the title with its tags,
 * the actions on the right (below on a phone), and the key facts under them.
 */
export function DetailHeader(props: {
  title: ReactNode;
  /** Code, tags: shown beside the title. */
  tags?: ReactNode;
  actions?: ReactNode;
  /** A line under the title, e.g. the customer it belongs to. */
  subtitle?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Card>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Space orientation="vertical" size={4} style={{ minWidth: 0 }}>
          <Space align="baseline" wrap>
            <Typography.Title
              level={3}
              style={{ margin: 0, overflowWrap: 'anywhere' }}
              data-testid="detail-title"
            >
              {props.title}
            </Typography.Title>
            {props.tags}
          </Space>
          {props.subtitle && <div>{props.subtitle}</div>}
        </Space>
        {props.actions && <Space wrap>{props.actions}</Space>}
      </Flex>
      {props.children && <div style={{ marginTop: 12 }}>{props.children}</div>}
    </Card>
  );
}

/** Descriptions' columns: one on a phone, two on a tablet, three on a desktop. */
export const DETAIL_COLUMNS = { xs: 1, sm: 2, lg: 3 } as const;

/** Text as typed, line breaks kept, '—' when empty. */
export const Multiline = ({ text }: { text: string | null | undefined }) =>
  text ? <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</span> : <>—</>;
