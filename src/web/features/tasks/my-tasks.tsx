import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { listMyTasks, TASKS_KEY, type Task, updateTask } from './task-api';
import { TaskForm } from './task-form';

/** Today in the browser's time zone, yyyy-mm-dd. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

type Group = 'overdue' | 'today' | 'later';
const groupOf = (task: Task, today: string): Group =>
  task.overdue || task.dueOn < today ? 'overdue' : task.dueOn === today ? 'today' : 'later';

/** 日清: my open tasks, overdue and due today first; each can be marked done or open its customer. */
export function MyTasksCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = currentLocale();
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const pages = useInfiniteQuery({
    queryKey: [...TASKS_KEY, 'mine'],
    queryFn: ({ pageParam, signal }) => listMyTasks(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const done = useMutation({
    mutationFn: (task: Task) => updateTask(task.id, { done: true, version: task.version }),
    onSuccess: async (task) => {
      void message.success(t('tasks.doneMessage', { title: task.title }));
      await client.invalidateQueries({ queryKey: TASKS_KEY });
    },
    onError: () => void client.invalidateQueries({ queryKey: TASKS_KEY }),
  });
  const today = localToday();
  const tasks = pages.data?.pages.flatMap((p) => p.items) ?? [];
  // The server answers soonest due first; overdue and today's tasks lead, in that order.
  const order: Group[] = ['overdue', 'today', 'later'];
  const sorted = [...tasks].sort(
    (a, b) => order.indexOf(groupOf(a, today)) - order.indexOf(groupOf(b, today)),
  );
  const counts = {
    overdue: tasks.filter((x) => groupOf(x, today) === 'overdue').length,
    today: tasks.filter((x) => groupOf(x, today) === 'today').length,
  };
  return (
    <Card
      title={t('tasks.mine')}
      size="small"
      extra={
        <Space size={4}>
          {counts.overdue > 0 && <Tag color="red">{t('tasks.overdueCount', { count: counts.overdue })}</Tag>}
          <Tag color="orange">{t('tasks.todayCount', { count: counts.today })}</Tag>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('tasks.new')}
          </Button>
        </Space>
      }
    >
      {(pages.isError || done.isError) && (
        <Alert type="error" showIcon role="alert" title={(pages.error ?? done.error)?.message} />
      )}
      <List<Task>
        rowKey="id"
        loading={pages.isPending}
        dataSource={sorted}
        locale={{ emptyText: <Empty description={t('tasks.none')} /> }}
        data-testid="my-tasks"
        renderItem={(task) => {
          const group = groupOf(task, today);
          return (
            <List.Item
              data-testid="task-row"
              actions={
                task.customerId
                  ? [
                      <Link key="open" to={`/customers/${task.customerId}`}>
                        {t('tasks.openCustomer')}
                      </Link>,
                    ]
                  : []
              }
            >
              <Space align="start">
                <Checkbox
                  aria-label={t('tasks.markDone', { title: task.title })}
                  checked={done.isPending && done.variables?.id === task.id}
                  disabled={done.isPending && done.variables?.id === task.id}
                  onChange={() => done.mutate(task)}
                />
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{task.title}</Typography.Text>
                  <Space size={4} wrap>
                    <Tag color={group === 'overdue' ? 'red' : group === 'today' ? 'orange' : undefined}>
                      {group === 'overdue'
                        ? t('tasks.overdueSince', { date: formatDate(task.dueOn, locale) })
                        : group === 'today'
                          ? t('tasks.dueToday')
                          : t('tasks.due', { date: formatDate(task.dueOn, locale) })}
                    </Tag>
                    {task.source !== 'manual' && <Tag color="blue">{t(`tasks.source.${task.source}`)}</Tag>}
                    {task.customerName && (
                      <Typography.Text type="secondary">
                        {task.customerName} · {task.customerCode}
                      </Typography.Text>
                    )}
                  </Space>
                  {task.notes && <Typography.Text type="secondary">{task.notes}</Typography.Text>}
                </Space>
              </Space>
            </List.Item>
          );
        }}
      />
      {pages.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button loading={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
            {t('tasks.more')}
          </Button>
        </Flex>
      )}
      {adding && <TaskForm onClose={() => setAdding(false)} />}
    </Card>
  );
}
