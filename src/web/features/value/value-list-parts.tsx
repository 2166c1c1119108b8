import { Button, Flex, Space, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A list row's customer: its name linking to the 360 page, its code below (and a tag beside it). */
export function CustomerCell({
  row,
  extra,
}: {
  row: { customerId: number; name: string; code: string };
  extra?: ReactNode;
}) {
  return (
    <Space orientation="vertical" size={0}>
      <Link to={`/customers/${row.customerId}`}>{row.name}</Link>
      <Space size={4}>
        <Typography.Text type="secondary">{row.code}</Typography.Text>
        {extra}
      </Space>
    </Space>
  );
}

/** "Load more" under a cursor-paged list while the server has another page. */
export function LoadMore({
  pages,
  style,
}: {
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  if (!pages.hasNextPage) return null;
  return (
    <Flex justify="center" style={style}>
      <Button loading={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
        {t('value.more')}
      </Button>
    </Flex>
  );
}
