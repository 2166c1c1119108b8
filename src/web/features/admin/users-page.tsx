import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { ME_KEY, useMe } from '../auth/session';
import { EditUserForm, NewUserForm, ResetPasswordForm } from './user-forms';
import { fetchUsers, listBranches, listTeams, setUserActive, USERS_KEY, type User } from './users-api';

/**
 * Users of the workspace (admin): who they are, their role, branch and team; create, edit (name, role,
 * branch, team), set a new password, deactivate (after a confirmation: their sessions and API tokens
 * end) and reactivate.
 */
export default function UsersPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: fetchUsers });
  const branches = useQuery({
    queryKey: ['admin', 'branches'],
    queryFn: ({ signal }) => listBranches(signal),
  });
  const teams = useQuery({ queryKey: ['admin', 'teams'], queryFn: ({ signal }) => listTeams(signal) });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const toggle = useMutation({
    mutationFn: ({ user, active }: { user: User; active: boolean }) => setUserActive(user, active),
    onSettled: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
  const branchName = (id: number | null) => branches.data?.items.find((b) => b.id === id)?.name ?? '—';
  const teamName = (id: number | null) => teams.data?.items.find((x) => x.id === id)?.name ?? '—';
  const failure = users.error ?? toggle.error;

  return (
    <Card
      title={t('admin.users')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('admin.newUser')}
        </Button>
      }
    >
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure.message}
          // e.g. why the last admin cannot be deactivated, as the API words it for the `active` field
          description={
            failure instanceof ApiError ? failure.fields.map((f) => f.message).join(' ') : undefined
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.email'), dataIndex: 'email' },
          {
            title: t('admin.role'),
            dataIndex: 'role',
            render: (role: User['role']) => <Tag>{t(`roles.${role}`)}</Tag>,
          },
          { title: t('admin.branch'), dataIndex: 'branchId', render: branchName },
          { title: t('userEdit.team'), dataIndex: 'teamId', render: teamName },
          {
            title: t('admin.active'),
            dataIndex: 'active',
            render: (active: boolean, user) => (
              // Reactivating is one click; deactivating ends sessions and tokens, so it asks first.
              <Popconfirm
                title={t('settings.deactivateConfirm', { name: user.name })}
                disabled={!active}
                onConfirm={() => toggle.mutate({ user, active: false })}
              >
                <Switch
                  checked={active}
                  aria-label={`${t('admin.active')}: ${user.name}`}
                  loading={toggle.isPending && toggle.variables?.user.id === user.id}
                  onChange={(next) => next && toggle.mutate({ user, active: true })}
                />
              </Popconfirm>
            ),
          },
          {
            title: t('settings.actions'),
            key: 'actions',
            render: (_: unknown, user) => (
              <Space size="small">
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={`${t('userEdit.button')}: ${user.name}`}
                  onClick={() => setEditing(user)}
                >
                  {t('userEdit.button')}
                </Button>
                <Button
                  size="small"
                  icon={<KeyOutlined />}
                  aria-label={`${t('settings.resetPassword')}: ${user.name}`}
                  onClick={() => setResetting(user)}
                >
                  {t('settings.resetPassword')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {resetting && (
        <ResetPasswordForm
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={() => client.invalidateQueries({ queryKey: USERS_KEY })}
        />
      )}
      {creating && (
        <NewUserForm
          branches={branches.data?.items ?? []}
          teams={teams.data?.items ?? []}
          onClose={() => setCreating(false)}
          onCreated={() => client.invalidateQueries({ queryKey: USERS_KEY })}
        />
      )}
      {editing && (
        <EditUserForm
          user={editing}
          branches={branches.data?.items ?? []}
          teams={teams.data?.items ?? []}
          onClose={() => setEditing(null)}
          onSaved={async (saved) => {
            await client.invalidateQueries({ queryKey: USERS_KEY });
            // An admin who changed their own role sees the app as that role from now on.
            if (saved.id === me.data?.id) await client.invalidateQueries({ queryKey: ME_KEY });
          }}
        />
      )}
    </Card>
  );
}
