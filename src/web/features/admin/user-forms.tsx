import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../shared/auth/roles';
import type { CreateUser, ResetPassword, UpdateUser } from '../../../shared/users/user.schema';
import { ApiError } from '../../lib/api';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import {
  type Branch,
  createUser,
  fetchUsers,
  resetPassword,
  type Team,
  USERS_KEY,
  type User,
  updateUser,
} from './users-api';

/**
 * Role, branch and team, as the new-user and edit forms ask for them: the team list holds the chosen
 * branch's teams (a team belongs to one branch), and choosing another branch drops a team of the old one.
 */
function PlacementFields({ branches, teams }: { branches: Branch[]; teams: Team[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<{ branchId?: number | null; teamId?: number | null }>();
  const branchId = Form.useWatch('branchId', form);
  return (
    <>
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
          options={branches.map((b) => ({ value: b.id, label: b.name }))}
          onChange={(next?: number | null) => {
            const team = teams.find((x) => x.id === form.getFieldValue('teamId'));
            if (team && team.branchId !== next) form.setFieldValue('teamId', null);
          }}
        />
      </Form.Item>
      <Form.Item
        name="teamId"
        label={t('userEdit.team')}
        extra={branchId ? undefined : t('userEdit.teamHint')}
      >
        <Select
          aria-label={t('userEdit.team')}
          allowClear
          disabled={!branchId}
          options={teams.filter((x) => x.branchId === branchId).map((x) => ({ value: x.id, label: x.name }))}
        />
      </Form.Item>
    </>
  );
}

const FIELDS = ['email', 'name', 'role', 'branchId', 'teamId', 'password'] as const;

export function NewUserForm(props: {
  branches: Branch[];
  teams: Team[];
  onClose: () => void;
  onCreated: () => void;
}) {
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
        <PlacementFields branches={props.branches} teams={props.teams} />
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

type EditValues = Required<Pick<UpdateUser, 'name' | 'role' | 'branchId' | 'teamId'>>;
const EDIT_FIELDS = ['name', 'role', 'branchId', 'teamId'] as const;
const editValuesOf = (u: User): EditValues => ({
  name: u.name,
  role: u.role,
  branchId: u.branchId,
  teamId: u.teamId,
});

/**
 * Changes a user's name, role, branch and team. Only what changed is sent, with the version the form
 * was opened with: when someone else saved the user in between, the API answers 409 and the form says
 * so, keeping what was typed, with a button to load the newer user. A new role or branch applies to
 * the user at once, in their current sessions too.
 */
export function EditUserForm(props: {
  user: User;
  branches: Branch[];
  teams: Team[];
  onClose: () => void;
  onSaved: (user: User) => unknown;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const [base, setBase] = useState(props.user);
  const [conflict, setConflict] = useState(false);
  const save = useFormSave(form, EDIT_FIELDS, {
    mutationFn: async (values: EditValues) => {
      const before = editValuesOf(base);
      const changed = Object.fromEntries(
        EDIT_FIELDS.filter((f) => (values[f] ?? null) !== (before[f] ?? null)).map((f) => [
          f,
          values[f] ?? null,
        ]),
      );
      // Nothing changed: nothing to save (and no new version or audit entry for it).
      if (Object.keys(changed).length === 0) return base;
      return updateUser(base.id, { ...changed, version: base.version });
    },
    onSuccess: async (saved) => {
      void message.success(t('userEdit.saved', { name: saved.name }));
      await props.onSaved(saved);
      props.onClose();
    },
    // A version conflict is not the form's fault: it gets its own notice with a way out. (The other
    // 409, the last admin, belongs to the role field and shows there.)
    onError: (err) => {
      const stale = err instanceof ApiError && err.code === 'version_conflict';
      setConflict(stale);
      return stale;
    },
  });

  async function reloadNewer() {
    const fresh = (
      await client.fetchQuery({ queryKey: USERS_KEY, queryFn: fetchUsers, staleTime: 0 })
    ).items.find((u) => u.id === base.id);
    if (!fresh) return;
    // What the user typed stays; every field they did not touch shows the newer user.
    const newer = editValuesOf(fresh);
    form.setFieldsValue(
      Object.fromEntries(EDIT_FIELDS.filter((f) => !form.isFieldTouched(f)).map((f) => [f, newer[f]])),
    );
    const team = props.teams.find((x) => x.id === form.getFieldValue('teamId'));
    if (team && team.branchId !== form.getFieldValue('branchId')) form.setFieldValue('teamId', null);
    setBase(fresh);
    setConflict(false);
  }

  return (
    <FormModal
      title={t('userEdit.title', { name: props.user.name })}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={props.onClose}
      notice={
        conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('userEdit.conflict')}
            action={<Button onClick={reloadNewer}>{t('userEdit.reload')}</Button>}
            style={{ marginBottom: 12 }}
          />
        )
      }
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={editValuesOf(props.user)}
        onFinish={save.submit}
      >
        <Form.Item label={t('admin.email')}>
          <Input value={props.user.email} disabled aria-label={t('admin.email')} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('admin.name')}
          rules={[{ required: true, whitespace: true, message: t('login.required') }]}
        >
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <PlacementFields branches={props.branches} teams={props.teams} />
        <Alert type="info" showIcon title={t('userEdit.takesEffect')} />
      </Form>
    </FormModal>
  );
}

/** A new password for a user, set by an admin; the user's sessions end when it is saved. */
export function ResetPasswordForm(props: { user: User; onClose: () => void; onDone: () => void }) {
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
