import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../shared/auth/roles';
import type { CreateUser, ResetPassword } from '../../../shared/users/user.schema';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import {
  type Branch,
  createUser,
  listBranches,
  listUsers,
  resetPassword,
  setUserActive,
  type User,
} from './users-api';

const USERS_KEY = ['admin', 'users'] as const;

/**
 * Users of the workspace (admin): who they are, their role and branch; create, set a new password,
 * deactivate (after a confirmation: their sessions and API tokens end) and reactivate.
 */
export default function UsersPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: ({ signal }) => listUsers(signal) });
  const branches = useQuery({
    queryKey: ['admin', 'branches'],
    queryFn: ({ signal }) => listBranches(signal),
  });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const toggle = useMutation({
    mutationFn: ({ user, active }: { user: User; active: boolean }) => setUserActive(user, active),
    onSettled: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
  const branchName = (id: number | null) => branches.data?.items.find((b) => b.id === id)?.name ?? '—';

  return (
    <Card
      title={t('admin.users')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('admin.newUser')}
        </Button>
      }
    >
      {(users.isError || toggle.isError) && (
        <Alert
          type="error"
          showIcon
          title={(users.error ?? toggle.error)?.message}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 700 }}
        columns={[
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.email'), dataIndex: 'email' },
          {
            title: t('admin.role'),
            dataIndex: 'role',
            render: (role: User['role']) => <Tag>{t(`roles.${role}`)}</Tag>,
          },
          { title: t('admin.branch'), dataIndex: 'branchId', render: branchName },
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
              <Button
                size="small"
                icon={<KeyOutlined />}
                aria-label={`${t('settings.resetPassword')}: ${user.name}`}
                onClick={() => setResetting(user)}
              >
                {t('settings.resetPassword')}
              </Button>
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
          onClose={() => setCreating(false)}
          onCreated={() => client.invalidateQueries({ queryKey: USERS_KEY })}
        />
      )}
    </Card>
  );
}

const FIELDS = ['email', 'name', 'role', 'branchId', 'password'] as const;

function NewUserForm(props: { branches: Branch[]; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateUser>();
  const save = useFormSave(form, FIELDS, {
    mutationFn: createUser,
    onSuccess: () => {
      props.onCreated();
      props.onClose();
    },
  });
  return (
    <FormModal
      title={t('admin.newUser')}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={props.onClose}
    >
      <Form<CreateUser>
        form={form}
        layout="vertical"
        initialValues={{ role: 'sales' }}
        onFinish={save.submit}
      >
        <Form.Item
          name="email"
          label={t('admin.email')}
          rules={[{ required: true, message: t('login.required') }]}
        >
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('admin.name')}
          rules={[{ required: true, message: t('login.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('admin.role')}>
          <Select
            aria-label={t('admin.role')}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </Form.Item>
        <Form.Item name="branchId" label={t('admin.branch')}>
          <Select
            aria-label={t('admin.branch')}
            allowClear
            options={props.branches.map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('admin.password')}
          extra={t('admin.passwordHint')}
          rules={[{ required: true, message: t('login.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** A new password for a user, set by an admin; the user's sessions end when it is saved. */
function ResetPasswordForm(props: { user: User; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetPassword>();
  const save = useFormSave(form, ['password'], {
    mutationFn: (values: ResetPassword) => resetPassword(props.user, values),
    onSuccess: () => {
      void message.success(t('settings.resetDone', { name: props.user.name }));
      props.onDone();
      props.onClose();
    },
  });
  return (
    <FormModal
      title={t('settings.resetTitle', { name: props.user.name })}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={props.onClose}
    >
      <Form<ResetPassword> form={form} layout="vertical" onFinish={save.submit}>
        <Form.Item
          name="password"
          label={t('settings.newPassword')}
          extra={t('settings.newPasswordHint')}
          rules={[{ required: true, message: t('login.required') }]}
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
