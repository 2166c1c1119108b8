import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { localToday } from './my-tasks';
import { listTasks, TASKS_KEY, type Task, updateTask } from './task-api';
import { TaskForm } from './task-form';

/** The customer's open tasks on its 360 page (those the user may see), to tick off or add to. */
export function CustomerTasksCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const tasks = useQuery({
    queryKey: [...TASKS_KEY, 'customer', customerId],
    queryFn: ({ signal }) => listTasks({ customerId, status: 'open' }, signal),
  });
  const done = useMutation({
    mutationFn: (task: Task) => updateTask(task.id, { done: true, version: task.version }),
    onSettled: () => client.invalidateQueries({ queryKey: TASKS_KEY }),
  });
  const today = localToday();
  const items = tasks.data?.items ?? [];
  return (
    <Card
      title={t('tasks.customerTitle')}
      size="small"
      data-testid="customer-tasks"
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('tasks.new')}
        </Button>
      }
    >
      {(tasks.isError || done.isError) && (
        <Alert type="error" showIcon role="alert" title={(tasks.error ?? done.error)?.message} />
      )}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.noneForCustomer')} />
      ) : (
        <Flex vertical gap={8}>
          {items.map((task) => (
            <Space key={task.id} align="start">
              <Checkbox
                aria-label={t('tasks.markDone', { title: task.title })}
                checked={done.isPending && done.variables?.id === task.id}
                onChange={() => done.mutate(task)}
              />
              <Space orientation="vertical" size={0}>
                <Typography.Text>{task.title}</Typography.Text>
                <Space size={4} wrap>
                  <Tag
                    color={
                      task.overdue || task.dueOn < today ? 'red' : task.dueOn === today ? 'orange' : undefined
                    }
                  >
                    {t('tasks.due', { date: formatDate(task.dueOn, locale) })}
                  </Tag>
                  <Typography.Text type="secondary">{task.assigneeName}</Typography.Text>
                </Space>
              </Space>
            </Space>
          ))}
        </Flex>
      )}
      {adding && <TaskForm customerId={customerId} onClose={() => setAdding(false)} />}
    </Card>
  );
}
